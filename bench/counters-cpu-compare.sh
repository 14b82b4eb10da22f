#!/bin/bash
# The activity counters' cost on the hot path: saturation with --settle true (server CPU per event
# until idle, so each event's background processing and its counters are included), alternating
# A (the reference build), B (the candidate) and C (the candidate with migration 0019's digest
# indexes dropped after start, to see their ingest cost apart), ROUNDS times.
#   A_DLL=/tmp/main/src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll \
#   B_DLL=src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll bench/counters-cpu-compare.sh
# (reference: git archive main | tar -x -C /tmp/main && dotnet build -c Release /tmp/main/src/AsyncCoach)
# WHICH="A B" leaves C out. For B, the digest's findings counters are checked against the findings.
set -uo pipefail
: "${A_DLL:?path of the reference build's AsyncCoach.dll}" "${B_DLL:?path of the candidate build's AsyncCoach.dll}"
PORT=${PORT:-5743} ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-10} WARMUP=${WARMUP:-3}
L="dotnet $(dirname "$0")/AsyncCoach.Benchmarks/bin/Release/net10.0/AsyncCoach.Benchmarks.dll load"
for round in $(seq 1 "$ROUNDS"); do
  for which in ${WHICH:-A B C}; do
    dll=$A_DLL; [ "$which" != A ] && dll=$B_DLL
    rm -rf /tmp/counters-compare.db*
    Slack__SigningSecret=load-test-secret Storage__ConnectionString="Data Source=/tmp/counters-compare.db" \
      ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" serve --urls "http://127.0.0.1:$PORT" > /dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/readyz" > /dev/null && break; sleep 0.2; done
    if [ "$which" = C ]; then sqlite3 /tmp/counters-compare.db "DROP INDEX ix_findings_team_rule_at; DROP INDEX ix_nudges_team_sent;"; fi
    echo "== $which round $round, $(date -u +%H:%M:%S), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    $L --url "http://127.0.0.1:$PORT/slack/events" --server-pid $server --connections 50 --duration "$DURATION" --warmup "$WARMUP" --settle true 2>&1 | grep -vE "^\s*$"
    if [ "$which" != A ]; then sqlite3 /tmp/counters-compare.db "select sum(messages), sum(after_hours), count(*) from activity_counters" 2>/dev/null | sed 's/^/   counters: /'; fi
    if [ "$which" = B ]; then sqlite3 /tmp/counters-compare.db "select (select count(*) from findings), (select sum(findings) from finding_counts where channel_id = ''), (select sum(findings) from finding_counts where channel_id <> '')" 2>/dev/null | sed 's/^/   findings, team counters, channel counters: /'; fi
    kill -TERM $server; wait $server 2>/dev/null || true
  done
done
