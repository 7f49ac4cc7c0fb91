#!/usr/bin/env bash
# Runs a command under a fresh D-Bus session with an unlocked gnome-keyring (a real Secret Service).
# Usage: scripts/with-keyring.sh <command...>
set -euo pipefail
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  echo "with-keyring: gnome-keyring and dbus are required (apt-get install gnome-keyring dbus)" >&2
  exit 1
fi
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/run"
chmod 700 "$scratch/run"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
export SECRET_MANAGER_TEST_KEYRING_PASSWORD="keyring-test-password"
status=0
dbus-run-session -- bash -c '
  printf %s "$SECRET_MANAGER_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export SECRET_MANAGER_TEST_KEYRING=1
  "$@"
  status=$?
  daemon=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null | grep -o "[0-9]\+" | tail -1 || true)
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null
  exit $status
' with-keyring "$@" 2> >(grep -v "Unable to set up the file descriptor limit\|fd limit" >&2) || status=$?
rm -rf "$scratch"
exit $status
