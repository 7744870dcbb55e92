#!/usr/bin/env bash
# Times drawing one generated share image (1200x630 PNG, Java2D, headless): p50/p95/max over BENCH_RUNS drawings after
# a warm-up. A drawn image is kept on disk, so this is paid once per title, publication name and accent. See
# bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly RUNS="${BENCH_RUNS:-50}"

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/share-image.sh [--no-build]   (BENCH_RUNS)" "$@"

echo "Share image drawing on $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Djava.awt.headless=true" harness_run org.backstory.site.ShareImageBenchmark "$RUNS" |
	tee target/bench/share-image.txt | grep -E '^(RESULT|FAILED)'
