#!/usr/bin/env bash
# Installs the Debian packages the tests use: a real Secret Service, Chromium, and what code-server builds against.
set -euo pipefail
packages=(gnome-keyring libsecret-tools dbus chromium libkrb5-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
