"""Read each page's Markdown once, page by page, for everything that reads it.

Several rules read every page: how much prose it has (coverage), its links, its images, the personal
data in it; after the check, the search index of the site reads its plain text. Each keeps what it
finds per text (``kompas_site.cache.memo``), so a page that did not change is not read again. The
parse of a text itself is kept for the last ``PARSES`` texts only (``kompas_site.markdown``): rule
by rule, a report with more pages than that would be parsed once per rule. Page by page, each page is
parsed once, and every rule then finds its results waiting.
"""

from __future__ import annotations

from kompas_site.check.afbeeldingen import images_in
from kompas_site.check.coverage import guidance_texts
from kompas_site.check.links import links_in
from kompas_site.check.privacy import personal_data_in
from kompas_site.check.prose import measure
from kompas_site.markdown import plain_text
from kompas_site.model import Report
from kompas_site.profiles import Kader


def read_pages(report: Report, kader: Kader) -> None:
    guidance = guidance_texts(kader)
    for page in report.all_pages:
        measure(page.body, page.body_line, guidance)
        links_in(page.body)
        images_in(page.body)
        personal_data_in(page.body)
        plain_text(page.body)
