#!/usr/bin/env bash
# Installs what the build needs from Debian when it is missing.
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail
if pkg-config --exists xlsxwriter 2>/dev/null; then
  exit 0
fi
packages="libxlsxwriter-dev pkg-config"
if [ "$(id -u)" -ne 0 ]; then
  echo "outcome-eval needs libxlsxwriter-dev, which is not installed." >&2
  echo "Install it, then run make again:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y $packages" >&2
  exit 1
fi
echo "Installing $packages (libxlsxwriter for the workbooks)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq $packages >/dev/null
pkg-config --exists xlsxwriter || { echo "libxlsxwriter-dev installed but pkg-config cannot find xlsxwriter" >&2; exit 1; }
