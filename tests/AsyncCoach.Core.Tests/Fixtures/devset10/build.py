#!/usr/bin/env python3
"""Build devset10's JSONL files from the hand-written batches under src/.

Message line:  KIND LABELS MEMBERS text ## note
  KIND    im | mpim | ch (channel) | grp (group)
  LABELS  '-' or comma-joined codes: mc (missing-context), hu (huddle-instead-of-thread),
          vu (vague-urgency), bc (broadcast-overuse)
  MEMBERS '-' or the channel's member count (required exactly on broadcast lines)
  text    Slack text; '\\n' stands for a newline
Task line:     TIER MODS text ## note
  TIER    1..6 or '?' (unclear);  MODS '-' or comma-joined: tc, se, ms
Each file starts with '@ Workplace name'; '#' lines and blank lines are skipped.
Files are read in name order; ids follow the full ordered list; every 3rd line goes to test.
Output is deterministic (same bytes every run).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"im": "im", "mpim": "mpim", "ch": "channel", "grp": "group"}
RULES = [("mc", "missing-context"), ("hu", "huddle-instead-of-thread"),
         ("vu", "vague-urgency"), ("bc", "broadcast-overuse")]
MODS = [("tc", "time-critical"), ("se", "sensitive"), ("ms", "many-stakeholders")]
TIERS = {1: "inform", 2: "ask", 3: "review", 4: "decide", 5: "create", 6: "connect"}
BROADCAST = re.compile(r"<!(channel|here|everyone)(\|[^>]*)?>")
THRESHOLD = 20
errors = []

def err(where, msg):
    errors.append(f"{where}: {msg}")

def has_marker(text):
    if ":rotating_light:" in text or "\U0001F6A8" in text:
        return True
    t = text
    while True:
        t2 = re.sub(r"^\s*(<[@!][^>]*>|:[a-z0-9_+\-]+:|[*_~]+|[^\w\s<:*_~])\s*", "", t)
        if t2 == t:
            break
        t = t2
    return re.match(r"(?i)urgent\b", t) is not None

def read(kind):
    d = os.path.join(HERE, "src", kind)
    out = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt"):
            continue
        place = None
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                if line.startswith("@ "):
                    place = line[2:].strip()
                    continue
                if place is None:
                    err(f"{fn}:{n}", "no '@ workplace' header")
                out.append((f"{fn}:{n}", place, line))
    return out

def build_messages():
    rows = []
    for where, place, line in read("messages"):
        try:
            head, note = line.rsplit(" ## ", 1)
            kind, labels, members, text = head.split(" ", 3)
        except ValueError:
            err(where, "bad line"); continue
        if kind not in KINDS:
            err(where, f"bad kind {kind}")
        codes = [] if labels == "-" else labels.split(",")
        for c in codes:
            if c not in dict(RULES):
                err(where, f"bad label {c}")
        if len(set(codes)) != len(codes):
            err(where, "duplicate label")
        text = text.replace("\\n", "\n").strip()
        broadcast = BROADCAST.search(text) is not None
        if broadcast and members == "-":
            err(where, "broadcast without members")
        if not broadcast and members != "-":
            err(where, "members on a line without a broadcast")
        if broadcast and members != "-":
            should = int(members) >= THRESHOLD and not has_marker(text)
            if should != ("bc" in codes):
                err(where, f"broadcast label disagrees with threshold/marker (members={members})")
        if "bc" in codes and not broadcast:
            err(where, "bc without broadcast")
        addressed = KINDS[kind] in ("im", "mpim") or "<@U" in text or broadcast
        if "mc" in codes and not addressed:
            err(where, "missing-context on a message that is not addressed")
        x = [name for code, name in RULES if code in codes]
        row = {"kind": KINDS[kind], "text": text, "x": x, "note": f"[{place}] {note.strip()}"}
        if broadcast:
            row["members"] = int(members)
        rows.append(row)
    for i, r in enumerate(rows, 1):
        r["id"] = f"d10-{i:03d}"
    return [{k: r[k] for k in ("id", "kind", "text", "x", "members", "note") if k in r} for r in rows]

def build_tasks():
    rows = []
    for where, place, line in read("tasks"):
        try:
            head, note = line.rsplit(" ## ", 1)
            tier, mods, text = head.split(" ", 2)
        except ValueError:
            err(where, "bad line"); continue
        codes = [] if mods == "-" else mods.split(",")
        for c in codes:
            if c not in dict(MODS):
                err(where, f"bad modifier {c}")
        if tier == "?":
            t, i2 = None, "unclear"
        else:
            t = int(tier)
            if t not in TIERS:
                err(where, f"bad tier {tier}")
            i2 = TIERS.get(t, "?")
        rows.append({"task": text.strip(), "tier": t, "id2": i2,
                     "modifiers": [name for code, name in MODS if code in codes],
                     "note": f"[{place}] {note.strip()}"})
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"d10-t-{i:03d}", **r})
    return out

def write(name, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

def split(rows):
    dev = [r for i, r in enumerate(rows, 1) if i % 3 != 0]
    test = [r for i, r in enumerate(rows, 1) if i % 3 == 0]
    return dev, test

def main():
    msgs, tasks = build_messages(), build_tasks()
    ids = [r["id"] for r in msgs] + [r["id"] for r in tasks]
    if len(ids) != len(set(ids)):
        err("all", "duplicate ids")
    texts = [r["text"] for r in msgs]
    for t in set(texts):
        if texts.count(t) > 1:
            err("messages", f"duplicate text: {t[:40]!r}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    md, mt = split(msgs); td, tt = split(tasks)
    write("messages.dev.jsonl", md); write("messages.test.jsonl", mt)
    write("tasks.dev.jsonl", td); write("tasks.test.jsonl", tt)
    if "--stats" in sys.argv:
        from collections import Counter
        for name, part in (("dev", md), ("test", mt), ("all", msgs)):
            c = Counter(x for r in part for x in r["x"])
            print(name, "messages", len(part), "none", sum(1 for r in part if not r["x"]), dict(c),
                  "broadcast lines", sum(1 for r in part if "members" in r))
        for name, part in (("dev", td), ("test", tt), ("all", tasks)):
            c = Counter(r["id2"] for r in part); m = Counter(x for r in part for x in r["modifiers"])
            print(name, "tasks", len(part), dict(sorted(c.items())), dict(m))
        print("places", Counter(r["note"].split("]")[0][1:] for r in msgs))
        print("task places", Counter(r["note"].split("]")[0][1:] for r in tasks))

if __name__ == "__main__":
    main()
