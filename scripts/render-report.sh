#!/usr/bin/env bash
# Renders an HTML report with headless Chromium to a PNG screenshot and an A4 PDF, to check
# by eye that the charts appear and read well.
#
#   scripts/render-report.sh REPORT.html OUT.png [OUT.pdf]
#
# The PDF defaults to OUT.png with .pdf in place of .png. WINDOW_SIZE (default 1200,3000)
# sets the screenshot's width and height in pixels.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 REPORT.html OUT.png [OUT.pdf]" >&2
    exit 2
fi
report=$1
png=$2
pdf=${3:-${png%.png}.pdf}

if [[ ! -f "$report" ]]; then
    echo "error: no report at '$report'" >&2
    exit 1
fi

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$candidate
        break
    fi
done
if [[ -z "$browser" ]]; then
    echo "error: chromium not found; install it with 'sudo apt-get install -y chromium' (Debian/Ubuntu)" >&2
    exit 1
fi

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions)
"$browser" "${flags[@]}" --window-size="${WINDOW_SIZE:-1200,3000}" --screenshot="$png" "$url" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "$url" 2>/dev/null
for output in "$png" "$pdf"; do
    if [[ ! -s "$output" ]]; then
        echo "error: $browser did not write '$output'" >&2
        exit 1
    fi
done
echo "wrote $png and $pdf"
