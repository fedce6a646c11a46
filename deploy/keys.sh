#!/usr/bin/env bash
# The suite's keys for one deployment, made once at deploy time and kept only in the deployment's secret store:
#   token-signing-key.pem      RSA private key the Organization service signs tokens with
#   token-validation-key.pem   its public half, which the gateway, the web host and every service validate with
#   token-encryption-key       base64, 32 bytes: refresh tokens
#   personal-data-lookup-key   base64, 32 bytes: the keyed hashes that find phones and ID-card numbers
# The validation key is derived from the signing key here, so the two always belong together; nothing is taken
# from the machine a release was built or published on.
#
#   deploy/keys.sh generate DIR                 writes the four files (refuses to overwrite a signing key)
#   deploy/keys.sh secret DIR [NAME] [NAMESPACE] prints a Kubernetes Secret (default name platform-keys) to apply:
#       deploy/keys.sh secret keys/ | kubectl --kubeconfig ~/.kube/prod apply -f -
set -euo pipefail

cmd_generate() {
  local dir=${1:?a folder for the keys}
  mkdir -p "$dir"; chmod 700 "$dir"
  if [ -f "$dir/token-signing-key.pem" ]; then
    echo "keys: $dir/token-signing-key.pem exists; a new one would sign tokens no validator knows. Remove it first to rotate." >&2
    exit 1
  fi
  (umask 077
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/token-signing-key.pem" 2>/dev/null
    openssl pkey -in "$dir/token-signing-key.pem" -pubout -out "$dir/token-validation-key.pem"
    openssl rand -base64 32 > "$dir/token-encryption-key"
    openssl rand -base64 32 > "$dir/personal-data-lookup-key")
  echo "keys: wrote $dir (keep it in the deployment's secret store)"
}

cmd_secret() {
  local dir=${1:?the key folder} name=${2:-platform-keys} namespace=${3:-}
  local file
  for file in token-signing-key.pem token-validation-key.pem token-encryption-key personal-data-lookup-key; do
    [ -f "$dir/$file" ] || { echo "keys: $dir/$file is missing (deploy/keys.sh generate $dir)" >&2; exit 1; }
  done
  # The public half must match the private key, whoever edited the folder.
  if ! diff -q <(openssl pkey -in "$dir/token-signing-key.pem" -pubout) "$dir/token-validation-key.pem" >/dev/null; then
    echo "keys: token-validation-key.pem is not the public half of token-signing-key.pem" >&2
    exit 1
  fi
  echo "apiVersion: v1"
  echo "kind: Secret"
  echo "metadata:"
  echo "  name: $name"
  [ -n "$namespace" ] && echo "  namespace: $namespace"
  echo "type: Opaque"
  echo "data:"
  for file in token-signing-key.pem token-validation-key.pem token-encryption-key personal-data-lookup-key; do
    echo "  ${file%.pem}: $(base64 -w0 < "$dir/$file")"
  done
}

case "${1:-}" in
  generate) shift; cmd_generate "$@" ;;
  secret) shift; cmd_secret "$@" ;;
  *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
