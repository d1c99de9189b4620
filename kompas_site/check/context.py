"""What every checker rule reads: the report, its framework and edition, the deadline, and each page
parsed once (``scan``). Results shared by several rules (coverage) are computed once per check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from kompas_site.check.result import Coverage
from kompas_site.check.scan import PageScan, scan

if TYPE_CHECKING:
    from kompas_site.check.usage import Use
from kompas_site.model import Page, Report
from kompas_site.profiles import EditieProfiel, Kader


@dataclass
class CheckContext:
    report: Report
    kader: Kader
    editie: EditieProfiel
    deadline: date
    today: date = field(default_factory=date.today)

    def scan(self, page: Page) -> PageScan:
        """What the rules need from a page's Markdown, from one parse (kept per text)."""
        return scan(page.body)

    @cached_property
    def guidance(self) -> tuple[str, ...]:
        """The scaffold's guidance (the handreiking of every element, and the instructions on the pages
        'kompas new' writes): left in a page, it is a placeholder."""
        from kompas_site.scaffold import guidance

        return tuple(o.handreiking for e in self.kader.edities.values() for o in e.onderdelen) + guidance()

    @cached_property
    def uses(self) -> list[Use]:
        """Every file a page or story points at (``check.usage``), found once per check."""
        from kompas_site.check.usage import uses

        return uses(self.report)

    @cached_property
    def published(self) -> list[str]:
        """The files of the content folder the site publishes (photos, films, downloads), pages excluded."""
        from kompas_site.check.usage import published_files

        return published_files(self.report, self.uses)

    @cached_property
    def coverage(self) -> list[Coverage]:
        from kompas_site.check.coverage import coverage

        return coverage(self)
