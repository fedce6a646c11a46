#!/usr/bin/env bash
# Makes sure the server binaries the suite runs on are on this machine (Debian packages).
# Sourced by ./platform; installs with apt-get as root, otherwise prints the exact command and stops.
set -euo pipefail

# chromium and CJK fonts: the web console's tests drive a real browser (Playwright with Debian's chromium).
# unzip: the Helm chart's checks unpack helm and kubectl from their npm package.
platform_packages=(postgresql-15 postgresql-15-postgis-3 redis-server rabbitmq-server chromium fonts-noto-cjk unzip)

missing_packages() {
  local p missing=()
  for p in "${platform_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

ensure_servers() {
  local missing
  missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  if [ "${PLATFORM_INFRASTRUCTURE:-auto}" = external ]; then return 0; fi
  local cmd="apt-get update && apt-get install -y --no-install-recommends $missing"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "platform: these server packages are missing: $missing" >&2
    echo "platform: install them as root, then run again:" >&2
    echo "    $cmd" >&2
    exit 1
  fi
  echo "platform: installing $missing (once)..."
  # No daemons: the platform starts its own server processes; policy-rc.d keeps the packages from starting theirs.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >/tmp/platform-apt.log 2>&1; then
    [ $created_policy = 1 ] && rm -f "$policy"
    echo "platform: apt-get failed; see /tmp/platform-apt.log. The command was:" >&2
    echo "    $cmd" >&2
    exit 1
  fi
  [ $created_policy = 1 ] && rm -f "$policy"
  echo "platform: installed $missing"
}
