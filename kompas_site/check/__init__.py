"""Check: a report -> findings, against the profile of its framework and edition."""

from __future__ import annotations

from kompas_site import profiles
from kompas_site.check.afbeeldingen import check_images
from kompas_site.check.begrijpelijk import check_easy_read
from kompas_site.check.coverage import check_coverage
from kompas_site.check.deadlines import check_deadlines
from kompas_site.check.findings import FOUT, TIP, WAARSCHUWING, Finding
from kompas_site.check.links import check_links
from kompas_site.check.omvang import check_size
from kompas_site.check.pagescan import read_pages
from kompas_site.check.privacy import check_consent, check_personal_data
from kompas_site.check.result import CheckResult
from kompas_site.check.speerpunten import check_speerpunten
from kompas_site.check.verhaalvelden import check_story_fields
from kompas_site.check.verhalen import check_story_cards
from kompas_site.check.video import check_video
from kompas_site.model import RESERVED_PAGES, Report
from kompas_site.scaffold import PLACEHOLDER_NAME

__all__ = ["check_report", "CheckResult", "Finding", "FOUT", "WAARSCHUWING", "TIP"]


def check_report(report: Report) -> CheckResult:
    kader = profiles.kader(report.settings.kader)
    editie = kader.edities[report.settings.editie.soort]
    read_pages(report, kader)  # each page parsed once, for every rule below
    result = CheckResult(report, kader, editie, editie.deadline(report.settings.editie.jaar))
    result.coverage, findings = check_coverage(report, kader, editie)
    findings += check_speerpunten(report, kader)
    findings += check_deadlines(report, kader, editie, result.deadline)
    findings += _orphan_twins(report)
    findings += _placeholder_name(report)
    findings += _reserved_names(report)
    findings += check_story_cards(report)
    findings += check_links(report)
    findings += check_video(report)
    findings += check_easy_read(report, result.coverage)
    findings += check_consent(report)
    findings += check_story_fields(report, kader)
    findings += check_images(report)
    findings += check_personal_data(report)
    findings += check_size(report)
    result.findings = sorted(findings, key=Finding.sort_key)
    return result


def _reserved_names(report: Report) -> list[Finding]:
    return [
        Finding(
            "pagina-naam-gereserveerd",
            FOUT,
            f"De naam '{name}' is gereserveerd voor een pagina die kompas-site zelf maakt. Geef uw "
            "pagina een andere bestandsnaam.",
            file=name,
        )
        for name in RESERVED_PAGES
        if report.page(name)
    ]


def _placeholder_name(report: Report) -> list[Finding]:
    settings = report.settings
    if settings.organisatie.naam != PLACEHOLDER_NAME:
        return []
    return [
        Finding(
            "organisatie-naam-invullen",
            WAARSCHUWING,
            f"Vul in {settings.file} bij 'organisatie: naam' de naam van uw organisatie in; die staat "
            "bovenaan elke pagina.",
            file=settings.file,
            line=settings.line("organisatie", "naam"),
            key="organisatie.naam",
        )
    ]


def _orphan_twins(report: Report) -> list[Finding]:
    return [
        Finding(
            "begrijpelijk-zonder-pagina",
            WAARSCHUWING,
            f"Deze begrijpelijke versie hoort bij '{twin.path.removesuffix('.begrijpelijk.md')}.md', maar die "
            "pagina bestaat niet. Controleer de bestandsnaam: de begrijpelijke versie van 'NAAM.md' heet "
            "'NAAM.begrijpelijk.md' en staat in dezelfde map.",
            file=twin.path,
        )
        for twin in report.orphan_twins
    ]
