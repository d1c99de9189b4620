"""Problems that make the content unusable (exit code 2).

A problem always says, in Dutch, what is wrong, where (file, line, key) and what to do.
Findings about the *quality* of usable content live in ``kompas_site.check.findings``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    message: str
    file: str | None = None
    line: int | None = None
    key: str | None = None

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file + (f", regel {self.line}" if self.line else ""))
        if self.key:
            parts.append(f"sleutel '{self.key}'")
        return " · ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class ContentError(Exception):
    """The content folder cannot be read into a report. Carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
