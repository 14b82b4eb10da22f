#!/bin/bash
# Compares two Release builds of the service under the same `load` (saturation, then 1,000/s),
# alternating them ROUNDS times, and prints requests/s, latency and server CPU per request.
# Used to check that a change on the acknowledgement path does not cost CPU per event.
#   A_DLL=/tmp/main/src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll \
#   B_DLL=src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll bench/http-cpu-compare.sh
# (build the reference with: git archive main | tar -x -C /tmp/main && dotnet build -c Release /tmp/main/src/AsyncCoach)
set -euo pipefail
: "${A_DLL:?path of the reference build's AsyncCoach.dll}" "${B_DLL:?path of the candidate build's AsyncCoach.dll}"
PORT=${PORT:-5733} ROUNDS=${ROUNDS:-2} DURATION=${DURATION:-10} WARMUP=${WARMUP:-3}
L="dotnet $(dirname "$0")/AsyncCoach.Benchmarks/bin/Release/net10.0/AsyncCoach.Benchmarks.dll load"
for round in $(seq 1 "$ROUNDS"); do
  for which in A B; do
    dll=$A_DLL; [ "$which" = B ] && dll=$B_DLL
    rm -rf /tmp/http-cpu-compare.db*
    Slack__SigningSecret=load-test-secret Storage__ConnectionString="Data Source=/tmp/http-cpu-compare.db" \
      ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" serve --urls "http://127.0.0.1:$PORT" > /dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" > /dev/null && break; sleep 0.2; done
    echo "== $which round $round, load average $(cut -d' ' -f1 /proc/loadavg)"
    $L --url "http://127.0.0.1:$PORT/slack/events" --server-pid $server --connections 50 --duration "$DURATION" --warmup "$WARMUP" | grep -E "requests/s|per request"
    $L --url "http://127.0.0.1:$PORT/slack/events" --server-pid $server --connections 50 --duration "$DURATION" --warmup "$WARMUP" --rate 1000 | grep -E "latency|per request"
    kill -TERM $server; wait $server || true
  done
done
