#!/bin/sh
# `serve` (the default) listens on every interface of the container (the port mapping decides what
# the host exposes). With LEDGER_DEMO=true it first loads the 2020 sample (idempotent) and turns on
# the demo users; otherwise the ledger starts empty. Any other command runs as given:
#   docker compose run --rm app user add NAME --role approver --units '*'
set -eu
if [ "${1:-serve}" = serve ]; then
  shift || true
  if [ "${LEDGER_DEMO:-false}" = true ]; then
    echo "LEDGER_DEMO=true: loading the 2020 sample and enabling the demo users (public passwords)" >&2
    java -jar /app/ledger.jar demo >/tmp/demo.txt
    exec java -jar /app/ledger.jar serve --bind 0.0.0.0 --demo "$@"
  fi
  exec java -jar /app/ledger.jar serve --bind 0.0.0.0 "$@"
fi
exec java -jar /app/ledger.jar "$@"
