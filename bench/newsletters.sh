#!/usr/bin/env bash
# Sends one paid article to N members (default 50,000; a fifth paying, so two editions) through Postfix's
# smtp-sink on loopback, after measuring the sink's own ceiling with smtp-source, and prints the time and
# messages/s. Installs Postfix's tools if missing (no mail server is configured or started). With
# --external-postgres, on a throw-away cluster of Debian's PostgreSQL (.ci/postgres.sh: fsync and synchronous_commit
# on) instead of the tests' embedded server (fsync off); BACKSTORY_TEST_DATABASE_URL, if set, names a server of your
# own instead. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_MESSAGES:-50000}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-4}"
readonly PORT="${BENCH_SMTP_PORT:-2525}"
readonly GOAL=1000

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
external=""
harness_args=()
for arg in "$@"; do
	case "$arg" in
	--external-postgres) external=1 ;;
	*) harness_args+=("$arg") ;;
	esac
done
harness_prepare "Usage: bench/newsletters.sh [--no-build] [--external-postgres]   (BENCH_MESSAGES=N, BENCH_CONNECTIONS=N, BENCH_SMTP_PORT=P)" "${harness_args[@]}"

if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
	echo "Installing Postfix's smtp-sink and smtp-source (Postfix is left unconfigured; nothing listens on 25)"
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

# shellcheck source=.ci/postgres.sh
source "$REPO_ROOT/.ci/postgres.sh"
SINK=""
cleanup() {
	if [[ -n "$SINK" ]]; then kill "$SINK" 2>/dev/null || true; fi
	ci_postgres_stop
}
trap cleanup EXIT
if [[ -n "$external" ]]; then
	ci_postgres_start
fi
if [[ -n "${BACKSTORY_TEST_DATABASE_URL:-}" ]]; then
	echo "database: external PostgreSQL at $BACKSTORY_TEST_DATABASE_URL"
else
	echo "database: the tests' embedded PostgreSQL (TestDatabase: fsync off)"
fi

smtp-sink -u nobody "127.0.0.1:$PORT" 1024 &
SINK=$!
sleep 1

# The sink's ceiling: as many messages of about our size, 20 connections at once, from Postfix's own client.
start=$(date +%s.%N)
smtp-source -s 20 -l 12000 -m "$COUNT" -f bench@example.com -t reader@example.com "127.0.0.1:$PORT"
end=$(date +%s.%N)
awk -v n="$COUNT" -v s="$start" -v e="$end" 'BEGIN { printf "sink ceiling: %d messages of 12 kB in %.1f s = %.0f messages/s\n", n, e - s, n / (e - s) }'

echo "Sending one article to $COUNT members over $CONNECTIONS connections on $(nproc) cores (goal: at least $GOAL messages/s)"
harness_run org.backstory.newsletters.NewsletterBenchmark "$COUNT" 127.0.0.1 "$PORT" "$CONNECTIONS" |
	tee target/bench/newsletters.txt | grep -E '^(seeded|sent|RESULT|FAILED)'
rate="$(sed -n 's/^RESULT .*messages_per_second=\([0-9.]*\).*/\1/p' target/bench/newsletters.txt)"
if awk -v r="$rate" -v g="$GOAL" 'BEGIN { exit !(r >= g) }'; then
	echo "goal met: ${rate} messages/s >= ${GOAL}"
else
	echo "goal missed: ${rate} messages/s < ${GOAL}"
fi
