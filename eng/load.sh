#!/usr/bin/env bash
# ./platform bench load: the whole suite, built in Release, under bounded loads from wrk on loopback
# (bench/Platform.Bench/Load), written to bench/results/load.md with the machine's description.
# Uses a suite already answering on the gateway's port if there is one (its own build, as it was started);
# otherwise starts one on a fresh data folder (artifacts/bench/load/data), timing its first start and a second
# start on the same data, and stops it at the end (PLATFORM_LOAD_KEEP=1 leaves it running).
# Settings: PLATFORM_LOAD_SECONDS (15, per run), PLATFORM_LOAD_ROUNDS (2), PLATFORM_LOAD_GROW (100000,1000000),
# PLATFORM_LOAD_EVENT_RATES (500,200), PLATFORM_LOAD_TRACE_SAMPLE (0.01).
set -euo pipefail

# Starts ./platform run (its pid in $load_suite) and waits until the gateway's /health answers 200: the seconds
# that took in $load_took.
load_start_suite() {
  local log=$1 port=$2 begin
  begin=$(date +%s%N)
  # Traces sampled as a busy deployment would (PLATFORM_LOAD_TRACE_SAMPLE, 1 = every request as in development).
  PLATFORM_CONFIGURATION=Release PLATFORM_DATA_DIR=$load_data "$root/platform" run \
    "Platform:Telemetry:TraceSampleRatio=${PLATFORM_LOAD_TRACE_SAMPLE:-0.01}" >"$log" 2>&1 &
  load_suite=$!
  for _ in $(seq 1 600); do
    if curl -fsS -m 2 "http://localhost:$port/health" >/dev/null 2>&1; then
      load_took=$(( ($(date +%s%N) - begin) / 1000000 ))
      load_took="$((load_took / 1000)).$(printf '%03d' $((load_took % 1000)))"
      return 0
    fi
    kill -0 "$load_suite" 2>/dev/null || { echo "platform: the suite did not start; see $log" >&2; return 1; }
    sleep 0.2
  done
  echo "platform: the suite was not healthy in 2 minutes; see $log" >&2
  return 1
}

load_stop_suite() {
  [ -n "${load_suite:-}" ] || return 0
  kill -TERM "$load_suite" 2>/dev/null || true
  wait "$load_suite" 2>/dev/null || true
  load_suite=""
}

# name=url for each service's own port, found from the listening sockets of its process.
load_service_urls() {
  local service port
  for service in organization grid volunteer workflow; do
    local process="Platform.${service^}"
    port=$(ss -ltnpH 2>/dev/null | grep -F "\"${process:0:15}\"" | awk '{print $4}' | grep -E '^127\.0\.0\.1:' | head -n1 | cut -d: -f2)
    [ -n "$port" ] && echo "$service=http://127.0.0.1:$port"
  done
}

cmd_bench_load() {
  local port=${PLATFORM_GATEWAY_PORT:-8080} artifacts=$root/artifacts/bench/load started_here=0 cold="" warm=""
  mkdir -p "$artifacts" "$root/bench/results"
  load_suite=""
  load_data=$artifacts/data
  trap 'load_stop_suite' EXIT
  if curl -fsS -m 2 "http://localhost:$port/health" >/dev/null 2>&1; then
    echo "platform: measuring the suite already running on port $port (as it was built and started)"
    load_data=$(data_dir)
  else
    export PLATFORM_CONFIGURATION=Release
    build
    rm -rf "$load_data"
    echo "platform: first start on a fresh data folder (log: artifacts/bench/load/run-first.log)..."
    load_start_suite "$artifacts/run-first.log" "$port"; cold=$load_took
    echo "platform: healthy after $cold s; stopping and starting again on the same data..."
    load_stop_suite
    load_start_suite "$artifacts/run.log" "$port"; warm=$load_took
    echo "platform: healthy after $warm s"
    started_here=1
  fi

  dotnet build bench/Platform.Bench -c Release -nologo -clp:ErrorsOnly -v:quiet
  local pg_port
  pg_port=$(sed -n 4p "$load_data/postgres/postmaster.pid")
  mapfile -t services < <(load_service_urls)
  echo "platform: services at ${services[*]}; Postgres on $pg_port"
  local status=0
  dotnet bench/Platform.Bench/bin/Release/net10.0/Platform.Bench.dll load "$artifacts/load.md" \
    "http://127.0.0.1:$port" "127.0.0.1:$pg_port" "${services[@]}" || status=$?
  {
    cat "$artifacts/load.md"
    echo "## Starting"
    echo
    if [ $started_here = 1 ]; then
      echo "\`./platform run\` (Release, already built) to a healthy gateway: **$(printf '%.1f' "$cold") s** on a fresh data folder"
      echo "(creating the databases, migrations, demo data), **$(printf '%.1f' "$warm") s** started again on the same data."
    else
      echo "Not measured: the suite was already running."
    fi
    echo
    echo "Measured $(date -u +'%Y-%m-%d %H:%M UTC') by \`./platform bench load\` on:"
    echo
    echo "- CPU: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), $(nproc) cores"
    echo "- memory: $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "- OS: $(uname -sr); .NET SDK $(dotnet --version); $(wrk -v 2>&1 | head -n1 | cut -d' ' -f1-2); PostgreSQL $(postgres_version 2>/dev/null || echo 15)"
    echo "- everything on this one machine: the suite, Postgres, Redis, RabbitMQ, the orchestrator and wrk share its cores"
    echo "- load at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: compare the ratios within one run)"
  } > "$root/bench/results/load.md"
  echo "platform: wrote bench/results/load.md"
  [ "${PLATFORM_LOAD_KEEP:-0}" = 1 ] && [ -n "$load_suite" ] && { echo "platform: the suite keeps running (pid $load_suite)"; trap - EXIT; }
  return $status
}

postgres_version() { "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)/postgres" --version | awk '{print $3}'; }
