#!/usr/bin/env bash
# The nudge loop under load: AsyncCoach in live mode against the fake-slack stand-in, driven by
# the load script; reports the ack latency (from `load`) and event → chat.postEphemeral delay
# (message ts = send instant; arrival recorded by fake-slack), excluding missing-context nudges
# (they wait out the 60 s grace window by design). Needs the Release builds (bench/README.md).
# Every load workspace is installed through the OAuth flow (fake-slack answers oauth.v2.access),
# so each has its own token and every nudge is a real call to fake-slack, none a dry-run record.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-1000}; DURATION=${DURATION:-20}; WARMUP=${WARMUP:-5}; TEAMS=${TEAMS:-1}; APP_PORT=${APP_PORT:-5180}; FAKE_PORT=${FAKE_PORT:-5191}
DB=/tmp/nudge-loop-$$.db
WINDOW=/tmp/nudge-loop-$$-window
B="dotnet ${BENCH_DIR:-bench/AsyncCoach.Benchmarks/bin/Release/net10.0}/AsyncCoach.Benchmarks.dll"
APP=${APP:-"dotnet src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll"}

$B fake-slack --urls http://127.0.0.1:${FAKE_PORT} >/tmp/nudge-loop-$$-fake.log 2>&1 &
FAKE=$!
start_app() {
  Slack__SigningSecret=load-test-secret Slack__ApiBaseUrl=http://127.0.0.1:${FAKE_PORT}/api/ \
    Slack__ClientId=bench.client Slack__ClientSecret=bench-client-secret Slack__RedirectUri=http://127.0.0.1:${APP_PORT}/slack/oauth/callback \
    Storage__ConnectionString="Data Source=$DB" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=${LOG_LEVEL:-Warning} \
    Metrics__Enabled=$([ "${ALLOC:-}" = 1 ] && echo true || echo false) \
    $APP --urls http://127.0.0.1:${APP_PORT} >/tmp/nudge-loop-$$-app.log 2>&1 &
  APPPID=$!
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:${APP_PORT}/readyz >/dev/null && return 0; sleep 0.2; done
  echo "app did not get ready" >&2; return 1
}
trap 'kill $FAKE ${APPPID:-} 2>/dev/null || true' EXIT

# First start creates the schema and installs every load workspace (its own token); then lift the
# caps for the load teams so nudges keep flowing.
start_app
for k in $(seq 0 $((TEAMS - 1))); do
  state=$(curl -sf http://127.0.0.1:${APP_PORT}/slack/install | python3 -c 'import re, sys, html, urllib.parse; print(urllib.parse.unquote(re.search(r"state=([^&\"]+)", html.unescape(sys.stdin.read())).group(1)))')
  curl -sf -G http://127.0.0.1:${APP_PORT}/slack/oauth/callback --data-urlencode "code=T${k}LOAD" --data-urlencode "state=${state}" >/dev/null \
    || { echo "installing T${k}LOAD failed" >&2; exit 1; }
done
kill $APPPID; wait $APPPID || true
python3 - "$DB" "${OBSERVE:-0}" "$TEAMS" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
observe = "true" if sys.argv[2] == "1" else "false"
for k in range(int(sys.argv[3])):
    c.execute("INSERT INTO team_norms (team_id, norms_json, updated_by, updated_at) VALUES (?, ?, 'bench', '2026-01-01T00:00:00.0000000Z')",
              ("T%dLOAD" % k, '{"max_nudges_per_day":1000000,"max_nudges_per_rule_per_day":1000000,"observe_mode":%s}' % observe))
c.commit()
PY
start_app
echo "load average before: $(cat /proc/loadavg)"
# PERF=stat: context switches and migrations of the server over the measured phase (after the
# warm-up); PERF=record: its call stacks (JIT symbols need DOTNET_PerfMapEnabled=1 in the
# environment), written to PERF_DATA for bench/perf-components.py.
if [ -n "${PERF:-}" ]; then
  ( sleep "$WARMUP"
    if [ "$PERF" = syscalls ]; then
      # Which system calls, counted (not sampled): load-independent, unlike CPU time on a busy machine.
      perf stat -e 'syscalls:sys_enter_futex,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_pread64,syscalls:sys_enter_pwrite64,syscalls:sys_enter_fcntl,syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_sendmsg,syscalls:sys_enter_recvmsg,syscalls:sys_enter_sched_yield,syscalls:sys_enter_openat,syscalls:sys_enter_close,syscalls:sys_enter_newfstatat,syscalls:sys_enter_lseek,syscalls:sys_enter_mmap,syscalls:sys_enter_munmap,syscalls:sys_enter_madvise,syscalls:sys_enter_mprotect,syscalls:sys_enter_ioctl,syscalls:sys_enter_getrandom,syscalls:sys_enter_fdatasync,syscalls:sys_enter_fsync,syscalls:sys_enter_access' -p $APPPID -- sleep "$DURATION" 2>&1 | awk '$1 ~ /^[0-9,]+$/ && $1 != "0" {print}' | sort -rn
    elif [ "$PERF" = record ]; then
      perf record -F 499 --call-graph "${PERF_CALLGRAPH:-dwarf,16384}" -p $APPPID -o "${PERF_DATA:-/tmp/nudge-loop-$$.perf}" -- sleep "${PERF_SECONDS:-$DURATION}" 2>/dev/null
    else
      # Counted over the measured phase: CPU time, context switches, system calls and, where the
      # machine exposes hardware counters (this VM does not: "<not supported>"), instructions,
      # which unlike CPU time do not move with other load. The window's ends go to a file so the
      # nudges sent inside it can be counted (SUMMARY line at the end).
      # ALLOC=1 (metrics on): the runtime meter's allocated bytes, GCs and GC pause time too.
      gcs() { [ "${ALLOC:-}" = 1 ] && curl -sf http://127.0.0.1:${APP_PORT}/metrics | awk '/^dotnet_gc_heap_total_allocated_bytes/ {b = $2}
        /^dotnet_gc_collections(_total)?\{/ {g += $2} /^dotnet_gc_pause_time_seconds/ {p = $2} END {printf "%.0f %.0f %.0f\n", b, g, p * 1e6}' || echo "0 0 0"; }
      gcs > "$WINDOW.gc"
      date +%s.%N > "$WINDOW"
      perf stat -x, -e task-clock,context-switches,cpu-migrations,raw_syscalls:sys_enter,instructions -p $APPPID -- sleep "$DURATION" 2> "$WINDOW.perf" >/dev/null || true
      date +%s.%N >> "$WINDOW"
      gcs >> "$WINDOW.gc"
      awk -F, '{ printf "perf: %s %s %s\n", $3, $1, $2 }' "$WINDOW.perf" | grep -v "^perf:  " || true
    fi ) &
  PERFJOB=$!
fi
$B load --url http://127.0.0.1:${APP_PORT}/slack/events --server-pid $APPPID --connections 50 --duration "$DURATION" --warmup "$WARMUP" --rate "$RATE" --teams "$TEAMS"
echo "load average after: $(cat /proc/loadavg)"
if [ -n "${PERFJOB:-}" ]; then wait $PERFJOB || true; fi
# Let the outbox drain (nudges go out within milliseconds unless the machine is saturated).
sleep 5
curl -sf http://127.0.0.1:${FAKE_PORT}/arrivals > /tmp/nudge-loop-$$-arrivals.csv
python3 - "$DB" /tmp/nudge-loop-$$-arrivals.csv "$WARMUP" "$WINDOW" "${OBSERVE:-0}" <<'PY'
import os
import sqlite3, sys
from datetime import datetime
db = sqlite3.connect(sys.argv[1])
arrivals = {}
for line in open(sys.argv[2]):
    i, m = line.strip().split(",")
    arrivals.setdefault(int(i), int(m))
def micros(iso): return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1_000_000)
def ts_micros(ts):
    sec, frac = ts.split(".")
    return int(sec) * 1_000_000 + int(frac)
# Like the load figures, only events sent after the warm-up count (the first seconds include JIT).
first = db.execute("SELECT MIN(message_ts) FROM findings").fetchone()[0]
if first is None:
    sys.exit("no findings recorded")
start = ts_micros(first) + float(sys.argv[3]) * 1_000_000
def pct(values):
    values.sort()
    if not values:
        return "none"
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return f"n={len(values)}: p50 {p(0.5):.1f} ms, p90 {p(0.9):.1f} ms, p99 {p(0.99):.1f} ms, max {values[-1]:.1f} ms"
findings, written, sent = [], [], []
for ts, created in db.execute("SELECT message_ts, created_at FROM findings"):
    if ts_micros(ts) >= start:
        findings.append((micros(created) - ts_micros(ts)) / 1000.0)
for ts, created, sent_at in db.execute("SELECT message_ts, created_at, sent_at FROM nudges WHERE sent_at IS NOT NULL"):
    if ts_micros(ts) >= start:
        written.append((micros(created) - ts_micros(ts)) / 1000.0)
        sent.append((micros(sent_at) - micros(created)) / 1000.0)
print("finding recorded (ts -> findings row),", pct(findings))
print("written (ts -> outbox row),", pct(written))
print("sent (outbox row -> marked sent),", pct(sent))
rows = db.execute("""SELECT n.id, n.message_ts, n.state FROM nudges n
  WHERE NOT EXISTS (SELECT 1 FROM nudge_rules r WHERE r.nudge_id = n.id AND r.rule_id = 'missing-context')""").fetchall()
states = {}
for _, _, s in rows: states[s] = states.get(s, 0) + 1
lat = [(arrivals[i] - ts_micros(ts)) / 1000.0 for i, ts, _ in rows if i in arrivals and ts_micros(ts) >= start]
total = db.execute("SELECT COUNT(*) FROM nudges").fetchone()[0]
print(f"findings {db.execute('SELECT COUNT(*) FROM findings').fetchone()[0]}, nudges {total} (states excl. missing-context: {states}), postEphemeral calls {len(arrivals)}")
print("event -> chat.postEphemeral (excl. missing-context, after warm-up),", pct(lat))
dry = db.execute("SELECT COUNT(*) FROM slack_api_calls").fetchone()[0]
print(f"dry-run records (calls not sent to fake-slack): {dry}")
# PERF=stat: the counters over the measured window beside what happened inside it, on one line
# for bench/nudge-cost.sh (nudges: marked sent inside the window; findings: recorded inside it).
if os.path.exists(sys.argv[4]) and os.path.exists(sys.argv[4] + ".perf"):
    lo, hi = [float(x) * 1_000_000 for x in open(sys.argv[4]).read().split()[:2]]
    sent_in = sum(1 for (at,) in db.execute("SELECT sent_at FROM nudges WHERE sent_at IS NOT NULL") if lo <= micros(at) < hi)
    found_in = sum(1 for (at,) in db.execute("SELECT created_at FROM findings") if lo <= micros(at) < hi)
    counters = {}
    for line in open(sys.argv[4] + ".perf"):
        f = line.strip().split(",")
        if len(f) >= 3 and f[2]:
            counters[f[2].split(":")[-1]] = f[0]
    gc = [[int(x) for x in line.split()] for line in open(sys.argv[4] + ".gc")] if os.path.exists(sys.argv[4] + ".gc") else [[0, 0, 0]] * 2
    print("SUMMARY mode=%s window_s=%.2f task_clock_ms=%s context_switches=%s syscalls=%s instructions=%s nudges=%d findings=%d allocated=%d gcs=%d gc_pause_us=%d" % (
        "observe" if sys.argv[5] == "1" else "nudging", (hi - lo) / 1e6, counters.get("task-clock", "?"), counters.get("context-switches", "?"),
        counters.get("sys_enter", "?"), counters.get("instructions", "?").replace("<not supported>", "n/a"), sent_in, found_in,
        gc[1][0] - gc[0][0], gc[1][1] - gc[0][1], gc[1][2] - gc[0][2]))
PY
rm -f "$WINDOW" "$WINDOW.perf" "$WINDOW.gc"
