"""Rule: front matter in a shape the loader could not use (``kopregel-vorm``).

The loader turns the natural short forms into the long form (``kompas_site/load/verhaal.py``); what it
cannot turn (a story photo at an outside address, a film transcript that is a list, a consent date that
is not a date) it leaves out of what gets published and keeps on the page as ``Page.shape_problems``.
Each becomes an error here, with the file, line and key, so the rest of the report is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.findings import FOUT, Finding
from kompas_site.model import Report

CODE = "kopregel-vorm"


def shape_findings(report: Report) -> Iterator[Finding]:
    for page in report.all_pages:
        for problem in page.shape_problems:
            yield Finding(
                CODE,
                FOUT,
                problem.message,
                file=problem.file or page.path,
                line=problem.line or 1,
                key=problem.key,
            )
