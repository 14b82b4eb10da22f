#!/usr/bin/env python3
"""Build devset12's four JSONL files from the hand-written batches in src/.

Message lines (src/m*.txt):   KIND LABELS [MEMBERS] :: text :: note
  KIND   im | mp (mpim) | ch (channel) | gr (group)
  LABELS '-' or a comma list of mc (missing-context), hu (huddle-instead-of-thread),
         vu (vague-urgency), bc (broadcast-overuse)
  MEMBERS channel members (required exactly when the text has <!channel>, <!here> or <!everyone>)
  text   '\\n' is a newline; everything else is literal
Task lines (src/t*.txt):      TIER MODS :: task :: note
  TIER   1..6 or 'n' (unclear);  MODS '-' or a comma list of tc, s, ms
Each file starts with '# workplace: NAME'; notes get the '[NAME] ' prefix.
Lines starting with '#' (after the first) and blank lines are ignored.
Files are read in name order; the full list is split: every 3rd line -> test.
Deterministic: same src, same bytes.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
KINDS = {"im": "im", "mp": "mpim", "ch": "channel", "gr": "group"}
LAB = {"mc": "missing-context", "hu": "huddle-instead-of-thread",
       "vu": "vague-urgency", "bc": "broadcast-overuse"}
LAB_ORDER = ["missing-context", "huddle-instead-of-thread", "vague-urgency", "broadcast-overuse"]
MOD = {"tc": "time-critical", "s": "sensitive", "ms": "many-stakeholders"}
MOD_ORDER = ["time-critical", "sensitive", "many-stakeholders"]
ID2 = {1: "inform", 2: "ask", 3: "review", 4: "decide", 5: "create", 6: "connect"}
BROADCAST = re.compile(r"<!(channel|here|everyone)>")
URGENT_START = re.compile(r"^(?:\s*(?:<[@!][^>]*>|:[a-z0-9_+\-]+:|[*_~🚨⚠️\s]))*urgent\b", re.I)


def fail(msg):
    sys.exit("build.py: " + msg)


def read(prefix):
    out = []
    for name in sorted(os.listdir(SRC)):
        if not (name.startswith(prefix) and name.endswith(".txt")):
            continue
        with open(os.path.join(SRC, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        m = re.match(r"# workplace: (.+)$", lines[0])
        if not m:
            fail(f"{name}: first line must be '# workplace: NAME'")
        wp = m.group(1).strip()
        for n, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(" :: ")
            if len(parts) != 3:
                fail(f"{name}:{n}: expected 'HEAD :: text :: note', got {len(parts)} parts")
            out.append((name, n, wp, parts[0].split(), parts[1], parts[2].strip()))
    return out


def messages():
    rows = []
    for i, (name, n, wp, head, text, note) in enumerate(read("m"), 1):
        where = f"{name}:{n}"
        if head[0] not in KINDS:
            fail(f"{where}: kind {head[0]!r}")
        labels = [] if head[1] == "-" else head[1].split(",")
        for l in labels:
            if l not in LAB:
                fail(f"{where}: label {l!r}")
        if len(set(labels)) != len(labels):
            fail(f"{where}: duplicate label")
        x = [l for l in LAB_ORDER if l in {LAB[a] for a in labels}]
        text = text.replace("\\n", "\n")
        bcast = bool(BROADCAST.search(text))
        members = None
        if len(head) == 3:
            members = int(head[2])
        elif len(head) != 2:
            fail(f"{where}: head {head!r}")
        if bcast != (members is not None):
            fail(f"{where}: members must be given exactly on broadcast lines")
        # what can be checked from the contract alone
        if "broadcast-overuse" in x and not (bcast and members >= 20 and not URGENT_START.search(text) and ":rotating_light:" not in text):
            fail(f"{where}: broadcast-overuse needs a broadcast, >= 20 members and no urgent marker")
        if bcast and members >= 20 and not URGENT_START.search(text) and ":rotating_light:" not in text and "broadcast-overuse" not in x:
            fail(f"{where}: broadcast to >= 20 members without the marker must be broadcast-overuse")
        if "missing-context" in x and KINDS[head[0]] in ("channel", "group") and not re.search(r"<@U|<!(channel|here|everyone)>", text):
            fail(f"{where}: missing-context on an unaddressed channel message")
        row = {"id": f"d12-{i:03d}", "kind": KINDS[head[0]], "text": text, "x": x}
        if members is not None:
            row["members"] = members
        row["note"] = f"[{wp}] {note}"
        rows.append(row)
    return rows


def tasks():
    rows = []
    for i, (name, n, wp, head, text, note) in enumerate(read("t"), 1):
        where = f"{name}:{n}"
        if len(head) != 2:
            fail(f"{where}: head {head!r}")
        if head[0] == "n":
            tier, id2 = None, "unclear"
        elif head[0] in "123456" and len(head[0]) == 1:
            tier = int(head[0]); id2 = ID2[tier]
        else:
            fail(f"{where}: tier {head[0]!r}")
        mods = [] if head[1] == "-" else head[1].split(",")
        for m in mods:
            if m not in MOD:
                fail(f"{where}: modifier {m!r}")
        mods = [m for m in MOD_ORDER if m in {MOD[a] for a in mods}]
        rows.append({"id": f"d12-t-{i:03d}", "task": text, "tier": tier, "id2": id2,
                     "modifiers": mods, "note": f"[{wp}] {note}"})
    return rows


def write(path, rows):
    with open(os.path.join(HERE, path), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def split(rows):
    dev = [r for k, r in enumerate(rows, 1) if k % 3]
    test = [r for k, r in enumerate(rows, 1) if k % 3 == 0]
    return dev, test


def main():
    ms, ts = messages(), tasks()
    for rows in (ms, ts):
        ids = [r["id"] for r in rows]
        if len(ids) != len(set(ids)):
            fail("duplicate ids")
    texts = [r["text"] for r in ms]
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        fail(f"duplicate message texts: {sorted(dup)[:3]}")
    md, mt = split(ms)
    td, tt = split(ts)
    write("messages.dev.jsonl", md); write("messages.test.jsonl", mt)
    write("tasks.dev.jsonl", td); write("tasks.test.jsonl", tt)
    if "--counts" in sys.argv:
        for nm, rows in (("messages.dev", md), ("messages.test", mt)):
            c = {l: sum(l in r["x"] for r in rows) for l in LAB_ORDER}
            c["none"] = sum(not r["x"] for r in rows)
            print(nm, len(rows), c)
        for nm, rows in (("tasks.dev", td), ("tasks.test", tt)):
            c = {}
            for r in rows:
                c[r["id2"]] = c.get(r["id2"], 0) + 1
            mc = {m: sum(m in r["modifiers"] for r in rows) for m in MOD_ORDER}
            print(nm, len(rows), dict(sorted(c.items())), mc)
        wps = {}
        for r in ms:
            w = r["note"][1:r["note"].index("]")]
            wps.setdefault(w, [0, 0]); wps[w][0] += 1
        for r in ts:
            w = r["note"][1:r["note"].index("]")]
            wps.setdefault(w, [0, 0]); wps[w][1] += 1
        for w, (a, b) in wps.items():
            print(f"| {w} | {a} | {b} |")


if __name__ == "__main__":
    main()
