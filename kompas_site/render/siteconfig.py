"""What every kompas site needs from a site engine, as data: theme options, Markdown extensions, our
stylesheet, the scripts a page loads when it needs them, the site's name and footer. No engine is
imported here: an adapter (``mkdocs_engine``) only copies these into its own configuration."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kompas_site import outputdir
from kompas_site.check.result import CheckResult
from kompas_site.resources import MATERIAL_OVERRIDES, TEMPLATES_DIR

THEME = {
    "language": "nl",
    "font": False,  # no Google Fonts: no request to another host
    # No "content.tooltips": Material would render a title attribute (with the author's text) as HTML.
    "features": ["navigation.indexes", "navigation.footer"],
    "palette": {},  # our colours are in kompas.css: no palette stylesheet to load on every page
}
MARKDOWN_EXTENSIONS = {
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "admonition": {},
    "toc": {"permalink": False},
}
EXTRA_CSS = "assets/stylesheets/kompas.css"
THEME_DIRS = (TEMPLATES_DIR / "site", MATERIAL_OVERRIDES)  # ours first, before the engine's theme
# Scripts only the pages that need them load: the marker in a page's HTML -> the script.
PAGE_SCRIPTS = {
    "data-kompas-filter": "assets/javascripts/verhalen.js",
    "data-kompas-video": "assets/javascripts/video.js",
    "data-kompas-zoeken": "assets/javascripts/zoeken.js",
}
EASY_READ_TEMPLATE = "begrijpelijk.html"

# The minimal mkdocs.yml the kompas command writes, and the repository's root mkdocs.yml, alike. The data
# files and private names are excluded too, for an engine that skips the kompas plugin (Zensical reads
# mkdocs.yml but skips third-party plugins): it then at least publishes none of them.
CONFIG_TEMPLATE = """\
site_name: Kwaliteitsbeeld
docs_dir: {docs_dir}
theme:
  name: material
plugins:
  - kompas{concept}
exclude_docs: |
  *.yml
  *.yaml
  *.YML
  *.YAML
  cijfers/
  toegankelijkheid/audit.json
  *~
  *.bak
  *.orig
  *.swp
  .*
  _*
  #*#
"""


@contextlib.contextmanager
def config_file(content_dir: Path, concept: bool) -> Iterator[str]:
    """The same minimal configuration as the root mkdocs.yml, in a temporary file named with the process
    id, so that a later run can remove it when this process was killed."""
    handle, path = tempfile.mkstemp(prefix=outputdir.temp_prefix(), suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            concept_option = ":\n      concept: true" if concept else ""
            stream.write(CONFIG_TEMPLATE.format(docs_dir=str(content_dir.resolve()), concept=concept_option))
        yield path
    finally:
        os.unlink(path)


def site_name(result: CheckResult) -> str:
    settings = result.report.settings
    return f"{settings.organisatie.naam} · {result.editie.naam} {settings.editie.jaar}"


def site_url(result: CheckResult) -> str | None:
    """The site's public address from kompas.yml, ending in '/', or None."""
    url = result.report.settings.site_url
    return None if not url else url if url.endswith("/") else url + "/"


def footer(result: CheckResult) -> str:
    settings = result.report.settings
    return f"{result.editie.naam} {settings.editie.jaar} van {settings.organisatie.naam}" + (
        f", onder verantwoordelijkheid van de {settings.verantwoordelijk}" if settings.verantwoordelijk else ""
    )


def page_scripts(html: str) -> list[str]:
    """The scripts a page's HTML needs (the story filter, films, search)."""
    return [script for marker, script in PAGE_SCRIPTS.items() if marker in html]


def theme_signature() -> list:
    """Our theme files with their modification times: a change redraws every page in the preview."""
    return sorted(
        (str(path), path.stat().st_mtime_ns) for folder in THEME_DIRS for path in folder.rglob("*") if path.is_file()
    )
