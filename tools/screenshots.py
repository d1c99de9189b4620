"""Screenshots of the example's pages for people to look at (docs/screenshots/), at a phone's and a laptop's width.

    python tools/screenshots.py [PAGE ...]        e.g. speerpunten/ locaties/de-esdoorn/

Builds the example report, serves it on 127.0.0.1 and takes a full-page picture of each page at 375 and
1280 px with Debian's Chromium. Nothing is fetched from another host.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from kompas_site.audit import open_browser, serve_folder

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTHS = (375, 1280)
PAGES = (
    "",
    "speerpunten/",
    "begrijpelijk/speerpunten/",
    "locaties/",
    "locaties/de-esdoorn/",
    "over-ons/voorwoord/",
    "ervaringen/resultaten/",
)


def name(page: str, width: int) -> str:
    return (page.strip("/").replace("/", "-") or "start") + f"-{width}.png"


def main(pages: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "kompas_site", "build", str(ROOT / "content"), "-o", str(site)], check=True)
        with serve_folder(site) as url, open_browser() as browser:
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                for path in pages:
                    page.goto(url + path, wait_until="load")
                    page.screenshot(path=str(OUT / name(path, width)), full_page=True)
                    print(OUT / name(path, width))
                page.close()


if __name__ == "__main__":
    main(sys.argv[1:] or list(PAGES))
