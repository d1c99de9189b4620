"""Rule: nothing outside the content folder is read or published.

The loader resolves every path (``load.paths``): a symbolic link that leads out of the content folder
is never followed, and one to a folder that contains it is never entered. This rule tells the author
about each, as a ``fout``: a link that leads out would otherwise silently be missing from the site
(or, before this rule, publish whatever it pointed at: ``/etc/passwd``, another report's pages).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code

CODES = (
    Code(
        "pad-buiten-content",
        FOUT,
        "Een bestand, afbeelding of map buiten de map van het rapport, ook via een snelkoppeling",
        "Alleen wat in de map van het rapport staat, komt op de website; wat erbuiten ligt (zoals "
        "'../../etc/passwd', of een snelkoppeling naar een andere map) wordt niet gelezen en niet "
        "gepubliceerd. Kopieer het bestand zelf naar de map media (of bijlagen) en verwijs daarnaar.",
    ),
    Code(
        "pad-lus",
        FOUT,
        "Een snelkoppeling draait rondjes: ze wijst naar zichzelf of naar een map erboven",
        "Zo'n snelkoppeling (symbolische link) wordt overgeslagen. Haal hem weg, of laat hem naar een "
        "gewone map binnen het rapport wijzen.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    """One ``pad-buiten-content`` per link that leads out of the content folder, one ``pad-lus`` per
    link to a folder that contains it."""
    report = ctx.report
    for rel, target in report.outside:
        folder = os.path.isdir(target)  # os.path.isdir only asks the file system; nothing is read
        what, noun = ("deze map", "de map") if folder else ("dit bestand", "het bestand")
        yield Finding(
            "pad-buiten-content",
            FOUT,
            f"'{rel}' is een snelkoppeling (symbolische link) naar '{target}', buiten de map met het "
            f"rapport. Alleen bestanden in die map komen op de site: {what} wordt niet gelezen en niet "
            f"gepubliceerd. Zet {noun} zelf (geen snelkoppeling) in de map van het rapport, of haal "
            "de snelkoppeling weg als het niet op de site hoort.",
            file=rel,
        )
    for rel in report.loops:
        yield Finding(
            "pad-lus",
            FOUT,
            f"'{rel}' is een snelkoppeling (symbolische link) die rondjes draait: ze wijst, direct of via andere "
            "snelkoppelingen, naar zichzelf of naar een map waar ze zelf in staat. Wie die volgt, komt steeds "
            "weer op dezelfde plek, dus kompas-site slaat haar over. Haal de snelkoppeling weg; wat erachter "
            "zit, staat al in de map van het rapport.",
            file=rel,
        )
