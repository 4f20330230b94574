#!/bin/sh
# Makes the hotline's Mandarin voice prompts from text: every "<name>|<text>" line of PROMPTS
# (default: docker/asterisk/prompts/zh.txt next to this script) becomes OUT/<name>.wav, 8 kHz 16-bit
# mono (Asterisk's .wav), spoken by espeak-ng's Mandarin voice (cmn) and resampled by sox.
# Recorded replacements are not made here: the entrypoint copies a site's recordings over these.
# Usage: asterisk-prompts.sh OUT [PROMPTS]      Needs: espeak-ng, sox (Debian packages).
set -eu
OUT=${1:?usage: asterisk-prompts.sh OUT [PROMPTS]}
PROMPTS=${2:-$(dirname "$0")/asterisk/prompts/zh.txt}
VOICE=${HOTLINE_PROMPT_VOICE:-cmn}
SPEED=${HOTLINE_PROMPT_SPEED:-190}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count=0
while IFS='|' read -r name text; do
  case "$name" in ''|'#'*) continue ;; esac
  target="$OUT/$name.wav"
  mkdir -p "$(dirname "$target")"
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$tmp/raw.wav" "$text"
  sox -q "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$tmp/out.wav" gain -n -3
  # Rename into place: Asterisks reading the folder never see half a file.
  mv -f "$tmp/out.wav" "$target.tmp.$$" && mv -f "$target.tmp.$$" "$target"
  count=$((count + 1))
done < "$PROMPTS"
echo "asterisk-prompts: $count prompts written to $OUT"
