"""Rule: a story card placed in a page names a story that exists."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code
from kompas_site.spelling import did_you_mean

CODES = (
    Code(
        "verhaal-onbekend",
        FOUT,
        "`[[verhaal: ...]]` noemt een verhaal dat niet in `verhalen/` staat",
        "Schrijf de bestandsnaam van het verhaal zonder .md, zoals [[verhaal: gert-op-zichzelf]] voor "
        "verhalen/gert-op-zichzelf.md.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    names = [s.path.removeprefix("verhalen/").removesuffix(".md") for s in report.stories]
    known = set(names)
    for page in report.pages:
        for name, line in ctx.scan(page).cards:
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
