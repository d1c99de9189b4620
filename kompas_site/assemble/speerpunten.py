"""The speerpunten page and its easy-read twin: every goal as a block, grouped by status.

Each goal shows its status in words beside an icon (never colour alone), its bouwstenen (or "voor de hele
organisatie"), owner and period, the target against the result, and the plan-do-check-act cycle: what was
planned, what happened, what we learned, what we do next (only the steps the author filled in).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from kompas_site.assemble.locaties import source as location_source
from kompas_site.assemble.templates import generated, render
from kompas_site.check.result import CheckResult
from kompas_site.dutch import aantal, opsomming
from kompas_site.model import ANNOUNCED, SPEERPUNT_STATUS, SPEERPUNT_STATUS_MAKKELIJK, Speerpunt
from kompas_site.sanitise import markdown_text, url_path
from kompas_site.woorden import Woorden, capitalised

PAGE = "speerpunten.md"
EASY_PAGE = "begrijpelijk/speerpunten.md"
WAAR_VIND_IK_WAT = "waar-vind-ik-wat.md"
NO_STATUS = "zonder-status"  # a draft may hold a goal whose status the checker rejected


def title(woorden: Woorden) -> str:
    return f"Alle {woorden.speerpunten}"


def easy_title(woorden: Woorden) -> str:
    return f"Onze {woorden.speerpunten}"


@dataclass(frozen=True)
class Step:
    label: str  # "Gepland", "Gedaan", "Geleerd", "Volgende stap"
    lines: tuple[tuple[str | None, str], ...]  # (a word in bold before the text, such as "Doel", or None; text)


def cycle(goal: Speerpunt) -> list[Step]:
    """The plan-do-check-act cycle of one goal: only the steps with content. The target is the plan, the
    measured result opens what happened (so the two stand close together). A new goal's explanation says
    why it was chosen, a stopped goal's why it stopped: those are shown above the cycle, not as 'gedaan'."""
    steps = []
    if goal.doel:
        steps.append(Step("Gepland", (("Doel", goal.doel),)))
    done = goal.toelichting if goal.status not in ("nieuw", "gestopt") else ""
    lines = ((("Resultaat", goal.resultaat),) if goal.resultaat else ()) + (((None, done),) if done else ())
    if lines:
        steps.append(Step("Gedaan", lines))
    if goal.geleerd:
        steps.append(Step("Geleerd", ((None, goal.geleerd),)))
    if goal.vervolg:
        steps.append(Step("Volgende stap", ((None, goal.vervolg),)))
    return steps


def _bouwsteen_links(result: CheckResult, from_folder: str) -> dict[int, str]:
    """Each bouwsteen's place in "Waar vind ik wat?": the first element of the kader about it."""
    links: dict[int, str] = {}
    for item in result.coverage:
        number = item.onderdeel.bouwsteen
        if number is not None and number not in links:
            links[number] = posixpath.relpath(WAAR_VIND_IK_WAT, from_folder or ".") + "#" + item.onderdeel.id
    return links


def _goal(goal: Speerpunt, result: CheckResult, links: dict[int, str], from_folder: str) -> dict:
    kader = result.kader
    bouwstenen = []
    for number in goal.bouwstenen:
        blok = kader.bouwsteen(number)
        label = f"Bouwsteen {number}: {blok.titel}" if blok else f"Bouwsteen {number}"
        bouwstenen.append((label, links.get(number) if blok else None))
    page = result.report.linked_page(goal.pagina) if goal.pagina else None
    places = [loc for loc in result.report.settings.locaties if loc.id in goal.locaties]
    status = goal.status if goal.status in SPEERPUNT_STATUS else NO_STATUS
    return {
        "id": goal.id,
        "titel": goal.titel,
        "status": status,
        "status_label": SPEERPUNT_STATUS.get(status, "Nog zonder status"),
        "status_makkelijk": SPEERPUNT_STATUS_MAKKELIJK.get(status, "Nog niet bekend"),
        "bouwstenen": bouwstenen,
        "bouwsteen_links": generated(
            opsomming(
                f"[{markdown_text(label)}]({url_path(link)})" if link else markdown_text(label)
                for label, link in bouwstenen
            )
        ),
        "locaties": generated(
            opsomming(
                f"[{markdown_text(loc.label)}]({url_path(posixpath.relpath(location_source(loc), from_folder or '.'))})"
                for loc in places
            )
        ),
        "locaties_aantal": len(places),
        "eigenaar": goal.eigenaar,
        "periode": goal.periode,
        "pagina": (page.title, posixpath.relpath(page.path, from_folder or ".")) if page else None,
        "waarom": goal.toelichting if goal.status in ("nieuw", "gestopt") else None,
        "stappen": cycle(goal),
        "doel": goal.doel,
        "resultaat": goal.resultaat,
        "vervolg": goal.vervolg,
        "vooruit": status in ANNOUNCED,  # a goal for the years ahead: "Dit willen we", not "Dit wilden we"
        "vorige": _previous(goal, result, from_folder),
    }


def _previous(goal: Speerpunt, result: CheckResult, from_folder: str) -> dict | None:
    """The goal's entry in the previous edition: "In het vorige kwaliteitsbeeld (2023): ...", with a link to
    it when its address is known (relative inside an archive, else the previous site's address)."""
    previous = result.report.vorige
    old = next((g for g in previous.speerpunten if g.id == goal.id), None) if previous else None
    if previous is None or old is None:
        return None
    address = previous.speerpunten_adres
    if address and "://" not in address:  # relative to this edition's root; the page is a folder deeper
        address = "../" * (len([p for p in from_folder.split("/") if p]) + 1) + address
    return {
        "tekst": f"In het vorige {previous.soort} ({previous.jaar}):",
        "titel": old.titel,
        "status": SPEERPUNT_STATUS.get(old.status or "", None),
        "url": f"{address}#{goal.id}" if address else None,
    }


def groups(result: CheckResult, woorden: Woorden, from_folder: str = "") -> list[dict]:
    """The goals by status, in the order of the statuses, each group with its count in words."""
    goals = result.report.speerpunten or []
    links = _bouwsteen_links(result, from_folder)
    order = [*SPEERPUNT_STATUS, NO_STATUS]
    found = []
    for status in order:
        items = [
            _goal(g, result, links, from_folder)
            for g in goals
            if (g.status if g.status in SPEERPUNT_STATUS else NO_STATUS) == status
        ]
        if not items:
            continue
        found.append(
            {
                "status": status,
                "label": SPEERPUNT_STATUS.get(status, "Nog zonder status"),
                "label_makkelijk": SPEERPUNT_STATUS_MAKKELIJK.get(status, "Nog niet bekend"),
                "aantal": aantal(len(items), woorden.speerpunt, woorden.speerpunten),
                "goals": items,
            }
        )
    return found


def page(result: CheckResult, facts: dict) -> str:
    woorden = result.report.settings.woorden
    goals = result.report.speerpunten or []
    return render(
        "speerpunten.md",
        titel=title(woorden),
        groepen=groups(result, woorden),
        totaal=aantal(len(goals), woorden.speerpunt, woorden.speerpunten),
        aantal_doelen=len(goals),
        hoofdletter=capitalised,
        **facts,
    )


def easy_page(result: CheckResult) -> str:
    woorden = result.report.settings.woorden
    goals = result.report.speerpunten or []
    return render(
        "speerpunten-makkelijk.md",
        titel=easy_title(woorden),
        groepen=groups(result, woorden, posixpath.dirname(EASY_PAGE)),
        totaal=aantal(len(goals), woorden.speerpunt, woorden.speerpunten),
        uitgebreid=posixpath.relpath(PAGE, posixpath.dirname(EASY_PAGE)),
        woorden=woorden,
        hoofdletter=capitalised,
        organisatie=result.report.settings.organisatie.naam,
    )
