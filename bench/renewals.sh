#!/usr/bin/env bash
# Renews N due monthly subscriptions (default 100,000) in one renewal run against the sandbox gateway on
# a fresh embedded PostgreSQL, checks each was charged exactly once, and prints the time and charges/s.
# See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_RENEWALS:-100000}"
readonly GOAL_SECONDS=60
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

BUILD=1
for arg in "$@"; do
	case "$arg" in
	--no-build) BUILD="" ;;
	-h | --help)
		echo "Usage: bench/renewals.sh [--no-build]   (BENCH_RENEWALS=N to change the count, default 100000)"
		exit 0
		;;
	*)
		echo "unknown argument: $arg" >&2
		exit 2
		;;
	esac
done

cd "$REPO_ROOT"
mkdir -p target/bench
if [[ -n "$BUILD" ]]; then
	mvn -q -B -DskipTests test-compile
fi
if [[ ! -s target/bench/test-classpath.txt || pom.xml -nt target/bench/test-classpath.txt ]]; then
	mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test-classpath.txt
fi

echo "Renewing $COUNT due subscriptions on $(nproc) cores (goal: under ${GOAL_SECONDS} s)"
java "${JAVA_OPTS[@]}" -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
	org.backstory.billing.RenewalBenchmark "$COUNT" | tee target/bench/renewals.txt | grep -E '^(seeded|renewed|RESULT|FAILED)'
seconds="$(sed -n 's/^RESULT .*seconds=\([0-9.]*\).*/\1/p' target/bench/renewals.txt)"
if awk -v s="$seconds" -v g="$GOAL_SECONDS" 'BEGIN { exit !(s < g) }'; then
	echo "goal met: ${seconds} s < ${GOAL_SECONDS} s"
else
	echo "goal missed: ${seconds} s >= ${GOAL_SECONDS} s"
fi
