#!/usr/bin/env bash
# Sends one paid article to N members (default 50,000; a fifth paying, so two editions) through Postfix's
# smtp-sink on loopback, after measuring the sink's own ceiling with smtp-source, and prints the time and
# messages/s. Installs Postfix's tools if missing (no mail server is configured or started). See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly COUNT="${BENCH_MESSAGES:-50000}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-4}"
readonly PORT="${BENCH_SMTP_PORT:-2525}"
readonly GOAL=1000

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "Usage: bench/newsletters.sh [--no-build]   (BENCH_MESSAGES=N, BENCH_CONNECTIONS=N, BENCH_SMTP_PORT=P)" "$@"

if ! command -v smtp-sink >/dev/null || ! command -v smtp-source >/dev/null; then
	echo "Installing Postfix's smtp-sink and smtp-source (Postfix is left unconfigured; nothing listens on 25)"
	echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
fi

smtp-sink -u nobody "127.0.0.1:$PORT" 1024 &
SINK=$!
trap 'kill "$SINK" 2>/dev/null || true' EXIT
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
