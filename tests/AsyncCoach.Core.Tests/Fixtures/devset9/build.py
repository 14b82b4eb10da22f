import json, re, sys, glob, collections
W = {
 'ice':'Icelandic geothermal utility','per':'Peruvian mining camp office','tha':"Thai hotel group's front office",
 'hun':'Hungarian automotive-electronics line','ser':'Serbian fintech QA team','tza':'Tanzanian safari lodge',
 'arg':'Argentinian wine-export logistics desk','que':'Quebec maple cooperative','bel':'Belgian chocolate maker',
 'cro':'Croatian sailing-charter company','lka':'Sri Lankan tea estate office','pak':'Pakistani telecom NOC',
 'bgd':'Bangladeshi garment-compliance auditor','ukr':'Ukrainian remote dev agency','est':'Estonian e-government vendor',
 'cat':"Catalan football club's media team",'fij':'Fijian resort',
}
L = {'m':'missing-context','h':'huddle-instead-of-thread','v':'vague-urgency','b':'broadcast-overuse'}
ORDER = ['missing-context','huddle-instead-of-thread','vague-urgency','broadcast-overuse']
TIERS = {'inform':1,'ask':2,'review':3,'decide':4,'create':5,'connect':6,'unclear':None}
MODS = {'t':'time-critical','s':'sensitive','k':'many-stakeholders'}
SEP=' ¦ '
def lines(pat):
    for f in sorted(glob.glob(pat)):
        for n,l in enumerate(open(f,encoding='utf-8'),1):
            l=l.rstrip('\n')
            if not l.strip() or l.startswith('#'): continue
            yield f,n,l
msgs=[]; errs=0
for f,n,l in lines('src/m*.txt'):
    p=l.split(SEP)
    if len(p)!=6: print('BAD',f,n,l); errs+=1; continue
    kind,mem,lab,wp,text,note=[x.strip() for x in p]
    text=text.replace('\\n','\n')
    assert kind in ('im','mpim','channel','group'),(f,n,kind)
    assert wp in W,(f,n,wp)
    x=[] if lab=='-' else [L[c] for c in lab]
    x=[r for r in ORDER if r in x]
    o={'id':None,'kind':kind,'text':text,'x':x,'note':f'[{W[wp]}] {note}'}
    bc=re.search(r'<!(channel|here|everyone)>',text)
    if bc:
        if not mem: print('NOMEM',f,n,l); errs+=1
        else:
            o['members']=int(mem)
            stripped=re.sub(r'^((<[@!][^>]*>|:[a-z_]+:|[\s*_🚨⚠️,])*)','',text)
            marker=':rotating_light:' in text or re.match(r'urgent\b',stripped,re.I)
            exp = int(mem)>=20 and not marker
            if exp != ('broadcast-overuse' in x): print('BCAST?',f,n,l); errs+=1
    elif mem: print('MEM-NO-BC',f,n,l); errs+=1
    if 'broadcast-overuse' in x and not bc: print('B-NO-BC',f,n); errs+=1
    addressed = kind in ('im','mpim') or re.search(r'<@U|<!(channel|here|everyone)>',text)
    if 'missing-context' in x and not addressed: print('M-UNADDR',f,n,l); errs+=1
    o['_wp']=wp
    msgs.append(o)
tasks=[]
for f,n,l in lines('src/t*.txt'):
    p=l.split(SEP)
    if len(p)!=5: print('BADT',f,n,l); errs+=1; continue
    tier,mods,wp,task,note=[x.strip() for x in p]
    assert tier in TIERS,(f,n,tier); assert wp in W,(f,n,wp)
    ms=[] if mods=='-' else [MODS[c] for c in mods.replace(',','')]
    ms=[m for m in ['time-critical','sensitive','many-stakeholders'] if m in ms]
    tasks.append({'id':None,'task':task,'tier':TIERS[tier],'id2':tier,'modifiers':ms,'note':f'[{W[wp]}] {note}','_wp':wp})
def out(items,prefix,name):
    dev=[];test=[]
    for i,o in enumerate(items,1):
        o['id']=f'{prefix}{i:03d}'
        (test if i%3==0 else dev).append(o)
    for split,arr in (('dev',dev),('test',test)):
        with open(f'{name}.{split}.jsonl','w',encoding='utf-8') as fh:
            for o in arr:
                fh.write(json.dumps({k:v for k,v in o.items() if k!='_wp'},ensure_ascii=False)+'\n')
    return dev,test
md,mt=out(msgs,'d9-','messages'); td,tt=out(tasks,'d9-t-','tasks')
print('errors',errs)
print('messages',len(msgs),'dev',len(md),'test',len(mt))
for s,arr in (('all',msgs),('dev',md),('test',mt)):
    c=collections.Counter(r for o in arr for r in o['x']); c['(none)']=sum(1 for o in arr if not o['x'])
    print(s,dict(c))
print('tasks',len(tasks),'dev',len(td),'test',len(tt))
for s,arr in (('all',tasks),('dev',td),('test',tt)):
    print(s,dict(collections.Counter(o['id2'] for o in arr)),dict(collections.Counter(m for o in arr for m in o['modifiers'])))
print('wp msgs',dict(collections.Counter(o['_wp'] for o in msgs)))
print('wp tasks',dict(collections.Counter(o['_wp'] for o in tasks)))
