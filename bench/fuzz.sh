#!/usr/bin/env bash
# Fuzzes each @FuzzTest (Jazzer) for a set time, one JVM per fuzz test, and prints per test the executions,
# the time, the coverage and the findings. New findings are written where the build runs them as regression
# inputs (src/test/resources/<package>/<Class>Inputs/<method>/), new corpus entries to
# .cifuzz-corpus/<Class>/<method>/; both are left for you to commit. See bench/README.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly USAGE="Usage: bench/fuzz.sh [--no-build] [SECONDS] [FILTER...]
  SECONDS  how long to fuzz each test (default 60)
  FILTER   fuzz only the tests whose Class#method contains one of these words (default: all)"

# Each fuzz test, and the libraries to instrument besides Backstory's own classes: coverage inside the
# Markdown parser and the sanitiser (or the JSON parser) is what leads the fuzzer to new input shapes.
readonly TARGETS=(
	"org.backstory.publishing.ArticleRendererFuzzTests#renderedHalvesCarryNoScript org.commonmark.**,org.jsoup.**"
	"org.backstory.publishing.ArticleRendererFuzzTests#gatedTextNeverReachesThePreview org.commonmark.**,org.jsoup.**"
	"org.backstory.admin.members.MemberImportFuzzTests#csvIsReadOrRefusedAsMalformed -"
	"org.backstory.admin.members.MemberImportFuzzTests#checkExplainsEveryRefusalAndAcceptedRowsSurviveExportAndImport -"
	"org.backstory.billing.stripe.StripeWebhookFuzzTests#anyDeliveryIsStoredOrRefusedWithAReason tools.jackson.core.**"
	"org.backstory.billing.stripe.StripeWebhookFuzzTests#aSignedPayloadIsTakenAndAnyChangedByteRefused tools.jackson.core.**"
	"org.backstory.newsletters.web.DeliveryReportParserFuzzTests#anyBodyIsReportsOrRefusedWithAReason tools.jackson.core.**"
)

seconds=60
filters=()
harness_args=()
for arg in "$@"; do
	case "$arg" in
	--no-build) harness_args+=("$arg") ;;
	-h | --help)
		echo "$USAGE"
		exit 0
		;;
	[0-9]*) seconds="$arg" ;;
	-*)
		echo "unknown argument: $arg" >&2
		exit 2
		;;
	*) filters+=("$arg") ;;
	esac
done

# shellcheck source=bench/harness.sh
source "$REPO_ROOT/bench/harness.sh"
harness_prepare "$USAGE" "${harness_args[@]}"
# Instrumenting the libraries takes memory; a finding's JVM is not kept, so 2 GB is plenty.
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}"
# Fuzzing mode: JUnit's @Timeout (10 s) would become libFuzzer's, but the first inputs also pay for
# instrumenting every class they load, which takes longer than that on a busy machine. For the same reason
# slow inputs are reported only at the timeout, not at libFuzzer's 10 s.
readonly UNIT_TIMEOUT="${FUZZ_UNIT_TIMEOUT:-60}"
readonly KEEP_GOING="${FUZZ_KEEP_GOING:-10}"
readonly LOGS=target/fuzz
mkdir -p "$LOGS"

wanted() {
	local target="$1" filter
	((${#filters[@]} == 0)) && return 0
	for filter in "${filters[@]}"; do
		[[ "$target" == *"$filter"* ]] && return 0
	done
	return 1
}

count_files() {
	if [[ -d "$1" ]]; then find "$1" -type f | wc -l; else echo 0; fi
}

# The value libFuzzer printed for one of its final statistics, or "?".
stat() {
	local value
	value="$(sed -n "s/^stat::$1: *//p" "$2" | tail -1)"
	echo "${value:-?}"
}

echo "Fuzzing each test for ${seconds} s on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '\n%-86s %10s %8s %6s %8s %9s  %s\n' "fuzz test" "execs" "exec/s" "cov" "seconds" "new corp" "findings"
total_findings=0
ran=0
for entry in "${TARGETS[@]}"; do
	target="${entry%% *}"
	extra="${entry#* }"
	wanted "$target" || continue
	class="${target%#*}"
	method="${target#*#}"
	package_dir="$(dirname "${class//.//}")"
	simple="${class##*.}"
	class_inputs="src/test/resources/$package_dir/${simple}Inputs"
	findings_dir="$class_inputs/$method"
	corpus="$REPO_ROOT/.cifuzz-corpus/$class/$method"
	mkdir -p "$corpus" "$findings_dir"
	instrument="org.backstory.**"
	if [[ "$extra" != "-" && "${FUZZ_LIBRARIES:-1}" != 0 ]]; then
		instrument="$instrument,$extra"
	fi
	findings_before="$(count_files "$findings_dir")"
	corpus_before="$(count_files "$corpus")"
	log="$LOGS/$simple.$method.log"
	started=$SECONDS
	status=0
	# The generated corpus comes first (libFuzzer writes new entries there), then the class's shared inputs as
	# seeds; Jazzer adds the method's own inputs and writes findings into that directory.
	harness_run com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
		--instrument="$instrument" --max_duration="${seconds}s" --keep_going="$KEEP_GOING" \
		--reproducer_path="$LOGS" -timeout="$UNIT_TIMEOUT" -report_slow_units="$UNIT_TIMEOUT" -print_final_stats=1 \
		"$corpus" "$class_inputs" >"$log" 2>&1 || status=$?
	elapsed=$((SECONDS - started))
	findings=$(($(count_files "$findings_dir") - findings_before))
	total_findings=$((total_findings + findings))
	ran=$((ran + 1))
	coverage="$(grep -Eo '(DONE|pulse|NEW|REDUCE|INITED) +cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true)"
	printf '%-86s %10s %8s %6s %8s %9s  %s\n' "$simple#$method" "$(stat number_of_executed_units "$log")" \
		"$(stat average_exec_per_sec "$log")" "${coverage:-?}" "$elapsed" \
		"$(($(count_files "$corpus") - corpus_before))" "$findings"
	if ((findings > 0)); then
		{ grep -E '^== Java Exception|^Caused by|^SUMMARY' "$log" || true; } | sort | uniq -c | head -5 | sed 's/^/    /'
		echo "    inputs written to $findings_dir/ (they now run in every build); log: $log"
	elif ((status != 0)) && ! grep -q '^Done [0-9]* runs' "$log"; then
		echo "    Jazzer stopped without fuzzing (exit $status); log: $log"
		total_findings=$((total_findings + 1))
	fi
	rmdir "$findings_dir" 2>/dev/null || true
done
((ran > 0)) || {
	echo "no fuzz test matches: ${filters[*]}" >&2
	exit 2
}

echo
echo "New corpus entries are in .cifuzz-corpus/ (fuzzing starts from them next time; commit them to share that)."
if ((total_findings > 0)); then
	echo "$total_findings finding(s). Reproduce one: mvn test -Dtest='<Class>' -Dsurefire.failIfNoSpecifiedTests=false"
	exit 1
fi
echo "No findings."
