#!/bin/sh
# Copies this system's tesseract program and its French + OSD data into OUT_DIR, laid out as
# the spec expects for a bundled tesseract (OUT_DIR/tesseract, OUT_DIR/tessdata/*.traineddata).
# PyInstaller then collects the program's shared libraries itself.
#
#   sh packaging/bundle-tesseract.sh build/tesseract-bundle
#   PAPERASSE_TESSERACT_DIR=build/tesseract-bundle .venv/bin/pyinstaller packaging/paperasse.spec ...
#
# (build.sh --bundle-tesseract does both.) On Windows, point PAPERASSE_TESSERACT_DIR at a copy
# of the UB Mannheim "Tesseract-OCR" folder instead (tesseract.exe, its DLLs, tessdata/).
set -eu
out=${1:?usage: bundle-tesseract.sh OUT_DIR}
tess=$(command -v tesseract) || { echo "bundle-tesseract: tesseract not installed" >&2; exit 1; }
tessdata=$(tesseract --list-langs 2>&1 | sed -n 's/^List of available languages in "\(.*\)".*/\1/p' | head -n 1)
tessdata=${TESSDATA_PREFIX:-$tessdata}
[ -f "$tessdata/fra.traineddata" ] || {
  echo "bundle-tesseract: no fra.traineddata in ${tessdata:-?} (install tesseract-ocr-fra)" >&2
  exit 1
}
rm -rf "$out"
mkdir -p "$out/tessdata"
cp "$(readlink -f "$tess" 2>/dev/null || echo "$tess")" "$out/tesseract"
chmod 755 "$out/tesseract"
for lang in fra osd; do
  [ -f "$tessdata/$lang.traineddata" ] && cp "$tessdata/$lang.traineddata" "$out/tessdata/"
done
echo "bundle-tesseract: $("$tess" --version 2>&1 | head -n 1) with $(ls "$out/tessdata" | tr '\n' ' ')-> $out"
