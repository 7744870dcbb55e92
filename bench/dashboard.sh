#!/usr/bin/env bash
# Times the admin dashboard's figures (both ranges) over N readers (default 100,000), a third of them
# subscribed with up to a year of subscription events, on a fresh embedded PostgreSQL. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_READERS:-100000}"

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/dashboard.sh [--no-build]   (BENCH_READERS=N to change the count, default 100000)" "$@"

echo "Dashboard over $COUNT readers on $(nproc) cores"
harness_run org.backstory.admin.dashboard.DashboardBenchmark "$COUNT" | tee target/bench/dashboard.txt | grep -E '^(seeded|RESULT)'
