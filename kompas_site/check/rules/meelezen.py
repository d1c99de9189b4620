"""Who read along (``meegelezen:`` in a page's front matter).

- An easy-read page is made together with the people it is for: one that nobody from the client side read
  is a warning (``niet-meegelezen``). A reader is from the client side when ``door`` names the client
  council or clients (the organisation's own words from ``kompas.yml``: ``cliëntenraad``,
  ``{woorden.clienten}raad``, ``{woorden.clienten}``, ``{woorden.client}``), an expert by experience
  (``ervaringsdeskundige``) or the ``medezeggenschap``, in any capitals; or when the reading says
  ``client: true`` (a name such as "Marloes en Ahmed" says nothing about who they are).
- A page whose file changed on a later day than its last reading gets a tip (``gewijzigd-na-meelezen``):
  the readers saw an older text. The file's modification time is enough for a draft.

The dates themselves (a real date, not in the future) are judged when the page is read (``load/schemas.py``).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import datum, opsomming
from kompas_site.model import Page
from kompas_site.woorden import Woorden, capitalised

CODES = (
    Code(
        "niet-meegelezen",
        WAARSCHUWING,
        "Niemand van de cliëntenkant heeft een makkelijke pagina meegelezen",
        "Een makkelijke pagina maakt u samen met de mensen voor wie hij is. Laat hem lezen door de cliëntenraad "
        "of door cliënten, en schrijf dat bovenaan de pagina, zoals:\n\n"
        "    meegelezen:\n      - door: Cliëntenraad\n        datum: 2026-03-12\n\n"
        "Staat er geen cliëntenraad of cliënt in de naam bij 'door' (bijvoorbeeld 'door: Marloes en Ahmed'), "
        "zet er dan 'client: true' onder.",
    ),
    Code(
        "gewijzigd-na-meelezen",
        TIP,
        "Een pagina is veranderd na de laatste keer meelezen",
        "De lezers zagen een oudere tekst. Laat de nieuwe tekst nog eens meelezen en zet de nieuwe dag bij "
        "'meegelezen', zoals '- door: Cliëntenraad' met 'datum: 2026-05-20' eronder.",
    ),
)

_ALWAYS = ("cliëntenraad", "clientenraad", "cliënt", "client", "ervaringsdeskundig", "medezeggenschap")


def client_words(woorden: Woorden) -> tuple[str, ...]:
    """What ``door`` may contain to name the client side, folded for comparison."""
    words = (*_ALWAYS, woorden.clientenraad, woorden.clienten, woorden.client)
    return tuple(dict.fromkeys(_fold(w) for w in words))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def is_client_side(reading: dict, woorden: Woorden) -> bool:
    if reading.get("client"):
        return True
    door = _fold(str(reading.get("door") or ""))
    return any(word in door for word in client_words(woorden))


def readings(page: Page) -> list[dict]:
    """The page's readings as the loader normalised them: ``door``, ``datum`` (a date) and ``client``."""
    return [r for r in page.meta.get("meegelezen") or [] if isinstance(r, dict) and isinstance(r.get("datum"), date)]


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    woorden = report.settings.woorden
    for twin in report.twins:
        found = readings(twin)
        if any(is_client_side(r, woorden) for r in found):
            continue
        if found:
            who = opsomming(f"'{r['door']}'" for r in found)
            message = (
                f"Deze makkelijke pagina is meegelezen door {who}, maar niemand daarvan is van de kant van de "
                f"{woorden.clienten}. Laat de {woorden.clientenraad} of {woorden.clienten} meelezen. Was een van "
                f"deze lezers wel {woorden.client}? Zet dan 'client: true' onder die lezer."
            )
        else:
            message = (
                f"Niemand van de {woorden.clientenraad} of andere {woorden.clienten} heeft deze makkelijke pagina "
                "meegelezen (of het staat er niet bij). Laat de pagina meelezen en schrijf bovenaan: "
                f"'meegelezen:' met daaronder '- door: {capitalised(woorden.clientenraad)}' en 'datum: JJJJ-MM-DD'."
            )
        yield Finding("niet-meegelezen", WAARSCHUWING, message, file=twin.path, line=twin.meta_line("meegelezen"))
    times = {page.path: _mtime(Path(report.root) / page.path) for page in report.all_pages}
    copied = _copied(sorted(t for t in times.values() if t is not None))
    for page in report.all_pages:
        found = readings(page)
        if not found:
            continue
        last = max(r["datum"] for r in found)
        moment = times[page.path]
        if moment is None or (copied is not None and copied[0] <= moment <= copied[1]):
            continue
        changed = date.fromtimestamp(moment)
        if changed <= last:
            continue
        who = opsomming(sorted({str(r["door"]) for r in found if r["datum"] == last}))
        yield Finding(
            "gewijzigd-na-meelezen",
            TIP,
            f"Deze pagina is veranderd op {datum(changed)}, na de laatste keer meelezen ({datum(last)}, door "
            f"{who}). De lezers zagen dus een oudere tekst. Laat de nieuwe tekst nog eens meelezen en zet de "
            "nieuwe dag bij 'meegelezen'.",
            file=page.path,
            line=page.meta_line("meegelezen"),
        )


# Files written within this many seconds of the report's oldest page came with one copy or checkout (git sets
# no dates): their modification times do not say when anyone changed the text.
SAME_COPY_SECONDS = 600


def _copied(moments: list[float]) -> tuple[float, float] | None:
    """The span of minutes in which at least half of the pages (and three or more) were written: a copy or
    checkout. Those pages were not changed since; a page written before or after it was."""
    best: tuple[int, float, float] | None = None
    start = 0
    for end, moment in enumerate(moments):
        while moment - moments[start] > SAME_COPY_SECONDS:
            start += 1
        if best is None or end - start + 1 > best[0]:
            best = (end - start + 1, moments[start], moment)
    if best is None or best[0] < 3 or best[0] * 2 < len(moments):
        return None
    return best[1], best[2]


def _mtime(path: Path) -> float | None:
    try:
        moment = os.stat(path).st_mtime
        date.fromtimestamp(moment)  # a time a date can be made of
        return moment
    except (OSError, OverflowError, ValueError):
        return None
