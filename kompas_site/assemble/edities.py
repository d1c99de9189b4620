"""The editions page at the root of an archive of editions (``kompas archief``): every edition on the site,
newest first (soort, jaar, organisation, framework, link), and the earlier editions that exist only as a file
or at another address (``eerdere_edities:`` in the editions' ``kompas.yml``).

A plain page of its own (``templates/archief/``), not a page of one edition: it belongs to none of them.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from kompas_site.assemble.toegankelijkheid import LINK_TEXT
from kompas_site.dutch import opsomming
from kompas_site.resources import TEMPLATES_DIR

STYLESHEET = "archief.css"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "archief"),
        autoescape=True,  # names and titles are text the authors wrote
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page(
    organisaties: list[str],
    soorten: list[str],
    edities: list[dict],
    eerdere: list[dict],
    toegankelijkheid: str | None = None,
    huisstijl: str | None = None,
) -> str:
    """The HTML of the editions page. ``edities``: newest first, each with titel, url, soort, jaar,
    organisatie, kader, publicatiedatum (Dutch) and nieuwste; ``eerdere``: titel, url and a label.
    ``toegankelijkheid``: the newest edition's accessibility statement (the footer links to it);
    ``huisstijl``: the newest edition's house-colour stylesheet (both relative to the archive's root)."""
    names = list(dict.fromkeys(organisaties))
    kinds = list(dict.fromkeys(soorten))
    titel = f"Alle edities van {opsomming(names)}" if names else "Alle edities"
    return (
        _environment()
        .get_template("index.html")
        .render(
            titel=titel,
            organisatie=opsomming(names),
            soorten=opsomming(kinds, "en") if kinds else "kwaliteitsbeeld",
            edities=edities,
            eerdere=eerdere,
            toegankelijkheid=toegankelijkheid,
            toegankelijkheid_titel=LINK_TEXT,
            huisstijl=huisstijl,
        )
    )


def stylesheet() -> str:
    return (TEMPLATES_DIR / "archief" / STYLESHEET).read_text(encoding="utf-8")
