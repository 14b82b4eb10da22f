#!/usr/bin/env python3
"""Build devset13 JSONL files from hand-written batches in src/. Deterministic."""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
LAB = {"mc": "missing-context", "hu": "huddle-instead-of-thread", "vu": "vague-urgency", "bc": "broadcast-overuse"}
MODS = [("tc", "time-critical"), ("se", "sensitive"), ("ms", "many-stakeholders")]
TIERS = {1: "inform", 2: "ask", 3: "review", 4: "decide", 5: "create", 6: "connect"}
KINDS = {"im", "mpim", "channel", "group"}
BCAST = re.compile(r"<!(channel|here|everyone)>")
errors = []

def unesc(s):
    return s.replace("\\n", "\n").replace("\\t", "\t")

def read(prefix):
    items = []
    for fn in sorted(os.listdir(SRC)):
        if not fn.startswith(prefix) or not fn.endswith(".txt"):
            continue
        wp = None
        with open(os.path.join(SRC, fn), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                if line.startswith("# workplace:"):
                    wp = line.split(":", 1)[1].strip(); continue
                if line.startswith("#"):
                    continue
                parts = line.split(" @@ ")
                if len(parts) != 3:
                    errors.append(f"{fn}:{n}: expected 3 fields, got {len(parts)}"); continue
                if wp is None:
                    errors.append(f"{fn}:{n}: no workplace header"); continue
                items.append((fn, n, wp, parts[0].split(), unesc(parts[1].strip()), parts[2].strip()))
    return items

def messages():
    out = []
    for fn, n, wp, head, text, note in read("msg_"):
        kind = head[0]; labs = head[1] if len(head) > 1 else "-"
        mem = None
        for h in head[2:]:
            if h.startswith("m="): mem = int(h[2:])
        if kind not in KINDS: errors.append(f"{fn}:{n}: bad kind {kind}")
        x = [] if labs == "-" else [LAB[l] for l in labs.split(",")] if all(l in LAB for l in labs.split(",")) else errors.append(f"{fn}:{n}: bad labels {labs}") or []
        order = list(LAB.values())
        x = sorted(set(x), key=order.index)
        has_b = bool(BCAST.search(text))
        if has_b and mem is None: errors.append(f"{fn}:{n}: broadcast without members")
        if mem is not None and not has_b: errors.append(f"{fn}:{n}: members without broadcast")
        if "broadcast-overuse" in x and not has_b: errors.append(f"{fn}:{n}: bc label without broadcast")
        o = {"id": None, "kind": kind, "text": text, "x": x, "note": f"[{wp}] {note}"}
        if mem is not None: o["members"] = mem
        out.append(o)
    for i, o in enumerate(out, 1):
        o["id"] = f"d13-{i:03d}"
    return out

def tasks():
    out = []
    for fn, n, wp, head, text, note in read("task_"):
        t = head[0]; mods = head[1] if len(head) > 1 else "-"
        if t == "u": tier, id2 = None, "unclear"
        else:
            tier = int(t); id2 = TIERS.get(tier)
            if id2 is None: errors.append(f"{fn}:{n}: bad tier {t}")
        ms = [] if mods == "-" else mods.split(",")
        for m in ms:
            if m not in dict(MODS): errors.append(f"{fn}:{n}: bad modifier {m}")
        mods_full = [full for ab, full in MODS if ab in ms]
        out.append({"id": None, "task": text, "tier": tier, "id2": id2, "modifiers": mods_full, "note": f"[{wp}] {note}"})
    for i, o in enumerate(out, 1):
        o["id"] = f"d13-t-{i:03d}"
    return out

def write(name, rows):
    dev = [r for i, r in enumerate(rows, 1) if i % 3 != 0]
    test = [r for i, r in enumerate(rows, 1) if i % 3 == 0]
    for split, rs in (("dev", dev), ("test", test)):
        with open(os.path.join(HERE, f"{name}.{split}.jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return dev, test

M = messages(); T = tasks()
ids = [m["id"] for m in M] + [t["id"] for t in T]
if len(ids) != len(set(ids)): errors.append("duplicate ids")
texts = Counter((m["text"], m.get("members")) for m in M)
for t, c in texts.items():
    if c > 1: errors.append(f"duplicate message text: {t[0][:60]!r}")
if errors:
    print("\n".join(errors)); sys.exit(1)
md, mt = write("messages", M); td, tt = write("tasks", T)
if "--stats" in sys.argv:
    for nm, rs in (("messages", M), ("messages.dev", md), ("messages.test", mt)):
        c = Counter(l for r in rs for l in r["x"]); none = sum(1 for r in rs if not r["x"])
        print(nm, len(rs), dict(c), "none", none)
    for nm, rs in (("tasks", T), ("tasks.dev", td), ("tasks.test", tt)):
        c = Counter(r["id2"] for r in rs); mc = Counter(m for r in rs for m in r["modifiers"])
        print(nm, len(rs), dict(sorted(c.items())), dict(mc))
    wpc = Counter(m["note"].split("]")[0][1:] for m in M); wpt = Counter(t["note"].split("]")[0][1:] for t in T)
    for w in sorted(set(wpc) | set(wpt)): print(f"| {w} | {wpc[w]} | {wpt[w]} |")
else:
    print(f"ok: {len(M)} messages ({len(md)} dev / {len(mt)} test), {len(T)} tasks ({len(td)} dev / {len(tt)} test)")
