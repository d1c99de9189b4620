"""Check: a report -> findings, against the profile of its framework and edition.

Every rule is a module in ``kompas_site.check.rules`` that declares its codes; ``check_report`` runs them
all over one ``CheckContext``."""

from __future__ import annotations

from datetime import date

from kompas_site import profiles
from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.registry import run_rules
from kompas_site.check.result import CheckResult
from kompas_site.model import Report

__all__ = ["FOUT", "TIP", "WAARSCHUWING", "CheckResult", "Finding", "check_report"]


def check_report(report: Report, today: date | None = None) -> CheckResult:
    from kompas_site.check.rules import RULES

    kader = profiles.kader(report.settings.kader)
    editie = kader.edities[report.settings.editie.soort]
    deadline = editie.deadline(report.settings.editie.jaar)
    ctx = CheckContext(report, kader, editie, deadline, today or date.today())
    result = CheckResult(report, kader, editie, deadline)
    result.coverage = ctx.coverage
    result.findings = run_rules(RULES, ctx)
    result.published = ctx.published
    return result
