#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the Debian/Ubuntu packages Qt and the test bed need.
# Usage: devtools/sysdeps.sh runtime|demo|test  (demo adds a Secret Service for headless machines)
set -eu
runtime="libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6 libx11-6 libgl1 libegl1
 libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core
 fonts-noto-color-emoji"
keyring="dbus-daemon gnome-keyring"
test_extra="$keyring xvfb xauth imagemagick"
want="$runtime"
[ "${1:-runtime}" = demo ] && want="$runtime $keyring"
[ "${1:-runtime}" = test ] && want="$runtime $test_extra"
command -v dpkg-query >/dev/null || { echo "sysdeps: not a Debian/Ubuntu system; install Qt's runtime libraries yourself"; exit 0; }
missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "sysdeps: installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "sysdeps: missing system packages. Run:"
  echo "  sudo apt-get install$missing"
  exit 1
fi
