# A throw-away cluster of Debian's PostgreSQL for running the tests against an external server.
# Source it, then:
#   ci_postgres_start   installs the `postgresql` package if missing, starts a new cluster on 127.0.0.1 at a
#                       free port with the production's durability (fsync and synchronous_commit on), makes a
#                       role that may create databases, and exports BACKSTORY_TEST_DATABASE_URL, _USERNAME and
#                       _PASSWORD for TestDatabase;
#   ci_postgres_stop    stops it and removes its files.
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user the package creates.

ci_postgres_start() {
	if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
		DEBIAN_FRONTEND=noninteractive apt-get update -q
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
	fi
	local bin
	bin="$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)"
	CI_POSTGRES_BIN="$bin"
	CI_POSTGRES_DIR="$(mktemp -d /tmp/backstory-postgres.XXXXXX)"
	chown postgres: "$CI_POSTGRES_DIR"
	CI_POSTGRES_PORT="$(ci_postgres_free_port)"
	local password
	password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

	# -N skips only initdb's own flush of the files it wrote; the server below runs with fsync on.
	runuser -u postgres -- "$bin/initdb" -N -D "$CI_POSTGRES_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=peer --auth-host=scram-sha-256 >"$CI_POSTGRES_DIR/initdb.log"
	# Every Spring test context the test JVM caches keeps its own connection pool open, as with the embedded
	# server (TestDatabase).
	runuser -u postgres -- "$bin/pg_ctl" -D "$CI_POSTGRES_DIR/data" -l "$CI_POSTGRES_DIR/server.log" -w \
		-o "-c listen_addresses=127.0.0.1 -p $CI_POSTGRES_PORT -k $CI_POSTGRES_DIR -c max_connections=600 -c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
		start >/dev/null
	runuser -u postgres -- "$bin/psql" -q -h "$CI_POSTGRES_DIR" -p "$CI_POSTGRES_PORT" -d postgres -v ON_ERROR_STOP=1 \
		-c "create role backstory_test login createdb password '$password'"
	runuser -u postgres -- "$bin/psql" -qAt -h "$CI_POSTGRES_DIR" -p "$CI_POSTGRES_PORT" -d postgres \
		-c "select 'external PostgreSQL ' || current_setting('server_version') || ' on 127.0.0.1:' || current_setting('port') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')"

	export BACKSTORY_TEST_DATABASE_URL="jdbc:postgresql://127.0.0.1:$CI_POSTGRES_PORT/postgres"
	export BACKSTORY_TEST_DATABASE_USERNAME=backstory_test
	export BACKSTORY_TEST_DATABASE_PASSWORD="$password"
}

ci_postgres_stop() {
	if [[ -n "${CI_POSTGRES_DIR:-}" && -d "$CI_POSTGRES_DIR" ]]; then
		runuser -u postgres -- "$CI_POSTGRES_BIN/pg_ctl" -D "$CI_POSTGRES_DIR/data" -m fast -w stop >/dev/null || true
		rm -rf "$CI_POSTGRES_DIR"
	fi
	unset BACKSTORY_TEST_DATABASE_URL BACKSTORY_TEST_DATABASE_USERNAME BACKSTORY_TEST_DATABASE_PASSWORD
}

# A loopback port nothing answers on.
ci_postgres_free_port() {
	local port
	for port in $(shuf -i 20000-60000 -n 50); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	echo "no free port found" >&2
	return 1
}
