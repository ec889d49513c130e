#!/usr/bin/env bash
# Builds a city-size database (16 districts, 215 streets, 6,400 communities, 60,000 workers) and measures the product
# on it; writes docs/benchmarks.md.
#   build/bench/run.sh                 full run (about 5–8 minutes on 2 cores)
#   build/bench/run.sh --smoke         tiny data set, 1-second scenarios (build/test.sh runs this)
# Options: CW_BENCH_DATA (data folder, default <repo>/data/bench), CW_BENCH_SEED, CW_BENCH_DURATION, CW_BENCH_CONNECTIONS,
#   CW_BENCH_ONLY=Training,Performance (measure those modules only and replace their rows in docs/benchmarks.md),
#   CW_BENCH_REUSE=1 (measure the data set already in CW_BENCH_DATA instead of generating it again).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SCALE=city
OUT=docs/benchmarks.md
DATA=${CW_BENCH_DATA:-$ROOT/data/bench}
if [ "${1:-}" = "--smoke" ]; then
  SCALE=smoke
  DATA=$(mktemp -d)
  OUT=$DATA/benchmarks.md
fi
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
  else
    echo "wrk is needed: sudo apt-get install wrk" >&2
    exit 2
  fi
fi
echo "==> Building (Release)"
dotnet build build/bench/CommunityWorkforce.Bench/CommunityWorkforce.Bench.csproj -c Release -nologo -v quiet
BENCH="dotnet build/bench/CommunityWorkforce.Bench/bin/Release/net10.0/CommunityWorkforce.Bench.dll"
if [ "${CW_BENCH_REUSE:-}" = "1" ] && [ -f "$DATA/communityworkforce.db" ]; then
  echo "==> Reusing the data set in ${DATA}"
else
  echo "==> Generating the ${SCALE} data set in ${DATA}"
  $BENCH generate --data "$DATA" --seed "${CW_BENCH_SEED:-20261126}" --scale "$SCALE"
fi
ONLY=()
if [ -n "${CW_BENCH_ONLY:-}" ]; then
  ONLY=(--only "$CW_BENCH_ONLY")
fi
echo "==> Measuring"
$BENCH run --data "$DATA" --repo "$ROOT" --out "$OUT" --scale "$SCALE" \
  --duration "${CW_BENCH_DURATION:-10}" --connections "${CW_BENCH_CONNECTIONS:-16}" "${ONLY[@]}"
echo "==> Results written to ${OUT}"
