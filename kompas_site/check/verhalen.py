"""Rule: a story card placed in a page names a story that exists."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.cache import memo
from kompas_site.check.findings import FOUT, Finding
from kompas_site.model import STORY_CARD, Report
from kompas_site.spelling import did_you_mean


def check_story_cards(report: Report) -> Iterator[Finding]:
    names = [s.path.removeprefix("verhalen/").removesuffix(".md") for s in report.stories]
    known = set(names)
    for page in report.pages:
        for name, line in _cards_in(page.body):
            if name in known:
                continue
            yield Finding(
                "verhaal-onbekend",
                FOUT,
                f"Hier staat een verhaal '{name}', maar in de map 'verhalen' staat geen {name}.md."
                + did_you_mean(name, names)
                + " Schrijf de bestandsnaam van het verhaal zonder .md, zoals [[verhaal: gert-op-zichzelf]].",
                file=page.path,
                line=page.body_line + line,
            )


@memo
def _cards_in(body: str) -> tuple[tuple[str, int], ...]:
    """The story cards in a page's Markdown: (name, line counted from 0 at the body's first line)."""
    found = []
    counted, newlines = 0, 0  # newlines in body[:counted]
    for match in STORY_CARD.finditer(body):
        newlines += body.count("\n", counted, match.start())
        counted = match.start()
        found.append((match.group("naam"), newlines))
    return tuple(found)
