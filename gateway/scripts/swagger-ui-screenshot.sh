#!/usr/bin/env bash
# Checks with headless Chromium that the Swagger UI loads through the gateway and lists operations of every service,
# and takes a screenshot. Run it against a running platform (./run-local.sh):
#   gateway/scripts/swagger-ui-screenshot.sh [gateway-url] [screenshot.png]
# Needs Debian's chromium (apt-get install chromium). Exit code 0 when every service has operations on the page.
set -euo pipefail
GATEWAY="${1:-http://localhost:8080}"
OUT="${2:-swagger-ui.png}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$CHROMIUM" ]]; then
  echo "Chromium is not installed: apt-get install chromium (or set CHROMIUM=/path/to/chrome)" >&2
  exit 2
fi
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$PROFILE" --virtual-time-budget=20000
       --window-size=1400,4000 --hide-scrollbars)
URL="$GATEWAY/q/swagger-ui/"
"$CHROMIUM" "${FLAGS[@]}" --screenshot="$OUT" "$URL" 2>/dev/null
"$CHROMIUM" "${FLAGS[@]}" --dump-dom "$URL" 2>/dev/null > "$PROFILE/dom.html"
status=0
for service in proposal-service target-service followup-service idea-bank-service; do
  tags=$(grep -o "$service – [^<\"]*" "$PROFILE/dom.html" | sort -u | wc -l)
  if [[ "$tags" -gt 0 ]]; then
    echo "ok   $service: $tags tag(s) on the page"
  else
    echo "FAIL $service: no operations on the page" >&2
    status=1
  fi
done
operations=$(grep -o 'class="opblock-summary-path"' "$PROFILE/dom.html" | wc -l)
echo "operations rendered: $operations; screenshot: $OUT"
[[ "$operations" -gt 0 ]] || status=1
exit $status
