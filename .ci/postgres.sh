# Sourced by .ci/run: make a PostgreSQL server available to the storage tests and export its
# URL as ITINERARY_TEST_POSTGRES. Uses, in order: the URL already exported; the server on
# 127.0.0.1:5432 (trust auth, database `test`); the machine's cluster, started; a throwaway
# cluster on a loopback port, installing Debian's `postgresql` package first if need be.

pg_answers() { # host port
    if command -v pg_isready >/dev/null 2>&1; then
        pg_isready -q -h "$1" -p "$2" -t 3
    else
        (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
    fi
}

pg_bin() { # name: a PostgreSQL server program, from PATH or Debian's versioned directory
    command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}

pg_ensure_test_db() { # host port
    if command -v psql >/dev/null 2>&1 &&
        ! psql -h "$1" -p "$2" -U postgres -d test -qAtc 'SELECT 1' >/dev/null 2>&1; then
        psql -h "$1" -p "$2" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null
    fi
}

pg_throwaway_cluster() {
    if [ -z "$(pg_bin initdb)" ]; then
        echo "installing PostgreSQL (Debian package postgresql)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local initdb pg_ctl dir port=54329 as=""
    initdb="$(pg_bin initdb)"
    pg_ctl="$(pg_bin pg_ctl)"
    dir="$(mktemp -d /tmp/itinerary-pg.XXXXXX)"
    if [ "$(id -u)" = 0 ]; then # initdb refuses to run as root
        chown postgres "$dir"
        as="runuser -u postgres --"
    fi
    $as "$initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    $as "$pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    # Stop the throwaway cluster when CI ends (values expanded now: the locals go away).
    trap "$as $pg_ctl -D $dir/data -m fast stop >/dev/null 2>&1 || true" EXIT
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null
    export ITINERARY_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/test"
}

if [ -z "${ITINERARY_TEST_POSTGRES:-}" ]; then
    if ! pg_answers 127.0.0.1 5432 && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    fi
    if pg_answers 127.0.0.1 5432; then
        pg_ensure_test_db 127.0.0.1 5432
        export ITINERARY_TEST_POSTGRES="postgres://postgres@127.0.0.1:5432/test"
    else
        pg_throwaway_cluster
    fi
fi
echo "PostgreSQL for the tests: $ITINERARY_TEST_POSTGRES"
