#!/usr/bin/env bash
# Times the printed plan of the large plan (30 buying centers, 400 contacts) three ways in
# one run: this project's printpdf renderer, LibreOffice headless converting an equivalent
# HTML file, and Chromium headless --print-to-pdf on the same HTML. Prints time, size,
# pages and the ratio to printpdf. A converter that is not installed prints "not installed"
# (apt-get install libreoffice-writer-nogui / chromium to include it).
#
# Each converter gets one warm-up run (first start creates a profile) before the timed run;
# the printpdf row is a whole process (start, font parsing, full plan and summary), so all
# rows include process start-up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/pdf-compare}"
mkdir -p "$OUT"

echo "building the examples (release)..."
cargo test --release -p planner-pdf --no-run --quiet >/dev/null
BIN=target/release/examples
"$BIN/plan_html" "$OUT/large.html" --large

ms_now() { date +%s%N; }
elapsed_ms() { echo $(( ($(ms_now) - $1) / 1000000 )); }
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
size_kib() { echo $(( $(stat -c %s "$1") / 1024 )); }

"$BIN/render_sample" "$OUT/printpdf.pdf" "$OUT/printpdf-summary.pdf" --large >/dev/null # warm-up
t=$(ms_now)
"$BIN/render_sample" "$OUT/printpdf.pdf" "$OUT/printpdf-summary.pdf" --large >/dev/null
ours=$(elapsed_ms "$t")
ours=$(( ours > 0 ? ours : 1 ))

printf '\n%-34s %9s %9s %6s %8s\n' "renderer" "time ms" "KiB" "pages" "ratio"
printf '%-34s %9s %9s %6s %8s\n' "printpdf (full + summary, process)" "$ours" \
  "$(size_kib "$OUT/printpdf.pdf")" "$(pages_of "$OUT/printpdf.pdf")" "1.0"

SOFFICE="$(command -v soffice || command -v libreoffice || true)"
if [ -n "$SOFFICE" ]; then
  PROFILE="file://$OUT/lo-profile"
  convert_lo() {
    "$SOFFICE" -env:UserInstallation="$PROFILE" --headless \
      --convert-to pdf:writer_web_pdf_Export --outdir "$OUT/lo" "$OUT/large.html" >/dev/null 2>&1
  }
  convert_lo || true
  t=$(ms_now)
  if convert_lo && [ -f "$OUT/lo/large.pdf" ]; then
    lo=$(elapsed_ms "$t")
    printf '%-34s %9s %9s %6s %8s\n' "LibreOffice headless (HTML)" "$lo" \
      "$(size_kib "$OUT/lo/large.pdf")" "$(pages_of "$OUT/lo/large.pdf")" \
      "$(awk -v a="$lo" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')"
  else
    printf '%-34s %9s\n' "LibreOffice headless (HTML)" "failed"
  fi
else
  printf '%-34s %9s\n' "LibreOffice headless (HTML)" "not installed"
fi

CHROME="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -n "$CHROME" ]; then
  print_chrome() {
    "$CHROME" --headless --no-sandbox --disable-gpu --user-data-dir="$OUT/chrome-profile" \
      --no-pdf-header-footer --print-to-pdf="$OUT/chromium.pdf" "file://$OUT/large.html" \
      >/dev/null 2>&1
  }
  print_chrome || true
  t=$(ms_now)
  if print_chrome && [ -f "$OUT/chromium.pdf" ]; then
    ch=$(elapsed_ms "$t")
    printf '%-34s %9s %9s %6s %8s\n' "Chromium headless --print-to-pdf" "$ch" \
      "$(size_kib "$OUT/chromium.pdf")" "$(pages_of "$OUT/chromium.pdf")" \
      "$(awk -v a="$ch" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')"
  else
    printf '%-34s %9s\n' "Chromium headless --print-to-pdf" "failed"
  fi
else
  printf '%-34s %9s\n' "Chromium headless --print-to-pdf" "not installed"
fi
echo
echo "outputs in $OUT"
