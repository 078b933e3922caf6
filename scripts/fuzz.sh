#!/usr/bin/env bash
# Fuzzes one Jazzer @FuzzTest for a while, with JSqlParser and refguard instrumented for coverage.
#
#   scripts/fuzz.sh <Target> [minutes]     e.g. scripts/fuzz.sh SplitterFuzzTest 10
#
# Targets: SplitterFuzzTest, FallbackFuzzTest, EngineFuzzTest (src/test/java/dev/refguard/fuzz).
# A crashing input is written into src/test/resources/dev/refguard/fuzz/<Target>Inputs/<method>/, where
# plain `mvn verify` replays it from then on; the growing corpus stays in .cifuzz-corpus/ (not committed).
# Run one fuzzer at a time: each takes a core and about 2 GB of memory.
set -euo pipefail

target="${1:?usage: scripts/fuzz.sh <Target> [minutes]}"
minutes="${2:-10}"
cd "$(dirname "$0")/.."

export JAZZER_FUZZ=1
export JAZZER_INSTRUMENTATION_INCLUDES='net.sf.jsqlparser.**:dev.refguard.**'
export JAZZER_CUSTOM_HOOK_INCLUDES='net.sf.jsqlparser.**:dev.refguard.**'
# overrides @FuzzTest(maxDuration), which is kept short for accidental runs
export JAZZER_MAX_DURATION="${minutes}m"

exec mvn -B test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true \
    -Dspotless.check.skip=true -Denforcer.skip=true
