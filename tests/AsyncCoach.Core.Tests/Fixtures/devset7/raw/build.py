import json, glob, os, re, collections, sys
D = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(D)
L = {'M':'missing-context','H':'huddle-instead-of-thread','V':'vague-urgency','B':'broadcast-overuse'}
ORDER = ['missing-context','huddle-instead-of-thread','vague-urgency','broadcast-overuse']
msgs = []
for f in sorted(glob.glob(os.path.join(D, 'm*.txt'))):
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        p = line.split('§')
        assert len(p) == 5, (f, n, line)
        kind, labs, mem, text, note = p
        assert kind in ('im','mpim','channel','group'), (f, n)
        text = text.replace('\\n', '\n')
        o = {'id': None, 'kind': kind, 'text': text, 'x': [L[c] for c in ORDER_C] if False else [l for l in ORDER if l in [L[c] for c in labs]], 'note': note}
        bc = any(t in text for t in ('<!channel>','<!here>','<!everyone>'))
        if bc:
            assert mem, ('members missing', f, n)
            o['members'] = int(mem)
        else:
            assert not mem, (f, n)
        # consistency check for broadcast label (mechanical part of the contract)
        first = re.sub(r'^(\s*(<[@!][^>]*>|:[a-z0-9_+-]+:|[*_~]|🚨)\s*)*', '', text)
        marker = ':rotating_light:' in text or re.match(r'urgent\b', first, re.I) is not None
        exp_b = bc and int(mem or 0) >= 20 and not marker
        assert exp_b == ('B' in labs), ('B mismatch', f, n, text)
        assert note.startswith('['), (f, n)
        msgs.append(o)
import random
SEED_M = int(os.environ.get('SEED_M', '0'))
SEED_T = int(os.environ.get('SEED_T', '0'))
random.Random(SEED_M).shuffle(msgs)
for i, o in enumerate(msgs, 1):
    o['id'] = 'd7-%03d' % i
tasks = []
MOD = {'T':'time-critical','S':'sensitive','M':'many-stakeholders'}
TIER = {1:'inform',2:'ask',3:'review',4:'decide',5:'create',6:'connect'}
for f in sorted(glob.glob(os.path.join(D, 't*.txt'))):
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip(): continue
        p = line.split('§'); assert len(p) == 4, (f, n, line)
        tier, mods, task, note = p
        assert note.startswith('['), (f, n)
        t = None if tier == 'u' else int(tier)
        mods_l = [MOD[c] for c in 'TSM' if c in mods]
        assert all(c in 'TSM' for c in mods), (f, n)
        tasks.append({'id': None, 'task': task, 'tier': t, 'id2': TIER[t] if t else 'unclear', 'modifiers': mods_l, 'note': note})
random.Random(SEED_T).shuffle(tasks)
for i, o in enumerate(tasks, 1):
    o['id'] = 'd7-t-%03d' % i
def key(o):
    d = dict(o)
    return d
def write(name, rows):
    dev = [r for i, r in enumerate(rows, 1) if i % 3 != 0]
    test = [r for i, r in enumerate(rows, 1) if i % 3 == 0]
    for split, rs in (('dev', dev), ('test', test)):
        with open(os.path.join(OUT, '%s.%s.jsonl' % (name, split)), 'w', encoding='utf-8') as fh:
            for r in rs:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    return dev, test
md, mt = write('messages', msgs)
td, tt = write('tasks', tasks)
def mstats(rs):
    c = collections.Counter()
    for r in rs:
        for x in r['x']: c[x] += 1
        if not r['x']: c['(none)'] += 1
    c['total'] = len(rs)
    return c
def tstats(rs):
    c = collections.Counter()
    for r in rs:
        c[r['id2']] += 1
        for m in r['modifiers']: c[m] += 1
    c['total'] = len(rs)
    return c
print('messages all', dict(mstats(msgs)))
print('messages dev', dict(mstats(md)))
print('messages test', dict(mstats(mt)))
print('tasks all', dict(tstats(tasks)))
print('tasks dev', dict(tstats(td)))
print('tasks test', dict(tstats(tt)))
wp = collections.Counter(re.match(r'\[([^\]]+)\]', o['note']).group(1) for o in msgs)
wt = collections.Counter(re.match(r'\[([^\]]+)\]', o['note']).group(1) for o in tasks)
for w in sorted(set(wp) | set(wt)): print('%-22s %4d %4d' % (w, wp[w], wt[w]))
print('kinds', collections.Counter(o['kind'] for o in msgs))
