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
# shellcheck source=bench/lib/nodes.sh
source "$REPO_ROOT/bench/lib/nodes.sh"

# The load runs until 20 s after the database restart; this only bounds it.
readonly LOAD_SECONDS="${BENCH_LOAD_SECONDS:-1800}"
# Seconds of load before the send and the renewals are started.
readonly START_AFTER="${BENCH_START_AFTER:-15}"
readonly DB_DOWN_SECONDS=3
# Per node (BACKSTORY_NEWSLETTER_CONNECTIONS): each connection may repeat its one message in flight when its
# node dies or the database goes away under it (README, "Delivery guarantee").
readonly NEWSLETTER_CONNECTIONS=4
readonly RESULTS="$REPO_ROOT/target/bench/cluster"
readonly USAGE="Usage: bench/cluster.sh [--no-build]   (BENCH_RECIPIENTS=$RECIPIENTS, BENCH_RENEWALS=$RENEWALS, BENCH_LOAD_SECONDS=$LOAD_SECONDS, BENCH_CONNECTIONS=$CONNECTIONS per load generator, BENCH_JAVA_OPTS)"

BENCH_NAME=cluster
NGINX=""

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
	! page_contains "$WORK/anon2.html" "$GATED_SENTENCE" || fail "LEAK: the cached anonymous page has the gated text"

	get "/p/$PAID_SLUG" "$WORK/signed.html" -H "Cookie: $cookie"
	status="$(header_of "$WORK/signed.html.h" X-Cache-Status)"
	if page_contains "$WORK/signed.html" "$GATED_SENTENCE" && [[ "$status" != HIT ]] &&
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
	export CLUSTER_MARKER="$GATED_SENTENCE"
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
		! page_contains "$WORK/after-kill.html" "$GATED_SENTENCE" || ok=$((ok + 1))
	done
	if ((ok == 6)); then
		SESSION_SURVIVED=yes
	else
		fail "the subscriber's session did not survive the node's death ($ok of 6 pages were theirs)"
	fi
}

# Records the survivor's /actuator/health every quarter second: "epoch status".
watch_health() {
	local url="http://127.0.0.1:${NODE_PORT[$SURVIVOR]}"
	while :; do
		printf '%s %s\n' "$(now)" "$(health_status "$url")"
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
	list_message_ids
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
	local cookie
	require_tools nginx
	build_and_prepare "$@"
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
