"""An archive of editions: several content folders (any mix of kwaliteitsbeeld, voortgangsbericht and
kwaliteitsrapport, any framework) built into one site, each edition under its own year (``2025/``), with an
editions page at the root.

- An edition's address is ``<jaar>/`` and never changes when another edition is added: every edition is
  built through the normal pipeline and engine, from its own folder only, and the only thing the archive adds
  to its pages is the notice on an older edition ("Er is een nieuwere versie: ...") and, on the speerpunten
  page, a relative link to the previous edition when that is in the archive too.
- Two editions over the same year are refused (also under different frameworks: ``<jaar>/`` is the address
  that is delivered to the Zorginstituut, so it must belong to one edition).
- The root is an editions page rather than a copy of the newest edition: one edition, one address.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kompas_site import pipeline
from kompas_site.assemble import edities as editions_page
from kompas_site.assemble.downloads import download_label
from kompas_site.assemble.toegankelijkheid import PAGE as STATEMENT
from kompas_site.dutch import datum
from kompas_site.errors import ContentError, Problem
from kompas_site.load.settings import load_settings
from kompas_site.model import Archiefplek, Settings
from kompas_site.paths import EASY_READ_DIR
from kompas_site.render.csp import with_csp

INDEX = "index.html"


class ArchiveRefused(Exception):
    """The editions cannot go into one archive; the message says why and what to do, in Dutch."""


@dataclass(frozen=True)
class Edition:
    folder: Path
    settings: Settings

    @property
    def jaar(self) -> int:
        return self.settings.editie.jaar

    @property
    def map(self) -> str:
        """The edition's folder in the archive: its year."""
        return str(self.jaar)


def plan(folders: list[Path]) -> list[Edition]:
    """The editions, newest first. Raises ``ContentError`` when a kompas.yml cannot be read and
    ``ArchiveRefused`` for a folder given twice or two editions over one year."""
    editions: list[Edition] = []
    problems: list[Problem] = []
    for folder in folders:
        try:
            settings = load_settings(Path(folder))
        except ContentError as error:
            problems += [
                Problem(p.message, f"{folder}/{p.file}" if p.file else None, p.line, p.key) for p in error.problems
            ]
            continue
        editions.append(Edition(Path(folder), settings))
    if problems:
        raise ContentError(problems)
    seen: dict[Path, Path] = {}
    for edition in editions:
        key = edition.folder.resolve()
        if key in seen:
            raise ArchiveRefused(
                f"De map '{edition.folder}' staat twee keer in de opdracht. Noem elke editie één keer."
            )
        seen[key] = edition.folder
    by_year: dict[int, Edition] = {}
    for edition in editions:
        other = by_year.get(edition.jaar)
        if other is not None:
            same = other.settings.kader == edition.settings.kader
            raise ArchiveRefused(
                f"Er zijn twee edities over {edition.jaar}: '{other.folder}' ({_name(other)}) en "
                f"'{edition.folder}' ({_name(edition)})"
                + (" onder hetzelfde kader" if same else ", onder verschillende kaders")
                + f". Elke editie krijgt in het archief het adres {edition.jaar}/, en dat adres moet bij één "
                "editie horen. "
                + (
                    "Kijk bij 'editie: jaar:' in beide kompas.yml welk jaar klopt, of laat de oude versie weg."
                    if same
                    else "Maak voor elk kader een eigen archief (een eigen uitvoermap), of kijk bij 'editie: jaar:' "
                    "welk jaar klopt."
                )
            )
        by_year[edition.jaar] = edition
    return sorted(editions, key=lambda e: e.jaar, reverse=True)


def builds(editions: list[Edition], haal_vorige: bool = False) -> list[pipeline.Build]:
    """Run the pipeline for every edition (newest first), each with its place in the archive."""
    roots = {(e.settings.kader, e.jaar): f"../{e.map}/" for e in editions}
    newest: pipeline.Build | None = None
    found = []
    for edition in editions:
        notice: dict[str, Any] | None = None
        if newest is not None:
            notice = {
                "tekst": f"Dit is het {edition.settings.editie.soort} over {edition.jaar}.",
                "nieuwer": "Er is een nieuwere versie:",
                "titel": f"{newest.result.editie.naam} {newest.report.settings.editie.jaar}",
                "url": f"../{editions[0].map}/",
            }
            easy_home = _easy_home(newest)
            if easy_home is not None:  # on the easy-read pages: easy words, to the newest easy-read home
                notice["begrijpelijk"] = {
                    "tekst": "Er is een nieuw verslag.",
                    "nieuwer": f"Dat verslag is van {newest.report.settings.editie.jaar}.",
                    "titel": "Lees het nieuwe verslag",
                    "url": f"../{editions[0].map}/{easy_home}",
                }
        others = {key: root for key, root in roots.items() if key != (edition.settings.kader, edition.jaar)}
        build = pipeline.run(edition.folder, archief=Archiefplek(notice, others), haal_vorige=haal_vorige)
        newest = newest or build
        found.append(build)
    return found


STATEMENT_DIR = STATEMENT.removesuffix(".md")


def _easy_home(build: pipeline.Build) -> str | None:
    """The address of an edition's easy-read home page within the edition ('begrijpelijk/'), if it has one."""
    for page in build.pages.values():
        if page.easy_read and page.output == f"{EASY_READ_DIR}/index.html":
            return f"{EASY_READ_DIR}/"
    return None


def write(
    editions: list[Edition],
    built: list[pipeline.Build],
    site_dir: Path,
    render: Callable[[pipeline.Build, Path], object],
) -> None:
    """Every edition into ``site_dir/<jaar>/`` with ``render`` (the engine), then the editions page."""
    for edition, build in zip(editions, built, strict=True):
        render(build, site_dir / edition.map)
    (site_dir / INDEX).write_text(with_csp(index_page(editions, built, site_dir)), encoding="utf-8")
    (site_dir / editions_page.STYLESHEET).write_text(editions_page.stylesheet(), encoding="utf-8")


def index_page(editions: list[Edition], built: list[pipeline.Build], site_dir: Path | None = None) -> str:
    """The editions page: the editions on this site, then the earlier ones that are only a file or an address
    (each once; one over a year that is on this site is left out: the site has it)."""
    rows = []
    for n, (edition, build) in enumerate(zip(editions, built, strict=True)):
        settings = edition.settings
        rows.append(
            {
                "titel": f"{build.result.editie.naam} {edition.jaar}",
                "url": f"{edition.map}/",
                "soort": build.result.editie.naam,
                "jaar": edition.jaar,
                "organisatie": settings.organisatie.naam,
                "kader": build.result.kader.naam,
                "publicatiedatum": datum(settings.editie.publicatiedatum) if settings.editie.publicatiedatum else None,
                "nieuwste": n == 0,
            }
        )
    years = {e.jaar for e in editions}
    earlier: dict[str, dict] = {}
    for edition, build in zip(editions, built, strict=True):
        for item in edition.settings.eerdere_edities:
            if item.jaar in years:
                continue
            if item.bestand:
                url = f"{edition.map}/{item.bestand}"
                source = build.files.get(item.bestand) or Path(edition.folder) / item.bestand
                label = (download_label(source) or "").strip(" ()") or None
                key = f"bestand:{item.titel.casefold()}:{item.jaar}:{os.path.basename(item.bestand).casefold()}"
            else:
                url, label, key = item.url or "", "op een andere website", f"url:{item.url}"
            earlier.setdefault(key, {"titel": item.titel, "url": url, "label": label, "jaar": item.jaar or 0})
    listed = sorted(earlier.values(), key=lambda e: (-e["jaar"], e["titel"].casefold()))
    newest = built[0] if built else None
    statement = (
        f"{editions[0].map}/{STATEMENT_DIR}/"
        if newest is not None and any(p.source == STATEMENT for p in newest.pages.values())
        else None
    )
    house = f"{editions[0].map}/{newest.site.huisstijl['css']}" if newest and newest.site.huisstijl.get("css") else None
    return editions_page.page(
        [e.settings.organisatie.naam for e in editions],
        [b.result.editie.naam.lower() for b in built],
        rows,
        listed,
        toegankelijkheid=statement,
        huisstijl=house,
    )


def _name(edition: Edition) -> str:
    return f"{edition.settings.editie.soort} {edition.jaar}, kader {edition.settings.kader}"
