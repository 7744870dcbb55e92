#!/usr/bin/env bash
# Two Backstory nodes on one external PostgreSQL (Debian's package) behind nginx with a cache for anonymous
# reading pages, under mixed load (anonymous readers, a signed-in subscriber, a newsletter send and a renewal
# run), through a kill -9 of one node and a restart of PostgreSQL. Prints a table and exits non-zero if a
# reader saw the wrong page, a request failed outside the faults, or a message or charge was lost or doubled
# beyond the documented limits. See bench/README.md ("Cluster") and README.md ("Running several nodes").
set -euo pipefail
shopt -s inherit_errexit

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
# shellcheck source=bench/lib/app.sh
source "$REPO_ROOT/bench/lib/app.sh"
# shellcheck source=bench/lib/postgres.sh
source "$REPO_ROOT/bench/lib/postgres.sh"
# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"

readonly RECIPIENTS="${BENCH_RECIPIENTS:-20000}"
readonly RENEWALS="${BENCH_RENEWALS:-10000}"
# The load runs until 20 s after the database restart; this only bounds it.
readonly LOAD_SECONDS="${BENCH_LOAD_SECONDS:-1800}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-8}"
# Seconds of load before the send and the renewals are started.
readonly START_AFTER="${BENCH_START_AFTER:-15}"
readonly STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-600}"
readonly FINISH_TIMEOUT="${BENCH_FINISH_TIMEOUT:-600}"
readonly DB_DOWN_SECONDS=3
# Per node (BACKSTORY_NEWSLETTER_CONNECTIONS): each connection may repeat its one message in flight when its
# node dies or the database goes away under it (README, "Delivery guarantee").
readonly NEWSLETTER_CONNECTIONS=4
readonly MARKER="the Calveran hosts quietly removed one of the tables"
readonly JAR="${BENCH_JAR:-$REPO_ROOT/target/backstory-0.1.0-SNAPSHOT.jar}"
readonly RESULTS="$REPO_ROOT/target/bench/cluster"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xmx512m}"
readonly USAGE="Usage: bench/cluster.sh [--no-build]   (BENCH_RECIPIENTS=$RECIPIENTS, BENCH_RENEWALS=$RENEWALS, BENCH_LOAD_SECONDS=$LOAD_SECONDS, BENCH_CONNECTIONS=$CONNECTIONS per load generator, BENCH_JAVA_OPTS)"

WORK=""
APP_URL=""
PG_PORT=""
SMTP_PORT=""
PROXY_PORT=""
NGINX=""
declare -A NODE_PID=() NODE_PORT=()
PIDS=()
FAILURES=()

log() { printf '==> %s %s\n' "$(date -u +%T)" "$*" >&2; }
warn() { printf 'cluster: warning: %s\n' "$*" >&2; }
die() {
	printf 'cluster: error: %s\n' "$*" >&2
	exit 1
}
fail() {
	FAILURES+=("$*")
	printf 'cluster: FAILED: %s\n' "$*" >&2
}
now() { date +%s.%N; }

# --- set-up and clean-up ----------------------------------------------------------------------------

require_tools() {
	local tool
	for tool in curl wrk java openssl; do
		command -v "$tool" >/dev/null || die "missing $tool (apt-get install -y wrk nginx-light curl openssl)"
	done
	NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
	[[ -x "$NGINX" ]] || die "missing nginx (apt-get install -y nginx-light)"
	if ! command -v smtp-sink >/dev/null; then
		log "installing Postfix's smtp-sink (Postfix is left unconfigured; nothing listens on 25)"
		echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postfix >/dev/null
	fi
	pg_install_if_missing || die "no PostgreSQL server binaries under /usr/lib/postgresql"
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
	until [[ "$(curl -s --max-time 2 "http://127.0.0.1:${NODE_PORT[$name]}/actuator/health")" == *'"status":"UP"'* ]]; do
		if ! kill -0 "${NODE_PID[$name]}" 2>/dev/null || ((SECONDS >= deadline)); then
			tail -n 40 "$WORK/node-$name.log" >&2
			die "node $name did not report UP (log copied to $RESULTS)"
		fi
		sleep 1
	done
	log "node $name UP after $((SECONDS - started)) s"
}

start_nginx() {
	local user_line=""
	((EUID != 0)) || user_line="user root;"
	mkdir -p "$WORK/nginx-tmp" "$WORK/cache"
	fill "$REPO_ROOT/bench/cluster/nginx.conf" WORK "$WORK" USER_LINE "$user_line" NODE_A_PORT "${NODE_PORT[a]}" \
		NODE_B_PORT "${NODE_PORT[b]}" PROXY_PORT "$PROXY_PORT" >"$WORK/nginx.conf"
	start_background "$NGINX" -p "$WORK/" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log"
	local deadline=$((SECONDS + 10))
	until curl -s -o /dev/null "$APP_URL/robots.txt"; do
		((SECONDS < deadline)) || die "nginx did not start (see $WORK/nginx-error.log)"
		sleep 0.2
	done
	log "nginx on $APP_URL"
}

seed() {
	log "seeding $RECIPIENTS newsletter recipients and $RENEWALS due subscriptions (a JVM of its own)"
	harness_run org.backstory.newsletters.ClusterSeed "jdbc:postgresql://127.0.0.1:$PG_PORT/backstory" backstory \
		"$DB_PASSWORD" "$RECIPIENTS" "$RENEWALS" 86400 >"$WORK/node-seed.log" 2>&1 ||
		{ tail -n 40 "$WORK/node-seed.log" >&2; die "seeding failed"; }
	local line
	line="$(grep '^SEEDED ' "$WORK/node-seed.log")"
	SEND_ID="$(sed 's/.* send=\([0-9]*\).*/\1/' <<<"$line")"
	FIRST_PAYER="$(sed 's/.* first_payer=\([0-9]*\).*/\1/' <<<"$line")"
	log "seeded: send $SEND_ID and $RENEWALS subscriptions, both due tomorrow until the load is under way"
}

# Brings the send's start and the subscriptions' due time forward to now; the nodes' schedulers do the rest.
start_work() {
	sql "update billing.subscription set due_at = now() where member_id between $FIRST_PAYER and $FIRST_PAYER + $RENEWALS - 1" >/dev/null
	sql "update scheduled_tasks set execution_time = now() where task_name = 'newsletter-send-start' and task_instance = '$SEND_ID'" >/dev/null
	log "the send and the renewals are due now"
}

# --- checks of the cache ------------------------------------------------------------------------------

header_of() { tr -d '\r' <"$1" | awk -v name="$2" 'tolower($1) == tolower(name) ":" { $1 = ""; sub(/^ /, ""); print }'; }

get() {
	local path="$1" out="$2"
	shift 2
	curl -sS -o "$out" -D "$out.h" "$@" "$APP_URL$path" || die "GET $path through nginx failed"
}

check_cache() {
	local cookie="$1" status
	get "/p/$PAID_SLUG" "$WORK/anon1.html"
	get "/p/$PAID_SLUG" "$WORK/anon2.html"
	status="$(header_of "$WORK/anon2.html.h" X-Cache-Status)"
	[[ "$status" == HIT ]] && CACHE_HIT=yes || fail "an anonymous read of /p/$PAID_SLUG was not a cache HIT the second time (X-Cache-Status: $status)"
	! page_contains "$WORK/anon2.html" "$MARKER" || fail "LEAK: the cached anonymous page has the gated text"

	get "/p/$PAID_SLUG" "$WORK/signed.html" -H "Cookie: $cookie"
	status="$(header_of "$WORK/signed.html.h" X-Cache-Status)"
	if page_contains "$WORK/signed.html" "$MARKER" && [[ "$status" != HIT ]] &&
		[[ "$(header_of "$WORK/signed.html.h" Cache-Control)" == *no-store* ]]; then
		CACHE_SIGNED=yes
	else
		fail "the signed-in page through nginx was not the subscriber's own (X-Cache-Status: $status)"
	fi
	get "/p/$PAID_SLUG" "$WORK/metered.html" -H "Cookie: backstory_meter=anything"
	get "/p/$PAID_SLUG" "$WORK/metered.html" -H "Cookie: backstory_meter=anything"
	status="$(header_of "$WORK/metered.html.h" X-Cache-Status)"
	[[ "$status" == BYPASS ]] && CACHE_METER=yes || fail "a reader with the meter cookie was answered from the cache (X-Cache-Status: $status)"
	log "cache: anonymous second read ${CACHE_HIT:-no HIT}, signed-in page personal: ${CACHE_SIGNED:-no}, meter cookie bypasses: ${CACHE_METER:-no}"
}

# Edits the public article's title in the database and times how long nginx keeps serving the old page.
check_edit() {
	local title deadline started
	get "/p/$PUBLIC_SLUG" "$WORK/edit.html"
	get "/p/$PUBLIC_SLUG" "$WORK/edit.html"
	title="cluster-edit-$RANDOM"
	sql "update publishing.article set title = title || ' $title', updated_at = now() where slug = '$PUBLIC_SLUG'" >/dev/null
	started=$(now)
	deadline=$((SECONDS + 90))
	while ((SECONDS < deadline)); do
		get "/p/$PUBLIC_SLUG" "$WORK/edit.html"
		if grep -q "$title" "$WORK/edit.html"; then
			awk -v s="$started" -v e="$(now)" 'BEGIN { printf "%.1f\n", e - s }' >"$WORK/edit-seconds"
			return 0
		fi
		sleep 1
	done
	echo "never" >"$WORK/edit-seconds"
}

# --- the load and the faults ------------------------------------------------------------------------

start_load() {
	local cookie="$1"
	export CLUSTER_MARKER="$MARKER"
	wrk -t1 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s -s "$REPO_ROOT/bench/cluster/readers.lua" \
		"$APP_URL" -- anonymous / "/p/$PUBLIC_SLUG" "/p/$PAID_SLUG" >"$RESULTS/wrk-anonymous.txt" 2>&1 &
	LOAD_PIDS=($!)
	wrk -t1 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s -H "Cookie: $cookie" \
		-s "$REPO_ROOT/bench/cluster/readers.lua" "$APP_URL" -- subscriber "/p/$PAID_SLUG" >"$RESULTS/wrk-subscriber.txt" 2>&1 &
	LOAD_PIDS+=($!)
	PIDS+=("${LOAD_PIDS[@]}")
	LOAD_STARTED=$(now)
	log "load: $CONNECTIONS anonymous and $CONNECTIONS signed-in connections until the faults are over"
}

# wrk prints its summary (and the Lua script's RESULT line) when interrupted.
stop_load() {
	local pid
	for pid in "${LOAD_PIDS[@]}"; do
		kill -INT "$pid" 2>/dev/null || fail "the load generator $pid ended before the faults were over; raise BENCH_LOAD_SECONDS"
		wait "$pid" || true
	done
	LOAD_ENDED=$(now)
}

sent_count() { sql "select count(*) from newsletters.recipient where send_id = $SEND_ID and status = 'sent'"; }
charged_count() {
	sql "select count(distinct token) from billing.sandbox_charge where succeeded and token like 'pm_sandbox_due_%'"
}

# Kills a node once the send and the renewal run are both under way: the node running the renewal run, if
# one is, so the other has to take it over.
kill_node_mid_work() {
	local deadline=$((SECONDS + 600)) sent=0 charged=0 victim
	while ((SECONDS < deadline)); do
		sent="$(sent_count)"
		charged="$(charged_count)"
		if ((sent >= RECIPIENTS / 5 && charged > 0)) || ((charged >= RENEWALS / 2)) || ((sent >= RECIPIENTS / 2)); then
			break
		fi
		sleep 0.5
	done
	victim="$(sql "select picked_by from scheduled_tasks where task_name = 'billing-renewal-run' and picked" | sed -n 's/^node-//p')"
	[[ -n "$victim" ]] || victim=b
	KILLED="$victim"
	SURVIVOR=$([[ "$victim" == a ]] && echo b || echo a)
	KILL_AT=$(now)
	kill -KILL "${NODE_PID[$victim]}"
	wait "${NODE_PID[$victim]}" 2>/dev/null || true
	unset "NODE_PID[$victim]"
	log "kill -9 node $victim (sent $sent of $RECIPIENTS, charged $charged of $RENEWALS)"
	KILL_SENT="$sent"
	KILL_CHARGED="$charged"
}

check_session_survives() {
	local cookie="$1" i ok=0
	for i in 1 2 3 4 5 6; do
		get "/p/$PAID_SLUG" "$WORK/after-kill.html" -H "Cookie: $cookie"
		! page_contains "$WORK/after-kill.html" "$MARKER" || ok=$((ok + 1))
	done
	if ((ok == 6)); then
		SESSION_SURVIVED=yes
	else
		fail "the subscriber's session did not survive the node's death ($ok of 6 pages were theirs)"
	fi
}

# Records the survivor's /actuator/health every quarter second: "epoch status".
watch_health() {
	local url="http://127.0.0.1:${NODE_PORT[$SURVIVOR]}/actuator/health" body
	while :; do
		body="$(curl -s --max-time 2 "$url" || true)"
		printf '%s %s\n' "$(now)" "$(sed -n 's/^{"status":"\([A-Z_]*\)".*/\1/p' <<<"$body" | grep . || echo NONE)"
		sleep 0.25
	done >"$WORK/health.txt"
}

restart_postgres() {
	start_background watch_health
	sleep 2
	DB_STOP_AT=$(now)
	pg_stop "$WORK/pg" fast
	log "PostgreSQL stopped"
	sleep "$DB_DOWN_SECONDS"
	pg_start "$WORK/pg" "$PG_PORT" || die "PostgreSQL did not start again"
	DB_UP_AT=$(now)
	log "PostgreSQL started again"
	local deadline=$((SECONDS + 120))
	until awk -v t="$DB_UP_AT" '$1 > t && $2 == "UP" { found = 1 } END { exit !found }' "$WORK/health.txt"; do
		((SECONDS < deadline)) || break
		sleep 0.5
	done
	sleep 2
}

# Waits until the send is done and every seeded subscription charged; their times come from the database.
wait_for_work() {
	local deadline=$((SECONDS + FINISH_TIMEOUT)) status="" charged=0
	while ((SECONDS < deadline)); do
		status="$(sql "select status from newsletters.send where id = $SEND_ID")"
		charged="$(charged_count)"
		[[ "$status" != sent || "$charged" -lt "$RENEWALS" ]] || break
		sleep 1
	done
	[[ "$status" == sent ]] || fail "the send did not finish within ${FINISH_TIMEOUT}s of the load's end (status $status)"
	((charged >= RENEWALS)) || fail "the renewals did not finish within ${FINISH_TIMEOUT}s (charged $charged of $RENEWALS)"
	SEND_DONE_AT="$(sql "select extract(epoch from finished_at) from newsletters.send where id = $SEND_ID")"
	RENEWALS_DONE_AT="$(sql "select extract(epoch from max(created_at)) from billing.sandbox_charge where token like 'pm_sandbox_due_%'")"
}

# --- counting -----------------------------------------------------------------------------------------

wrk_field() { sed -n "s/^RESULT .* $2=\([0-9.]*\).*/\1/p" "$RESULTS/wrk-$1.txt"; }

# Errors in nginx's log by kind (status and whether nginx tried a second node), in a window of time.
errors_between() {
	awk -v from="$1" -v to="$2" '$1 >= from && $1 < to && $2 >= 500 { n++ } END { print n + 0 }' "$WORK/access.log"
}

count_messages() {
	# Each dump file holds one message; its first Message-ID header names it.
	find "$WORK/mail" -type f -print0 | xargs -0 -r grep -i -h -m1 '^message-id:' | tr -d '\r' | awk '{ print $2 }' >"$WORK/message-ids"
	NEWSLETTER_TOTAL="$(grep -c "^<newsletter\.$SEND_ID\." "$WORK/message-ids" || true)"
	NEWSLETTER_UNIQUE="$(grep "^<newsletter\.$SEND_ID\." "$WORK/message-ids" | sort -u | wc -l)"
	OTHER_TOTAL="$(grep -vc "^<newsletter\.$SEND_ID\." "$WORK/message-ids" || true)"
	OTHER_UNIQUE="$(grep -v "^<newsletter\.$SEND_ID\." "$WORK/message-ids" | sort -u | wc -l)"
}

count_charges() {
	CHARGES="$(sql "select count(*) from billing.sandbox_charge where succeeded and token like 'pm_sandbox_due_%'")"
	CHARGED="$(charged_count)"
	DOUBLED="$(sql "select count(*) from (select token from billing.sandbox_charge where succeeded and token like 'pm_sandbox_due_%' group by token having count(*) > 1) d")"
	PERIODS_MOVED="$(sql "select count(*) from billing.subscription where member_id between $FIRST_PAYER and $FIRST_PAYER + $RENEWALS - 1 and current_period_end > now()")"
}

seconds_between() { awk -v s="$1" -v e="$2" 'BEGIN { if (s == "" || e == "") print "n/a"; else printf "%.1f", e - s }'; }

report() {
	local total=0 side errors_steady errors_kill errors_db errors_after kill_end db_end health_down health_up
	local allowed_repeats=$((NEWSLETTER_CONNECTIONS * 2)) in_flight=$((2 * CONNECTIONS))
	kill_end="$(awk -v k="$KILL_AT" 'BEGIN { printf "%.3f", k + 10 }')"
	db_end="$(awk -v u="$DB_UP_AT" 'BEGIN { printf "%.3f", u + 15 }')"
	errors_steady="$(errors_between "$LOAD_STARTED" "$KILL_AT")"
	errors_kill="$(errors_between "$KILL_AT" "$kill_end")"
	errors_db="$(errors_between "$DB_STOP_AT" "$db_end")"
	errors_after="$(($(errors_between "$kill_end" "$DB_STOP_AT") + $(errors_between "$db_end" "$LOAD_ENDED")))"
	health_down="$(awk -v t="$DB_STOP_AT" '$1 >= t && $2 != "UP" { print $1; exit }' "$WORK/health.txt")"
	health_up="$(awk -v t="${health_down:-9999999999}" '$1 > t && $2 == "UP" { print $1; exit }' "$WORK/health.txt")"
	HEALTH_STATES="$(awk -v t="$DB_STOP_AT" '$1 >= t - 1 { if ($2 != last) { printf "%s%s", sep, $2; sep = " > "; last = $2 } }' "$WORK/health.txt")"
	count_messages
	count_charges
	for side in anonymous subscriber; do
		total=$((total + $(wrk_field "$side" requests)))
	done

	((errors_steady == 0)) || fail "$errors_steady requests failed before any fault"
	((errors_after == 0)) || fail "$errors_after requests failed outside the faults' windows"
	((errors_kill <= in_flight)) || fail "$errors_kill requests failed when the node died (more than the $in_flight in flight)"
	for side in anonymous subscriber; do
		(($(wrk_field "$side" wrong_page) == 0)) || fail "$(wrk_field "$side" wrong_page) $side answers were someone else's page"
	done
	[[ -n "$health_down" && -n "$health_up" ]] || fail "health did not go DOWN and back UP around the database restart ($HEALTH_STATES)"
	((NEWSLETTER_UNIQUE == RECIPIENTS)) || fail "$NEWSLETTER_UNIQUE of $RECIPIENTS recipients were mailed"
	((NEWSLETTER_TOTAL - NEWSLETTER_UNIQUE <= allowed_repeats)) || fail "$((NEWSLETTER_TOTAL - NEWSLETTER_UNIQUE)) newsletter messages were repeated (at most $allowed_repeats allowed)"
	((CHARGED == RENEWALS)) || fail "$CHARGED of $RENEWALS subscriptions were charged"
	((DOUBLED == 0)) || fail "$DOUBLED subscriptions were charged twice"
	((PERIODS_MOVED == RENEWALS)) || fail "$PERIODS_MOVED of $RENEWALS subscriptions moved to their next period"
	[[ "$(cat "$WORK/edit-seconds")" != never ]] || fail "an edit did not show through the cache within 90 s"

	{
		printf 'Backstory cluster, %s, %s CPUs, 2 nodes + nginx + PostgreSQL %s on one machine\n' \
			"$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(sql 'show server_version' | cut -d' ' -f1)"
		printf 'load: %d anonymous + %d signed-in connections (wrk); send of %d; renewal of %d\n\n' \
			"$CONNECTIONS" "$CONNECTIONS" "$RECIPIENTS" "$RENEWALS"
		printf '%-44s %s\n' "what" "figure"
		printf '%-44s %s\n' "----" "------"
		printf '%-44s %s\n' "load: seconds / after the database restart" "$(seconds_between "$LOAD_STARTED" "$LOAD_ENDED") / $(seconds_between "$DB_UP_AT" "$LOAD_ENDED")"
		printf '%-44s %s\n' "requests through nginx" "$total (anonymous $(wrk_field anonymous requests), signed-in $(wrk_field subscriber requests))"
		printf '%-44s %s\n' "p99 anonymous / signed-in (ms)" "$(wrk_field anonymous p99_ms) / $(wrk_field subscriber p99_ms)"
		printf '%-44s %s\n' "cache hits (anonymous requests)" "$(awk '$4 == "HIT" { h++ } END { print h + 0 }' "$WORK/access.log")"
		printf '%-44s %s\n' "wrong page (leak / not the subscriber's)" "$(wrk_field anonymous wrong_page) / $(wrk_field subscriber wrong_page)"
		printf '%-44s %s\n' "errors: before any fault" "$errors_steady"
		printf '%-44s %s\n' "errors: node $KILLED kill -9 (10 s)" "$errors_kill (in flight: up to $in_flight)"
		printf '%-44s %s\n' "errors: PostgreSQL restart (${DB_DOWN_SECONDS} s down + 15 s)" "$errors_db"
		printf '%-44s %s\n' "errors: otherwise" "$errors_after"
		printf '%-44s %s\n' "errors by kind (wrk: 5xx/connect/read/timeout)" "$(($(wrk_field anonymous http_5xx) + $(wrk_field subscriber http_5xx)))/$(($(wrk_field anonymous connect) + $(wrk_field subscriber connect)))/$(($(wrk_field anonymous read) + $(wrk_field subscriber read)))/$(($(wrk_field anonymous timeout) + $(wrk_field subscriber timeout)))"
		printf '%-44s %s\n' "killed at (sent / charged so far)" "$KILL_SENT / $KILL_CHARGED"
		printf '%-44s %s\n' "session survives on node $SURVIVOR" "${SESSION_SURVIVED:-NO}"
		printf '%-44s %s\n' "send finished, s after the kill" "$(seconds_between "$KILL_AT" "$SEND_DONE_AT")"
		printf '%-44s %s\n' "renewals finished, s after the kill" "$(seconds_between "$KILL_AT" "$RENEWALS_DONE_AT")"
		printf '%-44s %s\n' "health around the restart" "$HEALTH_STATES"
		printf '%-44s %s\n' "health DOWN after stop / UP after start (s)" "$(seconds_between "$DB_STOP_AT" "$health_down") / $(seconds_between "$DB_UP_AT" "$health_up")"
		printf '%-44s %s\n' "newsletter: mailed / repeated (allowed)" "$NEWSLETTER_UNIQUE of $RECIPIENTS / $((NEWSLETTER_TOTAL - NEWSLETTER_UNIQUE)) ($allowed_repeats)"
		printf '%-44s %s\n' "other mail (receipts ...): sent / repeated" "$OTHER_UNIQUE / $((OTHER_TOTAL - OTHER_UNIQUE))"
		printf '%-44s %s\n' "charges: made / subscriptions / doubled" "$CHARGES / $CHARGED of $RENEWALS / $DOUBLED"
		printf '%-44s %s\n' "cache: 2nd anonymous read HIT; signed-in own" "${CACHE_HIT:-no}; ${CACHE_SIGNED:-no} (meter cookie bypasses: ${CACHE_METER:-no})"
		printf '%-44s %s\n' "edit visible through the cache after (s)" "$(cat "$WORK/edit-seconds") (max-age 60 + nodes' 5)"
		printf '\nload average (1, 5, 15 min) at the start: %s; at the end: %s\n' "$LOAD_BEFORE" "$(load_average)"
		if ((${#FAILURES[@]} == 0)); then
			echo "PASS"
		else
			printf 'FAIL: %s\n' "${FAILURES[@]}"
		fi
	} | tee "$RESULTS/results.txt"
	((${#FAILURES[@]} == 0))
}

main() {
	local build=1 arg cookie others=()
	for arg in "$@"; do
		if [[ "$arg" == --no-build ]]; then
			build=""
		else
			others+=("$arg")
		fi
	done
	require_tools
	cd "$REPO_ROOT"
	if [[ -n "$build" ]]; then
		log "building the jar and the test classes"
		mvn -q -B -DskipTests package
	fi
	harness_prepare "$USAGE" --no-build "${others[@]}"
	[[ -f "$JAR" ]] || die "no jar at $JAR"
	rm -rf "$RESULTS"
	mkdir -p "$RESULTS"
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/backstory-cluster.XXXXXX")"
	chmod 0755 "$WORK"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mkdir -p "$WORK/media"
	TWO_FACTOR_KEY="$(openssl rand -base64 32)"
	METER_KEY="$(openssl rand -base64 32)"
	PROXY_PORT="$(free_port)"
	APP_URL="http://127.0.0.1:$PROXY_PORT"
	LOAD_BEFORE="$(load_average)"

	start_postgres
	start_sink
	start_node a
	wait_for_node a
	seed
	NODE_PORT[b]="$(free_port)"
	start_node b
	wait_for_node b
	start_nginx
	cookie="$(sign_in)"
	check_cache "$cookie"
	start_load "$cookie"
	start_background check_edit
	sleep "$START_AFTER"
	start_work
	kill_node_mid_work
	check_session_survives "$cookie"
	sleep 10
	restart_postgres
	sleep 20
	stop_load
	wait_for_work
	sleep 2
	report
}

main "$@"
