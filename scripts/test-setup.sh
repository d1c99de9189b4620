#!/bin/sh
# Everything the tests need, on a fresh Debian machine with Python 3.11 (run as root):
# Debian's Chromium for the browser tests (only when it is missing; Playwright never downloads a
# browser here), Pango and HarfBuzz for 'kompas print' (WeasyPrint lays out the PDFs with them), then
# kompas-site with its test dependencies.
#   sh scripts/test-setup.sh && python -m pytest
set -eu
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi
PACKAGES=""
if [ ! -x /usr/bin/chromium ]; then
    PACKAGES="chromium"
fi
if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
    PACKAGES="$PACKAGES libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
fi
if [ -n "$PACKAGES" ]; then
    $SUDO apt-get update
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $PACKAGES
fi

pip install -e ".[test]"
