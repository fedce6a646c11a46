#!/usr/bin/env bash
# ./platform replica: a Postgres streaming replica of the suite's databases (hot standby, read-only), for reads
# that may lag a moment behind (rankings, assessments, lookups: docs/deploy.md). Sourced by ./platform.
#   ./platform replica start [PORT]   copy the running primary (pg_basebackup -R -X stream) into DATA/postgres-replica
#                                     and start it on PORT (default 25433); prints each service's read connection
#   ./platform replica status         the replica's lag behind the primary
#   ./platform replica stop           stop it (its folder stays; start again resumes streaming)
#   ./platform replica promote        make it a primary that takes writes (after the primary is lost for good)
# Then: ./platform run Platform:ReadReplica=127.0.0.1:PORT gives the services ConnectionStrings:<db>-read.
# The primary is the one ./platform run started in PLATFORM_DATA_DIR (or .data), found by its postmaster.pid.
set -euo pipefail

replica_primary_port() {
  local pidfile=$1/postgres/postmaster.pid
  [ -f "$pidfile" ] || { echo "platform: no running primary in $1/postgres (start the suite with ./platform run first)" >&2; return 1; }
  sed -n 4p "$pidfile"
}

# Points a running replica at the primary's current port (./platform run's Postgres gets a new port at each start):
# primary_conninfo is reloaded without a restart.
replica_follow() {
  local data=$1 dir=$1/postgres-replica primary port
  pid_running "$dir/postmaster.pid" postgres || return 0
  primary=$(replica_primary_port "$data" 2>/dev/null) || return 0
  port=$(sed -n 4p "$dir/postmaster.pid")
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq \
    -c "ALTER SYSTEM SET primary_conninfo TO 'host=127.0.0.1 port=$primary user=postgres application_name=platform-replica'" \
    -c "SELECT pg_reload_conf()" >/dev/null
}

cmd_replica() {
  local action=${1:-status} data; data=$(data_dir)
  local dir=$data/postgres-replica bin=/usr/lib/postgresql/15/bin port
  case $action in
    start)
      port=${2:-25433}
      local primary; primary=$(replica_primary_port "$data")
      if [ ! -f "$dir/standby.signal" ]; then
        echo "platform: copying the primary (port $primary) into $dir..."
        rm -rf "$dir"; mkdir -p "$dir"; chmod 700 "$dir"
        [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
        # The primary's socket file is not copied (pg_basebackup says so for each); nothing else is left out.
        as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir" -R -X stream -c fast 2> >(grep -v 'skipping special file' >&2)
      fi
      if pid_running "$dir/postmaster.pid" postgres; then echo "platform: the replica already runs"; else
        as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
          -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=400" start >/dev/null
      fi
      replica_follow "$data"
      port=$(sed -n 4p "$dir/postmaster.pid")
      echo "platform: replica streaming from port $primary, read-only on 127.0.0.1:$port. Read connections:"
      local db; for db in organizationdb griddb volunteerdb workflowdb; do
        echo "  ConnectionStrings__$db-read=Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
      done
      echo "platform: or: ./platform run Platform:ReadReplica=127.0.0.1:$port"
      ;;
    status)
      if ! pid_running "$dir/postmaster.pid" postgres; then echo "platform: no replica runs in $dir"; return 0; fi
      port=$(sed -n 4p "$dir/postmaster.pid")
      psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAq -c \
        "SELECT 'in recovery: ' || pg_is_in_recovery() || ', receiving: ' || coalesce((SELECT status || ' from port ' || sender_port FROM pg_stat_wal_receiver), 'no (is the primary running?)') || ', replayed up to ' || coalesce(pg_last_wal_replay_lsn()::text, '-') || ', last commit replayed ' || coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()))::text || ' s ago', 'never')"
      ;;
    stop)
      pid_running "$dir/postmaster.pid" postgres && as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
      echo "platform: replica stopped"
      ;;
    promote)
      as_postgres "$bin/pg_ctl" -D "$dir" -w promote >/dev/null
      echo "platform: the replica is now a primary and takes writes; point the services' connection strings at it"
      ;;
    *) sed -n '2,11p' "$root/eng/replica.sh" | sed 's/^# \{0,1\}//'; return 2 ;;
  esac
}
