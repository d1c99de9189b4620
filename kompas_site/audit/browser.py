"""Headless Chromium, driven by Playwright: the browser installed on the machine, never a download."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from kompas_site.audit.errors import AuditError

# Debian's Chromium (`apt-get install chromium`); KOMPAS_CHROMIUM points to another one.
CHROMIUM = "/usr/bin/chromium"
OTHER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless as root in a container, and no background traffic of the browser's own (updates, sync,
# safe browsing): that would show up as requests to other hosts, or hang on a closed network.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL_HINT = "Installeer hem met: sudo apt-get install chromium (of sh scripts/test-setup.sh)."


def find_chromium() -> str:
    """The browser to use; an AuditError in Dutch when there is none."""
    wanted = os.environ.get("KOMPAS_CHROMIUM")
    if wanted:
        if Path(wanted).is_file() and os.access(wanted, os.X_OK):
            return wanted
        raise AuditError(
            f"De browser '{wanted}' (uit KOMPAS_CHROMIUM) bestaat niet of kan niet gestart worden.\n"
            f"Zet KOMPAS_CHROMIUM op het pad van Chromium, of haal de variabele weg. {INSTALL_HINT}"
        )
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    for name in OTHER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise AuditError(
        f"Er is geen Chromium-browser gevonden (gezocht: {CHROMIUM}). De controle heeft een echte "
        f"browser nodig.\n{INSTALL_HINT}"
    )


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise AuditError(
            "Het onderdeel dat de browser bestuurt (Playwright) is niet geïnstalleerd.\n"
            "Installeer het met: pip install 'kompas-site[audit]' "
            "(in de map van kompas-site: pip install -e '.[audit]')."
        ) from None
    return sync_playwright


@contextlib.contextmanager
def open_browser() -> Iterator[object]:
    """Start headless Chromium; yield a Playwright ``Browser``. Closed again at the end."""
    executable = find_chromium()
    sync_playwright = _playwright()
    from playwright.sync_api import Error as PlaywrightError

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        except PlaywrightError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise AuditError(
                f"De browser '{executable}' kon niet gestart worden ({first_line}).\n{INSTALL_HINT}"
            ) from None
        try:
            yield browser
        finally:
            browser.close()
