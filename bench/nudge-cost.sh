#!/usr/bin/env bash
# What a nudge sent through the outbox costs the server, nudging − observe, with its noise: for
# ROUNDS rounds, each build of APPS (label=path to a published AsyncCoach, alternating) runs
# bench/nudge-loop.sh nudging and in observe mode (PERF=stat: counted over the measured window),
# and the per-nudge figures of every nudging run against its round's observe run are printed,
# median and min–max, beside counted ones (system calls, context switches; instructions where the
# machine has hardware counters). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
APPS=${APPS:?'APPS="main=/tmp/pub-main/AsyncCoach new=/tmp/pub-new/AsyncCoach"'}
ROUNDS=${ROUNDS:-2}; OUT=${OUT:-/tmp/nudge-cost-$$}
mkdir -p "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  for entry in $APPS; do
    label=${entry%%=*}; app=${entry#*=}
    for mode in 0 1; do
      log="$OUT/$label-r$round-$([ $mode = 1 ] && echo observe || echo nudging).log"
      echo "== round $round, $label, $([ $mode = 1 ] && echo observe || echo nudging), load average $(cut -d' ' -f1-3 /proc/loadavg)"
      APP="$app" OBSERVE=$mode PERF=stat TEAMS=${TEAMS:-20} RATE=${RATE:-1000} WARMUP=${WARMUP:-10} DURATION=${DURATION:-60} \
        bench/nudge-loop.sh > "$log" 2>&1 || { echo "run failed, see $log" >&2; exit 1; }
      grep -E "SUMMARY|p99|load average" "$log" | sed 's/^/   /'
    done
  done
done
python3 - "$OUT" $APPS <<'PY'
import glob, os, re, statistics, sys
out, apps = sys.argv[1], [a.split("=", 1)[0] for a in sys.argv[2:]]
def summary(path):
    for line in open(path):
        if line.startswith("SUMMARY"):
            return {k: v for k, v in (f.split("=", 1) for f in line.split()[1:])}
    sys.exit(f"no SUMMARY in {path}")
def num(v):
    return None if v in ("n/a", "?", "") else float(v)
def span(values, unit, scale=1.0):
    values = sorted(v * scale for v in values)
    return f"{statistics.median(values):.0f} {unit} (min–max {values[0]:.0f}–{values[-1]:.0f}, n={len(values)})"
for label in apps:
    rounds = sorted(glob.glob(os.path.join(out, f"{label}-r*-nudging.log")))
    per = {"cpu": [], "syscalls": [], "cs": [], "instructions": []}
    nudges, cpu_n, cpu_o = [], [], []
    for nudging in rounds:
        n, o = summary(nudging), summary(nudging.replace("-nudging", "-observe"))
        sent = int(n["nudges"])
        nudges.append(sent); cpu_n.append(float(n["task_clock_ms"])); cpu_o.append(float(o["task_clock_ms"]))
        per["cpu"].append((float(n["task_clock_ms"]) - float(o["task_clock_ms"])) / sent)
        per["syscalls"].append((float(n["syscalls"]) - float(o["syscalls"])) / sent)
        per["cs"].append((float(n["context_switches"]) - float(o["context_switches"])) / sent)
        if num(n["instructions"]) is not None and num(o["instructions"]) is not None:
            per["instructions"].append((num(n["instructions"]) - num(o["instructions"])) / sent)
    print(f"{label}: {len(rounds)} pairs, nudges sent per window {min(nudges)}–{max(nudges)}, "
          f"CPU nudging {min(cpu_n)/1000:.2f}–{max(cpu_n)/1000:.2f} s, observe {min(cpu_o)/1000:.2f}–{max(cpu_o)/1000:.2f} s")
    print(f"  CPU per nudge (nudging − observe of the same round): {span(per['cpu'], 'µs', 1000)}")
    if len(rounds) > 1:
        # Every nudging run against every observe run of this build: how far the pairing moves it.
        cross = [(a - b) / s for a, s in zip(cpu_n, nudges) for b in cpu_o]
        print(f"  CPU per nudge, every nudging run against every observe run: {span(cross, 'µs', 1000)}")
    print(f"  system calls per nudge: {span(per['syscalls'], '')}; context switches per nudge: {span(per['cs'], '')}")
    if per["instructions"]:
        print(f"  instructions per nudge: {span(per['instructions'], '')}")
    else:
        print("  instructions per nudge: no hardware counters on this machine")
PY
echo "logs in $OUT"
