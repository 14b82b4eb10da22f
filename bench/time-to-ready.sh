#!/usr/bin/env bash
# Measures how long the service takes from process start until /readyz answers 200, a few times
# over a fresh database each time. Usage: bench/time-to-ready.sh [runs]
# EXISTING=1 starts every run on a database that is already migrated (a restart, the common case)
# instead of a fresh one.
# ASYNCCOACH_DLL picks another build, e.g. a ReadyToRun publish or an empty web app for the floor.
#
# The poller forks nothing: it connects with bash's /dev/tcp, sends one GET, reads the status line,
# and sleeps 2 ms with a read timeout. (Forking curl every few milliseconds took a noticeable share
# of the two cores away from the service being timed.) Besides the wall time it prints the CPU time
# the service had used by then (all its threads, from /proc/<pid>/task/*/schedstat), which is far
# less sensitive to the other work on a shared machine. TRACE=1 also prints, for each run, when the
# service reached each start-up milestone (ms after process start; ASYNCCOACH_STARTUP_TRACE).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
dll="${ASYNCCOACH_DLL:-src/AsyncCoach/bin/Release/net10.0/AsyncCoach.dll}"
port=5099
[ -f "$dll" ] || dotnet build -c Release src/AsyncCoach >/dev/null
# A native AOT publish is an executable of its own; a .dll runs under the dotnet host.
run=(dotnet "$dll"); [[ "$dll" == *.dll ]] || run=("$dll")

# A sleep that forks nothing: a read with a timeout on a pipe that nobody writes to.
exec {nap}<> <(:)

micros() { local t="${1/./}"; echo $((10#$t)); }

walls=(); cpus=()
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  db="$(mktemp -u /tmp/ready-XXXXXX.db)"
  trace="$db.trace"
  if [ "${EXISTING:-0}" = 1 ]; then
    # Migrated beforehand by the service itself (check-and-exit would need a verb; a short serve does).
    Slack__SigningSecret=ready-test Storage__ConnectionString="Data Source=$db" ASPNETCORE_ENVIRONMENT=Production \
      "${run[@]}" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    prep=$!
    for _ in $(seq 1 5000); do
      if { exec {conn}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
        printf 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$conn"
        status=""; read -r -t 2 _ status _ <&"$conn" || true; exec {conn}>&-
        [ "$status" = 200 ] && break
      fi
      read -r -t 0.01 -u "$nap" || true
    done
    kill "$prep"; wait "$prep" 2>/dev/null || true
  fi
  start=$EPOCHREALTIME
  ASYNCCOACH_STARTUP_TRACE="${TRACE:-0}" \
    Slack__SigningSecret=ready-test Storage__ConnectionString="Data Source=$db" ASPNETCORE_ENVIRONMENT=Production \
    "${run[@]}" --urls "http://127.0.0.1:$port" >/dev/null 2>"$trace" &
  pid=$!
  ready=""
  for _ in $(seq 1 5000); do
    if { exec {conn}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$conn"
      status=""
      read -r -t 2 _ status _ <&"$conn" || true
      exec {conn}>&-
      if [ "$status" = 200 ]; then ready=1; break; fi
    fi
    kill -0 "$pid" 2>/dev/null || break
    read -r -t 0.002 -u "$nap" || true
  done
  end=$EPOCHREALTIME
  cpu=0
  for f in /proc/"$pid"/task/*/schedstat; do
    read -r ns _ 2>/dev/null < "$f" || continue
    cpu=$((cpu + ns))
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  milestones=""
  while read -r tag at what; do
    [ "$tag" = startup-trace ] && milestones+="${milestones:+, }$what $(( (at - $(micros "$start")) / 1000 ))"
  done < "$trace"
  rm -rf "$db" "$db-wal" "$db-shm" "$db.inbox" "$trace"
  if [ -z "$ready" ]; then
    echo "run $i: /readyz never answered 200" >&2
    exit 1
  fi
  wall=$(( ($(micros "$end") - $(micros "$start")) / 1000 ))
  cpu=$((cpu / 1000000))
  walls+=("$wall"); cpus+=("$cpu")
  echo "run $i: ready in $wall ms (service CPU $cpu ms)"
  [ -z "$milestones" ] || echo "  ms after start: $milestones"
done

summary() { sort -n | awk '{ v[NR] = $1 } END { printf "min %d, median %d, max %d ms", v[1], v[int((NR + 1) / 2)], v[NR] }'; }
echo "ready in: $(printf '%s\n' "${walls[@]}" | summary); service CPU: $(printf '%s\n' "${cpus[@]}" | summary)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
