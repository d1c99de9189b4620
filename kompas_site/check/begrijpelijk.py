"""Rule: every easy-read page is easy enough to read (Dutch readability, see easyread.readability)."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.findings import Finding
from kompas_site.easyread.readability import easy_read_findings
from kompas_site.model import Report


def check_easy_read(report: Report) -> Iterator[Finding]:
    twins = [p.twin for p in report.pages if p.twin] + list(report.orphan_twins)
    for twin in twins:
        for melding in easy_read_findings(twin.body, twin.body_line):
            yield Finding(melding.code, melding.severity, melding.message, file=twin.path, line=melding.line)
