#!/bin/bash
# Health check of the hub's image. The runtime image has no curl or wget, so this speaks HTTP over bash's /dev/tcp.
# Healthy means GET /health answered 200: PostgreSQL answers and the consumer is not held up by an outage. A 503 is
# unhealthy on purpose, so `docker compose ps` shows an outage the hub is waiting out.
set -u
poort="${HUB_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${poort}" || exit 1
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 statusregel <&3 || exit 1
case "${statusregel}" in
  "HTTP/1."[01]" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
