#!/bin/sh
# Builds the one-folder app with PyInstaller (dist/paperasse/), then smoke-tests it from
# outside the venv: a clean environment (env -i, minimal PATH, a throw-away HOME, cwd /tmp).
#
#   sh packaging/build.sh                      # what `make package` runs
#   sh packaging/build.sh --bundle-tesseract   # also bundle this system's tesseract + fra data
#   sh packaging/build.sh --smoke-only         # test an existing dist/paperasse, no rebuild
#
# Exit status: 0 when the build and every smoke test passed, 1 otherwise.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$(pwd)
VENV=${VENV:-.venv}
PY="$ROOT/$VENV/bin/python"
DIST="$ROOT/dist"
APP="$DIST/paperasse/paperasse"
GUI_SECONDS=${SMOKE_GUI_SECONDS:-10}
SMOKE_PATH=/usr/local/bin:/usr/bin:/bin

build=1
bundle_tesseract=0
for arg in "$@"; do
  case "$arg" in
    --smoke-only) build=0 ;;
    --bundle-tesseract) bundle_tesseract=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

[ -x "$PY" ] || { echo "build.sh: $PY missing: run  make package" >&2; exit 1; }
VERSION=$("$PY" -c 'import desktop_app; print(desktop_app.__version__)') || exit 1

# ---------------------------------------------------------------------------------- build
if [ "$build" = 1 ]; then
  [ -x "$ROOT/$VENV/bin/pyinstaller" ] || {
    echo "build.sh: pyinstaller missing: $VENV/bin/python -m pip install -e '.[package]'" >&2
    exit 1
  }
  if [ "$bundle_tesseract" = 1 ]; then
    sh packaging/bundle-tesseract.sh "$ROOT/build/tesseract-bundle" || exit 1
    PAPERASSE_TESSERACT_DIR="$ROOT/build/tesseract-bundle"
    export PAPERASSE_TESSERACT_DIR
  fi
  echo "build.sh: building Paperasse $VERSION with PyInstaller"
  started=$(date +%s)
  "$ROOT/$VENV/bin/pyinstaller" packaging/paperasse.spec --noconfirm --log-level WARN \
    --distpath "$DIST" --workpath "$ROOT/build" || { echo "build.sh: PyInstaller failed" >&2; exit 1; }
  echo "build.sh: built in $(( $(date +%s) - started )) s"
fi
[ -x "$APP" ] || { echo "build.sh: $APP not found" >&2; exit 1; }

# ---------------------------------------------------------------------------------- smoke tests
WORK=$(mktemp -d "${TMPDIR:-/tmp}/paperasse-smoke.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir -p "$WORK/home"
"$PY" packaging/smoke_sample.py "$WORK" >/dev/null || { echo "build.sh: cannot make samples" >&2; exit 1; }

RESULTS="$WORK/results"
: > "$RESULTS"
failed=0
pass() { printf 'PASS  %-26s %s\n' "$1" "$2" >> "$RESULTS"; echo "smoke: $1: ok"; }
fail() { printf 'FAIL  %-26s %s\n' "$1" "$2" >> "$RESULTS"; echo "smoke: $1: FAILED"; failed=1; }
note() { printf 'SKIP  %-26s %s\n' "$1" "$2" >> "$RESULTS"; echo "smoke: $1: skipped"; }

# The app as a user starts it: nothing from the venv or this shell, a fresh HOME, cwd /tmp.
clean_run() {
  (cd /tmp && env -i PATH="$SMOKE_PATH" HOME="$WORK/home" LANG=C.UTF-8 "$@")
}

# 1. the bundle's layout
internal="$DIST/paperasse/_internal"
missing=""
for f in resources/rules PySide6/Qt/plugins/platforms/libqoffscreen.so \
         PySide6/Qt/plugins/platforms/libqxcb.so PySide6/Qt/plugins/imageformats/libqjpeg.so; do
  [ -e "$internal/$f" ] || missing="$missing $f"
done
ls "$internal"/libQt6Pdf.so* >/dev/null 2>&1 || missing="$missing libQt6Pdf"
ls "$internal"/pypdfium2_raw/libpdfium* >/dev/null 2>&1 || missing="$missing pypdfium2_raw/libpdfium"
ls "$internal"/stdnum/*.dat >/dev/null 2>&1 || missing="$missing stdnum/*.dat"
if [ -z "$missing" ]; then pass "bundle layout" "resources, Qt plugins, QtPdf, pdfium, stdnum data"
else fail "bundle layout" "missing:$missing"; fi
if ls "$internal"/resources/translations/*.qm >/dev/null 2>&1; then
  pass "translations" "$(ls "$internal"/resources/translations/*.qm | wc -l | tr -d ' ') .qm file(s)"
else
  note "translations" "no resources/translations/*.qm (python -m desktop_app.gui.i18n_build)"
fi

# 2. --version
out=$(clean_run "$APP" --version 2>&1); rc=$?
if [ $rc = 0 ] && [ "$out" = "paperasse $VERSION" ]; then pass "--version" "$out"
else fail "--version" "exit $rc: $out"; fi

# 3. extract on a generated scan (PNG: Pillow + tesseract) and PDF (pypdfium2)
if clean_run sh -c 'command -v tesseract' >/dev/null 2>&1 || [ -d "$internal/tesseract" ]; then
  have_ocr=1
else
  have_ocr=0
fi
check_extract() {  # name file
  clean_run "$APP" extract "$2" --json > "$WORK/$1.json" 2> "$WORK/$1.err"; rc=$?
  verdict=$("$PY" - "$WORK/$1.json" "$have_ocr" <<'PYEOF'
import json, sys
try:
    data = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as exc:
    print(f"FAIL not JSON ({exc})"); raise SystemExit
if "kind" not in data:
    print("FAIL no 'kind' in the JSON"); raise SystemExit
fields = data.get("fields") or {}
summary = f"kind={data['kind']} total={fields.get('total_amount')} date={fields.get('date')}"
not_read = [w for w in data.get("warnings", []) if "not read" in str(w)]
if sys.argv[2] == "1" and not_read:
    print(f"FAIL tesseract is installed but the app did not use it: {not_read[0]}")
elif data["kind"] != "invoice" and sys.argv[2] == "1":
    print(f"WARN {summary} (expected kind=invoice)")
else:
    print(f"OK {summary}" + ("" if sys.argv[2] == "1" else " (no tesseract: text not read)"))
PYEOF
)
  case "$rc:$verdict" in
    0:OK*) pass "extract $1" "${verdict#OK }" ;;
    0:WARN*) pass "extract $1" "${verdict#WARN }" ;;
    *) fail "extract $1" "exit $rc: ${verdict#FAIL } $(head -c 300 "$WORK/$1.err")" ;;
  esac
}
check_extract png "$WORK/facture.png"
check_extract pdf "$WORK/facture.pdf"

# 4. the GUI starts, paints its window, and keeps running until `timeout` stops it.
#    PAPERASSE_STARTUP_MARKER=1 makes the app print "paperasse: window shown" once the window
#    has painted; exit 124 from timeout means it was still running (not crashed) after N s.
#    PAPERASSE_QUIT_AFTER_MS is for an app that learns to quit by itself (then exit 0 is fine).
check_gui() {  # name, then the command prefix
  name=$1; shift
  "$@" PAPERASSE_STARTUP_MARKER=1 PAPERASSE_QUIT_AFTER_MS=4000 \
    timeout -k 5 "$GUI_SECONDS" "$APP" > "$WORK/gui.log" 2>&1; rc=$?
  if grep -q "window shown" "$WORK/gui.log"; then shown=1; else shown=0; fi
  problem=$(grep -m1 -E "Traceback|Could not load the Qt platform plugin|internal error|Segmentation" "$WORK/gui.log")
  if [ -n "$problem" ]; then fail "$name" "exit $rc: $problem"
  elif [ $shown = 0 ]; then
    fail "$name" "exit $rc, no 'window shown' within ${GUI_SECONDS} s: $(tail -n 3 "$WORK/gui.log" | tr '\n' ' ')"
  elif [ $rc = 124 ]; then pass "$name" "window shown, still running after ${GUI_SECONDS} s"
  elif [ $rc = 0 ]; then pass "$name" "window shown, quit cleanly"
  else fail "$name" "window shown, then exit $rc: $(tail -n 3 "$WORK/gui.log" | tr '\n' ' ')"; fi
}
check_gui "GUI (offscreen)" clean_run QT_QPA_PLATFORM=offscreen
check_gui "GUI (French, offscreen)" clean_run QT_QPA_PLATFORM=offscreen LANGUAGE=fr LC_ALL=fr_FR.UTF-8
if command -v xvfb-run >/dev/null 2>&1; then
  check_gui "GUI (xcb, under Xvfb)" clean_run xvfb-run -a env
else
  note "GUI (xcb, under Xvfb)" "xvfb-run not installed"
fi

# ---------------------------------------------------------------------------------- summary
echo
echo "== Paperasse $VERSION package: $DIST/paperasse ($(du -sh "$DIST/paperasse" | cut -f1), $(find "$DIST/paperasse" -type f | wc -l | tr -d ' ') files)"
[ -d "$internal/tesseract" ] && echo "   bundled tesseract: $internal/tesseract" \
  || echo "   tesseract: the system's (tesseract-ocr + tesseract-ocr-fra)"
cat "$RESULTS"
if [ "$failed" = 0 ]; then
  # What users download: the tested folder, as one archive.
  archive="$DIST/paperasse-$VERSION-linux-$(uname -m).tar.gz"
  tar -C "$DIST" -czf "$archive.part" paperasse && mv "$archive.part" "$archive"
  echo "== smoke test passed: run it with  $APP   (menu entry: make install-desktop)"
  echo "== for users: $archive ($(du -h "$archive" | cut -f1))"
  exit 0
fi
echo "== smoke test FAILED" >&2
exit 1
