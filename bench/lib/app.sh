# Shared by the benchmarks that start the packaged app and load it over HTTP (run.sh, startup.sh, cluster.sh): starting
# it on a data directory, waiting for it, stopping it and its embedded PostgreSQL, and signing in as the demo
# subscriber. Source it after defining REPO_ROOT, JAR, RESULTS, WORK (a private temporary directory), BUILD
# (1: build the jar first) and STARTUP_TIMEOUT (seconds); it sets APP_PID, APP_URL,
# APP_DATA and APP_LOG.

# Demo articles from src/main/resources/demo/articles: one public, one for paying subscribers.
readonly PUBLIC_SLUG="tamsel-strait-standoff"
readonly PAID_SLUG="port-anselm-summits"
# From PAID_SLUG's free preview (everyone sees it) and from its gated part (every subscriber's page has it, no
# anonymous page may; short enough that no line break falls inside it in the HTML).
readonly PREVIEW_SENTENCE="the leaders of Kestria and Orvenna stood side by side on a hotel terrace in Port Anselm"
readonly GATED_SENTENCE="the Calveran hosts quietly removed one of the tables"
readonly SUBSCRIBER_EMAIL="subscriber@demo.test"
readonly SUBSCRIBER_PASSWORD="demo-password"
readonly SESSION_COOKIE="backstory_session"
readonly CSRF_COOKIE="XSRF-TOKEN"

APP_PID=""
APP_URL=""
APP_DATA=""
APP_LOG=""

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'bench: warning: %s\n' "$*" >&2; }
die() {
	printf 'bench: error: %s\n' "$*" >&2
	exit 1
}

load_average() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a"; }

# --- processes we start, and stopping them ----------------------------------------------------------

# Stops one process we started: TERM, then KILL after the timeout (seconds).
stop_pid() {
	local pid="$1" name="$2" timeout="$3" waited=0
	if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
		return 0
	fi
	log "stopping $name (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null && ((waited < timeout * 5)); do
		sleep 0.2
		waited=$((waited + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		warn "$name (pid $pid) did not stop in ${timeout}s; killing it"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

# The app stops its embedded PostgreSQL when it shuts down cleanly. If it had to be killed, the
# postmaster (started by it, in our temp dir) is left behind: stop that one too, by its pid file.
stop_app() {
	stop_pid "$APP_PID" "the app" 60
	local pidfile="$APP_DATA/postgres/postmaster.pid" pg
	[[ -n "$APP_DATA" && -f "$pidfile" ]] || return 0
	pg="$(head -n 1 "$pidfile")"
	if [[ "$pg" =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pg/comm" 2>/dev/null)" == postgres* ]]; then
		stop_pid "$pg" "embedded PostgreSQL" 15
	fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
	local port tries
	for ((tries = 0; tries < 200; tries++)); do
		port=$((20000 + RANDOM % 40000))
		if ! port_in_use "$port"; then
			echo "$port"
			return 0
		fi
	done
	die "found no free port on 127.0.0.1"
}

app_log_tail() {
	if [[ -f "$APP_LOG" ]]; then
		printf -- '--- last lines of the app log (the whole log is copied to %s) ---\n' "$RESULTS" >&2
		tail -n 40 "$APP_LOG" >&2
	fi
}

build_app() {
	if ((BUILD == 1)); then
		log "building the jar (mvn -q -B -DskipTests package)"
		(cd "$REPO_ROOT" && mvn -q -B -Dstyle.color=never -DskipTests package) || die "the build failed"
	fi
	[[ -f "$JAR" ]] || die "no jar at $JAR; build it with: mvn -q -B -DskipTests package"
}

# Starts the app on DATA_DIR (logging to LOG) with the demo publication on a free loopback port and returns
# at once: `launch_app DATA_DIR LOG JAVA_ARGS...`, where JAVA_ARGS are what follows `java` (options, then
# `-jar JAR`). BENCH_JAVA picks the java command (default: java on the PATH).
launch_app() {
	local data="$1" app_log="$2" port
	shift 2
	port="$(free_port)"
	mkdir -p "$data"
	log "starting ${BENCH_JAVA:-java} ${*: -1} on 127.0.0.1:$port (data in $data, log in $app_log)"
	env -u BACKSTORY_DATABASE_URL -u BACKSTORY_DATABASE_USERNAME -u BACKSTORY_DATABASE_PASSWORD \
		BACKSTORY_DATA_DIR="$data" BACKSTORY_PORT="$port" BACKSTORY_BIND_ADDRESS=127.0.0.1 \
		BACKSTORY_BASE_URL="http://127.0.0.1:$port" BACKSTORY_DEMO=true \
		"${BENCH_JAVA:-java}" "$@" >"$app_log" 2>&1 &
	APP_PID=$!
	APP_URL="http://127.0.0.1:$port"
	APP_DATA="$data"
	APP_LOG="$app_log"
}

# The overall status /actuator/health reports at the base URL $1, or NONE when it does not answer. Every
# component carries a "status" of its own (readiness is OUT_OF_SERVICE until the app is ready while the
# database is already UP), so only the top-level one, the last key of the object, counts.
health_status() {
	curl -s --max-time 2 "$1/actuator/health" 2>/dev/null | sed -n 's/.*"status":"\([A-Z_]*\)"}$/\1/p' | grep . || echo NONE
}

wait_for_health() {
	local started=$SECONDS deadline=$((SECONDS + STARTUP_TIMEOUT))
	while ((SECONDS < deadline)); do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			app_log_tail
			die "the app exited during start-up"
		fi
		if [[ "$(health_status "$APP_URL")" == UP ]]; then
			log "the app is UP after $((SECONDS - started))s (pid $APP_PID)"
			return 0
		fi
		sleep 1
	done
	app_log_tail
	die "the app did not report UP at $APP_URL/actuator/health within ${STARTUP_TIMEOUT}s"
}

# --- signing in as the demo subscriber -------------------------------------------------------------

# Prints the value of the hidden _csrf input of the form whose action is /login (HTML on stdin).
extract_login_csrf() {
	tr '\r\n' '  ' | sed 's/</\n</g' | awk '
		function attr(tag, name,   m) {
			if (!match(tag, "[[:space:]]" name "[[:space:]]*=[[:space:]]*(\"[^\"]*\"|\047[^\047]*\047|[^[:space:]>]+)")) {
				return ""
			}
			m = substr(tag, RSTART, RLENGTH)
			sub(/^[^=]*=[[:space:]]*/, "", m)
			gsub(/^["\047]|["\047]$/, "", m)
			gsub(/&amp;/, "\\&", m)
			return m
		}
		tolower(substr($0, 1, 5)) == "<form" { in_login = attr($0, "action") ~ /^(https?:\/\/[^\/]+)?\/login([?#].*)?$/; next }
		tolower(substr($0, 1, 6)) == "</form" { in_login = 0; next }
		in_login && tolower(substr($0, 1, 6)) == "<input" && attr($0, "name") == "_csrf" { print attr($0, "value"); exit }
	'
}

# The demo seeder runs once the server is up, in one transaction, so /actuator/health is UP a while before
# the demo content and accounts exist (minutes on a busy machine). Signing in before that fails, and the
# sign-in throttle locks the account after a few failures: wait until the demo's paid article is served.
wait_for_demo() {
	local deadline=$((SECONDS + STARTUP_TIMEOUT))
	until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/p/$PAID_SLUG" 2>/dev/null)" == 200 ]]; do
		((SECONDS < deadline)) || die "the demo content was not seeded within ${STARTUP_TIMEOUT}s (no /p/$PAID_SLUG)"
		sleep 1
	done
}

# Signs in as the demo subscriber; prints the Cookie header a browser then sends: the session cookie and
# the CSRF cookie (a browser keeps the XSRF-TOKEN cookie the first signed-in page sets and sends it back).
sign_in() {
	local jar="$WORK/cookies.txt" page="$WORK/login.html" code csrf answer location session xsrf
	wait_for_demo
	rm -f "$jar"
	code="$(curl -sS -o "$page" -w '%{http_code}' -c "$jar" -b "$jar" "$APP_URL/login")" ||
		die "GET $APP_URL/login failed"
	[[ "$code" == 200 ]] || die "GET /login answered HTTP $code (expected 200)"
	csrf="$(extract_login_csrf <"$page")"
	[[ -n "$csrf" ]] || die "GET /login has no form with action /login holding a hidden _csrf input"
	answer="$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
		--data-urlencode "email=$SUBSCRIBER_EMAIL" --data-urlencode "password=$SUBSCRIBER_PASSWORD" \
		--data-urlencode "_csrf=$csrf" "$APP_URL/login")" || die "POST $APP_URL/login failed"
	code="${answer%% *}"
	location="${answer#* }"
	if [[ ! "$code" =~ ^30[123]$ ]] || [[ "$location" == */login* ]]; then
		die "signing in as $SUBSCRIBER_EMAIL failed (HTTP $code${location:+ to $location}); is the demo content seeded?"
	fi
	session="$(cookie_value "$jar" "$SESSION_COOKIE")"
	[[ -n "$session" ]] || die "no $SESSION_COOKIE cookie after signing in"
	code="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$APP_URL/account")" ||
		die "GET $APP_URL/account failed"
	[[ "$code" == 200 ]] || die "GET /account with the session cookie answered HTTP $code (expected 200): the sign-in did not stick"
	[[ "$(cookie_value "$jar" "$SESSION_COOKIE")" == "$session" ]] || die "GET /account changed the session cookie"
	xsrf="$(cookie_value "$jar" "$CSRF_COOKIE")"
	[[ -n "$xsrf" ]] || die "no $CSRF_COOKIE cookie after GET /account"
	log "signed in as $SUBSCRIBER_EMAIL"
	printf '%s=%s; %s=%s\n' "$SESSION_COOKIE" "$session" "$CSRF_COOKIE" "$xsrf"
}

# Whether the page in FILE holds TEXT, whatever the line breaks and runs of spaces.
page_contains() { tr -s '[:space:]' ' ' <"$1" | grep -qF -- "$2"; }

# Prints the value of cookie NAME in a curl cookie jar (empty if absent or deleted).
cookie_value() {
	awk -v name="$2" '$6 == name { value = $7 } END { print value }' "$1"
}

# --- load -------------------------------------------------------------------------------------------

# The JVM compiles the hot code only after many requests; on two shared cores that takes a minute or
# more. The three pages are loaded at once rather than one after the other: the JIT must profile mixed
# traffic. After a phase of one page only, C2 left out the branches that page never takes (e.g. the paywall
# box), and the next page then hit an uncommon trap on every request (JFR: 20,000 jdk.Deoptimization
# events, reason unstable_if, action none, in 15 s).
# `load_three_pages SECONDS CONNECTIONS -H "Cookie: <the subscriber's>"`: the public article and the paid
# one anonymously and the paid one as the subscriber, each from a third of the connections.
load_three_pages() {
	local seconds="$1" connections="$2" pids=() pid status=0
	shift 2
	wrk -t1 -c$((connections / 3 + 1)) -d"${seconds}s" "$APP_URL/p/$PUBLIC_SLUG" >/dev/null &
	pids+=($!)
	wrk -t1 -c$((connections / 3 + 1)) -d"${seconds}s" "$APP_URL/p/$PAID_SLUG" >/dev/null &
	pids+=($!)
	wrk -t1 -c$((connections / 3 + 1)) -d"${seconds}s" "$@" "$APP_URL/p/$PAID_SLUG" >/dev/null &
	pids+=($!)
	for pid in "${pids[@]}"; do
		wait "$pid" || status=$?
	done
	((status == 0)) || die "wrk failed while loading the three pages"
}
