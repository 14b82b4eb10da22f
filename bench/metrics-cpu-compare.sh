#!/bin/bash
# What metrics cost: the same build run with Metrics:Enabled false (off) and true (on), alternated
# ROUNDS times, each over a fresh database, saturation with --settle true (server CPU per event
# until idle, so every event's background processing and its counting is included). With metrics
# on, /metrics is scraped every SCRAPE seconds during the run, as Prometheus would, and once at
# the end to check the counters saw every event.
#   dotnet publish src/AsyncCoach -c Release -r linux-x64 -o /tmp/pub
#   dotnet build -c Release bench/AsyncCoach.Benchmarks
#   SERVER=/tmp/pub/AsyncCoach bench/metrics-cpu-compare.sh
set -uo pipefail
: "${SERVER:?path of the native AsyncCoach executable (or 'dotnet path/AsyncCoach.dll')}"
PORT=${PORT:-5753} ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-10} WARMUP=${WARMUP:-3} SCRAPE=${SCRAPE:-5}
BENCH=${BENCH:-$(dirname "$0")/AsyncCoach.Benchmarks/bin/Release/net10.0/AsyncCoach.Benchmarks.dll}
L="dotnet $BENCH load"
for round in $(seq 1 "$ROUNDS"); do
  for metrics in false true; do
    rm -rf /tmp/metrics-compare.db*
    Metrics__Enabled=$metrics Slack__SigningSecret=load-test-secret Storage__ConnectionString="Data Source=/tmp/metrics-compare.db" \
      ASPNETCORE_ENVIRONMENT=Production $SERVER serve --urls "http://127.0.0.1:$PORT" > /dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/readyz" > /dev/null && break; sleep 0.2; done
    scraper=
    if [ "$metrics" = true ]; then
      (while sleep "$SCRAPE"; do curl -sf "http://127.0.0.1:$PORT/metrics" > /dev/null; done) &
      scraper=$!
    fi
    echo "== metrics $metrics, round $round, $(date -u +%H:%M:%S), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    $L --url "http://127.0.0.1:$PORT/slack/events" --server-pid $server --connections 50 --duration "$DURATION" --warmup "$WARMUP" --settle true 2>&1 | grep -vE "^\s*$"
    if [ -n "$scraper" ]; then
      kill "$scraper"; wait "$scraper" 2>/dev/null
      curl -sf "http://127.0.0.1:$PORT/metrics" | grep -E "^asynccoach_events_(acknowledged|processed)_total" | sed 's/^/   /'
    fi
    kill -TERM $server; wait $server 2>/dev/null || true
  done
done
