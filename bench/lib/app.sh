# Shared by the benchmarks that start the app and read its pages (run.sh, cluster.sh): the demo content they
# measure, signing in as the demo subscriber, and the processes and ports they manage. Source it after
# defining log, warn and die; sign_in reads APP_URL and WORK.

# What is measured: demo articles from src/main/resources/demo/articles.
readonly PUBLIC_SLUG="tamsel-strait-standoff"
readonly PAID_SLUG="port-anselm-summits"
# From PAID_SLUG's free preview (everyone sees it) and from its gated part (only subscribers see it).
readonly PREVIEW_SENTENCE="the leaders of Kestria and Orvenna stood side by side on a hotel terrace in Port Anselm"
readonly GATED_SENTENCE="The delegations ate lunch at separate tables for the first three days, and on the fourth the Calveran hosts quietly removed one of the tables."
readonly SUBSCRIBER_EMAIL="subscriber@demo.test"
readonly SUBSCRIBER_PASSWORD="demo-password"
readonly SESSION_COOKIE="backstory_session"
readonly CSRF_COOKIE="XSRF-TOKEN"

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

# Signs in as the demo subscriber; prints the Cookie header a browser then sends: the session cookie and
# the CSRF cookie (a browser keeps the XSRF-TOKEN cookie the first signed-in page sets and sends it back).
sign_in() {
	local attempt="${1:-1}" jar="$WORK/cookies.txt" page="$WORK/login.html" code csrf answer location session xsrf
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
		# The demo seeder runs once the server is up, so /actuator/health is UP a moment before the demo
		# accounts exist: try again for a while before giving up.
		if ((attempt < 30)); then
			sleep 1
			sign_in $((attempt + 1))
			return
		fi
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

# Prints the value of cookie NAME in a curl cookie jar (empty if absent or deleted).
cookie_value() {
	awk -v name="$2" '$6 == name { value = $7 } END { print value }' "$1"
}

page_contains() { tr -s '[:space:]' ' ' <"$1" | grep -qF -- "$2"; }
