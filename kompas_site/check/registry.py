"""The rule registry: every checker rule declares its finding codes next to one function.

Like markdown-it-py's rule lists: a rule is a module in ``kompas_site.check.rules`` with
- ``CODES``: the codes it can give, each a ``Code`` (stable code, severity, a one-line Dutch title and a
  longer Dutch explanation with an example of the fix);
- ``check(ctx)``: one function over one ``CheckContext`` that yields findings.

``kompas uitleg``, the README's table of codes and the checker all read this one declaration, so they
cannot drift apart. A rule that gives a code it did not declare, or with another severity, is a
programming error: ``run_rules`` raises (a rule may give a code another rule declares, as the
image rule does for a path outside the report), and the tests catch it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from kompas_site.check.findings import SEVERITIES, Finding

if TYPE_CHECKING:
    from kompas_site.check.context import CheckContext


@dataclass(frozen=True)
class Code:
    code: str  # stable, kebab-case, e.g. "onderdeel-ontbreekt"
    severity: str  # fout | waarschuwing | tip
    title: str  # one line of Dutch: when an author gets it
    explanation: str  # what it means and how to fix it, with an example

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: unknown severity {self.severity!r}")

    def __call__(
        self,
        message: str,
        *,
        element: str | None = None,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> Finding:
        return Finding(self.code, self.severity, message, element=element, file=file, line=line, key=key)


@dataclass(frozen=True)
class Rule:
    name: str
    codes: tuple[Code, ...]
    check: Callable[[CheckContext], Iterable[Finding]]

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        return cls(module.__name__.rsplit(".", 1)[-1], tuple(module.CODES), module.check)


class UndeclaredCode(RuntimeError):
    """A rule gave a finding whose code (or severity) it does not declare."""


def run_rules(rules: Iterable[Rule], ctx: CheckContext) -> list[Finding]:
    rules = list(rules)
    declared = {code.code: code.severity for rule in rules for code in rule.codes}
    findings: list[Finding] = []
    for rule in rules:
        for finding in rule.check(ctx):
            if declared.get(finding.code) != finding.severity:
                raise UndeclaredCode(
                    f"rule {rule.name} gave {finding.code} ({finding.severity}), which no rule declares so"
                )
            findings.append(finding)
    return sorted(findings, key=Finding.sort_key)
