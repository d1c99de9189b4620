"""Findings: what the checker tells an author. A product surface, so codes are stable."""

from __future__ import annotations

from dataclasses import asdict, dataclass

FOUT = "fout"
WAARSCHUWING = "waarschuwing"
TIP = "tip"
SEVERITIES = (FOUT, WAARSCHUWING, TIP)


@dataclass(frozen=True)
class Finding:
    code: str  # stable, kebab-case, e.g. "onderdeel-ontbreekt"
    severity: str  # fout | waarschuwing | tip
    message: str  # plain Dutch: what is wrong and what to do
    element: str | None = None  # the framework element (onderdeel) it concerns
    file: str | None = None  # relative to the content folder
    line: int | None = None
    key: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    def location(self) -> str:
        if not self.file:
            return ""
        return self.file + (f":{self.line}" if self.line else "")

    def sort_key(self) -> tuple:
        return (SEVERITIES.index(self.severity), self.file or "", self.line or 0, self.code)
