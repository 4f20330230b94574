# syntax=docker/dockerfile:1.7
# Asterisk 22 for the hotline: Debian sid has the asterisk package (Debian 12 does not), the same
# source the tests use (a debootstrap sid chroot, see hotline-test-support/README.md).
# The project's configuration (docker/asterisk/) is mounted read-only at /opt/hotline/asterisk and
# rendered into /etc/asterisk at start by asterisk-entrypoint.sh, which fills the @KEY@ placeholders.
FROM debian:sid-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends asterisk \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/hotline-asterisk \
 && chown -R asterisk:asterisk /var/lib/hotline-asterisk /etc/asterisk
COPY --chmod=0755 docker/asterisk-entrypoint.sh /usr/local/bin/asterisk-entrypoint.sh
USER asterisk
# 5038: AMI (the servers connect); 5060/udp + RTP: SIP phones and the carrier trunk (pjsip_local.conf).
EXPOSE 5038 5060/udp 10000-10099/udp
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD asterisk -C /etc/asterisk/asterisk.conf -rx "core show uptime" > /dev/null || exit 1
ENTRYPOINT ["/usr/local/bin/asterisk-entrypoint.sh"]
