#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (real OS keychain for tests).
set -euo pipefail
if [[ -n "${PAL_KEYRING_READY:-}" ]] || ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  exec "$@"
fi
data_home=$(mktemp -d)
trap 'rm -rf "$data_home"' EXIT
export XDG_DATA_HOME="$data_home" PAL_KEYRING_READY=1
dbus-run-session -- sh -c 'echo -n pal-desk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
