"""Rule: the speerpunten file is consistent: known status, unique id, a reason, a real bouwsteen."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.findings import FOUT, Finding
from kompas_site.model import SPEERPUNT_STATUS, Report
from kompas_site.profiles import Kader
from kompas_site.spelling import did_you_mean, listing


def check_speerpunten(report: Report, kader: Kader) -> Iterator[Finding]:
    file = report.speerpunten_file
    seen: dict[str, int | None] = {}
    numbers = [b.nummer for b in kader.bouwstenen]
    for goal in report.speerpunten or ():
        label = f"Speerpunt '{goal.id}'"

        def finding(code: str, message: str, key: str | None, goal=goal) -> Finding:
            return Finding(code, FOUT, message, file=file, line=goal.lines.get((key,), goal.line), key=key)

        if goal.id in seen:
            yield finding(
                "speerpunt-dubbel",
                f"{label} staat er twee keer in (ook op regel {seen[goal.id]}). Geef elk speerpunt een eigen id.",
                "id",
            )
        seen.setdefault(goal.id, goal.line)
        if goal.status not in SPEERPUNT_STATUS:
            now = f"'{goal.status}'" if goal.status else "niets"
            yield finding(
                "speerpunt-status-onbekend",
                f"{label} heeft als status {now}. Kies een van: {listing(SPEERPUNT_STATUS)}."
                + (did_you_mean(goal.status, SPEERPUNT_STATUS) if goal.status else ""),
                "status",
            )
        elif goal.status != "nieuw" and not goal.toelichting:
            yield finding(
                "speerpunt-zonder-toelichting",
                f"{label} heeft status '{goal.status}' maar geen toelichting. Schrijf bij 'toelichting' wat er "
                "bereikt is en wat niet, en waarom.",
                "toelichting",
            )
        if goal.bouwsteen not in numbers:
            now = f"bouwsteen {goal.bouwsteen}" if goal.bouwsteen is not None else "geen bouwsteen"
            yield finding(
                "speerpunt-bouwsteen-onbekend",
                f"{label} heeft {now}. In het {kader.korte_naam} zijn de bouwstenen: "
                + "; ".join(f"{b.nummer} {b.titel}" for b in kader.bouwstenen)
                + ". Zet bij 'bouwsteen' het nummer van de bouwsteen waar dit speerpunt bij hoort.",
                "bouwsteen",
            )
