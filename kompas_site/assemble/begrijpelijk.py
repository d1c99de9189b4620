"""The easy-read version: twins with their hard words explained, their own menu, a glossary."""

from __future__ import annotations

from dataclasses import dataclass, field

from kompas_site.assemble.navigation import NavItem
from kompas_site.assemble.site import GeneratedPage
from kompas_site.assemble.templates import render
from kompas_site.easyread.woordenlijst import explain_terms, glossary
from kompas_site.model import Report

GLOSSARY = "begrijpelijk/woordenlijst.md"
GLOSSARY_TITLE = "Moeilijke woorden"


@dataclass
class EasyRead:
    home: str | None = None  # source path of the easy-read home page
    twins: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # twins and the glossary: the easy-read layout
    nav: list[NavItem] = field(default_factory=list)
    generated: list[GeneratedPage] = field(default_factory=list)
    markdown: dict[str, str] = field(default_factory=dict)


def easy_read_version(report: Report) -> EasyRead:
    twins = [p.twin for p in report.pages if p.twin] + list(report.orphan_twins)
    if not twins:
        return EasyRead()
    terms = glossary(report.woordenlijst)
    easy = EasyRead(
        home=report.home.twin.path if report.home and report.home.twin else None,
        twins={t.path for t in twins},
    )
    for twin in twins:
        easy.markdown[twin.path], _ = explain_terms(twin.body, terms)
    easy.generated.append(GeneratedPage(GLOSSARY, GLOSSARY_TITLE, render("woordenlijst.md", terms=terms,
                                                                          titel=GLOSSARY_TITLE)))
    easy.pages = easy.twins | {GLOSSARY}
    easy.nav = [NavItem(t.title, t.path) for t in twins] + [NavItem(GLOSSARY_TITLE, GLOSSARY)]
    return easy
