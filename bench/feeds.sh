#!/usr/bin/env bash
# Loads the site's public feed and the demo subscriber's private feed on the demo publication, each as a full
# answer and as a conditional GET answered 304, and prints requests per second and p50/p95/p99. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly THREADS="${BENCH_THREADS:-16}"
readonly WARMUP="${BENCH_WARMUP_SECONDS:-60}"
readonly SECONDS_MEASURED="${BENCH_SECONDS:-15}"

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/feeds.sh [--no-build]   (BENCH_THREADS, BENCH_WARMUP_SECONDS, BENCH_SECONDS)" "$@"

echo "Feeds on $(nproc) cores, $THREADS client threads; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
harness_run org.backstory.site.FeedBenchmark "$THREADS" "$WARMUP" "$SECONDS_MEASURED" | tee target/bench/feeds.txt |
	grep -E '^(feeds|RESULT|FAILED)'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
