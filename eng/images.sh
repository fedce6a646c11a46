#!/usr/bin/env bash
# ./platform images: one OCI image per service, the gateway and the web console's host, built without a container
# daemon, pushed to a registry and smoke-tested with podman. Sourced by ./platform.
#
# By default everything stays on this machine: a minimal Debian base with the .NET runtime (debootstrap + umoci,
# from the package registries only), a registry on loopback (docker-registry, 127.0.0.1:$PLATFORM_REGISTRY_PORT),
# the SDK's PublishContainer onto that base. Elsewhere one setting takes the official base image instead:
#   PLATFORM_IMAGE_BASE=mcr.microsoft.com/dotnet/aspnet:10.0 PLATFORM_IMAGE_REGISTRY=registry.example.com ./platform images
# Images run as the non-root user 1654 (app), carry OCI labels (version, revision, source) and take every setting
# from the environment (connection strings, keys: docs/deploy.md).
set -euo pipefail

image_packages=(podman buildah skopeo umoci docker-registry runc catatonit debootstrap uidmap)

# name project repository
image_projects=(
  "organization services/Organization platform/organization"
  "grid services/Grid platform/grid"
  "volunteer services/Volunteer platform/volunteer"
  "workflow services/Workflow platform/workflow"
  "gateway gateway platform/gateway"
  "web web/host platform/web"
)

ensure_image_tools() {
  local p missing=()
  for p in "${image_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "platform: install as root, then run again: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "platform: installing ${missing[*]} (once)..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/platform-apt-images.log 2>&1 ||
    { echo "platform: apt-get failed; see /tmp/platform-apt-images.log" >&2; exit 1; }
}

# podman as it works here without a daemon or systemd: vfs storage, runc, cgroupfs, host networking.
podman_cmd() { podman --storage-driver vfs --runtime runc --cgroup-manager cgroupfs --events-backend file "$@"; }

# The images' tag: the commit, marked when the work tree differs from it.
image_version() {
  if [ -n "${PLATFORM_IMAGE_VERSION:-}" ]; then echo "$PLATFORM_IMAGE_VERSION"; return; fi
  local commit; commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo local)
  # A work tree that differs from the commit: its own tag, so a change is never hidden behind an older image.
  if [ -n "$(git status --porcelain 2>/dev/null)" ]; then commit+="-dirty-$( { git diff HEAD; git ls-files --others --exclude-standard | xargs -r cat; } 2>/dev/null | sha256sum | cut -c1-8)"; fi
  echo "0.1.0-$commit"
}

debian_mirror() {
  grep -hE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
    grep -m1 -E 'debian/?$|debian ' | sed -E 's/^URIs: *//; s/^deb +(\[[^]]*\] +)?//; s/ .*//'
}

# The base image, once: Debian bookworm minbase (ICU, CA certificates, time zones) plus the SDK's own ASP.NET Core
# runtime, user app (1654), in an OCI layout under artifacts/images/base. Rebuilt only when the runtime changes.
build_base_image() {
  local out=$1 runtime
  runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" && $2 ~ /^10\./ { v = $2 } END { print v }')
  [ -n "$runtime" ] || { echo "platform: no ASP.NET Core 10 runtime beside the SDK" >&2; return 1; }
  if [ -f "$out/runtime.txt" ] && [ "$(cat "$out/runtime.txt")" = "$runtime" ] && [ -f "$out/oci/index.json" ]; then
    echo "platform: base image (Debian bookworm, ASP.NET Core $runtime) is up to date"
    return 0
  fi
  local dotnet_root; dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  local work=$out/work mirror
  mirror=$(debian_mirror || true); mirror=${mirror:-http://deb.debian.org/debian}
  rm -rf "$out"; mkdir -p "$work"
  echo "platform: debootstrap (Debian bookworm minbase from $mirror)..."
  debootstrap --variant=minbase --include=libicu72,ca-certificates,tzdata bookworm "$work/rootfs" "$mirror" >"$out/debootstrap.log" 2>&1 ||
    { echo "platform: debootstrap failed; see $out/debootstrap.log" >&2; return 1; }
  # The non-root user the images run as (the official images' app user, same uid).
  echo "app:x:1654:1654::/app:/usr/sbin/nologin" >> "$work/rootfs/etc/passwd"
  echo "app:x:1654:" >> "$work/rootfs/etc/group"
  echo "app:!:19000::::::" >> "$work/rootfs/etc/shadow"
  mkdir -p "$work/rootfs/app"; chown 1654:1654 "$work/rootfs/app"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/log/"*.log
  umoci init --layout "$out/oci"
  umoci new --image "$out/oci:debian"
  umoci unpack --image "$out/oci:debian" "$work/bundle" >/dev/null
  cp -a "$work/rootfs/." "$work/bundle/rootfs/"
  umoci repack --image "$out/oci:debian" "$work/bundle"
  rm -rf "$work/bundle"
  # Second layer: the runtime (dotnet host, hostfxr, the two shared frameworks of this version).
  umoci unpack --image "$out/oci:debian" "$work/bundle" >/dev/null
  local target=$work/bundle/rootfs/usr/share/dotnet
  mkdir -p "$target/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/LICENSE.txt" "$target/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$target/shared/$framework"
    cp -a "$dotnet_root/shared/$framework/$runtime" "$target/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$work/bundle/rootfs/usr/bin/dotnet"
  umoci repack --image "$out/oci:debian" --refresh-bundle "$work/bundle"
  umoci tag --image "$out/oci:debian" aspnet-10.0
  umoci config --image "$out/oci:aspnet-10.0" --tag aspnet-10.0 \
    --config.env "ASPNETCORE_HTTP_PORTS=8080" --config.env "DOTNET_RUNNING_IN_CONTAINER=true" \
    --config.env "DOTNET_VERSION=$runtime" --config.env "ASPNET_VERSION=$runtime" --config.env "APP_UID=1654" \
    --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.user 1654 --config.workingdir /app \
    --config.label "org.opencontainers.image.title=Debian bookworm with ASP.NET Core $runtime" \
    --config.label "org.opencontainers.image.base.name=debian:bookworm (debootstrap minbase)"
  umoci gc --layout "$out/oci"
  rm -rf "$work"
  echo "$runtime" > "$out/runtime.txt"
  echo "platform: base image built ($(du -sh "$out/oci" | cut -f1), ASP.NET Core $runtime)"
}

# A registry on loopback for the images (its storage under artifacts/images/registry), stopped by its pid.
start_registry() {
  local dir=$1 port=$2
  mkdir -p "$dir/storage"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
  docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! > "$dir/registry.pid"
  for _ in $(seq 1 100); do curl -fsS -m 1 "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "platform: the registry did not start; see $dir/registry.log" >&2
  return 1
}

stop_registry() {
  local dir=$1 pid
  pid=$(cat "$dir/registry.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && [ -d "/proc/$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q docker-registry; then kill -TERM "$pid"; fi
  rm -f "$dir/registry.pid"
}

# Environment for a service or the gateway against the plain servers (eng/servers.sh) and a key folder
# (deploy/keys.sh): fills the array IMAGE_ENV with podman's -e arguments.
image_env() {
  local name=$1 port=$2 keys=$3 issuer=$4
  IMAGE_ENV=(
    -e "ASPNETCORE_HTTP_PORTS=$port"
    -e "ConnectionStrings__rabbitmq=amqp://guest:guest@127.0.0.1:$PLAIN_AMQP_PORT/"
    -e "ConnectionStrings__redis=127.0.0.1:$PLAIN_REDIS_PORT"
    -e "Platform__Auth__Issuer=$issuer"
    -e "Platform__Auth__ValidationKey=$(cat "$keys/token-validation-key.pem")"
    -e "Platform__PersonalData__LookupKey=$(cat "$keys/personal-data-lookup-key")"
    -e "Platform__SeedDemoData=true"
  )
  case $name in
    organization|grid|volunteer|workflow)
      IMAGE_ENV+=(-e "ConnectionStrings__${name}db=Host=127.0.0.1;Port=$PLAIN_PG_PORT;Username=postgres;Database=${name}db") ;;
  esac
  if [ "$name" = organization ]; then
    IMAGE_ENV+=(-e "Platform__Auth__SigningKey=$(cat "$keys/token-signing-key.pem")" -e "Platform__Auth__EncryptionKey=$(cat "$keys/token-encryption-key")")
  fi
}

# Ports the smoke test and the rehearsal give each image on the host network.
image_port() {
  case $1 in gateway) echo 28080 ;; organization) echo 28081 ;; grid) echo 28082 ;; volunteer) echo 28083 ;; workflow) echo 28084 ;; web) echo 28085 ;; esac
}

# The gateway's routes to the services and the web host (Aspire service discovery reads services__NAME__http__0).
gateway_routes() {
  local name
  for name in organization grid volunteer workflow web; do
    IMAGE_ENV+=(-e "services__${name}__http__0=http://127.0.0.1:$(image_port "$name")")
  done
}

wait_healthy() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -m 3 "$url" || true)" = 200 ] && return 0
    sleep 1
  done
  return 1
}

cmd_images() {
  ensure_dotnet
  ensure_servers
  ensure_image_tools
  local out=$root/artifacts/images port=${PLATFORM_REGISTRY_PORT:-5055} version revision
  version=$(image_version)
  revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  # The source label: the repository's own address when it has one that is a URL.
  local source; source=$(git remote get-url origin 2>/dev/null || true)
  case $source in http://*|https://*) ;; *) source=${PLATFORM_IMAGE_SOURCE:-https://example.invalid/platform} ;; esac
  local base=${PLATFORM_IMAGE_BASE:-} registry=${PLATFORM_IMAGE_REGISTRY:-} local_registry=""
  mkdir -p "$out"
  if [ -z "$registry" ]; then
    registry=127.0.0.1:$port
    local_registry=$out/registry
    start_registry "$local_registry" "$port"
    trap 'stop_registry "'"$local_registry"'"' EXIT
    export DOTNET_CONTAINER_INSECURE_REGISTRIES=$registry
  fi
  if [ -z "$base" ]; then
    build_base_image "$out/base"
    skopeo copy --quiet --dest-tls-verify=false "oci:$out/base/oci:aspnet-10.0" "docker://$registry/dotnet/aspnet:10.0"
    base=$registry/dotnet/aspnet:10.0
  fi

  local entry name project repository
  for entry in "${image_projects[@]}"; do
    read -r name project repository <<<"$entry"
    echo "platform: image $registry/$repository:$version (from $base)"
    dotnet publish "$project" -c Release -nologo -v:quiet -clp:ErrorsOnly -t:PublishContainer \
      -p:ContainerBaseImage="$base" -p:ContainerRegistry="$registry" -p:ContainerRepository="$repository" \
      -p:ContainerImageTags="\"$version;latest\"" -p:ContainerUser=1654 \
      -p:Version="$version" -p:SourceRevisionId="$revision" -p:PublishRepositoryUrl=true -p:RepositoryUrl="$source" \
      -p:RuntimeIdentifier="${PLATFORM_IMAGE_RID:-linux-x64}" -p:SelfContained=false >"$out/publish-$name.log" 2>&1 ||
      { tail -n 30 "$out/publish-$name.log" >&2; echo "platform: publishing $name failed; see $out/publish-$name.log" >&2; return 1; }
  done

  [ "${PLATFORM_IMAGE_SMOKE:-1}" = 0 ] && { echo "platform: images pushed to $registry (smoke test skipped)"; return 0; }
  case $registry in 127.0.0.1:*|localhost:*) ;; *) echo "platform: images pushed to $registry; the smoke test runs only against a local registry"; return 0 ;; esac
  smoke_test_images "$registry" "$version" "$out"
}

# Each image pulled from the registry and started by podman against real servers; passes when /health answers 200.
smoke_test_images() {
  local registry=$1 version=$2 out=$3 servers=$out/servers keys=$out/keys report=$out/images.md
  start_plain_servers "$servers"
  [ -f "$keys/token-signing-key.pem" ] || "$root/deploy/keys.sh" generate "$keys" >/dev/null
  local entry name project repository image port status failed=0 containers=()
  {
    echo "| image | size | user | labels (version, revision) | /health |"
    echo "|---|---|---|---|---|"
  } > "$report"
  for entry in "${image_projects[@]}"; do
    read -r name project repository <<<"$entry"
    image=$registry/$repository:$version
    podman_cmd pull --quiet --tls-verify=false "$image" >/dev/null
    port=$(image_port "$name")
    image_env "$name" "$port" "$keys" "http://127.0.0.1:$(image_port gateway)/"
    [ "$name" = gateway ] && gateway_routes
    podman_cmd rm -f "platform-smoke-$name" >/dev/null 2>&1 || true
    podman_cmd run -d --name "platform-smoke-$name" --network host --ulimit nofile=16384:16384 --ulimit nproc=4096:4096 \
      "${IMAGE_ENV[@]}" "$image" >/dev/null
    containers+=("platform-smoke-$name")
  done
  for entry in "${image_projects[@]}"; do
    read -r name project repository <<<"$entry"
    image=$registry/$repository:$version
    port=$(image_port "$name")
    if wait_healthy "http://127.0.0.1:$port/health" 180; then status=200; else
      status=$(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:$port/health" || echo none); failed=1
      podman_cmd logs --tail 40 "platform-smoke-$name" >&2 || true
    fi
    local size user labels
    size=$(podman_cmd image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1000000 }')
    user=$(podman_cmd image inspect --format '{{.Config.User}}' "$image")
    labels=$(podman_cmd image inspect --format '{{index .Labels "org.opencontainers.image.version"}}, {{printf "%.12s" (index .Labels "org.opencontainers.image.revision")}}' "$image")
    echo "| $image | $size | $user | $labels | $status |" >> "$report"
    echo "platform: $name: /health $status"
  done
  for name in "${containers[@]}"; do podman_cmd rm -f -t 10 "$name" >/dev/null 2>&1 || true; done
  stop_plain_servers "$servers"
  cat "$report"
  [ $failed -eq 0 ] || { echo "platform: an image did not become healthy" >&2; return 1; }
  echo "platform: every image answered /health (table in $report)"
}
