#!/usr/bin/env bash
# Load-tests Backstory's reading pages with wrk and compares them with nginx serving the same page as a
# static file. See bench/README.md for what it measures and how to read the table.
set -euo pipefail
shopt -s inherit_errexit

# What is measured: the demo articles PUBLIC_SLUG and PAID_SLUG, checked by PREVIEW_SENTENCE and GATED_SENTENCE
# (bench/lib/app.sh).

# Knobs (environment).
readonly DURATION="${BENCH_DURATION:-15s}"
readonly WARMUP="${BENCH_WARMUP:-5s}"
readonly JIT_WARMUP="${BENCH_JIT_WARMUP:-120}"
readonly THREADS="${BENCH_THREADS:-2}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-32}"
readonly STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-120}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

# Goals from issue 2, section 8, and issue 17, section 4 (at 32 connections on a 2-core machine).
readonly GOAL_RPS=3000
readonly GOAL_P99_MS=20
readonly GOAL_CEILING_PCT=20
readonly GOAL_PERSONAL_PCT=60

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly JAR="${BENCH_JAR:-$REPO_ROOT/target/backstory-0.1.0-SNAPSHOT.jar}"
readonly RESULTS="${BENCH_RESULTS_DIR:-$REPO_ROOT/target/bench}"
# shellcheck source=bench/lib/app.sh
source "$REPO_ROOT/bench/lib/app.sh"

BUILD=1
STATIC_ONLY=""
WORK=""
NGINX_PID=""
NGINX_URL=""
NGINX=""
CASES=()
LOAD_BEFORE=""

usage() {
	cat <<EOF
Usage: bench/run.sh [--no-build] [--url BASE_URL] [--nginx-only HTML_FILE]

Builds and starts Backstory on a fresh embedded database with the demo content, signs in as
$SUBSCRIBER_EMAIL, and measures with wrk (-t$THREADS -c$CONNECTIONS, $WARMUP warm-up, $DURATION run):
  a) a public article, anonymous          /p/$PUBLIC_SLUG
  b) a paid article, anonymous (teaser)   /p/$PAID_SLUG
  c) the paid article as the subscriber   /p/$PAID_SLUG
then nginx serving page (c) as a static file (the ceiling), and prints a table.

  --no-build            use the jar already in target/ (default: mvn -q -B -DskipTests package first)
  --url BASE_URL        measure an app that is already running (no build, no start, no stop)
  --nginx-only FILE     only measure nginx serving FILE (checks wrk, nginx and this script)

Environment: BENCH_DURATION (15s), BENCH_WARMUP (5s), BENCH_JIT_WARMUP (120 seconds of all three cases
at once before the first one is measured), BENCH_THREADS (2), BENCH_CONNECTIONS (32),
BENCH_STARTUP_TIMEOUT (120 seconds), BENCH_JAVA_OPTS, BENCH_JAR, BENCH_RESULTS_DIR (target/bench).
EOF
}

parse_args() {
	while (($# > 0)); do
		case "$1" in
		--no-build) BUILD=0 ;;
		--url)
			(($# > 1)) || die "--url needs a base URL, e.g. http://127.0.0.1:8080"
			APP_URL="${2%/}"
			shift
			;;
		--nginx-only)
			(($# > 1)) || die "--nginx-only needs an HTML file"
			[[ -f "$2" ]] || die "no such file: $2"
			STATIC_ONLY="$2"
			shift
			;;
		-h | --help)
			usage
			exit 0
			;;
		*) die "unknown argument: $1 (see --help)" ;;
		esac
		shift
	done
}

require_tools() {
	local missing=() tool
	for tool in curl wrk awk sed grep tr; do
		command -v "$tool" >/dev/null || missing+=("$tool")
	done
	# Debian puts nginx in /usr/sbin, which is not on a normal user's PATH.
	NGINX="$(command -v nginx || true)"
	if [[ -z "$NGINX" && -x /usr/sbin/nginx ]]; then
		NGINX=/usr/sbin/nginx
	fi
	[[ -n "$NGINX" ]] || missing+=(nginx)
	if [[ -z "$STATIC_ONLY" && -z "$APP_URL" ]]; then
		command -v java >/dev/null || missing+=("java (JDK 17+)")
		((BUILD == 0)) || command -v mvn >/dev/null || missing+=("mvn (Maven 3.8+)")
	fi
	((${#missing[@]} == 0)) || die "missing: ${missing[*]}. On Debian: apt-get install -y wrk nginx-light curl"
}

# --- processes we start, and stopping them ----------------------------------------------------------

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_pid "$NGINX_PID" nginx 10
	stop_app
	if [[ -n "$WORK" && -d "$WORK" ]]; then
		[[ ! -f "$WORK/app.log" ]] || cp "$WORK/app.log" "$RESULTS/app.log" || true
		[[ ! -f "$WORK/nginx/error.log" ]] || cp "$WORK/nginx/error.log" "$RESULTS/nginx-error.log" || true
		rm -rf -- "$WORK"
	fi
	exit "$status"
}

start_app() {
	launch_app "$WORK/data" "$WORK/app.log" "${JAVA_OPTS[@]}" -jar "$JAR"
	wait_for_health
}

# --- signing in and checking the pages --------------------------------------------------------------

# Fetches a page into a file (headers into FILE.headers); prints the HTTP status.
fetch() {
	local url="$1" out="$2"
	shift 2
	curl -sS -o "$out" -D "$out.headers" -w '%{http_code}' "$@" "$url" || die "GET $url failed"
}


# Makes sure each case measures what it claims to: the teaser lacks the gated text, the subscriber's page has it.
check_pages() {
	local cookies="$1" code
	code="$(fetch "$APP_URL/p/$PUBLIC_SLUG" "$WORK/public.html")"
	[[ "$code" == 200 ]] || die "GET /p/$PUBLIC_SLUG answered HTTP $code (expected 200)"

	code="$(fetch "$APP_URL/p/$PAID_SLUG" "$WORK/teaser.html")"
	[[ "$code" == 200 ]] || die "GET /p/$PAID_SLUG as anonymous answered HTTP $code (expected 200)"
	page_contains "$WORK/teaser.html" "$PREVIEW_SENTENCE" ||
		die "the anonymous page /p/$PAID_SLUG lacks its free preview (\"$PREVIEW_SENTENCE\")"
	if page_contains "$WORK/teaser.html" "$GATED_SENTENCE"; then
		die "LEAK: the anonymous page /p/$PAID_SLUG contains gated text (\"$GATED_SENTENCE\")"
	fi
	if grep -qi "^set-cookie: *$SESSION_COOKIE=" "$WORK/teaser.html.headers"; then
		warn "anonymous reading of /p/$PAID_SLUG set a $SESSION_COOKIE cookie (it should not create a session)"
	fi

	code="$(fetch "$APP_URL/p/$PAID_SLUG" "$WORK/subscriber.html" -H "Cookie: $cookies")"
	[[ "$code" == 200 ]] || die "GET /p/$PAID_SLUG as the subscriber answered HTTP $code (expected 200)"
	page_contains "$WORK/subscriber.html" "$GATED_SENTENCE" ||
		die "the subscriber's page /p/$PAID_SLUG lacks the gated text (\"$GATED_SENTENCE\")"
	if grep -qi "^set-cookie:" "$WORK/subscriber.html.headers"; then
		warn "the subscriber's page set a cookie although the browser sent its cookies: $(grep -i '^set-cookie:' "$WORK/subscriber.html.headers" | cut -d= -f1 | tr -d '\r' | tr '\n' ' ')"
	fi
	log "checked: the teaser hides the gated text, the subscriber's page shows it"
}

# --- nginx ceiling ----------------------------------------------------------------------------------

# Serves FILE at /p/$PAID_SLUG from nginx on a free loopback port (sets NGINX_PID and NGINX_URL).
start_nginx() {
	local file="$1" dir="$WORK/nginx" port user_line="" temp_paths="" module deadline
	port="$(free_port)"
	mkdir -p "$dir/html/p" "$dir/tmp"
	cp "$file" "$dir/html/p/$PAID_SLUG"
	# As root, workers would run as nobody, who cannot read our private temp dir.
	((EUID != 0)) || user_line="user root;"
	for module in client_body proxy fastcgi uwsgi scgi; do
		if ! "$NGINX" -V 2>&1 | grep -q -- "--without-http_${module}_module"; then
			temp_paths+="	${module}_temp_path \"$dir/tmp/$module\";"$'\n'
		fi
	done
	cat >"$dir/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid "$dir/nginx.pid";
error_log "$dir/error.log" warn;
$user_line

events {
	worker_connections 1024;
}

http {
	access_log off;
	server_tokens off;
	sendfile on;
	tcp_nopush on;
	types {
	}
	default_type "text/html; charset=utf-8";
$temp_paths
	server {
		listen 127.0.0.1:$port;
		root "$dir/html";
	}
}
EOF
	log "starting nginx on 127.0.0.1:$port (config $dir/nginx.conf)"
	"$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
	NGINX_PID=$!
	deadline=$((SECONDS + 10))
	until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/p/$PAID_SLUG" 2>/dev/null)" == 200 ]]; do
		if ! kill -0 "$NGINX_PID" 2>/dev/null || ((SECONDS >= deadline)); then
			cat "$dir/stdout.log" "$dir/error.log" >&2 2>/dev/null || true
			die "nginx did not serve the static page on 127.0.0.1:$port"
		fi
		sleep 0.2
	done
	NGINX_URL="http://127.0.0.1:$port"
}

# --- measuring --------------------------------------------------------------------------------------

# Prints "requests/s p50-ms p99-ms errors requests" from wrk --latency output; ms() converts wrk's latency
# notation (950.00us, 1.23ms, 2.01s, 1.50m) to milliseconds.
parse_wrk() {
	awk '
		function ms(v,   n, unit) {
			n = v + 0
			unit = v
			sub(/^[0-9.]+/, "", unit)
			if (unit == "us") return n / 1000
			if (unit == "ms") return n
			if (unit == "s") return n * 1000
			if (unit == "m") return n * 60000
			if (unit == "h") return n * 3600000
			return -1
		}
		$1 == "Requests/sec:" { rps = $2 }
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		/Non-2xx or 3xx responses:/ { errors += $NF }
		/Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) errors += $i + 0 }
		$2 == "requests" && $3 == "in" { requests = $1 }
		END {
			if (rps == "" || p50 == "" || p99 == "" || p50 < 0 || p99 < 0 || requests == "") exit 1
			printf "%.1f %.2f %.2f %d %d\n", rps, p50, p99, errors, requests
		}
	' "$1"
}

warm_up_jit() {
	((JIT_WARMUP > 0)) || return 0
	log "warming up the JVM: ${JIT_WARMUP}s of the three pages at once"
	load_three_pages "$JIT_WARMUP" "$CONNECTIONS" "$@"
}

# --- CPU time of the server -------------------------------------------------------------------------

# Prints the CPU time (clock ticks) used so far by each process tree rooted at the given pids, one figure
# per root, in order: user and system time of every live process of the tree plus what its exited
# children used (cutime, cstime), so a database backend that ends during a run still counts. A process
# belongs to its nearest root, so PostgreSQL's processes are not counted for the JVM too.
tree_ticks() {
	# Processes may end while they are read: cat then complains, which is expected.
	{ cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v roots="$*" '
		{
			pid = $1
			sub(/^.*\) /, "")
			parent[pid] = $2
			ticks[pid] = $12 + $13 + $14 + $15
		}
		END {
			n = split(roots, root, " ")
			for (p in ticks) {
				for (q = p; q + 0 > 1; q = parent[q]) {
					for (i = 1; i <= n && q != root[i]; i++) {
					}
					if (i <= n) {
						sum[i] += ticks[p]
						break
					}
				}
			}
			for (i = 1; i <= n; i++) printf "%d%s", sum[i], (i < n ? " " : "\n")
		}'
}

# The embedded PostgreSQL's postmaster, from its pid file in the data directory we gave the app.
postgres_pid() {
	local pidfile="$WORK/data/postgres/postmaster.pid"
	[[ -n "$APP_PID" && -f "$pidfile" ]] && head -n 1 "$pidfile"
}

# Runs a warm-up and a measured wrk run against a server whose process trees are SERVER_PIDS (the app and
# its PostgreSQL, or nginx; empty for an app we did not start); records
# "label|rps|p50|p99|errors|server-us|db-us|load|kind" in CASES, the CPU figures in microseconds per request.
measure() {
	local name="$1" label="$2" url="$3" kind="$4" server_pids="$5" figures load before after rps p50 p99 errors requests
	local cpu="|"
	shift 5
	log "$label: warm-up ($WARMUP)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null || die "wrk failed on $url"
	log "$label: measuring ($DURATION, $THREADS threads, $CONNECTIONS connections)"
	load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo n/a)"
	[[ -z "$server_pids" ]] || before="$(tree_ticks $server_pids)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$RESULTS/wrk-$name.txt" ||
		die "wrk failed on $url"
	[[ -z "$server_pids" ]] || after="$(tree_ticks $server_pids)"
	figures="$(parse_wrk "$RESULTS/wrk-$name.txt")" ||
		die "could not read requests/s and latency from $RESULTS/wrk-$name.txt"
	read -r rps p50 p99 errors requests <<<"$figures"
	if [[ -n "$server_pids" ]] && ((requests > 0)); then
		cpu="$(awk -v before="$before" -v after="$after" -v hz="$(getconf CLK_TCK)" -v requests="$requests" '
			BEGIN {
				n = split(before, b, " ")
				split(after, a, " ")
				for (i = 1; i <= 2; i++) out[i] = (i <= n) ? sprintf("%.0f", (a[i] - b[i]) * 1e6 / hz / requests) : ""
				print out[1] "|" out[2]
			}')"
	fi
	CASES+=("$label|$rps|$p50|$p99|$errors|$cpu|$load|$kind")
}

print_table() {
	local row ceiling_rps="" anonymous_rps=""
	for row in "${CASES[@]}"; do
		[[ "${row##*|}" == ceiling ]] && ceiling_rps="$(cut -d'|' -f2 <<<"$row")"
		[[ "${row##*|}" == anonymous && -z "$anonymous_rps" ]] && anonymous_rps="$(cut -d'|' -f2 <<<"$row")"
	done
	printf '%s\n' "${CASES[@]}" | awk -F'|' -v ceiling="$ceiling_rps" -v anonymous="$anonymous_rps" \
		-v goal_rps="$GOAL_RPS" -v goal_p99="$GOAL_P99_MS" -v goal_pct="$GOAL_CEILING_PCT" \
		-v goal_personal="$GOAL_PERSONAL_PCT" -v conns="$CONNECTIONS" '
		BEGIN {
			printf "\nGoals: >= %d req/s and p99 < %d ms at %d connections; anonymous pages >= %d%% of nginx serving the same page;\n", goal_rps, goal_p99, conns, goal_pct
			printf "the subscriber'\''s page >= %d%% of the anonymous page (a).\n\n", goal_personal
			printf "%-36s %10s %8s %8s %8s %7s %6s %10s %9s %6s  %s\n", "case", "req/s", "p50 ms", "p99 ms", "% nginx", "% (a)", "errors", "app us/req", "db us/req", "load", "goals"
			printf "%-36s %10s %8s %8s %8s %7s %6s %10s %9s %6s  %s\n", "----", "-----", "------", "------", "-------", "-----", "------", "----------", "---------", "----", "-----"
		}
		{
			pct = (ceiling > 0) ? sprintf("%.1f%%", 100 * $2 / ceiling) : "n/a"
			of_a = (anonymous > 0 && $9 != "ceiling") ? sprintf("%.1f%%", 100 * $2 / anonymous) : "-"
			if ($9 == "ceiling") {
				verdict = "(ceiling)"
			} else {
				missed = ""
				if ($2 + 0 < goal_rps) missed = missed " req/s"
				if ($4 + 0 >= goal_p99) missed = missed " p99"
				if ($9 == "anonymous" && ceiling > 0 && 100 * $2 / ceiling < goal_pct) missed = missed " %nginx"
				if ($9 == "subscriber" && anonymous > 0 && 100 * $2 / anonymous < goal_personal) missed = missed " %(a)"
				if ($5 + 0 > 0) missed = missed " errors"
				verdict = (missed == "") ? "PASS" : "FAIL:" missed
			}
			printf "%-36s %10.1f %8.2f %8.2f %8s %7s %6d %10s %9s %6s  %s\n", $1, $2, $3, $4, pct, of_a, $5, ($6 == "" ? "n/a" : $6), ($7 == "" ? "-" : $7), $8, verdict
		}
		END {
			printf "\nerrors = non-2xx/3xx responses plus socket errors reported by wrk.\n"
			printf "app us/req, db us/req = CPU time (user + system, from /proc) of the app'\''s JVM (of nginx for the ceiling) and of its\n"
			printf "PostgreSQL during the measured run, divided by the requests served; wrk'\''s own CPU is not in them.\n"
			printf "load = the 1-minute load average as the measured run started.\n"
		}
	'
}

main() {
	parse_args "$@"
	require_tools
	mkdir -p "$RESULTS"
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/backstory-bench.XXXXXX")"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM

	local cookies page app_pids=""
	if [[ -n "$STATIC_ONLY" ]]; then
		page="$STATIC_ONLY"
	else
		if [[ -z "$APP_URL" ]]; then
			build_app
			start_app
		fi
		cookies="$(sign_in)"
		check_pages "$cookies"
		page="$WORK/subscriber.html"
		cp "$page" "$RESULTS/subscriber-page.html"
		warm_up_jit -H "Cookie: $cookies"
		LOAD_BEFORE="$(load_average)"
		[[ -z "$APP_PID" ]] || app_pids="$APP_PID $(postgres_pid || true)"
		measure public "a) public article, anonymous" "$APP_URL/p/$PUBLIC_SLUG" anonymous "$app_pids"
		measure teaser "b) paid article, anonymous (teaser)" "$APP_URL/p/$PAID_SLUG" anonymous "$app_pids"
		measure subscriber "c) paid article, subscriber" "$APP_URL/p/$PAID_SLUG" subscriber "$app_pids" \
			-H "Cookie: $cookies"
	fi
	start_nginx "$page"
	measure nginx "nginx, static copy of (c)" "$NGINX_URL/p/$PAID_SLUG" ceiling "$NGINX_PID"

	{
		printf 'Backstory benchmark, %s, %s CPUs, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" \
			"$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
		print_table
		printf 'load average (1, 5, 15 min) before the first case: %s; at the end: %s\n' "${LOAD_BEFORE:-n/a}" "$(load_average)"
	} | tee "$RESULTS/results.txt"
	log "raw wrk output and the table are in $RESULTS"
}

main "$@"
