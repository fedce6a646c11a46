#!/usr/bin/env bash
# ./platform rehearse: the Kubernetes deployment rehearsed on this machine. The Helm chart's manifests of the
# Organization, Grid and Workflow services and the gateway, rendered as a deployer renders them (two replicas each,
# quorum queues, migrations as a job before the pods), run by `podman kube play` against plain servers on loopback;
# then checked: requests through the gateway served by both replicas of the gateway and of each service, competing
# consumers on every queue, each outbox row published once, each deadline acted on once with two timers running.
# Writes artifacts/rehearsal/report.md; exits non-zero when a check fails. Sourced by ./platform.
set -euo pipefail

rehearsal_services=(organization grid workflow gateway)

rehearsal_check() {
  local ok=$1 what=$2
  if [ "$ok" = true ]; then echo "- [x] $what" >> "$REHEARSAL_REPORT"; echo "platform: ok: $what"
  else echo "- [ ] **FAILED**: $what" >> "$REHEARSAL_REPORT"; echo "platform: FAILED: $what" >&2; REHEARSAL_FAILED=1; fi
}

rehearsal_psql() { psql -h 127.0.0.1 -p "$PLAIN_PG_PORT" -U postgres -d "$1" -tAq -c "$2"; }

rehearsal_ctl() {
  HOME=$REHEARSAL_DIR/servers/rabbitmq ERL_EPMD_PORT=$PLAIN_EPMD_PORT RABBITMQ_CONF_ENV_FILE=/dev/null \
    /usr/lib/rabbitmq/bin/rabbitmqctl -n platform-plain@localhost "$@"
}

# A JSON object of key -> base64 value: the form podman's kube play reads a secretKeyRef from.
podman_secret() {
  local name=$1; shift
  local json="{" first=1 pair
  for pair in "$@"; do
    [ $first = 1 ] || json+=","
    json+="\"${pair%%=*}\":\"$(printf '%s' "${pair#*=}" | base64 -w0)\""
    first=0
  done
  json+="}"
  podman_cmd secret rm "$name" >/dev/null 2>&1 || true
  printf '%s' "$json" | podman_cmd secret create "$name" - >/dev/null
}

rehearsal_down() {
  local file
  for file in "$REHEARSAL_DIR"/kube/*.yaml; do
    [ -f "$file" ] && CONTAINERS_CONF=$REHEARSAL_DIR/containers.conf podman_cmd kube down "$file" >/dev/null 2>&1 || true
  done
}

cmd_rehearse() {
  if [ "${1:-}" = down ]; then
    REHEARSAL_DIR=$root/artifacts/rehearsal
    rehearsal_down; plain_ports; stop_plain_servers "$REHEARSAL_DIR/servers"; echo "platform: the rehearsal's stage is down"; return 0
  fi
  ensure_dotnet
  ensure_servers
  ensure_image_tools
  ensure_node_packages deploy
  REHEARSAL_DIR=$root/artifacts/rehearsal
  REHEARSAL_REPORT=$REHEARSAL_DIR/report.md
  REHEARSAL_FAILED=0
  local version; version=$(image_version)
  local registry=127.0.0.1:${PLATFORM_REGISTRY_PORT:-5055} name
  # Images of this commit, built (without their own smoke test) when podman does not hold them yet.
  local missing=0
  for name in "${rehearsal_services[@]}"; do
    podman_cmd image exists "$registry/platform/$name:$version" || missing=1
  done
  if [ $missing = 1 ]; then
    PLATFORM_IMAGE_SMOKE=0 cmd_images
    for name in "${rehearsal_services[@]}"; do podman_cmd pull --quiet --tls-verify=false "$registry/platform/$name:$version" >/dev/null; done
  fi

  # A clean stage: servers, keys and secrets of its own; all of it stopped however the rehearsal ends.
  # PLATFORM_REHEARSAL_KEEP=1 leaves the stage up to look at (./platform rehearse down takes it away).
  if [ "${PLATFORM_REHEARSAL_KEEP:-0}" = 1 ]; then trap 'stop_registry "$root/artifacts/images/registry"' EXIT
  else trap 'rehearsal_down; stop_plain_servers "$REHEARSAL_DIR/servers"; stop_registry "$root/artifacts/images/registry"' EXIT; fi
  rehearsal_down
  stop_plain_servers "$REHEARSAL_DIR/servers"
  rm -rf "$REHEARSAL_DIR"; mkdir -p "$REHEARSAL_DIR/kube"
  start_plain_servers "$REHEARSAL_DIR/servers"
  "$root/deploy/keys.sh" generate "$REHEARSAL_DIR/keys" >/dev/null
  local keys=$REHEARSAL_DIR/keys pg="Host=127.0.0.1;Port=$PLAIN_PG_PORT;Username=postgres"
  podman_secret platform-keys \
    "token-signing-key=$(cat "$keys/token-signing-key.pem")" "token-validation-key=$(cat "$keys/token-validation-key.pem")" \
    "token-encryption-key=$(cat "$keys/token-encryption-key")" "personal-data-lookup-key=$(cat "$keys/personal-data-lookup-key")"
  podman_secret platform-connections \
    "organizationdb=$pg;Database=organizationdb" "griddb=$pg;Database=griddb" "workflowdb=$pg;Database=workflowdb" \
    "volunteerdb=$pg;Database=volunteerdb" "rabbitmq=amqp://guest:guest@127.0.0.1:$PLAIN_AMQP_PORT/" "redis=127.0.0.1:$PLAIN_REDIS_PORT"
  printf '[containers]\ndefault_ulimits = ["nofile=16384:16384", "nproc=4096:4096"]\n' > "$REHEARSAL_DIR/containers.conf"

  {
    echo "# Rehearsal of the Kubernetes deployment on one machine"
    echo
    echo "$(date -u +'%Y-%m-%d %H:%M UTC'), images $registry/platform/*:$version, chart deploy/helm/platform, podman $(podman --version | awk '{print $3}')."
    echo
  } > "$REHEARSAL_REPORT"

  # Render each release as a deployer would, with this stage's addresses; then what podman runs of it.
  local gateway_port; gateway_port=$(image_port gateway)
  for name in "${rehearsal_services[@]}"; do
    cat > "$REHEARSAL_DIR/kube/$name-values.yaml" <<VALUES
service: $name
image: { registry: "$registry", tag: "$version", pullPolicy: Never }
autoscaling: { enabled: false }
replicas: 2
port: $(image_port "$name")
issuer: "http://127.0.0.1:$gateway_port/"
messaging: { queueType: quorum, quorumReplicas: 1 }
seedDemoData: true
forwardedHeaders: { knownNetworks: [] }
routes:
  organization: "http://127.0.0.1:$(image_port organization)"
  grid: "http://127.0.0.1:$(image_port grid)"
  volunteer: "http://127.0.0.1:$(image_port volunteer)"
  workflow: "http://127.0.0.1:$(image_port workflow)"
  web: "http://127.0.0.1:$(image_port web)"
env:
  # Replicas share the host's network: the kernel spreads connections among them as a Service spreads them among pods.
  Platform__Hosting__SharePort: "true"
  # Each request in the pod's log, to see which replica served it.
  Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics: Information
VALUES
    "$root/deploy/.tools/helm/helm" template "$name" "$root/deploy/helm/platform" --kubeconfig "$root/deploy/.tools/offline.kubeconfig" \
      -f "$REHEARSAL_DIR/kube/$name-values.yaml" > "$REHEARSAL_DIR/kube/$name-rendered.yaml"
    node "$root/deploy/rehearsal/podman.mjs" "$REHEARSAL_DIR/kube/$name-rendered.yaml" "$REHEARSAL_DIR/kube" | sed 's/^/platform: /'
  done

  # Migrations first, once per release (the chart's pre-install hook), then the pods.
  local started=$SECONDS
  for name in organization grid workflow; do
    CONTAINERS_CONF=$REHEARSAL_DIR/containers.conf podman_cmd kube play "$REHEARSAL_DIR/kube/$name-migrations.yaml" >/dev/null
  done
  local code ok=true
  for name in organization grid workflow; do
    code=$(podman_cmd wait "$name-migrations-migrations" 2>/dev/null || echo failed)
    [ "$code" = 0 ] || { ok=false; podman_cmd logs --tail 30 "$name-migrations-migrations" >&2 || true; }
  done
  rehearsal_check $ok "the migration jobs of organization, grid and workflow ran to the end before any pod ($((SECONDS - started)) s)"
  [ $ok = true ] || { rehearsal_down; stop_plain_servers "$REHEARSAL_DIR/servers"; return 1; }

  started=$SECONDS
  for name in "${rehearsal_services[@]}"; do
    CONTAINERS_CONF=$REHEARSAL_DIR/containers.conf podman_cmd kube play "$REHEARSAL_DIR/kube/$name.yaml" >/dev/null
  done
  ok=true
  for name in "${rehearsal_services[@]}"; do wait_healthy "http://127.0.0.1:$(image_port "$name")/health" 180 || ok=false; done
  local pods; pods=$(podman_cmd ps --format '{{.Names}}' | grep -cE -- '-pod-[01]-' || true)
  [ "$pods" -eq 8 ] || ok=false
  rehearsal_check $ok "8 pods (2 replicas of 4 releases) running and healthy in $((SECONDS - started)) s"
  [ $ok = true ] || { podman_cmd ps -a >&2; rehearsal_down; stop_plain_servers "$REHEARSAL_DIR/servers"; return 1; }

  rehearsal_traffic
  echo
  cat "$REHEARSAL_REPORT"
  [ $REHEARSAL_FAILED = 0 ]
}

# Traffic through the gateway, then what the replicas did with it.
rehearsal_traffic() {
  local gateway=http://127.0.0.1:$(image_port gateway) token n=${PLATFORM_REHEARSAL_CASES:-300}
  token=$(curl -fsS "$gateway/connect/token" -d grant_type=password -d client_id=platform-app -d username=resident.zhou \
    -d password=Demo-Platform-2026 --data-urlencode "scope=platform-api roles" | tr -d '\n' | sed -E 's/.*"access_token": *"([^"]+)".*/\1/')
  local marker; marker="rehearsal-$(date +%s)"
  # Every request on a new connection, 8 at a time, so the kernel can spread them over the gateway's replicas.
  seq 1 "$n" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"category\":\"garbage\",\"description\":\"$marker-{} 楼下垃圾未清运\",\"latitude\":37.3885,\"longitude\":97.342}" \
    "$gateway/api/workflow/cases" > "$REHEARSAL_DIR/statuses.txt"
  if grep -qv '^201$' "$REHEARSAL_DIR/statuses.txt"; then
    # One refused report's answer, for the report.
    curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"category\":\"garbage\",\"description\":\"$marker-probe 楼下垃圾未清运\",\"latitude\":37.3885,\"longitude\":97.342}" \
      "$gateway/api/workflow/cases" | head -c 600 >> "$REHEARSAL_REPORT"; echo >> "$REHEARSAL_REPORT"
  fi
  local created; created=$(grep -c '^201$' "$REHEARSAL_DIR/statuses.txt" || true)
  rehearsal_check "$([ "$created" -eq "$n" ] && echo true || echo false)" "$created of $n case reports through the gateway answered 201 ($(sort "$REHEARSAL_DIR/statuses.txt" | uniq -c | awk '{printf "%s×%s ", $1, $2}'))"
  local stored; stored=$(rehearsal_psql workflowdb "SELECT count(*) FROM cases WHERE description LIKE '$marker-%'")
  rehearsal_check "$([ "$stored" -eq "$n" ] && echo true || echo false)" "all $n reports stored once ($stored)"

  # Both replicas of the gateway and of the Workflow service served some of them.
  local name replica served line=""
  for name in gateway workflow; do
    for replica in 0 1; do
      served=$(podman_cmd logs "$name-pod-$replica-$name" 2>&1 | grep -c 'Request finished HTTP/1.1 POST .*/api/workflow/cases' || true)
      line+="$name-pod-$replica: $served; "
      [ "$served" -gt 0 ] || served=none
      eval "served_${name}_${replica}=$served"
    done
  done
  rehearsal_check "$([ "$served_gateway_0" != none ] && [ "$served_gateway_1" != none ] && [ "$served_workflow_0" != none ] && [ "$served_workflow_1" != none ] && echo true || echo false)" \
    "both replicas of the gateway and of the Workflow service served reports (${line%; })"

  # Competing consumers: every queue of the three services has two consumers, one per replica.
  local queues; queues=$(rehearsal_ctl list_queues --quiet --no-table-headers name type consumers 2>/dev/null |
    awk '$1 ~ /^(organization|grid|workflow)-/ && $1 !~ /_(error|skipped)$/')
  local single; single=$(echo "$queues" | awk '$3 != 2' | wc -l)
  local quorum; quorum=$(echo "$queues" | awk '$2 == "quorum"' | wc -l)
  rehearsal_check "$([ "$single" -eq 0 ] && [ "$quorum" -eq "$(echo "$queues" | wc -l)" ] && echo true || echo false)" \
    "$(echo "$queues" | wc -l) subscriber queues, all quorum, each with 2 competing consumers ($single with another count)"

  # The outbox relays of both Workflow replicas: every CaseReported row sent, each in one attempt (a row two relays
  # both published would count two).
  local outbox; outbox=$(rehearsal_psql workflowdb "SELECT count(*) FILTER (WHERE sent_at IS NOT NULL) || ' ' || count(*) FILTER (WHERE attempts <> 1) || ' ' || count(*) FROM outbox_messages WHERE message_type LIKE '%CaseReported%'")
  read -r sent twice total <<<"$outbox"
  rehearsal_check "$([ "$sent" -eq "$total" ] && [ "$twice" -eq 0 ] && [ "$total" -ge "$n" ] && echo true || echo false)" \
    "$sent of $total CaseReported events sent by the two relays, $twice of them more than once"

  # The deadline timers of both Workflow replicas: cases whose deadline passed are marked overdue once each.
  rehearsal_psql workflowdb "DROP TABLE IF EXISTS rehearsal_due; CREATE TABLE rehearsal_due AS SELECT id FROM cases WHERE next_check_at IS NOT NULL AND overdue_at IS NULL"
  local due; due=$(rehearsal_psql workflowdb "WITH due AS (UPDATE cases SET due_at = now() - interval '1 minute', next_check_at = now() WHERE id IN (SELECT id FROM rehearsal_due) RETURNING 1) SELECT count(*) FROM due")
  if [ "$due" -eq 0 ]; then
    rehearsal_check false "no case with a running deadline to make overdue (the demo data holds dispatched cases)"
  else
    for _ in $(seq 1 60); do
      [ "$(rehearsal_psql workflowdb "SELECT count(*) FROM cases WHERE id IN (SELECT id FROM rehearsal_due) AND overdue_at IS NULL")" -eq 0 ] && break
      sleep 1
    done
    local overdue; overdue=$(rehearsal_psql workflowdb "SELECT count(*) FROM cases WHERE id IN (SELECT id FROM rehearsal_due) AND overdue_at IS NOT NULL")
    local events; events=$(rehearsal_psql workflowdb "SELECT count(*) || ' ' || count(DISTINCT payload->>'caseId') FROM outbox_messages WHERE message_type LIKE '%CaseOverdue%' AND (payload->>'caseId')::uuid IN (SELECT id FROM rehearsal_due)")
    read -r events_total events_cases <<<"$events"
    rehearsal_check "$([ "$overdue" -eq "$due" ] && [ "$events_total" -eq "$due" ] && [ "$events_cases" -eq "$due" ] && echo true || echo false)" \
      "$due cases put past their deadline: $overdue marked overdue, $events_total CaseOverdue events for $events_cases of them (one each) with two timers running"
  fi
}
