#!/usr/bin/env bash
# Runs the XLSX reader's fuzzer. Seeds: the committed fixtures, and the shared corpus when it
# is next to the repository (whole files, plus each XML part of them as a structured input).
#
#   Tests/Fuzz/run.sh [SECONDS]        default 60; libFuzzer options may follow
#   FUZZ_NICE=0 Tests/Fuzz/run.sh 1800 the niceness (default 19, so that it yields to builds)
#
# New inputs go to .build/fuzz/corpus; crashes to .build/fuzz/crashes (turn each into a
# regression fixture under Tests/Fixtures/xlsx/regressions/ and a test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${FUZZ_BUILD:-$ROOT/.build/fuzz}
SECONDS_TO_RUN=${1:-60}
shift || true
[ -x "$OUT/fuzz-xlsx" ] || "$ROOT/Tests/Fuzz/build.sh"
SEEDS="$OUT/seeds"
mkdir -p "$SEEDS" "$OUT/corpus" "$OUT/crashes"
python3 "$ROOT/Tests/Fuzz/make_seeds.py" "$SEEDS" "$ROOT/Tests/Fixtures/xlsx" "$ROOT/../shared/corpus/xlsx"
cd "$OUT"
exec nice -n "${FUZZ_NICE:-19}" ./fuzz-xlsx -max_total_time="$SECONDS_TO_RUN" -max_len=1048576 -timeout=20 \
  -rss_limit_mb=2048 -artifact_prefix="$OUT/crashes/" -print_final_stats=1 "$@" \
  "$OUT/corpus" "$SEEDS"
