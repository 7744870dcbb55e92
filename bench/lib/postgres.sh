# A throw-away PostgreSQL cluster from Debian's `postgresql` package, for benchmarks and CI steps that need an
# external server they can stop and restart. Source this file; it defines functions only and changes nothing.
#
#   pg_install_if_missing         apt-get install postgresql when no server binaries are found
#   pg_create DIR                 initdb into DIR/data (DIR is made and given to the postgres OS user)
#   pg_start DIR PORT             start on 127.0.0.1:PORT (Unix socket in DIR), wait until it accepts connections
#   pg_stop DIR [MODE]            stop (pg_ctl mode: fast by default; immediate is a crash)
#   pg_restart DIR PORT [MODE]    stop, then start again on the same port
#   pg_psql DIR PORT [ARGS...]    psql as the superuser over the socket (-X -q -v ON_ERROR_STOP=1)
#   pg_create_app_database DIR PORT NAME USER PASSWORD
#                                 a login role (not a superuser) owning a new database
#
# The server runs as the `postgres` OS user (PostgreSQL refuses to run as root), with fsync and
# synchronous_commit on, as a production server would: a commit the app saw survives a crash of the server.
# PG_VERSION (default: the newest installed under /usr/lib/postgresql) picks the binaries.

pg_bin() {
	local version="${PG_VERSION:-}"
	if [[ -z "$version" ]]; then
		version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n 1)"
	fi
	[[ -n "$version" && -x "/usr/lib/postgresql/$version/bin/pg_ctl" ]] || return 1
	printf '/usr/lib/postgresql/%s/bin\n' "$version"
}

pg_install_if_missing() {
	pg_bin >/dev/null && return 0
	echo "Installing Debian's postgresql package" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
	pg_bin >/dev/null
}

# Runs a command as the postgres OS user (as is, if we are that user already).
pg_as_owner() {
	if [[ "$(id -un)" == postgres ]]; then
		"$@"
	else
		runuser -u postgres -- "$@"
	fi
}

pg_create() {
	local dir="$1" bin
	bin="$(pg_bin)" || return 1
	mkdir -p "$dir"
	[[ "$(id -un)" == postgres ]] || chown postgres: "$dir"
	chmod 0700 "$dir"
	pg_as_owner "$bin/initdb" -N -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; return 1; }
	# Loopback only; the superuser trusts the socket (it is in $dir, the postgres user's alone), everyone
	# else needs a password.
	cat >"$dir/data/pg_hba.conf" <<-HBA
		local all postgres trust
		host all all 127.0.0.1/32 scram-sha-256
	HBA
	cat >>"$dir/data/postgresql.conf" <<-CONF
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$dir'
		fsync = on
		synchronous_commit = on
		full_page_writes = on
		max_connections = 200
		shared_buffers = 256MB
		logging_collector = off
	CONF
}

pg_start() {
	local dir="$1" port="$2" bin
	bin="$(pg_bin)" || return 1
	pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null
}

pg_stop() {
	local dir="$1" mode="${2:-fast}" bin
	bin="$(pg_bin)" || return 1
	[[ -f "$dir/data/postmaster.pid" ]] || return 0
	pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >/dev/null
}

pg_restart() {
	local dir="$1" port="$2" mode="${3:-fast}"
	pg_stop "$dir" "$mode" && pg_start "$dir" "$port"
}

pg_psql() {
	local dir="$1" port="$2" bin
	shift 2
	bin="$(pg_bin)" || return 1
	pg_as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres "$@"
}

pg_create_app_database() {
	local dir="$1" port="$2" name="$3" user="$4" password="$5"
	pg_psql "$dir" "$port" -d postgres -v name="$name" -v user="$user" -v password="$password" <<-'SQL'
		create role :"user" login password :'password';
		create database :"name" owner :"user";
	SQL
}
