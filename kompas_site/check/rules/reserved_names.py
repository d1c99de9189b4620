"""Rule: an author's page, folder or file does not take the place of one kompas-site makes itself."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import Finding
from kompas_site.check.registry import Code
from kompas_site.model import LOCATIONS_DIR, RESERVED_PAGES
from kompas_site.paths import RESERVED_FOLDERS, output_path, site_source

GERESERVEERD = Code(
    "pagina-naam-gereserveerd",
    "fout",
    "Een pagina of map heet zoals een die kompas-site zelf maakt (`speerpunten.md`, `zoeken/`, `begrijpelijk/`, ...)",
    "kompas-site maakt zelf de pagina's "
    + ", ".join(RESERVED_PAGES)
    + " en vult zelf de mappen "
    + ", ".join(f"{f}/" for f in RESERVED_FOLDERS)
    + f" van de site, en {LOCATIONS_DIR}/ als kompas.yml locaties noemt. Een pagina of map van u met zo'n "
    "naam (ook met een nummer ervoor, zoals '03-speerpunten/index.md') zou die plaats innemen. Geef uw "
    "pagina of map een andere naam, bijvoorbeeld 'onze-speerpunten.md' of '07-makkelijk-lezen/'.",
)
CODES = (GERESERVEERD,)
_TAKEN = {output_path(page): page for page in RESERVED_PAGES}
_OTHER_NAME = {"begrijpelijk": "makkelijk-lezen", "afbeeldingen": "fotos", "search": "zoeken-en-vinden"}


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    # locaties/ is kompas-site's only when kompas.yml lists locations: else an author's folder may have the name
    reserved = RESERVED_FOLDERS + ((LOCATIONS_DIR,) if report.settings.locaties else ())
    for page in report.pages:
        if page.twin is None and page.is_twin:
            continue
        where = site_source(page.path)
        top = where.split("/", 1)[0] if "/" in where else None
        taken = _TAKEN.get(output_path(where))
        if taken:
            yield GERESERVEERD(
                f"Deze pagina komt op dezelfde plaats als de pagina '{taken.removesuffix('.md')}' die kompas-site "
                "zelf maakt, en zou die vervangen. Geef uw pagina (of haar map) een andere naam, zoals "
                f"'onze-{taken.removesuffix('.md').split('/')[-1]}'.",
                file=page.path,
            )
        elif top in reserved:
            yield _folder(page.path, top)
    for path in ctx.published:
        top = site_source(path).split("/", 1)[0]
        if "/" in site_source(path) and top in reserved:
            yield _folder(path, top)


def _folder(path: str, top: str) -> Finding:
    return GERESERVEERD(
        f"De map '{path.split('/', 1)[0]}' komt op de site als '{top}/', en die map vult kompas-site zelf. "
        f"Geef uw map een andere naam, bijvoorbeeld '{_OTHER_NAME.get(top, 'onze-' + top)}'.",
        file=path,
    )
