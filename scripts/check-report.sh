#!/usr/bin/env bash
# Checks a run's report in a real browser: renders RUN_DIR/report.html with headless Chromium
# to a PNG and an A4 PDF (via scripts/render-report.sh), then checks that
#   - every charts/*.svg is well-formed XML,
#   - the page as the browser built it holds one <svg> per chart file (chromium --dump-dom),
#   - the screenshot is not blank and shows the charts' blue.
#
#   scripts/check-report.sh RUN_DIR [OUT_DIR] [--require-browser]
#
# RUN_DIR is a run or comparison folder on which 'sufficiency report' has been run. The PNG
# and PDF go to OUT_DIR (default: a new temporary folder) so that the run folder is left as it
# was. Without Chromium the check is skipped (exit 0), as on CI machines without a browser;
# with --require-browser that is an error. Needs python3 for the XML and pixel checks.
set -euo pipefail

require_browser=0
positional=()
for argument in "$@"; do
    case $argument in
        --require-browser) require_browser=1 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "error: unknown option '$argument'" >&2; exit 2 ;;
        *) positional+=("$argument") ;;
    esac
done
if [[ ${#positional[@]} -lt 1 || ${#positional[@]} -gt 2 ]]; then
    echo "usage: $0 RUN_DIR [OUT_DIR] [--require-browser]" >&2
    exit 2
fi
run_dir=${positional[0]%/}
out_dir=${positional[1]:-$(mktemp -d "${TMPDIR:-/tmp}/check-report.XXXXXX")}
here=$(cd "$(dirname "$0")" && pwd)

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [[ -z "$browser" ]]; then
    if [[ $require_browser == 1 ]]; then
        echo "error: chromium not found, and --require-browser was given; install it with 'sudo apt-get install -y chromium'" >&2
        exit 1
    fi
    echo "skipped: chromium not found, so the report was not checked in a browser (give --require-browser to make this an error)"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 not found; it is needed to check the SVG files and the screenshot" >&2
    exit 1
fi

report="$run_dir/report.html"
if [[ ! -f "$report" ]]; then
    echo "error: no report at '$report'; run 'sufficiency report $run_dir' first" >&2
    exit 1
fi
shopt -s nullglob
charts=("$run_dir"/charts/*.svg)
if [[ ${#charts[@]} -eq 0 ]]; then
    echo "error: no charts in '$run_dir/charts/'; run 'sufficiency report $run_dir' again" >&2
    exit 1
fi
failed=0

# 1. Every chart file is well-formed XML.
if ! python3 - "${charts[@]}" <<'PYTHON'
import sys, xml.dom.minidom
bad = 0
for path in sys.argv[1:]:
    try:
        xml.dom.minidom.parse(path)
    except Exception as error:
        print(f"error: {path} is not well-formed XML: {error}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PYTHON
then failed=1; else echo "charts: ${#charts[@]} SVG files, each well-formed XML"; fi

# 2. The browser renders the page (a screenshot and a PDF), retrying once: a cold start can
#    leave the first screenshot unwritten.
mkdir -p "$out_dir"
png="$out_dir/report.png"
pdf="$out_dir/report.pdf"
export WINDOW_SIZE=${WINDOW_SIZE:-1200,9000}
if ! "$here/render-report.sh" "$report" "$png" "$pdf" >/dev/null 2>&1; then
    sleep 1
    "$here/render-report.sh" "$report" "$png" "$pdf" >/dev/null
fi

# 3. The page the browser built holds every chart.
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
dom=$("$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --dump-dom "$url" 2>/dev/null)
in_dom=$( (grep -o '<svg' <<<"$dom" || true) | wc -l)
if [[ $in_dom -ne ${#charts[@]} ]]; then
    echo "error: the page in $browser holds $in_dom <svg> elements, expected ${#charts[@]} (one per chart file)" >&2
    failed=1
fi
echo "page: $in_dom charts in the page as $browser built it"

# 4. The screenshot is not blank: enough non-white pixels, and the charts' blue (#0072B2) is there.
if ! python3 - "$png" <<'PYTHON'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"error: {path} is not a PNG")
pos, idat, header = 8, [], None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR": header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT": idat.append(body)
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
if depth != 8 or colour not in (2, 6) or interlace:
    sys.exit(f"error: {path}: cannot check this kind of PNG (depth {depth}, colour type {colour})")
bpp = 4 if colour == 6 else 3
stride = width * bpp
raw = zlib.decompress(b"".join(idat))
previous = bytearray(stride)
nonwhite = blue = 0
# Every 4th row is counted; all rows are unfiltered, since each depends on the one above.
for y in range(height):
    kind = raw[y * (stride + 1)]
    row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    if kind == 1:
        for i in range(bpp, stride): row[i] = (row[i] + row[i - bpp]) & 255
    elif kind == 2:
        row = bytearray((a + b) & 255 for a, b in zip(row, previous))
    elif kind == 3:
        for i in range(stride): row[i] = (row[i] + ((row[i - bpp] if i >= bpp else 0) + previous[i]) // 2) & 255
    elif kind == 4:
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    previous = row
    if y % 4: continue
    for x in range(0, stride, bpp * 2):
        r, g, b = row[x], row[x + 1], row[x + 2]
        if r < 235 or g < 235 or b < 235: nonwhite += 1
        if abs(r - 0x00) < 24 and abs(g - 0x72) < 24 and abs(b - 0xB2) < 24: blue += 1
sampled = ((height + 3) // 4) * ((width + 1) // 2)
share = nonwhite / sampled
print(f"screenshot: {width} x {height} pixels, {share:.1%} not white, {blue} sampled pixels of the charts' blue")
if share < 0.02: sys.exit(f"error: {path} is nearly blank")
if blue < 500: sys.exit(f"error: {path} shows almost none of the charts' blue; are the charts drawn?")
PYTHON
then failed=1; fi

pages=$(command -v pdfinfo >/dev/null 2>&1 && pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
echo "wrote $png and $pdf${pages:+ (A4 pages: $pages)}"
if [[ $failed == 1 ]]; then
    echo "error: the report at '$report' failed the check" >&2
    exit 1
fi
echo "ok: '$report' renders in $browser with all ${#charts[@]} charts"
