#!/usr/bin/env bash
# Runs a command on a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# so keyring tests talk to a real backend and never to the developer's own keyring.
set -eu
if [ -z "${TCHAP_KEYRING_BUS:-}" ]; then
  export TCHAP_KEYRING_BUS=1
  exec dbus-run-session -- "$0" "$@"
fi
kr_home=$(mktemp -d)
export XDG_DATA_HOME="$kr_home/data"
mkdir -p "$XDG_DATA_HOME"
eval "$(printf 'test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
set +e
"$@"
rc=$?
rm -rf "$kr_home"
exit $rc
