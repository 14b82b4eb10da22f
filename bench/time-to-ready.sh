#!/usr/bin/env bash
# Measures how long the service takes from process start until /readyz answers 200, a few times
# over a fresh database each time. Usage: bench/time-to-ready.sh [runs]
# ASYNCCOACH_DLL picks another build, e.g. a ReadyToRun publish.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
dll="${ASYNCCOACH_DLL:-src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll}"
[ -f "$dll" ] || dotnet build -c Release src/AsyncCoach >/dev/null
for i in $(seq 1 "$runs"); do
  db="$(mktemp -u /tmp/ready-XXXXXX.db)"
  start=$(date +%s%N)
  Slack__SigningSecret=ready-test Storage__ConnectionString="Data Source=$db" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$dll" --urls http://127.0.0.1:5099 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do
    if curl -sf -o /dev/null http://127.0.0.1:5099/readyz; then break; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$db" "$db-wal" "$db-shm"
  echo "run $i: ready in $(( (end - start) / 1000000 )) ms"
done
