"""Findings for people (text, grouped by file) and for machines (JSON)."""

from __future__ import annotations

import json
import textwrap

from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING
from kompas_site.check.result import STATUS_LABEL, CheckResult
from kompas_site.dutch import datum

LABEL = {FOUT: "FOUT", WAARSCHUWING: "WAARSCHUWING", TIP: "TIP"}
GENERAL = "Het rapport als geheel"


def as_json(result: CheckResult) -> str:
    settings = result.report.settings
    data = {
        "kader": result.kader.id,
        "editie": settings.editie.soort,
        "jaar": settings.editie.jaar,
        "deadline": result.deadline.isoformat(),
        "publicatiedatum": settings.editie.publicatiedatum.isoformat() if settings.editie.publicatiedatum else None,
        "samenvatting": {s: result.count(s) for s in (FOUT, WAARSCHUWING, TIP)},
        "onderdelen": [
            {
                "id": c.onderdeel.id,
                "titel": c.onderdeel.titel,
                "status": c.status,
                "paginas": [p.path for p in c.pages],
                "gegevens": c.data,
                "elders": c.elsewhere,
            }
            for c in result.coverage
        ],
        "findings": [f.as_dict() for f in result.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_text(result: CheckResult, width: int = 100) -> str:
    settings = result.report.settings
    lines = [
        f"{settings.organisatie.naam} — {result.editie.naam.lower()} over {settings.editie.jaar}",
        f"Kader: {result.kader.naam}",
        f"Uiterste datum: {datum(result.deadline)}"
        + (f" · publicatiedatum: {datum(settings.editie.publicatiedatum)}" if settings.editie.publicatiedatum else ""),
        "",
        "Onderdelen van het kader:",
    ]
    for c in result.coverage:
        where = ", ".join(p.path for p in c.pages) or {"verhalen": "de verhalen", "speerpunten": "speerpunten.yml"}.get(
            c.data or "", ""
        )
        if c.elsewhere:
            where = f"in het {c.elsewhere}"
        lines.append(
            f"  {'✓' if c.status in ('gedekt', 'elders') else '✗'} {c.onderdeel.id:<26} "
            f"{STATUS_LABEL[c.status]}" + (f" — {where}" if where else "")
        )
    groups: dict[str, list] = {}
    for finding in result.findings:
        groups.setdefault(finding.file or GENERAL, []).append(finding)
    for file, findings in sorted(groups.items(), key=lambda kv: (kv[0] != GENERAL, kv[0])):
        lines += ["", file]
        for f in findings:
            head = f"  {LABEL[f.severity]}" + (f" (regel {f.line})" if f.line else "") + f" [{f.code}]"
            lines.append(head)
            lines += message_lines(f.message, width)
    lines += ["", summary(result)]
    return "\n".join(lines)


def summary(result: CheckResult) -> str:
    counts = {s: result.count(s) for s in (FOUT, WAARSCHUWING, TIP)}
    text = f"{counts[FOUT]} fout(en), {counts[WAARSCHUWING]} waarschuwing(en), {counts[TIP]} tip(s)."
    if counts[FOUT]:
        return text + " Los de fouten op voordat u publiceert."
    return text + " Er zijn geen fouten: het rapport kan gepubliceerd worden."


def message_lines(message: str, width: int) -> list[str]:
    """A finding's message for the terminal: prose wrapped at the width, an example (a block of several
    lines after an empty line, as in 'zoals:\n\nreeksen:\n  - naam: ...') kept line by line, indented
    like the examples of 'kompas' when a file cannot be read."""
    lines: list[str] = []
    for i, block in enumerate(message.split("\n\n")):
        if i:
            lines.append("")
        if "\n" in block.strip("\n"):
            lines += ["      " + line if line.strip() else "" for line in block.strip("\n").split("\n")]
            continue
        lines += textwrap.wrap(
            block,
            width,
            initial_indent="    ",
            subsequent_indent="    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
    return lines
