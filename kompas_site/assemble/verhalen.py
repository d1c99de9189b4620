"""Experience stories: a header on each story page, an overview, and cards inside any page.

An author places a story card with one line of its own: ``[[verhaal: gert-op-zichzelf]]``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from kompas_site.assemble.fotobron import photo_credit
from kompas_site.assemble.templates import generated, render
from kompas_site.assemble.video import video_block
from kompas_site.model import STORIES_DIR, STORY_CARD, Locatie, Page, Report
from kompas_site.profiles import Kader
from kompas_site.woorden import DEFAULT, Woorden, capitalised

OVERVIEW = "verhalen/index.md"
OVERVIEW_TITLE = "Ervaringsverhalen"
STORIES_PER_PART = 24  # cards on one overview page: more would make the page heavy on a phone
PERSPECTIEVEN = ("client", "verwant", "professional")


def places(report: Report) -> dict[str, Locatie]:
    """The report's locations by id (``locaties:`` in kompas.yml)."""
    return {loc.id: loc for loc in report.settings.locaties}


def perspectief_label(perspectief: str, woorden: Woorden = DEFAULT) -> str:
    """Who tells the story, as its label says: "Verteld door een deelnemer"."""
    return {"client": f"een {woorden.client}", "verwant": "een naaste", "professional": "een medewerker"}[perspectief]


def perspectief_filter(woorden: Woorden = DEFAULT) -> dict[str, str]:
    return {"client": capitalised(woorden.clienten), "verwant": "Naasten", "professional": "Medewerkers"}


def _facts(
    story: Page,
    kader: Kader,
    from_source: str,
    woorden: Woorden = DEFAULT,
    locaties: Mapping[str, Locatie] | None = None,
) -> dict:
    """What a story shows about itself, from its front matter. The consent record is never used.
    ``locaties``: the report's locations by id; a card names the story's locations as text."""
    meta = story.meta
    here = posixpath.dirname(from_source) or "."
    photos = [
        {
            "src": posixpath.relpath(foto["bestand"], here),
            "alt": "" if foto.get("decoratief") else str(foto.get("alt") or ""),
            "bijschrift": photo_credit(foto),
        }
        for foto in meta.get("fotos") or []
        if isinstance(foto, dict) and isinstance(foto.get("bestand"), str) and foto["bestand"].strip()
    ]
    domains = dict(kader.domeinen)
    # only domains the framework knows: a framework without domains (2017) shows none, not raw labels
    domain_ids = [d for d in meta.get("domeinen") or [] if isinstance(d, str) and d in domains]
    bouwsteen = kader.bouwsteen(meta["bouwsteen"]) if isinstance(meta.get("bouwsteen"), int) else None
    written = meta.get("perspectief")
    perspectief = written if isinstance(written, str) and written in PERSPECTIEVEN else None
    return {
        "titel": story.title,
        "link": posixpath.relpath(story.path, here),
        "photos": photos,
        "citaat": meta.get("citaat") if isinstance(meta.get("citaat"), str) else None,
        "perspectief": perspectief,
        "perspectief_label": perspectief_label(perspectief, woorden) if perspectief else None,
        "bouwsteen": bouwsteen,
        "domeinen": [domains.get(d, d) for d in domain_ids],
        "domein_ids": domain_ids,
        # how the story was recorded (never its consent record, nor a photo's)
        "bron": _text(meta.get("bron")),
        "opgetekend_door": _text(meta.get("opgetekend_door")),
        "pseudoniem": meta.get("pseudoniem") is True,
        "locaties": [locaties[i].label for i in story.locaties if locaties and i in locaties],
    }


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def story_intro(story: Page, kader: Kader, output_path: str, woorden: Woorden = DEFAULT) -> str:
    """Photo, quote and labels under the title; a film, when the story has one, after them."""
    intro = render("verhaal-kop.md", **_facts(story, kader, story.path, woorden))
    video = story.meta.get("video")
    if isinstance(video, dict):
        intro += "\n" + video_block(video, story.title, story.path, output_path)
    return intro


def story_card(
    story: Page,
    kader: Kader,
    from_source: str,
    woorden: Woorden = DEFAULT,
    locaties: Mapping[str, Locatie] | None = None,
) -> str:
    return render("verhaal-kaart.md", verhaal=_facts(story, kader, from_source, woorden, locaties))


def overview(report: Report, kader: Kader, taken: set[str]) -> list[tuple[str, str, str]]:
    """The story overview as (source, title, Markdown) parts of at most STORIES_PER_PART cards: the first
    part is ``verhalen/index.md``. One part has filters; with more, readers page through them.
    ``taken`` holds the source paths in use."""
    woorden = report.settings.woorden
    existing = report.page(OVERVIEW)
    title = existing.title if existing else OVERVIEW_TITLE
    stories = report.stories
    where = places(report)
    count = max(1, -(-len(stories) // STORIES_PER_PART))
    sources = [OVERVIEW]
    for number in range(2, count + 1):
        name = f"deel-{number}"
        while f"{STORIES_DIR}/{name}.md" in taken:
            name += "-verhalen"
        sources.append(f"{STORIES_DIR}/{name}.md")
    parts = []
    for number, source in enumerate(sources, start=1):
        start = (number - 1) * STORIES_PER_PART
        part = stories[start : start + STORIES_PER_PART]
        facts = [_facts(s, kader, source, woorden) for s in part]
        part_title = title if count == 1 else f"{title} (deel {number} van {count})"
        parts.append(
            (
                source,
                part_title,
                render(
                    "verhalen.md",
                    titel=part_title if number > 1 or not existing else None,
                    intro=generated(existing.body) if existing and number == 1 else "",
                    cards=[generated(story_card(s, kader, source, woorden, where)) for s in part],
                    perspectieven=[
                        (k, v)
                        for k, v in perspectief_filter(woorden).items()
                        if any(f["perspectief"] == k for f in facts)
                    ],
                    bouwstenen=[b for b in kader.bouwstenen if any(f["bouwsteen"] == b for f in facts)],
                    domeinen=[(d, t) for d, t in kader.domeinen if any(d in f["domein_ids"] for f in facts)],
                    deel=number,
                    delen=[posixpath.relpath(other, STORIES_DIR) for other in sources],
                    van=start + 1,
                    tot=start + len(part),
                    totaal=len(stories),
                    per_deel=STORIES_PER_PART,
                    woorden=woorden,
                ),
            )
        )
    return parts


def place_cards(page: Page, body: str, report: Report, kader: Kader) -> str:
    """Replace each ``[[verhaal: name]]`` line by the card of that story (unknown names stay as they are:
    the checker reports them)."""
    stories = {s.path.removeprefix("verhalen/").removesuffix(".md"): s for s in report.stories}
    where = places(report)

    def card(match) -> str:
        story = stories.get(match.group("naam"))
        return story_card(story, kader, page.path, report.settings.woorden, where) if story else match.group(0)

    return STORY_CARD.sub(card, body)
