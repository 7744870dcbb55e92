# Shared by the benchmarks whose harness is a Java main in the test sources (renewals, newsletters).
# Source it after setting REPO_ROOT; then `harness_prepare "<usage>" "$@"` handles --no-build / --help,
# compiles the test classes and keeps the test classpath, and `harness_run <class> <args...>` runs the main
# with BENCH_JAVA_OPTS.

harness_prepare() {
	local usage="$1"
	shift
	local build=1
	for arg in "$@"; do
		case "$arg" in
		--no-build) build="" ;;
		-h | --help)
			echo "$usage"
			exit 0
			;;
		*)
			echo "unknown argument: $arg" >&2
			exit 2
			;;
		esac
	done
	cd "$REPO_ROOT"
	mkdir -p target/bench
	if [[ -n "$build" ]]; then
		mvn -q -B -DskipTests test-compile
	fi
	if [[ ! -s target/bench/test-classpath.txt || pom.xml -nt target/bench/test-classpath.txt ]]; then
		mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/test-classpath.txt
	fi
}

harness_run() {
	local java_opts
	read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
	java "${java_opts[@]}" -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" "$@"
}
