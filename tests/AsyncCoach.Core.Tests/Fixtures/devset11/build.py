#!/usr/bin/env python3
"""Build devset11's four JSONL files from the hand-written batches in src/.

Message files: src/m-*.txt ; task files: src/t-*.txt (read in sorted name order).
  = Workplace name            sets the workplace for the lines after it (note prefix)
  # ...                       comment
  message line:  KIND[:MEMBERS] LABELS :: TEXT :: NOTE
      KIND im|mpim|channel|group; LABELS comma list of mc,hu,vu,bc or '-'
      TEXT uses \\n for a line break (Slack's text as sent, otherwise verbatim)
  task line:     TIER ID2 MODS :: TASK :: NOTE
      TIER 1..6 or '-'; ID2 inform|ask|review|decide|create|connect|unclear; MODS tc,se,ms or '-'
Every 3rd line of the full ordered list goes to *.test.jsonl, the rest to *.dev.jsonl.
Deterministic: same sources give the same bytes.
"""
import json, os, re, sys, glob, collections

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = {"mc": "missing-context", "hu": "huddle-instead-of-thread", "vu": "vague-urgency", "bc": "broadcast-overuse"}
RULE_ORDER = ["missing-context", "huddle-instead-of-thread", "vague-urgency", "broadcast-overuse"]
MODS = {"tc": "time-critical", "se": "sensitive", "ms": "many-stakeholders"}
MOD_ORDER = ["time-critical", "sensitive", "many-stakeholders"]
TIERS = {1: "inform", 2: "ask", 3: "review", 4: "decide", 5: "create", 6: "connect"}
KINDS = {"im", "mpim", "channel", "group"}
BROADCAST = re.compile(r"<!(channel|here|everyone)(\|[^>]*)?>")
THRESHOLD = 20
errors = []

def err(where, msg):
    errors.append(f"{where}: {msg}")

def has_marker(text):
    if ":rotating_light:" in text:
        return True
    t = text
    while True:
        t2 = re.sub(r"^\s*(<[@!][^>]*>|:[a-z0-9_+\-]+:|[*_~🚨⚠️]+|[,\s])", "", t, count=1)
        if t2 == t:
            break
        t = t2
    return re.match(r"urgent\b", t, re.I) is not None and not re.match(r"urgent[a-z]", t, re.I)

def addressed(kind, text):
    return kind in ("im", "mpim") or "<@U" in text or BROADCAST.search(text) is not None

def carries_content(text):
    lines = text.split("\n")
    return any(l.startswith(">") or l.startswith("&gt;") for l in lines) or "```" in text \
        or re.search(r"`[^`]+`", text) is not None or "<http" in text

def records(pattern, parse):
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", pattern))):
        place = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                where = f"{os.path.basename(path)}:{n}"
                if not line.strip() or line.startswith("#"):
                    continue
                if line.startswith("= "):
                    place = line[2:].strip()
                    continue
                if place is None:
                    err(where, "no workplace")
                parts = line.split(" :: ")
                if len(parts) != 3:
                    err(where, f"expected 3 fields, got {len(parts)}")
                    continue
                r = parse(where, place, *parts)
                if r:
                    out.append((place, r))
    return out

def parse_msg(where, place, head, text, note):
    h = head.split()
    if len(h) != 2:
        err(where, f"bad head {head!r}"); return None
    kind, members = (h[0].split(":") + [None])[:2]
    if kind not in KINDS:
        err(where, f"bad kind {kind}")
    codes = [] if h[1] == "-" else h[1].split(",")
    for c in codes:
        if c not in RULES:
            err(where, f"bad label {c}")
    x = [r for r in RULE_ORDER if r in {RULES.get(c) for c in codes}]
    text = text.replace("\\n", "\n")
    rec = {"id": None, "kind": kind, "text": text, "x": x, "note": f"[{place}] {note.strip()}"}
    if BROADCAST.search(text):
        if members is None:
            err(where, "broadcast without members")
        else:
            rec["members"] = int(members)
            want = rec["members"] >= THRESHOLD and not has_marker(text)
            if want != ("broadcast-overuse" in x):
                err(where, f"broadcast label {('broadcast-overuse' in x)} but computed {want}")
    elif members is not None:
        err(where, "members on a line without a broadcast")
    elif "broadcast-overuse" in x:
        err(where, "broadcast label without broadcast")
    if "missing-context" in x:
        if not addressed(kind, text):
            err(where, "missing-context on an unaddressed message")
        if carries_content(text):
            err(where, "missing-context on a message with quote/code/link")
    if not text.strip():
        err(where, "empty text")
    return rec

def parse_task(where, place, head, task, note):
    h = head.split()
    if len(h) != 3:
        err(where, f"bad head {head!r}"); return None
    tier = None if h[0] == "-" else int(h[0])
    id2 = h[1]
    if tier is None:
        if id2 != "unclear":
            err(where, "null tier must be unclear")
    elif TIERS.get(tier) != id2:
        err(where, f"tier {tier} is not {id2}")
    codes = [] if h[2] == "-" else h[2].split(",")
    for c in codes:
        if c not in MODS:
            err(where, f"bad modifier {c}")
    mods = [m for m in MOD_ORDER if m in {MODS.get(c) for c in codes}]
    return {"id": None, "task": task.strip(), "tier": tier, "id2": id2, "modifiers": mods,
            "note": f"[{place}] {note.strip()}"}

def write(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

def split_write(prefix, items, idfmt):
    dev, test = [], []
    for i, (_, r) in enumerate(items, 1):
        r["id"] = idfmt.format(i)
        (test if i % 3 == 0 else dev).append(r)
    write(f"{prefix}.dev.jsonl", dev)
    write(f"{prefix}.test.jsonl", test)
    return dev, test

msgs = records("m-*.txt", parse_msg)
tasks = records("t-*.txt", parse_task)
texts = collections.Counter(r["text"] for _, r in msgs)
for t, c in texts.items():
    if c > 1:
        err("messages", f"duplicate text {t!r}")
tt = collections.Counter(r["task"] for _, r in tasks)
for t, c in tt.items():
    if c > 1:
        err("tasks", f"duplicate task {t!r}")
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
mdev, mtest = split_write("messages", msgs, "d11-{:03d}")
tdev, ttest = split_write("tasks", tasks, "d11-t-{:03d}")
ids = [r["id"] for _, r in msgs] + [r["id"] for _, r in tasks]
assert len(ids) == len(set(ids))

if "--stats" in sys.argv:
    def mstats(rows):
        c = collections.Counter()
        for r in rows:
            for x in r["x"]:
                c[x] += 1
            if not r["x"]:
                c["(none)"] += 1
        return c
    print(f"messages: {len(msgs)} (dev {len(mdev)}, test {len(mtest)})")
    for k in RULE_ORDER + ["(none)"]:
        print(f"  {k}: all {mstats([r for _, r in msgs])[k]}, dev {mstats(mdev)[k]}, test {mstats(mtest)[k]}")
    print(f"tasks: {len(tasks)} (dev {len(tdev)}, test {len(ttest)})")
    for sel, name in ((lambda r: r["id2"], "id2"),):
        for k in list(TIERS.values()) + ["unclear"]:
            a = sum(1 for _, r in tasks if sel(r) == k)
            d = sum(1 for r in tdev if sel(r) == k); t = sum(1 for r in ttest if sel(r) == k)
            print(f"  {k}: all {a}, dev {d}, test {t}")
    for m in MOD_ORDER:
        a = sum(1 for _, r in tasks if m in r["modifiers"])
        d = sum(1 for r in tdev if m in r["modifiers"]); t = sum(1 for r in ttest if m in r["modifiers"])
        print(f"  {m}: all {a}, dev {d}, test {t}")
    wm = collections.Counter(p for p, _ in msgs); wt = collections.Counter(p for p, _ in tasks)
    print("workplaces:")
    for p in sorted(set(wm) | set(wt)):
        print(f"  {p}: messages {wm[p]}, tasks {wt[p]}")
