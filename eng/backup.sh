# Backups of a data folder (sourced by ./platform): every service's database as one consistent physical copy of
# the Postgres cluster (pg_basebackup: all four databases at the same instant, so no event is half across a
# service boundary), and the keys kept beside it (secrets/). Redis holds nothing that must survive (rate limits,
# live-inbox announcements) and the broker's queues are rebuilt: on restore, the events each service sent in the
# last hours before the backup are sent again, and the consumers' inboxes take each of them once.

pg_bin=/usr/lib/postgresql/15/bin

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((RANDOM % 10000 + 40000))
    port_free "$port" && { echo "$port"; return 0; }
  done
  return 1
}

# The port of the Postgres serving $1 (a postgres data folder) when it runs; nothing otherwise.
running_postgres_port() {
  local pidfile=$1/postmaster.pid
  [ -f "$pidfile" ] || return 1
  kill -0 "$(head -n1 "$pidfile")" 2>/dev/null || return 1
  sed -n 4p "$pidfile"
}

# Starts a Postgres of our own on $1 (loopback, a free port) and prints the port.
start_temporary_postgres() {
  local pgdata=$1 port
  port=$(free_port) || { echo "platform: no free port for a temporary Postgres" >&2; return 1; }
  local log; log=$(mktemp /tmp/platform-postgres-XXXXXX.log); chmod 666 "$log"
  if ! as_postgres "$pg_bin/pg_ctl" -D "$pgdata" -l "$log" -w -t 120 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null; then
    echo "platform: Postgres did not start on $pgdata:" >&2; tail -n 20 "$log" >&2
    return 1
  fi
  echo "$port"
}

stop_temporary_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$1" -m fast -w stop >/dev/null
}

service_databases() {
  "$pg_bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc \
    "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres' ORDER BY datname"
}

cmd_backup() {
  ensure_servers
  local data out port started=""
  data=$(data_dir)
  out=${1:-$root/backups/$(date -u +%Y%m%dT%H%M%SZ)}
  [ -f "$data/postgres/PG_VERSION" ] || { echo "platform: $data holds no databases to back up" >&2; return 1; }
  [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ] && { echo "platform: $out is not empty; name a new folder" >&2; return 1; }
  mkdir -p "$out"; out=$(readlink -f "$out")
  if ! port=$(running_postgres_port "$data/postgres"); then
    port=$(start_temporary_postgres "$data/postgres") || return 1
    started=1
  fi

  echo "platform: backing up $data (Postgres on port $port) into $out"
  local status=0
  "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$out/postgres" -Ft -z -X stream -c fast \
    -l "platform backup $(date -u +%FT%TZ)" 2> >(grep -v 'skipping special file' >&2) || status=$?
  if [ $status -eq 0 ]; then
    [ -d "$data/secrets" ] && cp -a "$data/secrets" "$out/secrets"
    {
      echo "taken: $(date -u +%FT%TZ)"
      echo "from: $data"
      echo "postgres: $(cat "$data/postgres/PG_VERSION")"
      echo "databases: $(service_databases "$port" | tr '\n' ' ')"
      echo "keys: $(ls "$out/secrets" 2>/dev/null | tr '\n' ' ')"
    } > "$out/backup.txt"
  fi
  [ -n "$started" ] && stop_temporary_postgres "$data/postgres"
  [ $status -eq 0 ] || { echo "platform: the backup failed" >&2; rm -rf "$out"; return $status; }
  du -sh "$out" | awk '{print "platform: backup written, " $1 " in " $2}'
}

# ./platform restore BACKUP [--resend-hours N]: a fresh data folder (PLATFORM_DATA_DIR) from a backup.
cmd_restore() {
  ensure_servers
  local backup=${1:-} resend_hours=24 data port
  [ -n "$backup" ] || { echo "usage: ./platform restore BACKUP_FOLDER [--resend-hours N]" >&2; return 2; }
  shift
  if [ "${1:-}" = --resend-hours ]; then resend_hours=${2:?}; fi
  [[ "$resend_hours" =~ ^[0-9]+$ ]] || { echo "platform: --resend-hours takes a whole number" >&2; return 2; }
  [ -f "$backup/postgres/base.tar.gz" ] || { echo "platform: $backup is not a backup (no postgres/base.tar.gz)" >&2; return 1; }
  backup=$(readlink -f "$backup")
  data=$(data_dir)
  if [ -e "$data/postgres/PG_VERSION" ]; then
    echo "platform: $data already holds databases; restore into a fresh folder (PLATFORM_DATA_DIR=...)" >&2
    return 1
  fi

  echo "platform: restoring $backup into $data"
  mkdir -p "$data/postgres/pg_wal"
  tar -xzf "$backup/postgres/base.tar.gz" -C "$data/postgres"
  tar -xzf "$backup/postgres/pg_wal.tar.gz" -C "$data/postgres/pg_wal"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$data/postgres"; fi
  chmod 700 "$data/postgres"
  if [ -d "$backup/secrets" ]; then
    rm -rf "$data/secrets"; cp -a "$backup/secrets" "$data/secrets"; chmod 700 "$data/secrets"
  fi

  port=$(start_temporary_postgres "$data/postgres") || return 1
  local db status=0
  for db in $(service_databases "$port"); do
    # The broker's queues are not in the backup: what was sent shortly before it goes out again (each consumer's
    # inbox keeps it from being applied twice), so nothing in flight at the moment of the backup is lost.
    if [ "$("$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -Atc "SELECT to_regclass('public.outbox_messages') IS NOT NULL")" = t ]; then
      "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -Atc \
        "WITH last AS (SELECT max(sent_at) AS at FROM outbox_messages)
         UPDATE outbox_messages SET sent_at = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL
         WHERE sent_at >= (SELECT at FROM last) - interval '$resend_hours hours'" \
        | sed "s/^UPDATE //; s/^/platform: $db: events to send again: /" || status=$?
    fi
  done
  stop_temporary_postgres "$data/postgres"
  [ $status -eq 0 ] || return $status
  touch "$(schema_mark "$data")"
  echo "platform: restored. Start it with PLATFORM_DATA_DIR=$data ./platform run"
}
