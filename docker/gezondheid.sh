#!/bin/bash
# Health check of the hub's image. The runtime image has no curl or wget, so this speaks HTTP through bash's /dev/tcp.
# Healthy means GET /health answered 200: PostgreSQL and the Kafka cluster answer and no consumer is held up by an
# outage (mail waiting for the relay is reported in the body but keeps the hub healthy: it goes on reading). A 503 is
# unhealthy on purpose, so `docker compose ps` shows an outage the hub is waiting out. Docker keeps the last output,
# so each outcome says in one line what was seen.
set -u
poort="${HUB_HTTP_PORT:-8080}"
if ! exec 3<>"/dev/tcp/127.0.0.1/${poort}"; then
  echo "geen verbinding met http://127.0.0.1:${poort}/health (de hub start nog of is gestopt)"
  exit 1
fi 2>/dev/null
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
if ! IFS= read -r -t 5 statusregel <&3; then
  echo "geen antwoord van /health binnen 5 s"
  exit 1
fi
statusregel="${statusregel%$'\r'}"
# The JSON report in the (chunked) body names what is down and how much mail is waiting.
rapport="$(timeout 2 cat <&3 | grep -m 1 -o '{.*}')"
case "${statusregel}" in
  "HTTP/1."[01]" 200 "*) echo "gezond: ${rapport}"; exit 0 ;;
  *) echo "niet gereed (${statusregel}): ${rapport}"; exit 1 ;;
esac
