#!/usr/bin/env bash
# How fast a node that was just (re)started gets going: time to its first 200 on an existing data directory
# (embedded PostgreSQL included), where that time goes, and the subscriber's page rate per 15 s for the first
# two minutes under load as a share of the same run's warm rate, with the app's CPU time per request and its
# memory. Each mode runs one JVM/option combination. See bench/README.md ("Start-up").
set -euo pipefail
shopt -s inherit_errexit

readonly WINDOW="${BENCH_WINDOW:-15}"
readonly WINDOWS="${BENCH_WINDOWS:-8}"
readonly SETTLE="${BENCH_SETTLE:-120}"
readonly TRAINING="${BENCH_TRAINING:-60}"
readonly THREADS="${BENCH_THREADS:-2}"
readonly CONNECTIONS="${BENCH_CONNECTIONS:-32}"
readonly STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-1200}"
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly JAR="${BENCH_JAR:-$REPO_ROOT/target/backstory-0.1.0-SNAPSHOT.jar}"
readonly RESULTS="${BENCH_RESULTS_DIR:-$REPO_ROOT/target/bench}"
# shellcheck source=bench/lib/app.sh
source "$REPO_ROOT/bench/lib/app.sh"

BUILD=1
MODES="plain"
WORK=""
TICKS="$(getconf CLK_TCK)"
readonly TICKS

usage() {
	cat <<EOF
Usage: bench/startup.sh [--no-build] [--modes plain,appcds,aot]

Builds the jar, extracts it (java -Djarmode=tools ... extract), seeds the demo publication into a data
directory once, then for each mode:
  plain   the extracted jar as it is
  appcds  Java 17+: a training run writes a dynamic CDS archive (-XX:ArchiveClassesAtExit), the measured
          start uses it (-XX:SharedArchiveFile)
  aot     Java 25+: a training run writes an AOT cache with classes loaded and linked and method profiles
          (-XX:AOTCacheOutput, JEP 483 and 515), the measured start uses it (-XX:AOTCache)
A training run starts the app on the same data directory and loads the three demo pages for
BENCH_TRAINING seconds ($TRAINING; 0: no load, it stops after start-up as -Dspring.context.exit=onRefresh
does). The measured start prints the milliseconds to the first 200 on / and where they went, then loads the
subscriber's page (wrk -t$THREADS -c$CONNECTIONS) for $WINDOWS windows of ${WINDOW}s, then ${SETTLE}s unmeasured,
then one window more: the warm rate.

Environment: BENCH_JAVA (java command; the Temurin 25 JDK for aot), BENCH_JAVA_OPTS (options for the
training and the measured runs, e.g. "-Xmx256m -XX:TieredStopAtLevel=1"), BENCH_TRAINING, BENCH_WINDOW,
BENCH_WINDOWS, BENCH_SETTLE, BENCH_THREADS, BENCH_CONNECTIONS, BENCH_STARTUP_TIMEOUT, BENCH_JAR,
BENCH_RESULTS_DIR (target/bench).
EOF
}

parse_args() {
	while (($# > 0)); do
		case "$1" in
		--no-build) BUILD=0 ;;
		--modes)
			(($# > 1)) || die "--modes needs a list, e.g. plain,aot"
			MODES="${2//,/ }"
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
	local mode
	for mode in $MODES; do
		[[ "$mode" =~ ^(plain|appcds|aot)$ ]] || die "unknown mode: $mode (plain, appcds or aot)"
	done
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_app
	if [[ -n "$WORK" && -d "$WORK" ]]; then
		cp "$WORK"/*.log "$RESULTS/" 2>/dev/null || true
		rm -rf -- "$WORK"
	fi
	exit "$status"
}

# The app as Spring Boot's tools extract it: the application jar beside lib/, so that the JVM's own class
# loader loads every class, which CDS and the AOT cache need (they cannot archive classes from nested jars).
extract_app() {
	log "extracting $(basename "$JAR")"
	java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >"$WORK/extract.log" 2>&1 ||
		die "could not extract $JAR (see $WORK/extract.log)"
	EXTRACTED="$WORK/app/$(basename "$JAR")"
}

java_feature_version() {
	"${BENCH_JAVA:-java}" -XshowSettings:properties -version 2>&1 |
		awk -F'= ' '/java.specification.version/ { print $2 }'
}

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# CPU seconds (user + system) of the app's JVM and, separately, of its embedded PostgreSQL (the postmaster
# and its children): "java postgres".
cpu_seconds() {
	local java pg=0 postmaster
	java="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")"
	postmaster="$(postmaster_pid)"
	if [[ -n "$postmaster" ]]; then
		pg="$(for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do cat "/proc/$pid/stat" 2>/dev/null; done |
			awk '{ s += $14 + $15 } END { print s + 0 }')"
	fi
	awk -v j="$java" -v p="$pg" -v t="$TICKS" 'BEGIN { printf "%.2f %.2f\n", j / t, p / t }'
}

postmaster_pid() {
	local pidfile="$APP_DATA/postgres/postmaster.pid"
	[[ -f "$pidfile" ]] && head -n 1 "$pidfile"
}

# Resident memory in MB: the JVM's RSS, and the embedded PostgreSQL's processes' PSS summed (their shared
# buffers are mapped by every one of them; PSS counts each page once): "java postgres".
memory_mb() {
	local java postmaster pg=0
	java="$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")"
	postmaster="$(postmaster_pid)"
	if [[ -n "$postmaster" ]]; then
		pg="$(for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
			cat "/proc/$pid/smaps_rollup" 2>/dev/null
		done | awk '/^Pss:/ { s += $2 } END { print s + 0 }')"
	fi
	awk -v j="$java" -v p="$pg" 'BEGIN { printf "%.0f %.0f\n", j / 1024, p / 1024 }'
}

# Waits for the first 200 on / and prints the milliseconds since START_MS.
wait_for_first_200() {
	local start_ms="$1" deadline=$((SECONDS + STARTUP_TIMEOUT))
	while ((SECONDS < deadline)); do
		kill -0 "$APP_PID" 2>/dev/null || {
			app_log_tail
			die "the app exited during start-up"
		}
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$APP_URL/" 2>/dev/null)" == 200 ]]; then
			echo $(($(now_ms) - start_ms))
			return 0
		fi
		sleep 0.05
	done
	app_log_tail
	die "no 200 on $APP_URL/ within ${STARTUP_TIMEOUT}s"
}

# Where the start-up went: the milliseconds since launch at which the log first shows each step.
print_phases() {
	local start_ms="$1" app_log="$2"
	awk -v start="$start_ms" '
		function ms(line,   t, cmd, s) {
			t = substr(line, 1, 23)
			cmd = "date -u -d \"" t "Z\" +%s%3N"
			cmd | getline s
			close(cmd)
			return s - start
		}
		function mark(name, pattern) { if (!(name in seen) && $0 ~ pattern) { seen[name] = ms($0); order[++n] = name } }
		/^[0-9][0-9][0-9][0-9]-/ {
			mark("Spring Boot logging (JVM and launcher before it)", "Starting BackstoryApplication")
			mark("embedded PostgreSQL: starting", "Starting embedded PostgreSQL")
			mark("embedded PostgreSQL: ready", "Embedded PostgreSQL ready")
			mark("Flyway: connected", "FlywayExecutor.*Database:")
			mark("Flyway: validated", "Successfully validated")
			mark("Flyway: done", "No migration necessary|Successfully applied")
			mark("db-scheduler: created", "Creating scheduler with configuration")
			mark("db-scheduler: started", "Starting scheduler")
			mark("Tomcat: started", "Tomcat started on port")
			mark("context: started", "Started BackstoryApplication")
		}
		END { for (i = 1; i <= n; i++) printf "    %-50s %7d ms\n", order[i], seen[order[i]] }
	' "$app_log"
}

# Seeds the demo publication into the data directory that every mode then starts on.
prepare_data() {
	log "preparing the data directory (first start seeds the demo publication)"
	launch_app "$WORK/data" "$WORK/prepare.log" "${JAVA_OPTS[@]}" -jar "$EXTRACTED"
	wait_for_health
	wait_for_log_line "Demo publication seeded"
	sign_in >/dev/null
	stop_app
}

# The demo seeder runs after the server is up; signing in before it is done fails, and failures lock the account.
wait_for_log_line() {
	local line="$1" deadline=$((SECONDS + STARTUP_TIMEOUT))
	until grep -qF -- "$line" "$APP_LOG"; do
		kill -0 "$APP_PID" 2>/dev/null || die "the app exited before logging \"$line\""
		((SECONDS < deadline)) || die "the app did not log \"$line\" within ${STARTUP_TIMEOUT}s"
		sleep 1
	done
}

# The options a mode's measured run adds, after its training run wrote the archive they name.
train() {
	local mode="$1" archive
	case "$mode" in
	plain) return 0 ;;
	appcds)
		archive="$WORK/backstory.jsa"
		rm -f "$archive"
		training_run "$mode" "-XX:ArchiveClassesAtExit=$archive"
		MODE_OPTS=("-XX:SharedArchiveFile=$archive")
		;;
	aot)
		(($(java_feature_version) >= 25)) || die "aot needs Java 25+ (BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)"
		archive="$WORK/backstory.aot"
		rm -f "$archive"
		training_run "$mode" "-XX:AOTCacheOutput=$archive"
		MODE_OPTS=("-XX:AOTCache=$archive")
		;;
	esac
	[[ -s "$archive" ]] || die "the training run wrote no archive at $archive (see $RESULTS/training-$mode.log)"
	log "$mode: archive $(du -m "$archive" | cut -f1) MB"
}

training_run() {
	local mode="$1" output_option="$2" started cookies
	started=$SECONDS
	if ((TRAINING == 0)); then
		log "$mode: training run (start-up only)"
		launch_app "$WORK/data" "$WORK/training-$mode.log" "${JAVA_OPTS[@]}" "$output_option" \
			-Dspring.context.exit=onRefresh -jar "$EXTRACTED"
		wait "$APP_PID" || die "the training run failed (see $RESULTS/training-$mode.log)"
	else
		log "$mode: training run (${TRAINING}s of the three pages)"
		launch_app "$WORK/data" "$WORK/training-$mode.log" "${JAVA_OPTS[@]}" "$output_option" -jar "$EXTRACTED"
		wait_for_health
		cookies="$(sign_in)"
		load_three_pages "$TRAINING" "$CONNECTIONS" -H "Cookie: $cookies"
		# The JVM writes the archive while it exits, after the shutdown hooks (SIGTERM is an ordinary exit),
		# which can take minutes on a busy machine: killing it then would leave no archive.
		stop_pid "$APP_PID" "the training run" "$STARTUP_TIMEOUT"
		stop_app
	fi
	log "$mode: training took $((SECONDS - started))s"
}

# One measured window of the subscriber's page: "req/s cpu-ms-per-request java-MB postgres-MB load".
window() {
	local seconds="$1" cookies="$2" out="$3" before after rps
	before="$(cpu_seconds)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -H "Cookie: $cookies" "$APP_URL/p/$PAID_SLUG" >"$out" ||
		die "wrk failed"
	after="$(cpu_seconds)"
	rps="$(awk '$1 == "Requests/sec:" { print $2 }' "$out")"
	[[ -n "$rps" ]] || die "no Requests/sec in $out"
	if grep -q "Non-2xx\|Socket errors" "$out"; then
		warn "errors in $out: $(grep "Non-2xx\|Socket errors" "$out" | tr '\n' ' ')"
	fi
	awk -v r="$rps" -v b="${before%% *}" -v a="${after%% *}" -v s="$seconds" -v m="$(memory_mb)" \
		-v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
			printf "%.1f %.3f %s %s\n", r, (r > 0) ? 1000 * (a - b) / (r * s) : 0, m, l
		}'
}

measure_mode() {
	local mode="$1" start_ms first200 cpu cookies rows=() i row warm
	MODE_OPTS=()
	train "$mode"
	log "$mode: measured start on the existing data directory"
	start_ms="$(now_ms)"
	launch_app "$WORK/data" "$WORK/measured-$mode.log" "${JAVA_OPTS[@]}" "${MODE_OPTS[@]}" -jar "$EXTRACTED"
	first200="$(wait_for_first_200 "$start_ms")"
	cpu="$(cpu_seconds)"
	cookies="$(sign_in)"
	for ((i = 1; i <= WINDOWS; i++)); do
		log "$mode: window $i of $WINDOWS"
		rows+=("$(window "$WINDOW" "$cookies" "$WORK/wrk-$mode-$i.txt")")
	done
	log "$mode: ${SETTLE}s more load, unmeasured"
	((SETTLE == 0)) || window "$SETTLE" "$cookies" "$WORK/wrk-$mode-settle.txt" >/dev/null
	warm="$(window "$WINDOW" "$cookies" "$WORK/wrk-$mode-warm.txt")"
	stop_app

	{
		printf '\nmode %s: %s %s\n' "$mode" "$("${BENCH_JAVA:-java}" -version 2>&1 | head -n 1)" "${JAVA_OPTS[*]} ${MODE_OPTS[*]}"
		printf '  first 200 on / after %d ms (CPU by then: java %s s, postgres %s s; load %s)\n' "$first200" \
			"${cpu% *}" "${cpu#* }" "$(load_average)"
		print_phases "$start_ms" "$WORK/measured-$mode.log"
		printf '  %-10s %10s %8s %12s %8s %8s %8s %6s\n' "window" "req/s" "% warm" "cpu ms/req" "% warm" "java MB" "pg MB" "load"
		for ((i = 0; i < ${#rows[@]}; i++)); do
			row="${rows[$i]}"
			printf '%s %s %s\n' "$((i * WINDOW))-$(((i + 1) * WINDOW))s" "$row" "$warm"
		done | awk '{
			printf "  %-10s %10.1f %7.0f%% %12.3f %7.0f%% %8d %8d %6.2f\n", $1, $2, 100 * $2 / $7, $3, 100 * $8 / $3, $4, $5, $6
		}'
		awk '{ printf "  %-10s %10.1f %7.0f%% %12.3f %7.0f%% %8d %8d %6.2f\n", "warm", $1, 100, $2, 100, $3, $4, $5 }' <<<"$warm"
	} | tee -a "$RESULTS/startup.txt"
}

main() {
	parse_args "$@"
	local tool
	for tool in curl wrk awk pgrep java; do
		command -v "$tool" >/dev/null || die "missing: $tool"
	done
	mkdir -p "$RESULTS"
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/backstory-startup.XXXXXX")"
	trap cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	build_app
	extract_app
	prepare_data
	printf 'Backstory start-up, %s, %s CPUs; %% warm of cpu ms/req = warm cpu ms/req / this window'"'"'s\n' \
		"$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" | tee -a "$RESULTS/startup.txt"
	local mode
	for mode in $MODES; do
		measure_mode "$mode"
	done
}

main "$@"
