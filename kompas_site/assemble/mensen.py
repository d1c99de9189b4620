"""The people behind a page: who wrote it (``door:``, under the title) and who signs it (``ondertekening:``,
under the text). Both come from the page's front matter, read and checked by the loader
(``load/schemas.py``); an easy-read twin without a ``door`` of its own shows its page's.
"""

from __future__ import annotations

from kompas_site.assemble.templates import render
from kompas_site.model import Page


def author_line(page: Page, main: Page | None = None) -> str:
    """'Door Marloes, voorzitter van de Cliëntenraad', or '' when neither the page nor its main page says."""
    door = page.meta.get("door") or (main.meta.get("door") if main else None)
    return render("door.md", door=door) if isinstance(door, str) and door else ""


def signatures(page: Page) -> str:
    """The signature block under the text, or '' when nobody signs the page."""
    people = [p for p in page.meta.get("ondertekening") or [] if isinstance(p, dict) and p.get("naam")]
    return render("ondertekening.md", personen=people) if people else ""
