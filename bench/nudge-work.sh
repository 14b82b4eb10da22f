#!/usr/bin/env bash
# What a nudge costs in server CPU, as fixed work (issue #17): every build of APPS is driven with
# the same EVENTS events (the load tool's list: a third raise a finding, spread over TEAMS
# workspaces and 400 authors, caps lifted) as fast as it takes them, once nudging and once in
# observe mode (findings, no nudges), and the process's CPU is counted from the first event until
# the outbox is drained, no finding waits for its grace window and the process is idle. At
# saturation the idle wake-ups and spinning that make a fixed-rate window's CPU wander are gone,
# and every run sends the same nudges, so the same build's runs move far less (what is left is the
# machine's other load). CPU per nudge = (nudging − observe) ÷ nudges sent.
# Builds and modes alternate over ROUNDS (the order flips every round); the spread of one build's
# runs is the noise. APPS holds label=executable pairs (a published native AsyncCoach, or an
# AsyncCoach.dll, run under dotnet); default: the Release JIT build. Needs the Release builds
# (bench/README.md). Logs and one line per run go to OUT. PERF=record adds call stacks per run;
# ALLOC=1 turns metrics on (Metrics:Enabled, both modes alike) and counts the bytes the process
# allocated and the GCs it ran in the counted work, from the runtime's meter at /metrics.
# LOG_LEVEL (default Warning) sets Logging:LogLevel:Default; a deployment runs at Information.
# SQL=1 (native builds: their libe_sqlite3.so beside the executable) also counts, with uprobes on
# SQLite in the same perf stat window, statements run (sqlite3_step), statements compiled
# (sqlite3_prepare_v2/v3) and write commits (pagerWalFrames: one per commit that wrote pages).
#   APPS="main=/tmp/pub-main/AsyncCoach new=/tmp/pub-new/AsyncCoach" ROUNDS=3 bench/nudge-work.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-50000}; WARMUP_EVENTS=${WARMUP_EVENTS:-20000}; TEAMS=${TEAMS:-20}; ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-50}; APP_PORT=${APP_PORT:-5420}; FAKE_PORT=${FAKE_PORT:-5421}
APPS=${APPS:-"jit=src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll"}
OUT=${OUT:-/tmp/nudge-work-$$}
B="dotnet ${BENCH_DIR:-bench/AsyncCoach.Benchmarks/bin/Release/net10.0}/AsyncCoach.Benchmarks.dll"
TICKS=$(getconf CLK_TCK)
mkdir -p "$OUT"
DB=$OUT/run.db

$B fake-slack --urls http://127.0.0.1:${FAKE_PORT} >"$OUT/fake.log" 2>&1 &
FAKE=$!
cleanup() { kill $FAKE ${APPPID:-} 2>/dev/null || true; rm -rf "$OUT"/*.db "$OUT"/*.db-* "$OUT"/*.db.*; [ "${SQL:-}" = 1 ] && perf probe -q -d 'nw*:*' 2>/dev/null; true; }
trap cleanup EXIT

# SQL=1: uprobes on the build's own libe_sqlite3.so (a uprobe is tied to the file), by address so
# the library's PLT stubs are not counted too; prints the perf stat events for that build.
sql_events() { # label, executable
  [ "${SQL:-}" = 1 ] || return 0
  local lib g; lib=$(dirname "$2")/libe_sqlite3.so; g=nw$(echo "$1" | tr -cd 'a-zA-Z0-9')
  [ -f "$lib" ] || { echo "SQL=1 needs a native build with libe_sqlite3.so beside it: $2" >&2; exit 1; }
  if ! perf probe -l 2>/dev/null | grep -q "^ *$g:"; then
    for f in step:sqlite3_step prep2:sqlite3_prepare_v2 prep3:sqlite3_prepare_v3 commit:pagerWalFrames; do
      perf probe -q -x "$lib" -a "$g:${f%%:*}=0x$(readelf -sW "$lib" | awk -v n="${f#*:}" '$8 == n && $4 == "FUNC" {print $2; exit}')" >/dev/null
    done
  fi
  echo ",$g:step,$g:prep2,$g:prep3,$g:commit"
}

start_app() { # executable, database, log
  local run=$1; case $1 in *.dll) run="dotnet $1" ;; esac
  Slack__SigningSecret=load-test-secret Slack__ApiBaseUrl=http://127.0.0.1:${FAKE_PORT}/api/ \
    Slack__ClientId=bench.client Slack__ClientSecret=bench-client-secret Slack__RedirectUri=http://127.0.0.1:${APP_PORT}/slack/oauth/callback \
    Storage__ConnectionString="Data Source=$2" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=${LOG_LEVEL:-Warning} \
    Metrics__Enabled=$([ "${ALLOC:-}" = 1 ] && echo true || echo false) \
    $run --urls http://127.0.0.1:${APP_PORT} >>"$3" 2>&1 &
  APPPID=$!
  for _ in $(seq 1 150); do curl -sf http://127.0.0.1:${APP_PORT}/readyz >/dev/null && return 0; sleep 0.2; done
  echo "app did not get ready ($1)" >&2; return 1
}
stop_app() { kill $APPPID; wait $APPPID || true; APPPID=; }
cpu() { awk '{print $14 + $15}' /proc/$APPPID/stat; }
# ALLOC=1: the process's allocated bytes, GC count and GC pause time (µs) so far (zeros without it).
allocated() {
  [ "${ALLOC:-}" = 1 ] || { echo "0 0 0"; return; }
  curl -sf http://127.0.0.1:${APP_PORT}/metrics | awk '/^dotnet_gc_heap_total_allocated_bytes/ {b = $2} /^dotnet_gc_collections(_total)?\{/ {g += $2}
    /^dotnet_gc_pause_time_seconds/ {p = $2} END {printf "%.0f %.0f %.0f\n", b, g, p * 1e6}'
}
q() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=30).execute(sys.argv[2]).fetchone()[0])" "$DB" "$1"; }

# A template database per build: schema, every load workspace installed through the OAuth flow
# (its own token: every nudge is a real call to fake-slack), caps lifted, and a grace window of 0
# so missing-context findings are released 3 s after their event (the tracker's delivery margin)
# instead of a minute later, inside the counted work.
template() { # label, executable
  local t=$OUT/$1.template.db
  start_app "$2" "$t" "$OUT/$1.setup.log"
  for k in $(seq 0 $((TEAMS - 1))); do
    state=$(curl -sf http://127.0.0.1:${APP_PORT}/slack/install | python3 -c 'import re, sys, html, urllib.parse; print(urllib.parse.unquote(re.search(r"state=([^&\"]+)", html.unescape(sys.stdin.read())).group(1)))')
    curl -sf -G http://127.0.0.1:${APP_PORT}/slack/oauth/callback --data-urlencode "code=T${k}LOAD" --data-urlencode "state=${state}" >/dev/null \
      || { echo "installing T${k}LOAD failed" >&2; exit 1; }
  done
  stop_app
  python3 - "$t" "$TEAMS" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for k in range(int(sys.argv[2])):
    c.execute("INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES (?, ?, 'bench', '2026-01-01T00:00:00.0000000Z')",
              ("T%dLOAD" % k, '{"max_nudges_per_day":1000000,"max_nudges_per_rule_per_day":1000000,"grace_window_seconds":0,"observe_mode":false}'))
c.commit()
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
PY
}

# Waits until every one of the first $1 events has its inbox row (processed), the process has been
# idle (at most one clock tick per 250 ms) for a second, no nudge is pending or sending and no
# finding waits for its grace window; prints the CPU (ticks) and time at the start of that idle
# second, so the idle tail is not counted. (The rows' count matters on an overloaded machine: a
# process starved of CPU looks idle.)
drained() {
  local last quiet=0 mark_cpu mark_t now
  last=$(cpu); mark_cpu=$last; mark_t=$(date +%s.%N)
  for _ in $(seq 1 2400); do
    sleep 0.25; now=$(cpu)
    if [ $((now - last)) -le 1 ]; then
      quiet=$((quiet + 1))
      if [ $quiet -ge 4 ] && [ "$(q "SELECT (SELECT COUNT(*) FROM nudges WHERE state IN ('pending','sending')) + (SELECT COUNT(*) FROM pending_findings) + ($1 - (SELECT COUNT(*) FROM inbox))")" = 0 ]; then
        echo "$mark_cpu $mark_t"; return 0
      fi
    else
      quiet=0; mark_cpu=$now; mark_t=$(date +%s.%N)
    fi
    last=$now
  done
  echo "the service did not drain" >&2; return 1
}

run() { # round, label, executable, mode
  local log=$OUT/$2.$4.$1.log
  rm -rf "$DB" "$DB"-* "$DB".*; cp "$OUT/$2.template.db" "$DB"; cp -r "$OUT/$2.template.db.keys" "$DB.keys"
  [ "$4" = observe ] && python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE team_norms SET norms_json = replace(norms_json, '\\\"observe_mode\\\":false', '\\\"observe_mode\\\":true')\"); c.commit()" "$DB"
  start_app "$3" "$DB" "$log"
  # Warm-up (JIT, pools, caches, the tracker's conversations), then the counted events.
  $B load --url http://127.0.0.1:${APP_PORT}/slack/events --connections "$CONNECTIONS" --warmup 0 --requests "$WARMUP_EVENTS" --teams "$TEAMS" >>"$log"
  drained "$WARMUP_EVENTS" >/dev/null
  local sent0 found0 c0 t0 la0
  sent0=$(q "SELECT COUNT(*) FROM nudges WHERE state = 'sent'"); found0=$(q "SELECT COUNT(*) FROM findings")
  la0=$(cut -d' ' -f1 /proc/loadavg)
  # Counted beside the CPU time (they move far less with other load): system calls, context switches.
  perf stat -x, -e task-clock,context-switches,raw_syscalls:sys_enter$(sql_events "$2" "$3") -p $APPPID -o "$log.perf" -- sleep 3600 2>/dev/null &
  local perfpid=$! recpid=
  # PERF=record: the call stacks of the counted events too (frame pointers: managed callers of a
  # native build), to $OUT/<build>.<mode>.<round>.perf for bench/perf-components.py.
  if [ "${PERF:-}" = record ]; then
    perf record -F 499 --call-graph fp -p $APPPID -o "$OUT/$2.$4.$1.perf" -- sleep 3600 >/dev/null 2>&1 &
    recpid=$!
  fi
  local a0 g0 p0; read -r a0 g0 p0 < <(allocated)
  c0=$(cpu); t0=$(date +%s.%N)
  $B load --url http://127.0.0.1:${APP_PORT}/slack/events --connections "$CONNECTIONS" --warmup 0 --requests "$EVENTS" --teams "$TEAMS" >>"$log"
  read -r c1 t1 < <(drained $((WARMUP_EVENTS + EVENTS)))
  local a1 g1 p1; read -r a1 g1 p1 < <(allocated)
  kill $(pgrep -P $perfpid) 2>/dev/null || true; wait $perfpid || true
  if [ -n "$recpid" ]; then kill $(pgrep -P $recpid) 2>/dev/null || true; wait $recpid || true; fi
  local sent found other
  sent=$(( $(q "SELECT COUNT(*) FROM nudges WHERE state = 'sent'") - sent0 )); found=$(( $(q "SELECT COUNT(*) FROM findings") - found0 ))
  other=$(q "SELECT COUNT(*) FROM nudges WHERE state NOT IN ('sent','pending','sending')")
  local sc cs hwm
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$APPPID/status)
  sc=$(awk -F, '$3 ~ /sys_enter/ {print $1}' "$log.perf"); cs=$(awk -F, '$3 ~ /context-switches/ {print $1}' "$log.perf")
  local steps preps commits
  steps=$(awk -F, '$3 ~ /:step$/ {print $1}' "$log.perf"); preps=$(awk -F, '$3 ~ /:prep[23]$/ {n += $1} END {print n + 0}' "$log.perf")
  commits=$(awk -F, '$3 ~ /:commit$/ {print $1}' "$log.perf")
  stop_app
  local line
  line=$(python3 -c "
c0, c1, t0, t1, ticks = $c0, $c1, $t0, $t1, $TICKS
print(f'RUN round=$1 build=$2 mode=$4 cpu_s={(c1 - c0) / ticks:.2f} wall_s={t1 - t0:.1f} events=$EVENTS nudges=$sent findings=$found other_end=$other syscalls=${sc:-0} context_switches=${cs:-0} peak_rss_mb=$hwm allocated=$((a1 - a0)) gcs=$((g1 - g0)) gc_pause_us=$((p1 - p0)) sql_steps=${steps:-0} sql_prepares=${preps:-0} sql_commits=${commits:-0} load=$la0/$(cut -d' ' -f1 /proc/loadavg)')")
  echo "$line" | tee -a "$OUT/runs.txt"
  grep -E "^requests|^latency" "$log" | tail -2 | sed 's/^/    /'
}

# TEMPLATE=<a template database kept from an earlier run> serves every build (same schema only):
# installing TEAMS workspaces through the OAuth flow takes minutes on a busy machine.
for pair in $APPS; do
  if [ -n "${TEMPLATE:-}" ]; then
    for f in "$TEMPLATE" "$TEMPLATE.inbox" "$TEMPLATE.keys"; do cp -r "$f" "$OUT/${pair%%=*}.template.db${f#"$TEMPLATE"}"; done
  else
    template "${pair%%=*}" "${pair#*=}"
  fi
done
echo "load average before: $(cat /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  pairs=$APPS; modes="nudging observe"
  if [ $((r % 2)) = 0 ]; then pairs=$(echo $APPS | tr ' ' '\n' | tac | tr '\n' ' '); modes="observe nudging"; fi
  for pair in $pairs; do for m in $modes; do run "$r" "${pair%%=*}" "${pair#*=}" "$m"; done; done
done
echo "load average after: $(cat /proc/loadavg)"
python3 - "$OUT/runs.txt" <<'PY'
import sys, statistics as st
runs = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith("RUN")]
def spread(xs, f="{:.0f}"): return f"median {f.format(st.median(xs))}, {f.format(min(xs))}–{f.format(max(xs))}" if xs else "none"
for b in dict.fromkeys(r["build"] for r in runs):
    mine = [r for r in runs if r["build"] == b]
    by = {m: [r for r in mine if r["mode"] == m] for m in ("nudging", "observe")}
    print(f"== {b}")
    for m, rs in by.items():
        print(f"  {m}: CPU s {spread([float(r['cpu_s']) for r in rs], '{:.2f}')}; per event µs {spread([float(r['cpu_s']) / int(r['events']) * 1e6 for r in rs], '{:.1f}')}; nudges {spread([int(r['nudges']) for r in rs])}")
    rounds = sorted({r["round"] for r in mine})
    per = []
    for rd in rounds:
        n = [r for r in by["nudging"] if r["round"] == rd]; o = [r for r in by["observe"] if r["round"] == rd]
        if n and o:
            per.append((float(n[0]["cpu_s"]) - float(o[0]["cpu_s"])) / int(n[0]["nudges"]) * 1e6)
    allpairs = [(float(n["cpu_s"]) - float(o["cpu_s"])) / int(n["nudges"]) * 1e6 for n in by["nudging"] for o in by["observe"]]
    print(f"  CPU per nudge, nudging − observe of a round: {', '.join(f'{x:.0f}' for x in per)} µs ({spread(per)}); every pairing: {spread(allpairs)} µs")
    # Other load only adds CPU time (caches, preemption inside locks), so each mode's least is its
    # best estimate of the work itself; with several rounds this moves least.
    if by["nudging"] and by["observe"]:
        least = (min(float(r["cpu_s"]) for r in by["nudging"]) - min(float(r["cpu_s"]) for r in by["observe"])) / int(by["nudging"][0]["nudges"]) * 1e6
        print(f"  CPU per nudge, least nudging − least observe: {least:.0f} µs")
    def counted(k):
        xs = [(int(n[k]) - int(o[k])) / int(n["nudges"]) for n in by["nudging"] for o in by["observe"] if n["round"] == o["round"]]
        return spread(xs, "{:.1f}")
    print(f"  peak RSS MB: " + "; ".join(f"{m} {spread([int(r['peak_rss_mb']) for r in rs])}" for m, rs in by.items()))
    print(f"  per nudge, counted: system calls {counted('syscalls')}; context switches {counted('context_switches')}"
          + (f"; bytes allocated {counted('allocated')}; GCs {counted('gcs')}; GC pause µs {counted('gc_pause_us')}" if any(int(r.get('allocated', 0)) for r in mine) else "")
          + (f"; SQLite steps (a statement run, or a row read) {counted('sql_steps')}, statements compiled {counted('sql_prepares')}, write commits {counted('sql_commits')}" if any(int(r.get('sql_steps', 0)) for r in mine) else ""))
PY
