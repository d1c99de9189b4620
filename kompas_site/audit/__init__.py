"""Accessibility and privacy of a built site, measured in a real browser.

Serves a site folder on 127.0.0.1 (or opens a URL), visits every page in headless Chromium,
runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules, and notes every request to another
host. Core code: it knows nothing of MkDocs.
"""

from kompas_site.audit.axe import NORM, TAGS
from kompas_site.audit.browser import FLAGS, find_chromium, open_browser
from kompas_site.audit.errors import AuditError
from kompas_site.audit.output import as_json, as_text, summary
from kompas_site.audit.result import AuditResult, PageResult, RuleResult
from kompas_site.audit.run import audit
from kompas_site.audit.server import serve_folder

__all__ = [
    "AuditError",
    "AuditResult",
    "FLAGS",
    "NORM",
    "PageResult",
    "RuleResult",
    "TAGS",
    "as_json",
    "as_text",
    "audit",
    "find_chromium",
    "open_browser",
    "serve_folder",
    "summary",
]
