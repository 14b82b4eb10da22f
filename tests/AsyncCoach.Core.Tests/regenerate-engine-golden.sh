#!/bin/sh
# Regenerates Fixtures/engine-golden.txt (EngineGoldenTests) from the engine as built now: run it only
# when a change is meant to change findings, and review the diff it leaves.
set -e
cd "$(dirname "$0")"
ASYNCCOACH_ENGINE_GOLDEN_OUT="$PWD/Fixtures/engine-golden.txt" \
  dotnet test . --filter "FullyQualifiedName~EngineGoldenTests.Findings_on_every_dev" "$@"
echo "wrote $PWD/Fixtures/engine-golden.txt"
