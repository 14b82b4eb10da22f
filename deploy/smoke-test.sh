#!/bin/bash
# Runs what the Dockerfile's runtime stage holds, as it runs it, without Docker: the native publish
# (debugging aids removed) in a folder of its own, the database on a "volume" folder, the port from
# ASPNETCORE_HTTP_PORTS, a signing secret from a file (as a Docker secret or systemd credential);
# then the image's HEALTHCHECK command, /readyz, and SIGTERM (docker stop) with exit code 0.
#   dotnet publish src/AsyncCoach -c Release -r linux-x64 -o /tmp/pub && deploy/smoke-test.sh /tmp/pub
set -euo pipefail
PUBLISHED=${1:?the published folder (dotnet publish src/AsyncCoach -c Release -r linux-x64 -o DIR)}
PORT=${PORT:-18080}
WORK=$(mktemp -d)
trap 'kill -KILL $server 2>/dev/null || true; rm -rf "$WORK"' EXIT

mkdir -p "$WORK/app" "$WORK/data" "$WORK/credentials"
cp -r "$PUBLISHED"/. "$WORK/app/"
rm -f "$WORK"/app/*.dbg "$WORK"/app/*.pdb "$WORK"/app/*.xml
printf 'smoke-test-secret\n' > "$WORK/credentials/Slack__SigningSecret"

cd "$WORK/app"
env -i PATH=/usr/bin:/bin HOME="$WORK" ASPNETCORE_HTTP_PORTS=$PORT CREDENTIALS_DIRECTORY="$WORK/credentials" \
  Storage__ConnectionString="Data Source=$WORK/data/asynccoach.db" \
  ./AsyncCoach serve > "$WORK/out.log" 2>&1 &
server=$!

healthy=0
for _ in $(seq 1 100); do
  if env -i ASPNETCORE_HTTP_PORTS=$PORT ./AsyncCoach healthcheck --timeout 00:00:02 > /dev/null 2>&1; then healthy=1; break; fi
  kill -0 $server 2>/dev/null || break
  sleep 0.2
done
if [ $healthy != 1 ]; then echo "FAIL: healthcheck never passed"; cat "$WORK/out.log"; exit 1; fi
env -i ASPNETCORE_HTTP_PORTS=$PORT ./AsyncCoach healthcheck
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")
[ "$ready" = 200 ] || { echo "FAIL: /readyz answered $ready"; cat "$WORK/out.log"; exit 1; }
echo "/readyz answered 200"
[ -f "$WORK/data/asynccoach.db" ] && [ -d "$WORK/data/asynccoach.db.inbox" ] || { echo "FAIL: the database or the journal is not on the volume"; ls -la "$WORK/data"; exit 1; }
echo "database and inbox journal on the volume: $(ls "$WORK/data" | tr '\n' ' ')"

kill -TERM $server
code=0; wait $server || code=$?
[ $code = 0 ] || { echo "FAIL: exit code $code after SIGTERM"; cat "$WORK/out.log"; exit 1; }
if env -i ASPNETCORE_HTTP_PORTS=$PORT ./AsyncCoach healthcheck --timeout 00:00:02 > /dev/null 2>&1; then echo "FAIL: healthy after the stop"; exit 1; fi
echo "stopped on SIGTERM with exit code 0; healthcheck now fails as it should. OK"
