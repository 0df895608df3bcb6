#!/bin/sh
# One-shot service of docker/compose.yaml: issues a private CA and, signed by it, a server certificate for the mail
# catcher, so that the hub's STARTTLS connection is checked exactly as in production (chain and host name), only
# against this CA instead of a public one.
#
#   /uit/ca/ca.pem          the CA certificate: the hub trusts it (SMTP_TRUSTSTORE)
#   /uit/tls/server.pem     certificate for MAILHOST (subjectAltName DNS:MAILHOST)
#   /uit/tls/server.key     its private key: mounted into the mail catcher only
#
# The CA's private key is thrown away after signing, so nothing can issue further certificates under this CA.
# Certificates that exist, chain to the CA, name MAILHOST and stay valid for 30 more days are kept.
set -eu

mailhost="${MAILHOST:-mailpit}"
# UIT only changes for a run outside the container.
uit="${UIT:-/uit}"
ca_map="${uit}/ca"
tls_map="${uit}/tls"
dertig_dagen=2592000

if [ -s "${ca_map}/ca.pem" ] && [ -s "${tls_map}/server.pem" ] && [ -s "${tls_map}/server.key" ] \
  && openssl verify -CAfile "${ca_map}/ca.pem" "${tls_map}/server.pem" >/dev/null 2>&1 \
  && openssl x509 -in "${tls_map}/server.pem" -noout -checkend "${dertig_dagen}" >/dev/null 2>&1 \
  && openssl x509 -in "${ca_map}/ca.pem" -noout -checkend "${dertig_dagen}" >/dev/null 2>&1 \
  && openssl x509 -in "${tls_map}/server.pem" -noout -checkhost "${mailhost}" 2>/dev/null | grep -q 'does match'; then
  echo "Certificaat voor ${mailhost} bestaat al en is nog geldig; niets te doen."
  exit 0
fi

werk="$(mktemp -d)"
trap 'rm -rf "${werk}"' EXIT

openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -days 825 \
  -subj "/O=procesregie-hub/CN=procesregie-hub test-CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "${werk}/ca.key" -out "${werk}/ca.pem" 2>/dev/null

openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc \
  -subj "/O=procesregie-hub/CN=${mailhost}" \
  -keyout "${werk}/server.key" -out "${werk}/server.csr" 2>/dev/null

cat > "${werk}/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:${mailhost}
EXT

openssl x509 -req -in "${werk}/server.csr" -CA "${werk}/ca.pem" -CAkey "${werk}/ca.key" \
  -set_serial "0x$(openssl rand -hex 16)" -days 397 -extfile "${werk}/server.ext" \
  -out "${werk}/server.pem" 2>/dev/null

openssl verify -CAfile "${werk}/ca.pem" "${werk}/server.pem" >/dev/null

mkdir -p "${ca_map}" "${tls_map}"
# Written under a temporary name and renamed: an interrupted run leaves no half-written file, and the next run
# (which checks the chain) issues a fresh pair.
cp "${werk}/server.key" "${tls_map}/server.key.nieuw" && chmod 0640 "${tls_map}/server.key.nieuw"
cp "${werk}/server.pem" "${tls_map}/server.pem.nieuw" && chmod 0644 "${tls_map}/server.pem.nieuw"
cp "${werk}/ca.pem" "${ca_map}/ca.pem.nieuw" && chmod 0644 "${ca_map}/ca.pem.nieuw"
mv "${tls_map}/server.key.nieuw" "${tls_map}/server.key"
mv "${tls_map}/server.pem.nieuw" "${tls_map}/server.pem"
mv "${ca_map}/ca.pem.nieuw" "${ca_map}/ca.pem"

echo "Nieuwe test-CA en certificaat voor ${mailhost} uitgegeven:"
openssl x509 -in "${tls_map}/server.pem" -noout -subject -enddate -ext subjectAltName
