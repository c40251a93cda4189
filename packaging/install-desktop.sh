#!/bin/sh
# Adds Paperasse to the desktop's application menu, for the current user only:
#   ~/.local/share/applications/org.paperasse.Paperasse.desktop
#   ~/.local/share/metainfo/org.paperasse.Paperasse.metainfo.xml
#   ~/.local/share/icons/hicolor/scalable/apps/org.paperasse.Paperasse.svg
#   ~/.local/share/icons/hicolor/symbolic/apps/org.paperasse.Paperasse-symbolic.svg
# ($XDG_DATA_HOME instead of ~/.local/share when it is set.)
#
#   sh packaging/install-desktop.sh               # install (again: it just refreshes)
#   sh packaging/install-desktop.sh --exec PATH   # start PATH rather than the one found
#   sh packaging/install-desktop.sh --uninstall   # remove those files
#
# The menu entry starts the built app (dist/paperasse/paperasse) when there is one, otherwise
# the development install (.venv/bin/paperasse), otherwise `paperasse` on PATH.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APP_ID=org.paperasse.Paperasse
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPS="$DATA/applications"
METAINFO="$DATA/metainfo"
ICONS="$DATA/icons/hicolor"
DESKTOP_FILE="$APPS/$APP_ID.desktop"
METAINFO_FILE="$METAINFO/$APP_ID.metainfo.xml"
ICON_FILE="$ICONS/scalable/apps/$APP_ID.svg"
SYMBOLIC_FILE="$ICONS/symbolic/apps/$APP_ID-symbolic.svg"

mode=install
exec_path=""
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) mode=uninstall ;;
    --exec) shift; exec_path=${1:?--exec needs a path} ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "install-desktop: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$APPS" ]; then
    update-desktop-database -q "$APPS" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$ICONS" ]; then
    gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
  fi
}

if [ "$mode" = uninstall ]; then
  for f in "$DESKTOP_FILE" "$METAINFO_FILE" "$ICON_FILE" "$SYMBOLIC_FILE"; do
    if [ -e "$f" ]; then rm -f "$f" && echo "install-desktop: removed $f"; fi
  done
  refresh
  exit 0
fi

if [ -z "$exec_path" ]; then
  for candidate in "$ROOT/dist/paperasse/paperasse" "$ROOT/.venv/bin/paperasse"; do
    if [ -x "$candidate" ]; then exec_path=$candidate; break; fi
  done
fi
if [ -z "$exec_path" ]; then
  exec_path=$(command -v paperasse 2>/dev/null) || {
    echo "install-desktop: no Paperasse to start: build it (make package) or install it (make run)" >&2
    exit 1
  }
fi
case "$exec_path" in /*) ;; *) exec_path="$(pwd)/$exec_path" ;; esac

# Desktop-entry quoting: plain when the path is plain, else double-quoted with \ " ` $ escaped
# (and every backslash doubled once more, as the file format itself requires).
case "$exec_path" in
  *[!A-Za-z0-9_./+-]*)
    quoted=$(printf '%s' "$exec_path" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
    exec_value="\"$quoted\"" ;;
  *) exec_value=$exec_path ;;
esac
try_value=$(printf '%s' "$exec_path" | sed -e 's/\\/\\\\/g')

mkdir -p "$APPS" "$METAINFO" "$ICONS/scalable/apps" "$ICONS/symbolic/apps"
tmp="$DESKTOP_FILE.tmp.$$"
# sed replacement text: escape & | and backslashes
esc() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }
sed -e "s|^Exec=paperasse|Exec=$(esc "$exec_value")|" \
    -e "s|^TryExec=.*|TryExec=$(esc "$try_value")|" \
    "resources/desktop/$APP_ID.desktop" > "$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$DESKTOP_FILE"
cp -f "resources/desktop/$APP_ID.metainfo.xml" "$METAINFO_FILE"
cp -f "resources/icons/app/$APP_ID.svg" "$ICON_FILE"
cp -f "resources/icons/app/$APP_ID-symbolic.svg" "$SYMBOLIC_FILE"
chmod 644 "$METAINFO_FILE" "$ICON_FILE" "$SYMBOLIC_FILE"

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DESKTOP_FILE" || echo "install-desktop: warning: $DESKTOP_FILE did not validate" >&2
fi
refresh
echo "install-desktop: Paperasse is in the application menu (starts $exec_path)"
echo "install-desktop:   $DESKTOP_FILE"
echo "install-desktop:   $METAINFO_FILE"
echo "install-desktop:   $ICON_FILE"
echo "install-desktop:   $SYMBOLIC_FILE"
echo "install-desktop: remove with  sh packaging/install-desktop.sh --uninstall"
