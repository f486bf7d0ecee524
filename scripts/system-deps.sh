#!/usr/bin/env bash
# The browser and PDF tests need Debian's Chromium and poppler-utils (pdftoppm, pdfinfo); the
# load test wrk, the scale-out test redis-server.
# Installed through apt-get when missing and running as root; otherwise say what to install.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# The load test (wrk) and the scale-out test (a shared Redis).
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installeren met apt-get: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation >/dev/null
else
    echo "Ontbrekende systeempakketten: installeer ze met: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
