#!/bin/sh
# Renders the project's Asterisk configuration (the same files the tests use, with @KEY@
# placeholders) into /etc/asterisk and runs Asterisk in the foreground.
set -eu

SRC=/opt/hotline/asterisk
DST=/etc/asterisk
: "${INSTANCE_DIR:=/var/lib/hotline-asterisk}"
: "${AMI_PORT:=5038}"
: "${AMI_USER:?AMI_USER must be set (the servers' HOTLINE_AMI_USERNAME)}"
: "${AMI_SECRET:?AMI_SECRET must be set (the servers' HOTLINE_AMI_SECRET)}"
: "${AGI_HOST:=hotline-agi}"
: "${AGI_PORT:=4573}"
# SIP (pjsip.conf) and SIP over WebSocket (http.conf) for phones, the carrier and browsers.
: "${SIP_BIND:=0.0.0.0}"
: "${SIP_PORT:=5060}"
: "${HTTP_BIND:=0.0.0.0}"
: "${HTTP_PORT:=8088}"
# TLS (SIP on 5061, WSS on 8089) when a certificate is given: PEM files readable by asterisk.
: "${SIP_TLS_CERT:=}"
: "${SIP_TLS_KEY:=}"
: "${SIP_TLS_PORT:=5061}"
: "${HTTP_TLS_PORT:=8089}"
# A site's recorded prompts (sounds/zh layout, 8 kHz 16-bit mono .wav) replace the generated ones.
: "${PROMPT_RECORDINGS:=$SRC/recordings/zh}"
# Compose network: the servers reach AMI from other containers, not from loopback.
: "${AMI_BINDADDR:=0.0.0.0}"
: "${AMI_PERMIT:=172.16.0.0/255.240.0.0}"

mkdir -p "$INSTANCE_DIR/etc" "$INSTANCE_DIR/run" "$INSTANCE_DIR/spool" "$INSTANCE_DIR/log" "$INSTANCE_DIR/db"
for file in "$SRC"/*; do
  [ -f "$file" ] || continue
  sed -e "s|@INSTANCE_DIR@|$INSTANCE_DIR|g" \
      -e "s|@AMI_PORT@|$AMI_PORT|g" \
      -e "s|@AMI_USER@|$AMI_USER|g" \
      -e "s|@AMI_SECRET@|$AMI_SECRET|g" \
      -e "s|@AGI_HOST@|$AGI_HOST|g" \
      -e "s|@AGI_PORT@|$AGI_PORT|g" \
      -e "s|@AMI_BINDADDR@|$AMI_BINDADDR|g" \
      -e "s|@AMI_PERMIT@|$AMI_PERMIT|g" \
      -e "s|@SIP_BIND@|$SIP_BIND|g" \
      -e "s|@SIP_PORT@|$SIP_PORT|g" \
      -e "s|@HTTP_BIND@|$HTTP_BIND|g" \
      -e "s|@HTTP_PORT@|$HTTP_PORT|g" \
      "$file" > "$INSTANCE_DIR/etc/$(basename "$file")"
done

# The test configuration binds AMI and reaches FastAGI on loopback (one host in tests); in compose
# Asterisk and the servers are separate containers. Rewrite those two loopback addresses unless the
# configuration already uses the @AMI_BINDADDR@/@AMI_PERMIT@/@AGI_HOST@ placeholders.
sed -i -e "s|^bindaddr *= *127\.0\.0\.1|bindaddr = $AMI_BINDADDR|" \
       -e "s|^permit *= *127\.0\.0\.1/255\.255\.255\.255|permit = $AMI_PERMIT|" "$INSTANCE_DIR/etc/manager.conf"
sed -i -e "s|agi://127\.0\.0\.1:|agi://$AGI_HOST:|g" "$INSTANCE_DIR/etc/extensions.conf"

if [ -n "$SIP_TLS_CERT" ]; then
  : "${SIP_TLS_KEY:?SIP_TLS_KEY must be set with SIP_TLS_CERT}"
  cat > "$INSTANCE_DIR/etc/pjsip_tls.conf" <<EOF
[transport-tls]
type = transport
protocol = tls
bind = $SIP_BIND:$SIP_TLS_PORT
cert_file = $SIP_TLS_CERT
priv_key_file = $SIP_TLS_KEY
method = tlsv1_2
EOF
  cat > "$INSTANCE_DIR/etc/http_tls.conf" <<EOF
tlsenable = yes
tlsbindaddr = $HTTP_BIND:$HTTP_TLS_PORT
tlscertfile = $SIP_TLS_CERT
tlsprivatekey = $SIP_TLS_KEY
EOF
fi
if [ -d "$PROMPT_RECORDINGS" ]; then
  cp -R "$PROMPT_RECORDINGS/." /usr/share/asterisk/sounds/zh/
fi

if grep -l '@[A-Z][A-Z0-9_]*@' "$INSTANCE_DIR"/etc/* 2>/dev/null; then
  echo "asterisk-entrypoint: unknown @KEY@ placeholders left in the files above" >&2
  exit 1
fi
# asterisk -r (healthcheck) looks for asterisk.conf in /etc/asterisk.
cp "$INSTANCE_DIR/etc/asterisk.conf" "$DST/asterisk.conf"
exec asterisk -f -C "$INSTANCE_DIR/etc/asterisk.conf"
