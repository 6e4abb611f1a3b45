#!/usr/bin/env bash
# Builds the benchmarks (Release, in build/bench) and runs them: README
# "Performance". Extra arguments go to Google Benchmark, for example
#   tests/bench/run.sh --benchmark_filter=dense
# JOBS=1 builds with one job (default: every core).
set -euo pipefail
cd "$(dirname "$0")/../.."

cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKINDLING_BUILD_BENCHMARKS=ON \
  -DBUILD_TESTING=OFF -DKINDLING_BUILD_GUI=OFF >/dev/null
cmake --build build/bench --target kindling_bench -j "${JOBS:-$(nproc)}"

# Five runs of each, reported as mean, median and spread; JSON beside the build.
exec build/bench/tests/bench/kindling_bench \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out=build/bench/results.json --benchmark_out_format=json "$@"
