#!/usr/bin/env bash
# Installs what the build and the tests need when it is missing:
# - libxlsxwriter-dev and libssl-dev from Debian (apt-get as root; otherwise prints the exact
#   command and stops);
# - openpyxl from PyPI, with which the tests read the workbooks back (skipped if pip cannot);
# - Chromium (the browser test of report.html), LibreOffice Calc and poppler (to print the
#   workbooks to PDF and look at the pages) and the Nanum fonts (Hangul in both), from Debian
#   as root; otherwise a note with the command, and the browser test is skipped.
set -euo pipefail

if ! pkg-config --exists xlsxwriter libcrypto 2>/dev/null; then
  packages="libxlsxwriter-dev libssl-dev pkg-config"
  if [ "$(id -u)" -ne 0 ]; then
    echo "outcome-eval needs libxlsxwriter-dev, which is not installed." >&2
    echo "Install it, then run make again:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y $packages" >&2
    exit 1
  fi
  echo "Installing $packages (libxlsxwriter for the workbooks, libcrypto for SHA-256)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $packages >/dev/null
  pkg-config --exists xlsxwriter libcrypto || { echo "the packages are installed but pkg-config cannot find xlsxwriter or libcrypto" >&2; exit 1; }
fi

if command -v python3 >/dev/null 2>&1 && ! python3 -c "import openpyxl" 2>/dev/null; then
  python3 -m pip install -q openpyxl >/dev/null 2>&1 \
    || echo "note: openpyxl could not be installed; the workbook read-back test will be skipped" >&2
fi

viewers="chromium libreoffice-calc-nogui poppler-utils fonts-nanum"
if ! command -v chromium >/dev/null 2>&1 || ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
  || ! fc-list 2>/dev/null | grep -qi nanum; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing $viewers (the browser test of report.html, workbooks printed to PDF)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq $viewers >/dev/null
  else
    echo "note: the browser test of report.html needs Chromium and is skipped without it:" >&2
    echo "    sudo apt-get update && sudo apt-get install -y $viewers" >&2
  fi
fi
