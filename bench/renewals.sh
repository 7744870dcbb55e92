#!/usr/bin/env bash
# Renews N due monthly subscriptions (default 100,000) in one renewal run against the sandbox gateway on
# a fresh embedded PostgreSQL, checks each was charged exactly once, and prints the time and charges/s.
# See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_RENEWALS:-100000}"
readonly GOAL_SECONDS=30

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/renewals.sh [--no-build]   (BENCH_RENEWALS=N to change the count, default 100000)" "$@"

echo "Renewing $COUNT due subscriptions on $(nproc) cores (goal: under ${GOAL_SECONDS} s)"
harness_run org.backstory.billing.RenewalBenchmark "$COUNT" | tee target/bench/renewals.txt | grep -E '^(seeded|renewed|RESULT|FAILED)'
seconds="$(sed -n 's/^RESULT .*seconds=\([0-9.]*\).*/\1/p' target/bench/renewals.txt)"
if awk -v s="$seconds" -v g="$GOAL_SECONDS" 'BEGIN { exit !(s < g) }'; then
	echo "goal met: ${seconds} s < ${GOAL_SECONDS} s"
else
	echo "goal missed: ${seconds} s >= ${GOAL_SECONDS} s"
fi
