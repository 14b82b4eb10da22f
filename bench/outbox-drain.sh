#!/usr/bin/env bash
# What one message sent through the outbox costs, measured on the sender alone: AsyncCoach in
# live mode against fake-slack with TEAMS workspaces installed (each its own token). While it
# runs, ROWS pending nudges per team are written straight into its database (a warm-up batch
# first, so the JIT has done its work), and the process's CPU time is read from the moment they
# are written until every row has ended and the process is idle again, less what it uses idle
# over the same time (the sender polls every 250 ms here). The difference divided by the rows is
# the CPU per message (claim, call, end), without the inbox and the rules that nudge-loop.sh runs
# beside it. Needs the Release builds (bench/README.md). APP runs another build, as in
# nudge-loop.sh (APP=/tmp/pub/AsyncCoach for the native one); BENCH_DIR another build of the bench tool.
# Each batch also counts, over its drain (perf stat on the process), system calls and context
# switches per message and, for a native build (its libe_sqlite3.so beside the executable), SQLite
# steps (a statement run or a row read), statements compiled and write commits (uprobes).
# The uprobes cost about 100 µs a message themselves: SQL=0 leaves them off, for a CPU figure
# (take the counts from a separate run). KINDS=1 adds the system calls by kind (those above 0.2
# a message). ALLOC=1 turns metrics on (Metrics:Enabled) and adds the bytes allocated and the
# GCs per message, from the runtime's meter at /metrics (as nudge-work.sh ALLOC=1).
# LABEL names the run's lines; ports APP_PORT/FAKE_PORT. SCHEMA_SQL is run on the file after the
# installs, before the measured start: a schema change compared on one build (an index as a
# migration would make it, or as it was before one).
set -euo pipefail
cd "$(dirname "$0")/.."
TEAMS=${TEAMS:-20}; ROWS=${ROWS:-500}; RUNS=${RUNS:-3}; APP_PORT=${APP_PORT:-5180}; FAKE_PORT=${FAKE_PORT:-5191}
DB=/tmp/outbox-drain-$$.db
B="dotnet ${BENCH_DIR:-bench/AsyncCoach.Benchmarks/bin/Release/net10.0}/AsyncCoach.Benchmarks.dll"
APP=${APP:-"dotnet src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll"}

$B fake-slack --urls http://127.0.0.1:${FAKE_PORT} >/tmp/outbox-drain-fake.log 2>&1 &
FAKE=$!
start_app() {
  Slack__SigningSecret=load-test-secret Slack__ApiBaseUrl=http://127.0.0.1:${FAKE_PORT}/api/ \
    Slack__ClientId=bench.client Slack__ClientSecret=bench-client-secret Slack__RedirectUri=http://127.0.0.1:${APP_PORT}/slack/oauth/callback \
    Storage__ConnectionString="Data Source=$DB" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Nudges__PollInterval=00:00:00.250 \
    Metrics__Enabled=$([ "${ALLOC:-}" = 1 ] && echo true || echo false) \
    $APP --urls http://127.0.0.1:${APP_PORT} >/tmp/outbox-drain-app.log 2>&1 &
  APPPID=$!
  for _ in $(seq 1 150); do curl -sf http://127.0.0.1:${APP_PORT}/readyz >/dev/null && return 0; sleep 0.2; done
  echo "app did not get ready" >&2; return 1
}
PROBES=od$$
cleanup() { kill $FAKE ${APPPID:-} 2>/dev/null || true; rm -rf "$DB" "$DB"-wal "$DB"-shm "$DB".inbox "$DB".keys; perf probe -q -d "$PROBES:*" 2>/dev/null || true; }
trap cleanup EXIT

# Schema and one installation per workspace (fake-slack's oauth.v2.access names the team after the code).
start_app
for k in $(seq 0 $((TEAMS - 1))); do
  state=$(curl -sf http://127.0.0.1:${APP_PORT}/slack/install | python3 -c 'import re, sys, html, urllib.parse; print(urllib.parse.unquote(re.search(r"state=([^&\"]+)", html.unescape(sys.stdin.read())).group(1)))')
  curl -sf -G http://127.0.0.1:${APP_PORT}/slack/oauth/callback --data-urlencode "code=T${k}LOAD" --data-urlencode "state=${state}" >/dev/null \
    || { echo "installing T${k}LOAD failed" >&2; exit 1; }
done
kill $APPPID; wait $APPPID || true
if [ -n "${SCHEMA_SQL:-}" ]; then
  python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()" "$DB" "$SCHEMA_SQL"
fi

# Writes ROWS pending nudges per team into the running service's database, interleaved across
# teams as they would arrive (a few SQLite transactions from outside the process).
seed() {
  python3 - "$DB" "$1" "$TEAMS" "$2" <<'PY'
import sqlite3, sys, json
from datetime import datetime, timedelta, timezone
db, rows, teams, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
c = sqlite3.connect(db, timeout=30)
now = datetime.now(timezone.utc)
fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
content = json.dumps({"text": "A quick async tip about your last message", "paragraphs": [
    {"rule_id": "vague-urgency", "markdown": "*\u201Casap\u201D doesn't say by when.* A date and time lets people plan around it."}],
    "why": "Vague urgency makes everyone drop what they are doing."})
base = int(now.timestamp()) - 100000 + batch * 10000
for i in range(rows):
    for k in range(teams):
        cur = c.execute("""INSERT INTO nudges (team_id, channel_id, message_ts, thread_ts, author_id, delivery, content_json, state, attempts,
                           next_attempt_at, expires_at, day_start, created_at)
                           VALUES (?, 'C0LOAD', ?, NULL, ?, 'Ephemeral', ?, 'pending', 0, ?, ?, ?, ?)""",
                        (f"T{k}LOAD", f"{base + i}.{k:06d}", f"U{i % 50:07d}", content, fmt(now - timedelta(seconds=1)),
                         fmt(now + timedelta(hours=1)), fmt(now - timedelta(hours=10)), fmt(now - timedelta(seconds=1))))
        c.execute("INSERT INTO nudge_rules (nudge_id, rule_id) VALUES (?, 'vague-urgency')", (cur.lastrowid,))
c.commit()
PY
}

# ALLOC=1: the process's allocated bytes and GC count so far.
allocated() {
  [ "${ALLOC:-}" = 1 ] || { echo "0 0"; return; }
  curl -sf http://127.0.0.1:${APP_PORT}/metrics | awk '/^dotnet_gc_heap_total_allocated_bytes/ {b = $2} /^dotnet_gc_collections(_total)?\{/ {g += $2} END {printf "%.0f %.0f\n", b, g}'
}
cpu() { awk '{print $14 + $15}' /proc/$APPPID/stat; }
left() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=30).execute(\"SELECT COUNT(*) FROM nudges WHERE state IN ('pending','sending')\").fetchone()[0])" "$DB"; }

# Waits until every row has ended and the process used at most 2 clock ticks in the last 0.5 s.
drained() {
  local last=-1 now
  for _ in $(seq 1 1200); do
    now=$(cpu)
    if [ "$(left)" = 0 ] && [ $((now - last)) -le 2 ]; then return 0; fi
    last=$now; sleep 0.5
  done
  echo "the outbox did not drain" >&2; return 1
}

TICKS=$(getconf CLK_TCK)
EVENTS=task-clock,context-switches,raw_syscalls:sys_enter
if [ "${KINDS:-0}" = 1 ]; then
  for k in futex pwrite64 pread64 fcntl epoll_wait epoll_ctl epoll_pwait read write readv writev sendto recvfrom sendmsg recvmsg \
           mmap munmap madvise mprotect sched_yield fdatasync fsync openat close newfstatat lseek getpid gettid ioctl; do
    EVENTS=$EVENTS,syscalls:sys_enter_$k
  done
fi
LIB=$(dirname "${APP##* }")/libe_sqlite3.so
if [ -f "$LIB" ] && [ "${SQL:-1}" = 1 ]; then
  # By address, so the library's PLT stubs are not counted as well.
  for f in step:sqlite3_step prep2:sqlite3_prepare_v2 prep3:sqlite3_prepare_v3 commit:pagerWalFrames; do
    perf probe -q -x "$LIB" -a "$PROBES:${f%%:*}=0x$(readelf -sW "$LIB" | awk -v n="${f#*:}" '$8 == n && $4 == "FUNC" {print $2; exit}')" >/dev/null
  done
  EVENTS=$EVENTS,$PROBES:step,$PROBES:prep2,$PROBES:prep3,$PROBES:commit
fi
start_app
seed "$ROWS" 0; drained
c0=$(cpu); t0=$(date +%s.%N); sleep 5; idle=$(python3 -c "print(($(cpu) - $c0) / ($(date +%s.%N) - $t0))")
echo "load average before: $(cat /proc/loadavg)"
echo "idle: $(python3 -c "print(f'{$idle / $TICKS * 1000:.1f}')") ms CPU per second"
for run in $(seq 1 "$RUNS"); do
  seed "$ROWS" "$run"
  perf stat -x, -e "$EVENTS" -p $APPPID -o /tmp/outbox-drain-$$.perf -- sleep 3600 2>/dev/null &
  perfpid=$!
  read -r a0 g0 < <(allocated)
  c0=$(cpu); t0=$(date +%s.%N)
  drained
  c1=$(cpu); t1=$(date +%s.%N)
  read -r a1 g1 < <(allocated)
  kill $(pgrep -P $perfpid) 2>/dev/null || true; wait $perfpid || true
  counts=$(awk -F, -v n=$((ROWS * TEAMS)) '$3 ~ /raw_syscalls:sys_enter/ {s = $1} $3 ~ /context-switches/ {c = $1} $3 ~ /:step$/ {st = $1} $3 ~ /:prep[23]$/ {p += $1} $3 ~ /:commit$/ {w = $1}
    $3 ~ /syscalls:sys_enter_/ && $1 / n >= 0.2 {k = k sprintf(" %s %.2f", substr($3, index($3, "enter_") + 6), $1 / n)}
    END {printf "system calls %.1f, context switches %.2f", s / n, c / n; if (st != "") printf ", SQLite steps %.2f, compiled %.3f, write commits %.3f", st / n, p / n, w / n; if (k != "") printf ";%s", k}' /tmp/outbox-drain-$$.perf)
  sent=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=30).execute(\"SELECT COUNT(*) FROM nudges WHERE state = 'sent'\").fetchone()[0])" "$DB")
  python3 -c "
c0, c1, t0, t1, idle, ticks, rows = $c0, $c1, $t0, $t1, $idle, $TICKS, $ROWS * $TEAMS
busy = (c1 - c0 - idle * (t1 - t0)) / ticks
alloc = f', {($a1 - $a0) / rows:,.0f} B allocated, {($g1 - $g0) / rows * 1000:.2f} GCs per 1,000' if ${ALLOC:-0} == 1 else ''
print(f'${LABEL:+$LABEL }run $run: {rows} rows ended in {t1 - t0:.1f} s, {(c1 - c0) / ticks:.2f} s CPU ({busy:.2f} s above idle): {busy / rows * 1e6:.0f} µs per message; per message: $counts{alloc}; load {open(\"/proc/loadavg\").read().split()[0]}')"
done
echo "load average after: $(cat /proc/loadavg)"
echo "sent: $sent of $((ROWS * TEAMS * (RUNS + 1))); postEphemeral calls received by fake-slack: $(curl -sf http://127.0.0.1:${FAKE_PORT}/arrivals | wc -l)"
