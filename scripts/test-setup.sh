#!/bin/sh
# Everything the tests need, on a fresh Debian machine with Python 3.11 (run as root):
# Debian's Chromium for the browser tests (only when it is missing; Playwright never downloads a
# browser here), then kompas-site with its test dependencies.
#   sh scripts/test-setup.sh && python -m pytest
set -eu
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    fi
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

pip install -e ".[test]"
