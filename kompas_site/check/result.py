"""What a check produces: findings plus, per required element, where it is covered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kompas_site.check.findings import FOUT, Finding
from kompas_site.model import Page, Report
from kompas_site.profiles import EditieProfiel, Kader, Onderdeel

GEDEKT = "gedekt"  # covered by a page with real content, or by data
NIET_INGEVULD = "niet-ingevuld"  # a page names it, but has no real content yet
ONTBREEKT = "ontbreekt"  # nothing names it
ELDERS = "elders"  # a cycle element recorded as being in the other edition of the cycle

STATUS_LABEL = {
    GEDEKT: "Aanwezig",
    NIET_INGEVULD: "Nog niet ingevuld",
    ONTBREEKT: "Ontbreekt",
    ELDERS: "In een andere editie",
}


@dataclass
class Coverage:
    onderdeel: Onderdeel
    status: str
    pages: list[Page] = field(default_factory=list)  # pages that cover it with real content
    named: list[Page] = field(default_factory=list)  # pages that name it (all of them, filled or not)
    data: str | None = None  # "verhalen" | "speerpunten" when data covers it
    elsewhere: str | None = None  # e.g. "voortgangsbericht" for a cycle element


@dataclass
class CheckResult:
    report: Report
    kader: Kader
    editie: EditieProfiel
    deadline: date
    findings: list[Finding] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    published: list[str] = field(default_factory=list)  # files of the content folder the site publishes

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == FOUT]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def open_items(self) -> list[Coverage]:
        return [c for c in self.coverage if c.status in (NIET_INGEVULD, ONTBREEKT)]
