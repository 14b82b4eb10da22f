import json,glob,re,collections
LAB={'M':'missing-context','H':'huddle-instead-of-thread','V':'vague-urgency','B':'broadcast-overuse'}
TIER={1:'inform',2:'ask',3:'review',4:'decide',5:'create',6:'connect'}
MOD={'T':'time-critical','S':'sensitive','K':'many-stakeholders'}
def read(pat):
    out=[]
    for f in sorted(glob.glob(pat)):
        w=None
        for ln in open(f,encoding='utf-8'):
            ln=ln.rstrip('\n')
            if not ln.strip(): continue
            if ln.startswith('#W='): w=ln[3:].strip(); continue
            if ln.startswith('#'): continue
            out.append((w,ln.split('§'),f))
    return out
msgs=[]
for w,p,f in read('raw/m*.txt'):
    assert len(p) in (4,5),(f,p)
    kind,lab,text=p[:3]; mem=None
    if len(p)==5: mem=p[3].strip(); note=p[4]
    else: note=p[3]
    assert kind in ('im','mpim','channel','group'),(f,p)
    text=text.replace('\\n','\n')
    x=[] if lab.strip()=='-' else [LAB[c] for c in lab.strip()]
    x=[LAB[c] for c in 'MHVB' if LAB[c] in x]
    o={'kind':kind,'text':text,'x':x,'note':f'[{w}] {note.strip()}'}
    if re.search(r'<!(channel|here|everyone)',text):
        assert mem and mem.isdigit(),(f,p); o['members']=int(mem)
    else: assert mem is None,(f,p)
    msgs.append(o)
tasks=[]
for w,p,f in read('raw/t*.txt'):
    assert len(p)==4,(f,p)
    t,m,task,note=p
    t=int(t)
    mods=[MOD[c] for c in 'TSK' if c in m]
    tasks.append({'task':task.strip(),'tier':t or None,'id2':TIER.get(t,'unclear'),'modifiers':mods,'note':f'[{w}] {note.strip()}'})
def split(items,pre,name):
    dev,test=[],[]
    for i,o in enumerate(items,1):
        o=dict(id=f'{pre}{i:03d}',**o)
        (test if i%3==0 else dev).append(o)
    for nm,l in (('dev',dev),('test',test)):
        with open(f'{name}.{nm}.jsonl','w',encoding='utf-8') as fh:
            for o in l: fh.write(json.dumps(o,ensure_ascii=False)+'\n')
    return dev,test
md,mt=split(msgs,'d8-','messages'); td,tt=split(tasks,'d8-t-','tasks')
print('messages',len(msgs),'dev',len(md),'test',len(mt))
for nm,l in (('all',msgs),('dev',md),('test',mt)):
    c=collections.Counter(y for o in l for y in o['x']); c['(none)']=sum(1 for o in l if not o['x']); print(nm,dict(c))
print('tasks',len(tasks),'dev',len(td),'test',len(tt))
for nm,l in (('all',tasks),('dev',td),('test',tt)):
    c=collections.Counter(o['id2'] for o in l); c.update(m for o in l for m in o['modifiers']); print(nm,dict(c))
wc=collections.Counter(o['note'].split(']')[0][1:] for o in msgs); wt=collections.Counter(o['note'].split(']')[0][1:] for o in tasks)
for k in sorted(set(wc)|set(wt)): print(f'| {k} | {wc[k]} | {wt[k]} |')
