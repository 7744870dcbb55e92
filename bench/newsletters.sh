#!/usr/bin/env bash
# Sends one paid article to N members (default 50,000; a fifth paying, so two editions) through Postfix's
# smtp-sink on loopback, after measuring the sink's own ceiling with smtp-source: once unsigned, once DKIM-signed
# with a fresh RSA-2048 key configured as a site configures it (BACKSTORY_DKIM_*). Prints each rate against the
# ceiling and the CPU each message cost. Installs Postfix's tools if missing (no mail server is configured or
# started). With --external-postgres, on a throw-away cluster of Debian's PostgreSQL (.ci/postgres.sh: fsync and
# synchronous_commit on) instead of the tests' embedded server (fsync off); BACKSTORY_TEST_DATABASE_URL, if set,
# names a server of your own instead. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_MESSAGES:-50000}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-4}"
readonly PORT="${BENCH_SMTP_PORT:-2525}"
readonly RUNS="${BENCH_RUNS:-plain dkim}"
# Shares of the sink's ceiling (percent) the goals ask for, unsigned and signed.
readonly GOAL_PLAIN=60
readonly GOAL_DKIM=30

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
harness_prepare "Usage: bench/newsletters.sh [--no-build] [--external-postgres]   (BENCH_MESSAGES=N, BENCH_CONNECTIONS=N, BENCH_SMTP_PORT=P, BENCH_RUNS='plain dkim', BENCH_JFR=dir)" "${harness_args[@]}"

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
echo "load average before the ceiling: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
smtp-source -s 20 -l 12000 -m "$COUNT" -f bench@example.com -t reader@example.com "127.0.0.1:$PORT"
end=$(date +%s.%N)
ceiling="$(awk -v n="$COUNT" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')"
awk -v n="$COUNT" -v s="$start" -v e="$end" 'BEGIN { printf "sink ceiling: %d messages of 12 kB in %.1f s = %.0f messages/s\n", n, e - s, n / (e - s) }'

# A signing key as a site would make one, and the three variables a site sets.
dkim_key="target/bench/dkim-bench.pem"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dkim_key" 2>/dev/null

: >target/bench/newsletters.txt
for run in $RUNS; do
	echo "Sending one article to $COUNT members over $CONNECTIONS connections on $(nproc) cores, DKIM $run"
	if [[ "$run" == dkim ]]; then
		BACKSTORY_DKIM_DOMAIN=backstory.test BACKSTORY_DKIM_SELECTOR=bench BACKSTORY_DKIM_PRIVATE_KEY_FILE="$dkim_key" \
			harness_run org.backstory.newsletters.NewsletterBenchmark "$COUNT" 127.0.0.1 "$PORT" "$CONNECTIONS"
	else
		harness_run org.backstory.newsletters.NewsletterBenchmark "$COUNT" 127.0.0.1 "$PORT" "$CONNECTIONS"
	fi | tee -a target/bench/newsletters.txt | grep -E '^(seeded|sent|load|RESULT|FAILED)'
done

sed -n 's/^RESULT dkim=\([a-z]*\) .*messages_per_second=\([0-9.]*\).*/\1 \2/p' target/bench/newsletters.txt |
	while read -r dkim rate; do
		goal=$([[ "$dkim" == on ]] && echo "$GOAL_DKIM" || echo "$GOAL_PLAIN")
		awk -v d="$dkim" -v r="$rate" -v c="$ceiling" -v g="$goal" 'BEGIN {
			share = 100 * r / c
			printf "DKIM %s: %.0f messages/s = %.0f %% of the sink ceiling (%s), goal %d %%: %s\n", d, r, share, c, g,
				(share >= g ? "met" : "missed")
		}'
	done
