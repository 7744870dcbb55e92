#!/usr/bin/env bash
# Seeds N members (default 100,000) with a realistic mix of billing statuses, newsletter opt-ins and labels
# into a fresh embedded PostgreSQL, then times the staff member list (first page, a deep page, searches,
# status, newsletter and label filters, sorting by name, email and status), the full CSV export and a
# 10,000-row import. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_MEMBERS:-100000}"
readonly GOAL_MS=100

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/members.sh [--no-build]   (BENCH_MEMBERS=N to change the count, default 100000)" "$@"

echo "Member list on $COUNT members, $(nproc) cores (goal: every page under ${GOAL_MS} ms)"
harness_run org.backstory.admin.members.MemberListBenchmark "$COUNT" | tee target/bench/members.txt | grep -E '^(seeded|RESULT)'
slow="$(awk -v g="$GOAL_MS" -F'median_ms=' '/median_ms=/ { split($2, a, " "); if (a[1] + 0 >= g) print }' target/bench/members.txt)"
if [[ -z "$slow" ]]; then
	echo "goal met: every page's median under ${GOAL_MS} ms"
else
	echo "goal missed by:"
	echo "$slow"
fi
