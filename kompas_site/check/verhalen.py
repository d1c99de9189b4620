"""Rule: a story card placed in a page names a story that exists."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.findings import FOUT, Finding
from kompas_site.model import STORY_CARD, Report
from kompas_site.spelling import did_you_mean


def check_story_cards(report: Report) -> Iterator[Finding]:
    names = [s.path.removeprefix("verhalen/").removesuffix(".md") for s in report.stories]
    for page in report.pages:
        for match in STORY_CARD.finditer(page.body):
            name = match.group("naam")
            if name in names:
                continue
            line = page.body_line + page.body.count("\n", 0, match.start())
            yield Finding(
                "verhaal-onbekend",
                FOUT,
                f"Hier staat een verhaal '{name}', maar in de map 'verhalen' staat geen {name}.md."
                + did_you_mean(name, names)
                + " Schrijf de bestandsnaam van het verhaal zonder .md, zoals [[verhaal: gert-op-zichzelf]].",
                file=page.path,
                line=line,
            )
