#!/usr/bin/env bash
# Moves the suite's queues from classic to quorum queues (Platform:Messaging:QueueType=quorum), by drain and delete.
# A queue's type cannot change in place: RabbitMQ refuses the redeclaration (PRECONDITION_FAILED, inequivalent arg
# 'x-queue-type') and a service would hang at start. Events are never lost on the way: while the queues are
# drained, each service's outbox keeps what it writes, and its relay sends it once the quorum queues exist.
#
#   deploy/rabbitmq/migrate-to-quorum.sh check     which of the suite's queues are classic, and how many messages each holds
#   deploy/rabbitmq/migrate-to-quorum.sh drain     wait until every classic queue of the suite is empty
#   deploy/rabbitmq/migrate-to-quorum.sh delete    delete the (empty) classic queues; refuses while any holds a message
#
# The whole procedure (docs/deploy.md, "Moving to quorum queues"):
#   1. Stop the relays, keep the consumers: roll out every service with Platform__Outbox__Relay=false.
#   2. ./migrate-to-quorum.sh drain           (consumers empty the queues; dead letters in *_error queues must be
#                                              replayed or looked at first: the script stops on them)
#   3. Scale every service to 0.
#   4. ./migrate-to-quorum.sh delete
#   5. Roll out every service with Platform__Messaging__QueueType=quorum and Platform__Outbox__Relay=true: the first
#      relay declares the suite's queues as quorum queues, the consumers declare theirs, and the outboxes send
#      what waited.
#
# Settings: RABBITMQCTL (default rabbitmqctl), RABBITMQ_NODE (passed as -n), RABBITMQ_VHOST (default /),
# PLATFORM_QUEUE_PREFIXES (default "grid organization volunteer workflow"), DRAIN_TIMEOUT seconds (default 600),
# DELETE_PARALLEL (default 8: how many queues are deleted at once).
set -euo pipefail

ctl=${RABBITMQCTL:-rabbitmqctl}
vhost=${RABBITMQ_VHOST:-/}
prefixes=${PLATFORM_QUEUE_PREFIXES:-grid organization volunteer workflow}
node_args=()
[ -n "${RABBITMQ_NODE:-}" ] && node_args=(-n "$RABBITMQ_NODE")

# name type messages consumers, one queue per line, the suite's queues only.
suite_queues() {
  "$ctl" "${node_args[@]}" list_queues -p "$vhost" --quiet --no-table-headers name type messages consumers |
    awk -v prefixes="$prefixes" 'BEGIN { n = split(prefixes, p, " ") }
      { for (i = 1; i <= n; i++) if (index($1, p[i] "-") == 1) { print; break } }'
}

classic_queues() { suite_queues | awk '$2 == "classic"'; }

cmd_check() {
  local queues; queues=$(classic_queues)
  if [ -z "$queues" ]; then echo "No classic queue of the suite is left: nothing to migrate."; return 0; fi
  echo "Classic queues of the suite (name, type, messages, consumers):"
  echo "$queues" | sed 's/^/  /'
}

cmd_drain() {
  local deadline=$((SECONDS + ${DRAIN_TIMEOUT:-600})) queues dead waiting
  while true; do
    queues=$(classic_queues)
    dead=$(echo "$queues" | awk '$1 ~ /_error$/ && $3 > 0')
    if [ -n "$dead" ]; then
      echo "Dead letters wait in these error queues; replay or look at them first (GET /api/{service}/admin/dead-letters):" >&2
      echo "$dead" | sed 's/^/  /' >&2
      return 1
    fi
    waiting=$(echo "$queues" | awk '$1 !~ /_(error|skipped)$/ && $3 > 0')
    if [ -z "$waiting" ]; then echo "Every classic queue of the suite is empty."; return 0; fi
    if [ $SECONDS -ge $deadline ]; then
      echo "Still holding messages after ${DRAIN_TIMEOUT:-600} s (are the consumers running?):" >&2
      echo "$waiting" | sed 's/^/  /' >&2
      return 1
    fi
    echo "waiting: $(echo "$waiting" | awk '{ sum += $3 } END { print sum }') messages in $(echo "$waiting" | awk '{ printf "%s%s", sep, $1; sep = ", " }')"
    sleep 2
  done
}

cmd_delete() {
  local queues name
  queues=$(classic_queues)
  if [ -z "$queues" ]; then echo "No classic queue of the suite is left."; return 0; fi
  if echo "$queues" | awk '$3 > 0 { found = 1 } END { exit !found }'; then
    echo "Refusing: these classic queues still hold messages (run drain first):" >&2
    echo "$queues" | awk '$3 > 0' | sed 's/^/  /' >&2
    return 1
  fi
  if echo "$queues" | awk '$4 > 0 { found = 1 } END { exit !found }'; then
    echo "Refusing: consumers are still attached (scale the services to 0 first):" >&2
    echo "$queues" | awk '$4 > 0' | sed 's/^/  /' >&2
    return 1
  fi
  # rabbitmqctl deletes one queue per call, and each call starts an Erlang VM (under a second on a quiet machine, several
  # on a busy one): the deletes run DELETE_PARALLEL at a time. --if-empty keeps the refusal above true to the end.
  echo "$queues" | awk '{ print $1 }' |
    xargs -P "${DELETE_PARALLEL:-8}" -I {} "$ctl" "${node_args[@]}" delete_queue -p "$vhost" --if-empty {} >/dev/null
  echo "$queues" | awk '{ print "deleted " $1 }'
}

case "${1:-}" in
  check) cmd_check ;;
  drain) cmd_drain ;;
  delete) cmd_delete ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
