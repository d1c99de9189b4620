"""Where each required element of the edition is covered: by a page with real content, by data
(stories, speerpunten), in the other edition of its cycle, or not at all. The findings about it are
the ``onderdelen`` rule's (``check/rules/onderdelen.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kompas_site.check.prose import Prose, measure
from kompas_site.check.result import ELDERS, GEDEKT, NIET_INGEVULD, ONTBREEKT, Coverage
from kompas_site.model import Page, Report
from kompas_site.profiles import EditieProfiel, Kader, Onderdeel

if TYPE_CHECKING:
    from kompas_site.check.context import CheckContext

CLIENT = "client"
DATA_VERHALEN = "verhalen"
DATA_SPEERPUNTEN = "speerpunten"


def prose(ctx: CheckContext, page: Page) -> Prose:
    return measure(page.body, page.body_line, ctx.guidance)


def coverage(ctx: CheckContext) -> list[Coverage]:
    report, kader, editie = ctx.report, ctx.kader, ctx.editie
    result = []
    for onderdeel in editie.onderdelen:
        naming = [p for p in report.pages if onderdeel.id in p.onderdelen]
        filled = [p for p in naming if prose(ctx, p).filled]
        data = _data_coverage(report, onderdeel)
        if filled or data:
            result.append(Coverage(onderdeel, GEDEKT, filled, naming, data))
            continue
        elsewhere = _elsewhere(report, kader, editie, onderdeel)
        if elsewhere and not naming:
            result.append(Coverage(onderdeel, ELDERS, elsewhere=elsewhere))
        elif naming:
            result.append(Coverage(onderdeel, NIET_INGEVULD, named=naming))
        else:
            result.append(Coverage(onderdeel, ONTBREEKT))
    return result


def _data_coverage(report: Report, onderdeel: Onderdeel) -> str | None:
    if onderdeel.gegevens == DATA_VERHALEN:
        if any(story.meta.get("perspectief") == CLIENT for story in report.stories):
            return DATA_VERHALEN
        return None
    goals = report.speerpunten
    if not onderdeel.gegevens or not onderdeel.gegevens.startswith(DATA_SPEERPUNTEN) or not goals:
        return None
    looked_back = [g for g in goals if g.status != "nieuw"]
    ahead = [g for g in goals if g.status in ("nieuw", "doorgezet")]
    complete = all(g.toelichting for g in looked_back) and bool(ahead)
    wanted = looked_back if onderdeel.gegevens.endswith("terugblik") else ahead
    return DATA_SPEERPUNTEN if complete and wanted else None


def _elsewhere(report: Report, kader: Kader, editie: EditieProfiel, onderdeel: Onderdeel) -> str | None:
    """For a cycle element: the other edition kompas.yml says holds it."""
    if not onderdeel.cyclus or not report.settings.visitatie:
        return None
    where = report.settings.visitatie.removeprefix("in-")
    cyclus = kader.cycli[onderdeel.cyclus]
    return where if where != editie.soort and where in cyclus.edities else None
