#!/usr/bin/env python3
"""Shares the acknowledgement time out by stage, from Diagnostics:AckStagesFile's CSV.
usage: bench/ack-stages.py FILE [SECONDS]  (only the last SECONDS of samples: the measured window)"""
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
last = float(rows[-1]["start_s"])
if len(sys.argv) > 2:
    rows = [r for r in rows if float(r["start_s"]) >= last - float(sys.argv[2])]
def f(r, k):
    return float(r[k]) if r[k] else None
stages = ["pre", "queued", "append", "release", "resume", "tail"]
data = []
for r in rows:
    e, b, a, rel, res, end = (f(r, k) for k in ["enqueued_us", "batch_start_us", "appended_us", "released_us", "resumed_us", "end_us"])
    if None in (e, b, a, rel, res, end):
        continue
    data.append(dict(total=end, pre=e, queued=b - e, append=a - b, release=rel - a, resume=res - rel, tail=end - res,
                     batch=int(r["batch"]), gcs=int(r["gcs"])))
data.sort(key=lambda d: d["total"])
n = len(data)
p = lambda q: data[min(n - 1, int(q * n))]["total"]
print(f"samples {n}: server-side total µs p50 {p(.5):.0f} p90 {p(.9):.0f} p99 {p(.99):.0f} p99.9 {p(.999):.0f} max {data[-1]['total']:.0f}")
def share(group, label):
    m = len(group)
    tot = sum(d["total"] for d in group)
    parts = " ".join(f"{s} {sum(d[s] for d in group)/m:.0f} ({100*sum(d[s] for d in group)/tot:.0f}%)" for s in stages)
    dom = {}
    for d in group:
        k = max(stages, key=lambda s: d[s]); dom[k] = dom.get(k, 0) + 1
    gc = sum(1 for d in group if d["gcs"] > 0)
    bat = sum(d["batch"] for d in group) / m
    print(f"{label} (n={m}, mean {tot/m:.0f} µs): {parts}; largest stage: {dom}; with a GC: {gc}; mean batch {bat:.1f}")
share(data[: n // 2], "fastest half")
share(data[int(n * .99):], "slowest 1%")
for s in stages:
    v = sorted(d[s] for d in data)
    print(f"  {s:8s} p50 {v[n//2]:7.1f} p99 {v[int(n*.99)]:7.1f} p99.9 {v[int(n*.999)]:8.1f} max {v[-1]:8.1f} µs")
