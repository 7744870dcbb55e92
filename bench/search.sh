#!/usr/bin/env bash
# Generates N articles (default 100,000) of about 1,000 words in SQL inside a fresh embedded PostgreSQL, then times
# the readers' search (ranked page, count, access gate, snippets) for one- and three-word queries, anonymous and as
# a paying reader, and prints p50/p95/p99 and the index sizes; the goal is p95 under 50 ms. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_ARTICLES:-100000}"
readonly GOAL_MS=50

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/search.sh [--no-build]   (BENCH_ARTICLES=N to change the count, default 100000)" "$@"

echo "Search on $COUNT articles, $(nproc) cores (goal: p95 under ${GOAL_MS} ms); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
harness_run org.backstory.search.SearchBenchmark "$COUNT" | tee target/bench/search.txt | grep -E '^(seeded|RESULT|SIZE)'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
slow="$(awk -v g="$GOAL_MS" -F'p95_ms=' '/p95_ms=/ { split($2, a, " "); if (a[1] + 0 >= g) print }' target/bench/search.txt)"
if [[ -z "$slow" ]]; then
	echo "goal met: every case's p95 under ${GOAL_MS} ms"
else
	echo "goal missed by:"
	echo "$slow"
fi
