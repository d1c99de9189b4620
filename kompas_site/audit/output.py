"""The audit for people (Dutch text, grouped by rule) and for machines (JSON)."""

from __future__ import annotations

import json
import textwrap

from kompas_site.audit.axe import NORM, TAGS
from kompas_site.audit.result import AuditResult, Element
from kompas_site.dutch import opsomming, telwoord

MAX_PAGES_LISTED = 6
MAX_ELEMENTS_LISTED = 5


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _paginas(count: int) -> str:
    return _plural(count, "pagina", "pagina's")


def as_json(result: AuditResult) -> str:
    data = {
        "bron": result.source,
        "norm": NORM,
        "axe_versie": result.axe_version,
        "axe_tags": TAGS,
        "vensters": result.viewports,
        "gecontroleerd_op": result.checked_at.isoformat(),
        "ok": result.ok,
        "samenvatting": {
            "paginas": len(result.pages),
            "regels_geschonden": len(result.rules),
            "elementen": sum(r.count for r in result.rules),
            "verzoeken_naar_buiten": len(result.outside),
            "niet_gecontroleerd": len(result.failed),
        },
        "paginas": [p.page for p in result.pages],
        "schendingen": [
            {
                "regel": rule.rule,
                "impact": rule.impact,
                "ernst": rule.ernst,
                "uitleg": rule.uitleg,
                "help": rule.help,
                "meer_info": rule.help_url,
                "wcag": rule.wcag,
                "paginas": [
                    {
                        "pagina": page,
                        "elementen": [
                            {
                                "selector": e.selector,
                                "html": e.html,
                                **({"detail": e.detail} if e.detail else {}),
                                "vensters": list(e.sizes),
                            }
                            for e in elements
                        ],
                    }
                    for page, elements in rule.pages.items()
                ],
            }
            for rule in result.rules
        ],
        "verzoeken_naar_buiten": [{"url": url, "paginas": pages} for url, pages in result.outside.items()],
        "niet_gecontroleerd": [{"pagina": p.page, "reden": p.error} for p in result.failed],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _pages(pages: list[str], total: int) -> str:
    if len(pages) == total and total > 1:
        return f"op alle {total} pagina's"
    if len(pages) == 1:
        return f"op pagina {pages[0]}"
    shown = ", ".join(pages[:MAX_PAGES_LISTED])
    rest = len(pages) - MAX_PAGES_LISTED
    return f"op {_paginas(len(pages))} ({shown}" + (f" en nog {rest}" if rest > 0 else "") + ")"


def _vensters(viewports: list[str]) -> str:
    """'3 venstergroottes (320×640, 375×812 en 1280×720 pixels)'."""
    if len(viewports) == 1:
        return f"een venster van {viewports[0]} pixels"
    return f"{telwoord(len(viewports))} venstergroottes ({opsomming(viewports)} pixels)"


def _elements(elements: list[Element], indent: str, viewports: list[str]) -> list[str]:
    lines = []
    for element in elements[:MAX_ELEMENTS_LISTED]:
        where = ""
        if element.sizes and len(viewports) > 1 and set(element.sizes) != set(viewports):
            where = f" (alleen bij venster {opsomming(element.sizes)})"
        lines.append(f"{indent}- {element.selector}{where}")
        if element.html:
            lines.append(f"{indent}  {element.html}")
        if element.detail:
            lines.append(f"{indent}  ({element.detail})")
    if len(elements) > MAX_ELEMENTS_LISTED:
        lines.append(f"{indent}- en nog {len(elements) - MAX_ELEMENTS_LISTED} andere")
    return lines


def as_text(result: AuditResult, width: int = 100) -> str:
    total = len(result.pages)
    lines = [
        f"Toegankelijkheid van {result.source}",
        f"Gecontroleerd: {_paginas(total)} in Chromium, met axe-core {result.axe_version} op {NORM}"
        + (f", in {_vensters(result.viewports)}." if result.viewports else "."),
        "",
    ]
    rules = result.rules
    if rules:
        lines.append(f"{_plural(len(rules), 'probleem', 'problemen')} met toegankelijkheid:")
    for number, rule in enumerate(rules, 1):
        lines.append("")
        criteria = f", WCAG {', '.join(rule.wcag)}" if rule.wcag else ""
        lines.append(f"{number}. [{rule.rule}] {rule.ernst}{criteria}")
        lines += textwrap.wrap(rule.uitleg, width, initial_indent="   ", subsequent_indent="   ")
        # pages with exactly the same elements are listed together (a footer on every page: once)
        groups: dict[tuple, list[str]] = {}
        for page, elements in rule.pages.items():
            groups.setdefault(tuple(elements), []).append(page)
        for shared, pages in groups.items():
            lines.append(f"   {_pages(pages, total)[0].upper()}{_pages(pages, total)[1:]}:")
            lines += _elements(list(shared), "     ", result.viewports)
        if rule.help_url:
            lines.append(f"   Meer uitleg (Engels): {rule.help_url}")
    outside = result.outside
    if outside:
        lines += [
            "",
            f"{_plural(len(outside), 'verzoek', 'verzoeken')} naar een andere server. Bezoekers sturen "
            "dan gegevens (zoals hun IP-adres) naar die server, zonder dat ze dat weten:",
        ]
        for url, pages in outside.items():
            lines.append(f"  - {url}")
            lines.append(f"    {_pages(pages, total)}")
    if result.failed:
        lines += [
            "",
            f"{_paginas(len(result.failed))} {'kon' if len(result.failed) == 1 else 'konden'} niet gecontroleerd worden:",
        ]
        lines += [f"  - {p.page}: {p.error}" for p in result.failed]
    if lines[-1]:
        lines.append("")
    lines.append(summary(result))
    return "\n".join(lines)


def summary(result: AuditResult) -> str:
    if result.ok:
        pages = "de pagina voldoet" if len(result.pages) == 1 else f"alle {len(result.pages)} pagina's voldoen"
        return (
            f"Geen problemen gevonden: {pages} aan de automatische controles van {NORM}, en niets wordt "
            "van een andere server geladen. Een automatische controle vindt niet alles: laat de site ook "
            "door mensen testen, met het toetsenbord en een schermlezer."
        )
    parts = []
    rules = result.rules
    if rules:
        count = len({page for rule in rules for page in rule.pages})
        parts.append(f"{_plural(len(rules), 'probleem', 'problemen')} met toegankelijkheid op {_paginas(count)}")
    if result.outside:
        parts.append(f"{_plural(len(result.outside), 'verzoek', 'verzoeken')} naar andere servers")
    if result.failed:
        parts.append(f"{_paginas(len(result.failed))} niet gecontroleerd")
    return "Niet in orde: " + ", ".join(parts) + "."
