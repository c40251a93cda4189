#!/bin/sh
# Installs the Debian/Ubuntu packages Paperasse needs that pip cannot provide:
# tesseract with French data (OCR), zbar (barcodes), Qt's runtime libraries, Xvfb, and the
# fonts tools/intake_corpus draws its synthetic documents with (it falls back to what is there).
# As root it uses apt-get, otherwise sudo if it needs no password; failing both it
# prints the exact command and carries on (the app then runs without OCR).
PACKAGES="${*:-tesseract-ocr tesseract-ocr-fra libzbar0 libegl1 libgl1 libfontconfig1 libxkbcommon0
 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
 fonts-dejavu-core xvfb xauth dbus-daemon
 fonts-liberation fonts-urw-base35 fonts-freefont-ttf fonts-comic-neue fonts-breip fonts-rufscript
 fonts-crosextra-carlito fonts-crosextra-caladea fonts-go fonts-dkg-handwriting fonts-ecolier-court}"

command -v dpkg-query >/dev/null 2>&1 || {
  echo "system-deps: not a Debian/Ubuntu system; install tesseract (with French data) and zbar yourself"
  exit 0
}
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  [ -n "$STAMP" ] && touch "$STAMP"  # make's record that nothing is missing
  exit 0
fi

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
  runner=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner="sudo"
else
  echo "system-deps: missing:$missing"
  echo "system-deps: install them with:  sudo apt-get update && sudo $cmd"
  echo "system-deps: carrying on; without tesseract, scans are stored but not read"
  exit 0
fi
echo "system-deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$runner apt-get update -qq >/dev/null && $runner $cmd -qq >/dev/null || {
  echo "system-deps: apt-get failed; install by hand:  sudo apt-get update && sudo $cmd"
  exit 0
}
