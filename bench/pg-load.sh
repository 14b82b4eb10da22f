#!/usr/bin/env bash
# The HTTP acknowledgement path on PostgreSQL, one and two instances, beside SQLite, in the same
# minutes (issue #19, "Scale, measured and planned"). Starts a throwaway PostgreSQL on 127.0.0.1
# (its own data folder under /tmp, its own port, fsync ON and synchronous_commit ON: an event is
# acknowledged only after its batch's commit is flushed to disk), then for each scenario a fresh
# database, the instance(s) (Release build, Storage__Provider=Postgres) and the `load` command:
# saturation, then a fresh database again and 1,000 events/s. For PostgreSQL runs it prints, per
# event (warm-up included, counted from the inbox rows): statements (pg_stat_statements calls,
# each a round trip), commits, WAL bytes and WAL syncs, rows inserted, and the CPU of the
# PostgreSQL processes and of the instance(s); then the statements that cost most per event.
# Needs the Release builds (bench/README.md) and PostgreSQL's binaries (PG_BIN).
#
#   bench/pg-load.sh                          # every scenario: sqlite:1 pg:1 pg:2
#   SCENARIOS="pg:2" DURATION=20 bench/pg-load.sh
#   ROUNDS=3 bench/pg-load.sh                 # repeat the scenarios, alternated
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-5442}
DURATION=${DURATION:-10}; WARMUP=${WARMUP:-3}; PRIME=${PRIME:-3}; CONNECTIONS=${CONNECTIONS:-50}; RATE=${RATE:-1000}
SCENARIOS=${SCENARIOS:-"sqlite:1 pg:1 pg:2"}; ROUNDS=${ROUNDS:-1}; MODES=${MODES:-"saturation rate"}
APP_PORTS=(5281 5282)
B="dotnet bench/AsyncCoach.Benchmarks/bin/Release/net10.0/AsyncCoach.Benchmarks.dll"
APP="dotnet src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll"
ROOT=$(mktemp -d /tmp/pg-load-XXXXXX)
PGDATA=$ROOT/data
APPPIDS=()

# initdb refuses root: as root the server runs as the postgres user the package creates.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$ROOT"
stop_apps() {
  for pid in "${APPPIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${APPPIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  APPPIDS=()
}
cleanup() {
  stop_apps
  as_pg "$PG_BIN/pg_ctl" stop -D "$PGDATA" -m fast -w >/dev/null 2>&1 || true
  rm -rf "$ROOT" /tmp/pg-load-sqlite.db*
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$PGDATA" -U asynccoach --auth=trust -E UTF8 --no-instructions >/dev/null
as_pg "$PG_BIN/pg_ctl" start -D "$PGDATA" -w -t 60 -l "$ROOT/server.log" -o \
  "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $ROOT -c fsync=on -c synchronous_commit=on -c max_connections=200 -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top" >/dev/null
PSQL="$PG_BIN/psql -h 127.0.0.1 -p $PG_PORT -U asynccoach -X -q -At"
$PSQL -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
echo "PostgreSQL $($PSQL -d postgres -c 'SHOW server_version') at 127.0.0.1:$PG_PORT: fsync=$($PSQL -d postgres -c 'SHOW fsync'), synchronous_commit=$($PSQL -d postgres -c 'SHOW synchronous_commit'), wal_sync_method=$($PSQL -d postgres -c 'SHOW wal_sync_method'), full_page_writes=$($PSQL -d postgres -c 'SHOW full_page_writes'), shared_buffers=$($PSQL -d postgres -c 'SHOW shared_buffers')"
PGPID=$(head -1 "$PGDATA/postmaster.pid")

# CPU time (clock ticks, 100/s) of a process: utime + stime.
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PostgreSQL's CPU: the postmaster with the backends it has reaped, plus those still running.
pg_ticks() {
  local total; total=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$PGPID/stat")
  for child in $(ps -o pid= --ppid "$PGPID"); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
app_ticks() { local each=""; for pid in "${APPPIDS[@]}"; do each+="${each:+,}$(ticks "$pid")"; done; echo "$each"; }

start_apps() { # provider instances
  local provider=$1 count=$2 i
  for ((i = 0; i < count; i++)); do
    if [ "$provider" = pg ]; then
      Storage__Provider=Postgres Storage__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=asynccoach;Database=load" \
        Slack__SigningSecret=load-test-secret ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        $APP --urls "http://127.0.0.1:${APP_PORTS[$i]}" >"$ROOT/app$i.log" 2>&1 &
    else
      Storage__ConnectionString="Data Source=/tmp/pg-load-sqlite.db" \
        Slack__SigningSecret=load-test-secret ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        $APP --urls "http://127.0.0.1:${APP_PORTS[$i]}" >"$ROOT/app$i.log" 2>&1 &
    fi
    APPPIDS+=($!)
  done
  for ((i = 0; i < count; i++)); do
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:${APP_PORTS[$i]}/readyz" >/dev/null && continue 2; sleep 0.2; done
    echo "instance $i did not get ready:" >&2; cat "$ROOT/app$i.log" >&2; exit 1
  done
}

pg_snapshot() { # commits, rollbacks, rows inserted, WAL records, WAL bytes, WAL syncs, statements
  $PSQL -d postgres -F ' ' -c "SELECT d.xact_commit, d.xact_rollback, d.tup_inserted, w.wal_records, w.wal_bytes, w.wal_sync,
      (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s WHERE s.dbid = d.datid)
    FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = 'load'"
}

run() { # provider instances mode
  local provider=$1 count=$2 mode=$3 urls="" pids="" i
  stop_apps
  rm -rf /tmp/pg-load-sqlite.db*
  if [ "$provider" = pg ]; then
    $PSQL -d postgres -c "DROP DATABASE IF EXISTS load WITH (FORCE)" -c "CREATE DATABASE load" 2>&1 | grep -v "does not exist, skipping" || true
  fi
  start_apps "$provider" "$count"
  for ((i = 0; i < count; i++)); do urls+="${urls:+,}http://127.0.0.1:${APP_PORTS[$i]}/slack/events"; pids+="${pids:+,}${APPPIDS[$i]}"; done
  local rate_args=() ; [ "$mode" = rate ] && rate_args=(--rate "$RATE")
  echo
  echo "== $provider, $count instance(s), $mode ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # A first, unrecorded load (JIT, pools, prepared statements), so the counters below and the
  # CPU per event cover a warm service, as the load's own figures do.
  $B load --url "$urls" --connections "$CONNECTIONS" --duration "$PRIME" --warmup 0 "${rate_args[@]}" >/dev/null || true
  local before="" pg_before=0 app_before events_before=0
  if [ "$provider" = pg ]; then
    for _ in $(seq 1 300); do [ "$($PSQL -d load -c "SELECT count(*) FROM inbox WHERE state = 'pending'")" = 0 ] && break; sleep 0.2; done
    events_before=$($PSQL -d load -c "SELECT count(*) FROM inbox")
    $PSQL -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
    $PSQL -d postgres -c "SELECT pg_stat_reset_shared('wal')" >/dev/null
    before=$(pg_snapshot); pg_before=$(pg_ticks)
  fi
  app_before=$(app_ticks)
  $B load --url "$urls" --server-pid "$pids" --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" --settle true "${rate_args[@]}" || echo "(load exited $?)"
  if [ "$provider" = pg ]; then
    local after pg_after app_after events
    after=$(pg_snapshot); pg_after=$(pg_ticks); app_after=$(app_ticks)
    events=$(($($PSQL -d load -c "SELECT count(*) FROM inbox") - events_before))
    echo "states: $($PSQL -d load -c "SELECT string_agg(state || ' ' || n, ', ') FROM (SELECT state, count(*) n FROM inbox GROUP BY state) s")"
    python3 - "$events" "$before" "$after" "$((pg_after - pg_before))" "$app_before" "$app_after" <<'PY'
import sys
events = int(sys.argv[1]); b = list(map(int, sys.argv[2].split())); a = list(map(int, sys.argv[3].split()))
d = [x - y for x, y in zip(a, b)]
names = ["commits", "rollbacks", "rows inserted", "WAL records", "WAL bytes", "WAL syncs", "statements (round trips)"]
print(f"per event after the unrecorded first load ({events} events, the load's warm-up included): " +
      ", ".join(f"{n} {v / events:.3f}" for n, v in zip(names, d)))
apps = [int(y) - int(x) for x, y in zip(sys.argv[5].split(","), sys.argv[6].split(","))]
print(f"CPU per event, the same events: PostgreSQL {int(sys.argv[4]) * 10000 / events:.1f} µs, instance(s) {sum(apps) * 10000 / events:.1f} µs"
      + (" (" + " + ".join(f"{a * 10000 / events:.1f}" for a in apps) + ")" if len(apps) > 1 else ""))
PY
    echo "rows and bytes on disk per live row (heap + indexes + TOAST; before vacuum):"
    $PSQL -d load -F ' | ' -c "SELECT relname, n_live_tup, n_dead_tup, pg_total_relation_size(relid) / greatest(n_live_tup, 1)
      FROM pg_stat_user_tables WHERE relname IN ('inbox', 'findings', 'nudges', 'nudge_rules', 'pending_findings', 'activity_counters', 'activity_people', 'finding_counts')
      ORDER BY relname"
    echo "statements by time (calls per event | rows per call | WAL bytes per event | µs per event):"
    $PSQL -d postgres -F ' | ' -c "SELECT round(calls::numeric / $events, 3), round(rows::numeric / greatest(calls, 1), 1), round(wal_bytes / $events, 1), round((total_exec_time * 1000 / $events)::numeric, 1),
        left(regexp_replace(query, '\s+', ' ', 'g'), 90)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'load') ORDER BY total_exec_time DESC LIMIT ${TOP:-12}"
  fi
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for ((round = 1; round <= ROUNDS; round++)); do
  for scenario in $SCENARIOS; do
    for mode in $MODES; do
      run "${scenario%%:*}" "${scenario##*:}" "$mode"
    done
  done
done
