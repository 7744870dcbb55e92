# Shared by the benchmarks that run Backstory as a production site would, on Debian's PostgreSQL with mail to
# Postfix's smtp-sink (cluster.sh, soak.sh): the database, the sink, the nodes, the seeded work (newsletter sends
# and due renewals, by ClusterSeed) and the clean-up. Source it after bench/lib/app.sh, bench/lib/postgres.sh
# and bench/harness.sh, and after setting REPO_ROOT; set RESULTS, USAGE and BENCH_NAME (the prefix of its
# messages) before calling its functions.

# Settings both benchmarks share (environment).
readonly RECIPIENTS="${BENCH_RECIPIENTS:-20000}"
readonly RENEWALS="${BENCH_RENEWALS:-10000}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-8}"
readonly STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-600}"
readonly FINISH_TIMEOUT="${BENCH_FINISH_TIMEOUT:-600}"
readonly JAR="${BENCH_JAR:-$REPO_ROOT/target/backstory-0.1.0-SNAPSHOT.jar}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xmx512m -XX:ThreadPriorityPolicy=1}"

WORK=""
PG_PORT=""
DB_PASSWORD=""
SMTP_PORT=""
PROXY_PORT=""
TWO_FACTOR_KEY=""
METER_KEY=""
declare -A NODE_PID=() NODE_PORT=()
PIDS=()
FAILURES=()
SEND_IDS=()
FIRST_PAYERS=()

log() { printf '==> %s %s\n' "$(date -u +%T)" "$*" >&2; }
warn() { printf '%s: warning: %s\n' "$BENCH_NAME" "$*" >&2; }
die() {
	printf '%s: error: %s\n' "$BENCH_NAME" "$*" >&2
	exit 1
}
# A check that failed: the run goes on and ends non-zero.
fail() {
	FAILURES+=("$*")
	printf '%s: FAILED: %s\n' "$BENCH_NAME" "$*" >&2
}
now() { date +%s.%N; }

# `require_tools [nginx]`
require_tools() {
	local tool
	for tool in curl wrk java openssl; do
		command -v "$tool" >/dev/null || die "missing $tool (apt-get install -y wrk nginx-light curl openssl)"
	done
	if [[ "${1:-}" == nginx ]]; then
		NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
		[[ -x "$NGINX" ]] || die "missing nginx (apt-get install -y nginx-light)"
	fi
	if ! command -v smtp-sink >/dev/null; then
		log "installing Postfix's smtp-sink (Postfix is left unconfigured; nothing listens on 25)"
		echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
	fi
	pg_install_if_missing || die "no PostgreSQL server binaries under /usr/lib/postgresql"
}

# `build_and_prepare [--no-build] ARGS...`: the jar and the test classes (built unless --no-build), then the work
# directory.
build_and_prepare() {
	local build=1 arg others=()
	for arg in "$@"; do
		if [[ "$arg" == --no-build ]]; then
			build=""
		else
			others+=("$arg")
		fi
	done
	cd "$REPO_ROOT"
	if [[ -n "$build" ]]; then
		log "building the jar and the test classes"
		mvn -q -B -DskipTests package
	fi
	harness_prepare "$USAGE" --no-build "${others[@]}"
	[[ -f "$JAR" ]] || die "no jar at $JAR"
	prepare_work
}

# A private work directory, the two keys every node shares, and the clean-up on any exit.
prepare_work() {
	rm -rf "$RESULTS"
	mkdir -p "$RESULTS"
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/backstory-$BENCH_NAME.XXXXXX")"
	chmod 0755 "$WORK"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mkdir -p "$WORK/media"
	TWO_FACTOR_KEY="$(openssl rand -base64 32)"
	METER_KEY="$(openssl rand -base64 32)"
}

cleanup() {
	local status=$? name pid
	trap - EXIT INT TERM
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for name in "${!NODE_PID[@]}"; do
		stop_pid "${NODE_PID[$name]}" "node $name" 60
	done
	if [[ -n "$WORK" ]]; then
		pg_stop "$WORK/pg" fast || true
		for name in a b seed; do
			[[ ! -f "$WORK/node-$name.log" ]] || cp "$WORK/node-$name.log" "$RESULTS/" || true
		done
		cp "$WORK/pg/server.log" "$RESULTS/postgres.log" 2>/dev/null || true
		cp "$WORK/nginx-error.log" "$RESULTS/" 2>/dev/null || true
		gzip -c "$WORK/access.log" >"$RESULTS/access.log.gz" 2>/dev/null || true
		rm -rf -- "$WORK"
	fi
	exit "$status"
}

start_background() {
	"$@" &
	PIDS+=($!)
}

fill() {
	local template="$1" key
	shift
	local expressions=()
	while (($# > 1)); do
		key="$1"
		expressions+=(-e "s|@${key}@|${2//|/\\|}|g")
		shift 2
	done
	sed "${expressions[@]}" "$template"
}

start_postgres() {
	PG_PORT="$(free_port)"
	DB_PASSWORD="$(openssl rand -hex 16)"
	pg_create "$WORK/pg" || die "initdb failed"
	pg_start "$WORK/pg" "$PG_PORT" || die "PostgreSQL did not start (see $WORK/pg/server.log)"
	pg_create_app_database "$WORK/pg" "$PG_PORT" backstory backstory "$DB_PASSWORD"
	log "PostgreSQL $(pg_psql "$WORK/pg" "$PG_PORT" -d postgres -Atc 'show server_version') on 127.0.0.1:$PG_PORT (synchronous_commit $(pg_psql "$WORK/pg" "$PG_PORT" -d postgres -Atc 'show synchronous_commit'))"
}

sql() { pg_psql "$WORK/pg" "$PG_PORT" -d backstory -Atc "$1"; }

start_sink() {
	SMTP_PORT="$(free_port)"
	mkdir -p "$WORK/mail"
	chown nobody "$WORK/mail"
	# -d: one file per message, read back at the end to count each Message-ID once.
	start_background smtp-sink -u nobody -d "$WORK/mail/%H%M%S." "127.0.0.1:$SMTP_PORT" 1024
	log "smtp-sink on 127.0.0.1:$SMTP_PORT"
}

start_node() {
	local name="$1"
	local dir="$WORK/node-$name"
	NODE_PORT[$name]="${NODE_PORT[$name]:-$(free_port)}"
	mkdir -p "$dir"
	ln -sfn "$WORK/media" "$dir/media"
	fill "$REPO_ROOT/bench/cluster/node.env" PG_PORT "$PG_PORT" DB_PASSWORD "$DB_PASSWORD" \
		TWO_FACTOR_KEY "$TWO_FACTOR_KEY" METER_KEY "$METER_KEY" NODE_DIR "$dir" NODE_PORT "${NODE_PORT[$name]}" \
		PROXY_PORT "$PROXY_PORT" SMTP_PORT "$SMTP_PORT" >"$WORK/node-$name.env"
	(
		set -a
		# shellcheck disable=SC1090
		source "$WORK/node-$name.env"
		set +a
		exec java "${JAVA_OPTS[@]}" -jar "$JAR" --db-scheduler.scheduler-name="node-$name"
	) >>"$WORK/node-$name.log" 2>&1 &
	NODE_PID[$name]=$!
	log "node $name starting on 127.0.0.1:${NODE_PORT[$name]} (pid ${NODE_PID[$name]})"
}

wait_for_node() {
	local name="$1" deadline=$((SECONDS + STARTUP_TIMEOUT)) started=$SECONDS
	until [[ "$(health_status "http://127.0.0.1:${NODE_PORT[$name]}")" == UP ]]; do
		if ! kill -0 "${NODE_PID[$name]}" 2>/dev/null || ((SECONDS >= deadline)); then
			tail -n 40 "$WORK/node-$name.log" >&2
			die "node $name did not report UP (log copied to $RESULTS)"
		fi
		sleep 1
	done
	log "node $name UP after $((SECONDS - started)) s"
}

# `seed [ROUNDS]`: ROUNDS (1) rounds of work, each a send to its own RECIPIENTS and RENEWALS subscriptions of
# its own, all due tomorrow until start_work brings one forward. Sets SEND_IDS and FIRST_PAYERS (one per round)
# and SEND_ID and FIRST_PAYER (the first round's).
seed() {
	local rounds="${1:-1}" line
	log "seeding $rounds x ($RECIPIENTS newsletter recipients and $RENEWALS due subscriptions) (a JVM of its own)"
	harness_run org.backstory.newsletters.ClusterSeed "jdbc:postgresql://127.0.0.1:$PG_PORT/backstory" backstory \
		"$DB_PASSWORD" "$RECIPIENTS" "$RENEWALS" 86400 "$rounds" >"$WORK/node-seed.log" 2>&1 ||
		{ tail -n 40 "$WORK/node-seed.log" >&2; die "seeding failed"; }
	SEND_IDS=()
	FIRST_PAYERS=()
	while read -r line; do
		SEND_IDS+=("$(sed 's/.* send=\([0-9]*\).*/\1/' <<<"$line")")
		FIRST_PAYERS+=("$(sed 's/.* first_payer=\([0-9]*\).*/\1/' <<<"$line")")
	done < <(grep '^SEEDED ' "$WORK/node-seed.log")
	((${#SEND_IDS[@]} == rounds)) || die "the seeding reported ${#SEND_IDS[@]} rounds, not $rounds"
	SEND_ID="${SEND_IDS[0]}"
	FIRST_PAYER="${FIRST_PAYERS[0]}"
	log "seeded: sends ${SEND_IDS[*]}, each with $RENEWALS subscriptions, all due tomorrow until brought forward"
}

# `start_work [ROUND]`: brings the round's (0: the first) send and subscriptions forward to now; the nodes'
# schedulers do the rest.
start_work() {
	local round="${1:-0}"
	local send="${SEND_IDS[$round]}" first="${FIRST_PAYERS[$round]}"
	sql "update billing.subscription set due_at = now() where member_id between $first and $first + $RENEWALS - 1" >/dev/null
	sql "update scheduled_tasks set execution_time = now() where task_name = 'newsletter-send-start' and task_instance = '$send'" >/dev/null
	log "round $round: send $send and its $RENEWALS renewals are due now"
}

charged_count() {
	sql "select count(distinct token) from billing.sandbox_charge where succeeded and token like 'pm_sandbox_due_%'"
}

# Writes the Message-ID of every message the sink took into $WORK/message-ids, one a line: each dump file holds
# one message, and its first Message-ID header names it.
list_message_ids() {
	find "$WORK/mail" -type f -print0 | xargs -0 -r grep -i -h -m1 '^message-id:' | tr -d '\r' | awk '{ print $2 }' >"$WORK/message-ids"
}
