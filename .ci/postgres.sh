# A throw-away cluster of Debian's PostgreSQL for running the tests against an external server.
# Source it, then:
#   ci_postgres_start   installs the `postgresql` package if missing, starts a new cluster on 127.0.0.1 at a
#                       free port with the production's durability (fsync and synchronous_commit on), makes a
#                       role that may create databases, and exports BACKSTORY_TEST_DATABASE_URL, _USERNAME and
#                       _PASSWORD for TestDatabase;
#   ci_postgres_stop    stops it and removes its files.
# The cluster itself is bench/lib/postgres.sh's, which bench/cluster.sh also uses.

# shellcheck source=bench/lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/../bench/lib/postgres.sh"

ci_postgres_start() {
	pg_install_if_missing
	CI_POSTGRES_DIR="$(mktemp -d /tmp/backstory-postgres.XXXXXX)"
	CI_POSTGRES_PORT="$(ci_postgres_free_port)"
	local password
	password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
	pg_create "$CI_POSTGRES_DIR"
	# Every Spring test context the test JVM caches keeps its own connection pool open, as with the embedded
	# server (TestDatabase). The last setting in the file wins.
	echo "max_connections = 600" >>"$CI_POSTGRES_DIR/data/postgresql.conf"
	pg_start "$CI_POSTGRES_DIR" "$CI_POSTGRES_PORT"
	pg_psql "$CI_POSTGRES_DIR" "$CI_POSTGRES_PORT" -d postgres -c "create role backstory_test login createdb password '$password'"
	pg_psql "$CI_POSTGRES_DIR" "$CI_POSTGRES_PORT" -d postgres -At -c "select 'external PostgreSQL ' || current_setting('server_version') || ' on 127.0.0.1:' || current_setting('port') || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', max_connections=' || current_setting('max_connections')"

	export BACKSTORY_TEST_DATABASE_URL="jdbc:postgresql://127.0.0.1:$CI_POSTGRES_PORT/postgres"
	export BACKSTORY_TEST_DATABASE_USERNAME=backstory_test
	export BACKSTORY_TEST_DATABASE_PASSWORD="$password"
}

ci_postgres_stop() {
	if [[ -n "${CI_POSTGRES_DIR:-}" && -d "$CI_POSTGRES_DIR" ]]; then
		pg_stop "$CI_POSTGRES_DIR" fast || true
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
