"""The location pages: one per location in ``kompas.yml`` (``locaties/<id>.md``) with the pages, stories
and goals that name it, and an overview of all locations (``locaties/index.md``), grouped by region
when any location has one."""

from __future__ import annotations

import posixpath

from kompas_site.assemble.site import GeneratedPage
from kompas_site.assemble.templates import generated, render
from kompas_site.assemble.verhalen import places, story_card
from kompas_site.model import LOCATIONS_DIR, SPEERPUNT_STATUS, Locatie, Report
from kompas_site.profiles import Kader
from kompas_site.woorden import capitalised

OVERVIEW = f"{LOCATIONS_DIR}/index.md"
TITLE = "Locaties"
OTHER_REGION = "Overige locaties"
NO_STATUS = "Zonder status"


def source(locatie: Locatie) -> str:
    return f"{LOCATIONS_DIR}/{locatie.id}.md"


def location_pages(report: Report, kader: Kader, speerpunten_page: str) -> list[GeneratedPage]:
    """The overview and a page per location; none when ``kompas.yml`` has no locations."""
    locaties = report.settings.locaties
    if not locaties:
        return []
    woorden = report.settings.woorden
    pages = [
        GeneratedPage(
            OVERVIEW,
            TITLE,
            render("locaties.md", titel=TITLE, groepen=regions(locaties), speerpunten=woorden.speerpunten),
        )
    ]
    where = places(report)
    link = lambda target: posixpath.relpath(target, LOCATIONS_DIR)  # noqa: E731
    for locatie in locaties:
        own = source(locatie)
        text = render(
            "locatie.md",
            locatie=locatie,
            overzicht=link(OVERVIEW),
            paginas=[(p.title, link(p.path)) for p in report.pages if not p.is_story and locatie.id in p.locaties],
            verhalen=[
                generated(story_card(s, kader, own, report.settings.woorden, where))
                for s in report.stories
                if locatie.id in s.locaties
            ],
            doelen=[
                (g.titel, SPEERPUNT_STATUS.get(g.status or "", NO_STATUS), f"{link(speerpunten_page)}#{g.id}")
                for g in report.speerpunten or []
                if locatie.id in g.locaties
            ],
            speerpunten_kop=capitalised(woorden.speerpunten),
        )
        pages.append(GeneratedPage(own, locatie.naam, text))
    return pages


def regions(locaties: tuple[Locatie, ...]) -> list[tuple[str | None, list[tuple[Locatie, str]]]]:
    """(region, its locations with their link) in the order the author wrote them; without any region one
    group without a heading; with regions, the locations without one last, under 'Overige locaties'."""
    items = [(loc, posixpath.relpath(source(loc), LOCATIONS_DIR)) for loc in locaties]
    if not any(loc.regio for loc in locaties):
        return [(None, items)]
    groups: dict[str, list[tuple[Locatie, str]]] = {}
    for loc, link in items:
        if loc.regio:
            groups.setdefault(loc.regio, []).append((loc, link))
    rest = [(loc, link) for loc, link in items if not loc.regio]
    result: list[tuple[str | None, list[tuple[Locatie, str]]]] = list(groups.items())
    return result + ([(OTHER_REGION, rest)] if rest else [])
