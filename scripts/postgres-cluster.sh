#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, owned by whoever starts it:
#   scripts/postgres-cluster.sh start <dir>   initdb + start in <dir> (data/, socket/, log) on a free port;
#                                             prints the connection string on stdout (also in <dir>/connection)
#   scripts/postgres-cluster.sh stop <dir>    stop the server (fast shutdown) and delete <dir>
#   scripts/postgres-cluster.sh halt <dir>    stop the server but keep <dir>: a later `start <dir>` starts the same
#                                             cluster again (its data kept) instead of creating one (benchmarks keep
#                                             their million-deal copy this way)
# Installs the Debian `postgresql` package when initdb/pg_ctl are missing. initdb refuses root, so as root the
# cluster runs as the `postgres` user (runuser). Durability is off (fsync, synchronous_commit): the data is
# thrown away at the end, and the tests want speed.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb && -x $dir/pg_ctl ]] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null && command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

case "${1:-}" in
  start)
    dir=${2:?usage: $0 start <dir>}
    if ! bin=$(find_bin); then
      echo "PostgreSQL not found: installing the postgresql package" >&2
      { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; } >&2
      bin=$(find_bin)
    fi
    mkdir -p "$dir/socket"
    [[ $(id -u) -eq 0 ]] && chown -R postgres: "$dir"
    port=$(free_port)
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" | tee "$dir/connection"
    ;;
  stop)
    dir=${2:?usage: $0 stop <dir>}
    if [[ -f $dir/data/postmaster.pid ]] && bin=$(find_bin); then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  halt)
    dir=${2:?usage: $0 halt <dir>}
    if [[ -f $dir/data/postmaster.pid ]] && bin=$(find_bin); then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    ;;
  *)
    echo "usage: $0 start <dir> | stop <dir> | halt <dir>" >&2
    exit 2
    ;;
esac
