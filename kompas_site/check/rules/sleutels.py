"""Rule: a key in a page's or story's front matter that looks like a misspelt key of kompas-site.

Pages may carry any key (MkDocs, Material and authors use their own: ``description``, ``template``, ``hide``,
``tags``), so an unknown key is only reported when it is close to a key kompas-site reads
(``pseudonym`` for ``pseudoniem``): then what the author meant is silently lost.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.load.schemas import front_matter_keys

CODES = (
    Code(
        "sleutel-onbekend",
        WAARSCHUWING,
        "Een regel bovenaan een pagina met een sleutel die op een sleutel van kompas-site lijkt, maar net anders is",
        "kompas-site leest alleen de sleutels die het kent; een sleutel met een tikfout wordt overgeslagen, en wat "
        "u ermee bedoelde staat dan niet op de site. Schrijf de sleutel zoals 'kompas check' voorstelt, zoals "
        "'pseudoniem: ja' in plaats van 'pseudonym: ja'.",
    ),
)

# Keys of MkDocs and Material for MkDocs: read by the site engine, never a typo of ours.
ENGINE_KEYS = frozenset(
    [
        "title",
        "description",
        "template",
        "hide",
        "tags",
        "icon",
        "status",
        "subtitle",
        "search",
        "comments",
        "authors",
        "date",
        "slug",
    ]
)
CUTOFF = 0.75  # 'pseudonym' -> 'pseudoniem' (0.84), 'titel' -> 'title' (0.8); 'hide' -> 'video' (0.67) is not

# What is lost when the key is misspelt, for the keys where that matters most.
LOST = {
    "pseudoniem": "Nu staat er op de pagina niet bij dat de naam in het verhaal veranderd is.",
    "ondertekening": "Nu staat er geen ondertekening onder de tekst.",
    "door": "Nu staat er onder de titel niet wie de pagina schreef.",
    "meegelezen": "Nu telt niet mee wie de pagina meelas.",
    "onderdelen": "Nu telt deze pagina niet mee voor die onderdelen van het kader.",
    "locaties": "Nu staat de pagina niet op de pagina van die locaties.",
    "toestemming": "Nu leest kompas-site de toestemming niet.",
    "title": "Nu krijgt de pagina niet deze titel.",
    "fotos": "Nu staan die foto's niet bij het verhaal.",
    "toegestaan": "Nu geldt die uitzondering voor persoonsgegevens niet.",
}


@cache
def _known() -> tuple[str, ...]:
    return front_matter_keys()


def meant(key: str) -> str | None:
    """The key of kompas-site that ``key`` is probably a misspelling of; None for a known key, a key of the
    site engine, or a key far from all of ours."""
    known = _known()
    if key in known or key in ENGINE_KEYS:
        return None
    lower = key.strip().lower()
    if lower in known:
        return lower  # 'Pseudoniem': YAML keys are read with their capitals
    matches = difflib.get_close_matches(lower, known, n=1, cutoff=CUTOFF)
    return matches[0] if matches else None


def check(ctx: CheckContext) -> Iterator[Finding]:
    for page in ctx.report.all_pages:
        for key in page.meta:
            if not isinstance(key, str):
                continue
            right = meant(key)
            if right is None:
                continue
            lost = LOST.get(right, "Nu doet kompas-site niets met deze regel.")
            yield Finding(
                "sleutel-onbekend",
                WAARSCHUWING,
                f"De sleutel '{key}' kent kompas-site niet. Bedoelt u '{right}'? {lost} Schrijf '{right}:' "
                f"in plaats van '{key}:'.",
                file=page.path,
                line=page.meta_line(key),
                key=key,
            )
