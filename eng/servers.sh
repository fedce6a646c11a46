#!/usr/bin/env bash
# Postgres (with PostGIS), Redis and RabbitMQ as plain processes on fixed loopback ports, for what runs outside the
# AppHost against the machine's servers: the images' smoke test and the Kubernetes rehearsal (./platform images,
# ./platform rehearse). Sourced by ./platform. Each server records its pid in its folder and is stopped by it.
#   start_plain_servers DIR    starts what is not running yet; sets PLAIN_PG_PORT, PLAIN_REDIS_PORT, PLAIN_AMQP_PORT
#   stop_plain_servers DIR
set -euo pipefail

plain_ports() {
  # Below Linux's ephemeral range (32768 up), away from the suite's defaults.
  PLAIN_PG_PORT=${PLATFORM_PLAIN_PG_PORT:-25432}
  PLAIN_REDIS_PORT=${PLATFORM_PLAIN_REDIS_PORT:-26379}
  PLAIN_AMQP_PORT=${PLATFORM_PLAIN_AMQP_PORT:-25672}
  PLAIN_EPMD_PORT=${PLATFORM_PLAIN_EPMD_PORT:-24369}
  PLAIN_DIST_PORT=${PLATFORM_PLAIN_DIST_PORT:-25673}
}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi; }

wait_for_port() {
  local port=$1 what=$2
  for _ in $(seq 1 240); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.5
  done
  echo "platform: $what did not open port $port" >&2
  return 1
}

pid_running() { local pid; pid=$(head -n1 "$1" 2>/dev/null | tr -dc '0-9'); [ -n "$pid" ] && [ -d "/proc/$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$2"; }

start_plain_servers() {
  local dir=$1 bin=/usr/lib/postgresql/15/bin
  plain_ports
  mkdir -p "$dir"
  chmod 755 "$dir"
  # Postgres, as the postgres user when run as root.
  if ! pid_running "$dir/pg/postmaster.pid" postgres; then
    if [ ! -f "$dir/pg/PG_VERSION" ]; then
      mkdir -p "$dir/pg"; chmod 700 "$dir/pg"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pg"
      as_postgres "$bin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg-init.log" 2>&1
      # Streaming replication for ./platform replica: a replica connects as postgres from loopback.
      echo "host replication postgres 127.0.0.1/32 trust" >> "$dir/pg/pg_hba.conf"
    fi
    as_postgres "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w -t 60 \
      -o "-p $PLAIN_PG_PORT -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=400 -c wal_level=replica" start >/dev/null
  fi
  # Redis.
  if ! pid_running "$dir/redis.pid" redis-server; then
    redis-server --port "$PLAIN_REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  fi
  # RabbitMQ, with its own epmd and cookie.
  if ! pid_running "$dir/rabbitmq/rabbitmq.pid" beam; then
    mkdir -p "$dir/rabbitmq"
    echo "[]." > "$dir/rabbitmq/enabled_plugins"
    echo "loopback_users = none" > "$dir/rabbitmq/rabbitmq.conf"
    if ! pid_running "$dir/epmd.pid" epmd; then
      setsid epmd -port "$PLAIN_EPMD_PORT" -address 127.0.0.1 >"$dir/epmd.log" 2>&1 < /dev/null &
      echo $! > "$dir/epmd.pid"
    fi
    (
      export HOME=$dir/rabbitmq RABBITMQ_CONF_ENV_FILE=/dev/null RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false"
      export RABBITMQ_NODENAME=platform-plain@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$PLAIN_AMQP_PORT
      export RABBITMQ_DIST_PORT=$PLAIN_DIST_PORT ERL_EPMD_PORT=$PLAIN_EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1
      export RABBITMQ_MNESIA_BASE=$dir/rabbitmq/mnesia RABBITMQ_LOG_BASE=$dir/rabbitmq/log RABBITMQ_LOGS=-
      export RABBITMQ_ENABLED_PLUGINS_FILE=$dir/rabbitmq/enabled_plugins RABBITMQ_CONFIG_FILE=$dir/rabbitmq/rabbitmq
      export RABBITMQ_PID_FILE=$dir/rabbitmq/rabbitmq.pid
      setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$dir/rabbitmq.log" 2>&1 < /dev/null &
    )
  fi
  wait_for_port "$PLAIN_PG_PORT" postgres
  wait_for_port "$PLAIN_REDIS_PORT" redis
  wait_for_port "$PLAIN_AMQP_PORT" rabbitmq
}

stop_plain_servers() {
  local dir=$1 pid
  [ -d "$dir" ] || return 0
  if pid_running "$dir/pg/postmaster.pid" postgres; then
    as_postgres /usr/lib/postgresql/15/bin/pg_ctl -D "$dir/pg" -m fast -w stop >/dev/null || true
  fi
  for f in "$dir/redis.pid:redis-server" "$dir/rabbitmq/rabbitmq.pid:beam" "$dir/epmd.pid:epmd"; do
    if pid_running "${f%%:*}" "${f##*:}"; then
      pid=$(head -n1 "${f%%:*}" | tr -dc '0-9'); kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
      [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}
