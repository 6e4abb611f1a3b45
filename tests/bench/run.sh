#!/usr/bin/env bash
# Builds the benchmarks (Release, in build/bench) and runs them: README
# "Performance". Extra arguments go to Google Benchmark, for example
#   tests/bench/run.sh --benchmark_filter=dense
# JOBS=1 builds with one job (default: every core).
set -euo pipefail
cd "$(dirname "$0")/../.."

cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKINDLING_BUILD_BENCHMARKS=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench --target kindling_bench kindling_sync_bench kindling_frame_bench kindling \
  -j "${JOBS:-$(nproc)}"

# Five runs of each, reported as mean, median and spread; JSON beside the build.
for bench in kindling_bench kindling_sync_bench kindling_frame_bench; do
  build/bench/tests/bench/$bench \
    --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_out="build/bench/$bench.json" --benchmark_out_format=json "$@"
done
