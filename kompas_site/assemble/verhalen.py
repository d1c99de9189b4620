"""Experience stories: a header on each story page, an overview, and cards inside any page.

An author places a story card with one line of its own: ``[[verhaal: gert-op-zichzelf]]``.
"""

from __future__ import annotations

import posixpath

from kompas_site.assemble.templates import render
from kompas_site.assemble.video import video_block
from kompas_site.model import STORY_CARD, Page, Report
from kompas_site.profiles import Kader

OVERVIEW = "verhalen/index.md"
OVERVIEW_TITLE = "Ervaringsverhalen"
PERSPECTIEF = {"client": "een cliënt", "verwant": "een naaste", "professional": "een medewerker"}
PERSPECTIEF_FILTER = {"client": "Cliënten", "verwant": "Naasten", "professional": "Medewerkers"}


def _facts(story: Page, kader: Kader, from_source: str) -> dict:
    """What a story shows about itself, from its front matter. The consent record is never used."""
    meta = story.meta
    here = posixpath.dirname(from_source) or "."
    photos = [
        {
            "src": posixpath.relpath(foto["bestand"], here),
            "alt": "" if foto.get("decoratief") else str(foto.get("alt") or ""),
        }
        for foto in meta.get("fotos") or []
        if isinstance(foto, dict) and isinstance(foto.get("bestand"), str)
    ]
    domains = dict(kader.domeinen)
    domain_ids = [d for d in meta.get("domeinen") or [] if isinstance(d, str)]
    bouwsteen = kader.bouwsteen(meta["bouwsteen"]) if isinstance(meta.get("bouwsteen"), int) else None
    perspectief = meta.get("perspectief") if meta.get("perspectief") in PERSPECTIEF else None
    return {
        "titel": story.title,
        "link": posixpath.relpath(story.path, here),
        "photos": photos,
        "citaat": meta.get("citaat") if isinstance(meta.get("citaat"), str) else None,
        "perspectief": perspectief,
        "perspectief_label": PERSPECTIEF.get(perspectief),
        "bouwsteen": bouwsteen,
        "domeinen": [domains.get(d, d) for d in domain_ids],
        "domein_ids": domain_ids,
    }


def story_intro(story: Page, kader: Kader, output_path: str) -> str:
    """Photo, quote and labels under the title; a film, when the story has one, after them."""
    intro = render("verhaal-kop.md", **_facts(story, kader, story.path))
    video = story.meta.get("video")
    if isinstance(video, dict):
        intro += "\n" + video_block(video, story.title, story.path, output_path)
    return intro


def story_card(story: Page, kader: Kader, from_source: str) -> str:
    return render("verhaal-kaart.md", verhaal=_facts(story, kader, from_source))


def overview(report: Report, kader: Kader) -> str:
    stories = [_facts(s, kader, OVERVIEW) for s in report.stories]
    existing = report.page(OVERVIEW)
    return render(
        "verhalen.md",
        titel=None if existing else OVERVIEW_TITLE,
        intro=existing.body if existing else "",
        verhalen=stories,
        cards=[story_card(s, kader, OVERVIEW) for s in report.stories],
        perspectieven=[(k, v) for k, v in PERSPECTIEF_FILTER.items() if any(s["perspectief"] == k for s in stories)],
        bouwstenen=[b for b in kader.bouwstenen if any(s["bouwsteen"] == b for s in stories)],
        domeinen=[(d, t) for d, t in kader.domeinen if any(d in s["domein_ids"] for s in stories)],
    )


def place_cards(page: Page, body: str, report: Report, kader: Kader) -> str:
    """Replace each ``[[verhaal: name]]`` line by the card of that story (unknown names stay as they are:
    the checker reports them)."""
    stories = {s.path.removeprefix("verhalen/").removesuffix(".md"): s for s in report.stories}

    def card(match) -> str:
        story = stories.get(match.group("naam"))
        return story_card(story, kader, page.path) if story else match.group(0)

    return STORY_CARD.sub(card, body)
