# syntax=docker/dockerfile:1.7
# Asterisk 22 for the hotline: Debian sid has the asterisk package (Debian 12 does not), the same
# source the tests use (a debootstrap sid chroot, see hotline-test-support/README.md).
# The project's configuration (docker/asterisk/) is mounted read-only at /opt/hotline/asterisk and
# rendered into /etc/asterisk at start by asterisk-entrypoint.sh, which fills the @KEY@ placeholders.
# Music on hold: Debian's asterisk-moh-opsound-wav (/usr/share/asterisk/moh, musiconhold.conf).
# Mandarin prompts: made here from docker/asterisk/prompts/zh.txt by espeak-ng (voice cmn) and sox
# into /usr/share/asterisk/sounds/zh; a site's recordings replace them at start (entrypoint).
FROM debian:sid-slim
COPY docker/asterisk/prompts/zh.txt /opt/hotline/prompts/zh.txt
COPY --chmod=0755 docker/asterisk-prompts.sh /usr/local/bin/asterisk-prompts.sh
RUN apt-get update \
 && apt-get install -y --no-install-recommends asterisk asterisk-moh-opsound-wav espeak-ng sox \
 && asterisk-prompts.sh /usr/share/asterisk/sounds/zh /opt/hotline/prompts/zh.txt \
 && apt-get purge -y espeak-ng sox && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/hotline-asterisk \
 && chown -R asterisk:asterisk /var/lib/hotline-asterisk /etc/asterisk /usr/share/asterisk/sounds/zh
COPY --chmod=0755 docker/asterisk-entrypoint.sh /usr/local/bin/asterisk-entrypoint.sh
USER asterisk
# 5038: AMI (the servers connect). SIP: 5060 udp+tcp (phones, the carrier trunk), 5061 TLS and
# 8089 WSS when SIP_TLS_CERT is set, 8088 ws (browsers behind a TLS proxy). RTP: rtp.conf's range.
EXPOSE 5038 5060/udp 5060/tcp 5061/tcp 8088/tcp 8089/tcp 10000-12999/udp
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD asterisk -C /etc/asterisk/asterisk.conf -rx "core show uptime" > /dev/null || exit 1
ENTRYPOINT ["/usr/local/bin/asterisk-entrypoint.sh"]
