"""What an audit found: per page, and grouped by rule for the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kompas_site.audit.regels import ERNST_VOLGORDE, ernst, uitleg
from kompas_site.dutch import getal


@dataclass(frozen=True)
class Element:
    """One element that breaks a rule: where it is (CSS selector), what it is (HTML), why."""

    selector: str
    html: str
    detail: str = ""
    sizes: tuple[str, ...] = ()  # the window sizes at which it breaks the rule, like '1280×720'


@dataclass
class PageResult:
    page: str  # the page's path from the site root, like '/' or '/verhalen/anna/'
    url: str
    # per window size ('375×812'): axe-core's own violation objects
    checks: dict[str, list[dict]] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)  # URLs on another host, in request order
    error: str = ""  # why the page could not be checked

    @property
    def violations(self) -> list[dict]:
        """axe-core's violations at any window size (a rule once, with each element once)."""
        return [violation for violation, _ in _merged(self.checks)]


@dataclass
class RuleResult:
    rule: str
    impact: str
    help: str  # axe-core's English text
    help_url: str
    wcag: list[str]
    pages: dict[str, list[Element]] = field(default_factory=dict)

    @property
    def uitleg(self) -> str:
        return uitleg(self.rule, self.help)

    @property
    def ernst(self) -> str:
        return ernst(self.impact)

    @property
    def count(self) -> int:
        return sum(len(elements) for elements in self.pages.values())


@dataclass
class AuditResult:
    source: str  # the folder or URL that was checked
    base_url: str
    axe_version: str
    pages: list[PageResult]
    viewports: list[str] = field(default_factory=list)  # the window sizes every page was looked at
    checked_at: datetime = field(default_factory=lambda: datetime.now().astimezone().replace(microsecond=0))

    @property
    def rules(self) -> list[RuleResult]:
        """Violations grouped by rule, most serious first."""
        grouped: dict[str, RuleResult] = {}
        for page in self.pages:
            for violation, sizes in _merged(page.checks):
                rule = grouped.get(violation["id"])
                if rule is None:
                    rule = grouped[violation["id"]] = RuleResult(
                        rule=violation["id"],
                        impact=violation.get("impact") or "",
                        help=violation.get("help", ""),
                        help_url=violation.get("helpUrl", ""),
                        wcag=_wcag(violation.get("tags", [])),
                    )
                rule.pages[page.page] = [
                    _element(node, sizes.get(_node_key(node), ())) for node in violation.get("nodes", [])
                ]
        return sorted(grouped.values(), key=lambda r: (ERNST_VOLGORDE.get(r.impact, 9), r.rule))

    @property
    def outside(self) -> dict[str, list[str]]:
        """Every URL on another host, with the pages that asked for it."""
        found: dict[str, list[str]] = {}
        for page in self.pages:
            for url in page.outside:
                pages = found.setdefault(url, [])
                if page.page not in pages:
                    pages.append(page.page)
        return found

    @property
    def failed(self) -> list[PageResult]:
        return [p for p in self.pages if p.error]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.outside and not any(p.violations for p in self.pages)


def _node_key(node: dict) -> tuple[str, str]:
    return _selector(node.get("target")), node.get("html") or ""


def _merged(checks: dict[str, list[dict]]) -> list[tuple[dict, dict[tuple, tuple[str, ...]]]]:
    """One violation per rule over all window sizes, its elements once each; with, per element, the
    sizes at which it breaks the rule."""
    rules: dict[str, dict] = {}
    sizes: dict[str, dict[tuple, list[str]]] = {}
    for size, violations in checks.items():
        for violation in violations:
            merged = rules.setdefault(violation["id"], {**violation, "nodes": []})
            where = sizes.setdefault(violation["id"], {})
            for node in violation.get("nodes", []):
                key = _node_key(node)
                if key not in where:
                    where[key] = []
                    merged["nodes"].append(node)
                where[key].append(size)
    return [(rules[rule], {key: tuple(found) for key, found in sizes[rule].items()}) for rule in rules]


def _wcag(tags: list[str]) -> list[str]:
    """axe's 'wcag143' tag is success criterion 1.4.3."""
    criteria = []
    for tag in tags:
        digits = tag[4:]
        if tag.startswith("wcag") and digits.isdigit() and len(digits) >= 3:
            criteria.append(f"{digits[0]}.{digits[1]}.{digits[2:]}")
    return criteria


def _selector(target) -> str:
    # axe gives a list of selectors: one per iframe level, a nested list inside shadow DOM
    parts = [" ".join(t) if isinstance(t, list) else str(t) for t in target or []]
    return " » ".join(parts)


def _element(node: dict, sizes: tuple[str, ...] = ()) -> Element:
    html = " ".join((node.get("html") or "").split())
    if len(html) > 160:
        html = html[:157] + "..."
    return Element(selector=_selector(node.get("target")), html=html, detail=_detail(node), sizes=tuple(sizes))


def _number(value) -> str:
    if not isinstance(value, (int, float)):
        return str(value)
    return getal(value, 2).rstrip("0").rstrip(",")


def _detail(node: dict) -> str:
    """A short Dutch explanation of what is wrong with this element, where axe gives the data."""
    for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
        data = check.get("data")
        if check.get("id") == "color-contrast" and isinstance(data, dict) and data.get("contrastRatio"):
            expected = str(data.get("expectedContrastRatio", "")).replace(".", ",")
            return (
                f"contrast {_number(data['contrastRatio'])}:1, nodig {expected}; "
                f"tekstkleur {data.get('fgColor')} op achtergrond {data.get('bgColor')}"
            )
    return ""
