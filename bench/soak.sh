#!/usr/bin/env bash
# Half an hour of bench/cluster.sh's mixed load on one node: anonymous readers and signed-in subscribers at a
# steady offered rate (SOAK_ANONYMOUS_RATE and SOAK_SUBSCRIBER_RATE requests a second; a reader pauses on each
# page instead of asking again the moment an answer arrives, so the p99 is the pages' own latency beside the
# send and the renewals, not a queue the load generator builds by asking faster than two cores answer), and
# every SOAK_ROUND_MINUTES a newsletter send and a renewal run of their own (all seeded before the load, so no
# seeding competes with it). After each minute it forces a full GC and records the heap left, the JVM's
# threads and RSS, the database connections, and the minute's p99 and rate; at the end it checks that from
# minute 5 on the heap, threads and connections grew no more than 10 % (check_flat), p99 stayed under 100 ms and
# every message and charge went out exactly once. Prints a table, writes target/bench/soak/soak.csv and draws
# soak.svg beside it. See bench/README.md ("Soak").
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

readonly MINUTES="${SOAK_MINUTES:-30}"
readonly ROUND_MINUTES="${SOAK_ROUND_MINUTES:-10}"
readonly ANONYMOUS_RATE="${SOAK_ANONYMOUS_RATE:-200}"
readonly SUBSCRIBER_RATE="${SOAK_SUBSCRIBER_RATE:-100}"
# The goals of issue 17 §3.
readonly STEADY_FROM=5
readonly DRIFT_PCT=10
readonly P99_GOAL_MS=100
readonly RESULTS="$REPO_ROOT/target/bench/soak"
readonly USAGE="Usage: bench/soak.sh [--no-build]   (SOAK_MINUTES=$MINUTES, SOAK_ROUND_MINUTES=$ROUND_MINUTES, SOAK_ANONYMOUS_RATE=$ANONYMOUS_RATE, SOAK_SUBSCRIBER_RATE=$SUBSCRIBER_RATE, BENCH_RECIPIENTS=$RECIPIENTS, BENCH_RENEWALS=$RENEWALS per round, BENCH_CONNECTIONS=$CONNECTIONS per load generator, BENCH_JAVA_OPTS)"

BENCH_NAME=soak
FLAT=""
ROUNDS=$(((MINUTES + ROUND_MINUTES - 1) / ROUND_MINUTES))
readonly ROUNDS

wrk_value() { sed -n "s/^RESULT .* $2=\([0-9.]*\).*/\1/p" "$1"; }

# The heap in use (MB) right after a full GC the JVM was asked for: the live data. A full collection leaves every
# live object in the old generation and eden empty, with either collector; eden is left out because the load
# refills it in the moment between the collection and jstat's sample.
heap_after_full_gc() {
	local pid="$1"
	jcmd "$pid" GC.run >/dev/null
	jstat -gc "$pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{ printf "%.1f\n", ($(col["S0U"]) + $(col["S1U"]) + $(col["OU"])) / 1024 }'
}

proc_status() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

# How many of the first $1 rounds' sends are not yet sent.
unfinished_sends() {
	sql "select count(*) from newsletters.send where id in ($(
		IFS=,
		echo "${SEND_IDS[*]:0:$1}"
	)) and status <> 'sent'"
}

# 1 if the work of the first $1 rounds is not all done (a send unfinished or a subscription uncharged), else 0.
work_in_flight() {
	(($(unfinished_sends "$1") == 0 && $(charged_count) >= RENEWALS * $1)) && echo 0 || echo 1
}

# `minute M ROUNDS_STARTED`: one minute of load from two wrk processes, then the samples; appends a row to the
# CSV (M 0 is the warm-up: nothing is recorded).
minute() {
	local m="$1" pid="${NODE_PID[a]}" anon="$RESULTS/wrk-anonymous-$1.txt" sub="$RESULTS/wrk-subscriber-$1.txt"
	local heap threads connections rss errors
	export CLUSTER_MARKER="$GATED_SENTENCE"
	CLUSTER_PAUSE_MS=$((CONNECTIONS * 1000 / ANONYMOUS_RATE)) wrk -t1 -c"$CONNECTIONS" -d60s --timeout 10s \
		-s "$REPO_ROOT/bench/cluster/readers.lua" "$APP_URL" -- anonymous / "/p/$PUBLIC_SLUG" "/p/$PAID_SLUG" >"$anon" 2>&1 &
	local anon_pid=$!
	CLUSTER_PAUSE_MS=$((CONNECTIONS * 1000 / SUBSCRIBER_RATE)) wrk -t1 -c"$CONNECTIONS" -d60s --timeout 10s \
		-H "Cookie: $COOKIE" -s "$REPO_ROOT/bench/cluster/readers.lua" "$APP_URL" -- subscriber "/p/$PAID_SLUG" >"$sub" 2>&1 &
	local sub_pid=$!
	wait "$anon_pid" "$sub_pid" || die "wrk failed in minute $m"
	errors=0
	local file field
	for file in "$anon" "$sub"; do
		for field in wrong_page http_5xx http_4xx connect read write timeout; do
			errors=$((errors + $(wrk_value "$file" "$field")))
		done
	done
	if ((m == 0)); then
		((errors == 0)) || fail "$errors requests failed or were answered with someone else's page in the warm-up"
		return 0
	fi
	kill -0 "$pid" 2>/dev/null || die "the node died in minute $m"
	heap="$(heap_after_full_gc "$pid")"
	threads="$(proc_status "$pid" Threads)"
	rss="$(awk '{ printf "%.1f", $1 / 1024 }' <<<"$(proc_status "$pid" VmRSS)")"
	connections="$(sql "select count(*) from pg_stat_activity where datname = 'backstory' and usename = 'backstory'")"
	printf '%d,%s,%s,%s,%s,%s,%s,%.0f,%.0f,%d,%d\n' "$m" "$heap" "$threads" "$connections" "$rss" \
		"$(wrk_value "$anon" p99_ms)" "$(wrk_value "$sub" p99_ms)" "$(awk -v r="$(wrk_value "$anon" requests)" 'BEGIN { print r / 60 }')" \
		"$(awk -v r="$(wrk_value "$sub" requests)" 'BEGIN { print r / 60 }')" "$errors" "$(work_in_flight "$2")" >>"$RESULTS/soak.csv"
	log "minute $m: heap after full GC ${heap} MB, $threads threads, $connections connections, RSS $rss MB, p99 $(wrk_value "$anon" p99_ms) / $(wrk_value "$sub" p99_ms) ms, $errors errors (load $(load_average))"
}

# Waits until every round's send is done and every seeded subscription was charged.
wait_for_rounds() {
	local deadline=$((SECONDS + FINISH_TIMEOUT)) unfinished charged
	while ((SECONDS < deadline)); do
		unfinished="$(unfinished_sends "$ROUNDS")"
		charged="$(charged_count)"
		((unfinished > 0 || charged < RENEWALS * ROUNDS)) || return 0
		sleep 2
	done
	fail "the rounds' work did not finish within ${FINISH_TIMEOUT}s after the load ($unfinished sends unfinished, $charged of $((RENEWALS * ROUNDS)) subscriptions charged)"
}

# `check_flat COLUMN WHAT`: checks a column (by number) of the CSV from minute STEADY_FROM on and sets FLAT to
# what it saw. Each minute is compared with the first minute from then on that was in the same phase, with a
# round's send or renewals in flight or without: a send holds a few worker threads and its batches while it
# runs. What fails is growth of more than DRIFT_PCT from one quiet minute to a later one, or from one round to a
# later one; a fall (caches of an earlier round expiring) is shown but is no leak. Not called in a subshell, so
# that its failure counts.
check_flat() {
	local column="$1" what="$2" verdict
	verdict="$(awk -F, -v c="$column" -v from="$STEADY_FROM" -v pct="$DRIFT_PCT" '
		NR > 1 && $1 >= from {
			p = $11 + 0
			v = $c + 0
			if (!(p in base)) { base[p] = v; first[p] = $1; min[p] = v; max[p] = v }
			if (v < min[p]) min[p] = v
			if (v > max[p]) max[p] = v
		}
		END {
			ok = 1
			for (p = 0; p <= 1; p++) {
				if (!(p in base)) continue
				if (base[p] <= 0 || 100 * (max[p] - base[p]) > pct * base[p]) ok = 0
				text = text sprintf("%s%s %g..%g against %g at minute %d (%+.1f %% / %+.1f %%)", sep, p ? "busy" : "quiet",
					min[p], max[p], base[p], first[p], 100 * (min[p] - base[p]) / base[p], 100 * (max[p] - base[p]) / base[p])
				sep = "; "
			}
			if (text == "") { print "drift no samples from minute " from; exit }
			print (ok ? "ok " : "drift ") text
		}' "$RESULTS/soak.csv")"
	FLAT="${verdict#* }"
	[[ "$verdict" == ok* ]] || fail "$what grew more than ${DRIFT_PCT} % from minute $STEADY_FROM on: $FLAT"
}

check_work() {
	local round send unique total doubled
	list_message_ids
	MAILED=0
	REPEATED=0
	for round in "${!SEND_IDS[@]}"; do
		send="${SEND_IDS[$round]}"
		total="$(grep -c "^<newsletter\.$send\." "$WORK/message-ids" || true)"
		unique="$(grep "^<newsletter\.$send\." "$WORK/message-ids" | sort -u | wc -l)"
		((unique == RECIPIENTS)) || fail "send $send mailed $unique of $RECIPIENTS recipients"
		MAILED=$((MAILED + unique))
		REPEATED=$((REPEATED + total - unique))
	done
	((REPEATED == 0)) || fail "$REPEATED newsletter messages were sent twice (no fault happened, so none may be)"
	CHARGED="$(charged_count)"
	doubled="$(sql "select count(*) from (select token from billing.sandbox_charge where succeeded and token like 'pm_sandbox_due_%' group by token having count(*) > 1) d")"
	DOUBLED="$doubled"
	((CHARGED == RENEWALS * ROUNDS)) || fail "$CHARGED of $((RENEWALS * ROUNDS)) subscriptions were charged"
	((DOUBLED == 0)) || fail "$DOUBLED subscriptions were charged twice"
}

report() {
	local heap threads connections p99_worst errors
	check_flat 2 "the heap after a full GC"
	heap="$FLAT"
	check_flat 3 "the JVM's threads"
	threads="$FLAT"
	check_flat 4 "the database connections"
	connections="$FLAT"
	p99_worst="$(awk -F, 'NR > 1 { if ($6 > w) w = $6; if ($7 > w) w = $7 } END { printf "%.1f", w }' "$RESULTS/soak.csv")"
	errors="$(awk -F, 'NR > 1 { e += $10 } END { print e + 0 }' "$RESULTS/soak.csv")"
	awk -v w="$p99_worst" -v g="$P99_GOAL_MS" 'BEGIN { exit !(w < g) }' || fail "a minute's p99 reached $p99_worst ms (goal: under $P99_GOAL_MS)"
	((errors == 0)) || fail "$errors requests failed or were answered with someone else's page"
	python3 "$REPO_ROOT/bench/lib/plot.py" "$RESULTS/soak.csv" "$RESULTS/soak.svg" \
		"Backstory soak, $(date -u '+%Y-%m-%d'), one node, $MINUTES minutes" \
		"Heap after a full GC|MB|heap_mb" "Resident memory of the JVM|MB|rss_mb" \
		"Threads and database connections|count|threads,connections" \
		"p99 per minute|ms|anonymous_p99_ms,subscriber_p99_ms" "Requests per second|req/s|anonymous_rps,subscriber_rps"
	{
		printf 'Backstory soak, %s, %s CPUs, one node on PostgreSQL %s, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
			"$(nproc)" "$(sql 'show server_version' | cut -d' ' -f1)" "${JAVA_OPTS[*]}"
		printf 'load: %d minutes of %d anonymous + %d signed-in connections (wrk) offering %d + %d requests/s; %d rounds of a send to %d and %d renewals\n\n' \
			"$MINUTES" "$CONNECTIONS" "$CONNECTIONS" "$ANONYMOUS_RATE" "$SUBSCRIBER_RATE" "$ROUNDS" "$RECIPIENTS" "$RENEWALS"
		printf '%-48s %s\n' "what" "figure"
		printf '%-48s %s\n' "----" "------"
		printf '%-48s %s\n' "heap after full GC, minute $STEADY_FROM on (MB)" "$heap"
		printf '%-48s %s\n' "JVM threads, minute $STEADY_FROM on" "$threads"
		printf '%-48s %s\n' "database connections, minute $STEADY_FROM on" "$connections"
		printf '%-48s %s\n' "RSS (MB), first / last minute" "$(awk -F, 'NR == 2 { f = $5 } { l = $5 } END { print f " / " l }' "$RESULTS/soak.csv")"
		printf '%-48s %s\n' "p99, worst minute (ms)" "$p99_worst"
		printf '%-48s %s\n' "requests (anonymous / signed-in)" "$(awk -F, 'NR > 1 { a += $8 * 60; s += $9 * 60 } END { printf "%d / %d", a, s }' "$RESULTS/soak.csv")"
		printf '%-48s %s\n' "errors and wrong pages" "$errors"
		printf '%-48s %s\n' "newsletter messages: mailed / repeated" "$MAILED of $((RECIPIENTS * ROUNDS)) / $REPEATED"
		printf '%-48s %s\n' "renewals: charged / doubled" "$CHARGED of $((RENEWALS * ROUNDS)) / $DOUBLED"
		printf '\nload average (1, 5, 15 min) at the start: %s; at the end: %s\n' "$LOAD_BEFORE" "$(load_average)"
		printf 'per minute: %s; plot: %s\n' "$RESULTS/soak.csv" "$RESULTS/soak.svg"
		if ((${#FAILURES[@]} == 0)); then
			echo "PASS"
		else
			printf 'FAIL: %s\n' "${FAILURES[@]}"
		fi
	} | tee "$RESULTS/results.txt"
	((${#FAILURES[@]} == 0))
}

main() {
	local m
	require_tools
	command -v jcmd >/dev/null && command -v jstat >/dev/null || die "missing jcmd or jstat (a JDK's, not a JRE's)"
	build_and_prepare "$@"
	LOAD_BEFORE="$(load_average)"

	start_postgres
	start_sink
	NODE_PORT[a]="$(free_port)"
	# The node's own address is the one readers use: there is no proxy in front.
	PROXY_PORT="${NODE_PORT[a]}"
	APP_URL="http://127.0.0.1:${NODE_PORT[a]}"
	start_node a
	wait_for_node a
	seed "$ROUNDS"
	COOKIE="$(sign_in)"
	echo "minute,heap_mb,threads,connections,rss_mb,anonymous_p99_ms,subscriber_p99_ms,anonymous_rps,subscriber_rps,errors,work" >"$RESULTS/soak.csv"
	# A minute of the readers alone first, so that the first round does not meet a JVM that has compiled
	# nothing yet (bench/startup.sh measures a cold node).
	log "warm-up: a minute of readers alone, not recorded"
	minute 0 0
	for ((m = 1; m <= MINUTES; m++)); do
		if (((m - 1) % ROUND_MINUTES == 0)); then
			start_work $(((m - 1) / ROUND_MINUTES))
		fi
		minute "$m" $(((m - 1) / ROUND_MINUTES + 1))
	done
	wait_for_rounds
	check_work
	report
}

main "$@"
