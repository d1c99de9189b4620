"""Which files of the content folder the site uses, and so publishes: the photos, films, captions and
downloads that pages and stories point at. Everything else in the folder stays private, whatever its
name: notes, spreadsheets, editor backups, data files, photos no page uses any more.

A page points at a file with a Markdown image or link (a path from the page's own file), with raw HTML
(``src``, ``href``, ``poster``: a path from the page's address on the site, as a browser reads it), or,
in a story's front matter, with ``fotos`` and ``video`` (paths from the content folder).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from kompas_site.cache import memo
from kompas_site.markdown import tokens
from kompas_site.media.publish import IMAGE_SUFFIXES
from kompas_site.model import Page, Report
from kompas_site.paths import output_path, site_source

# Never published, whatever links to them: the report's data (with consent records) and editor leftovers.
PRIVATE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".yml", ".yaml", "~", ".bak", ".orig", ".swp", ".tmp")
# The files a page may use, by type; any other file is never published, whatever links to it.
DOWNLOAD_SUFFIXES = (".pdf", ".docx", ".odt", ".xlsx", ".ods", ".csv", ".txt")
VIDEO_SUFFIXES = (".mp4", ".webm", ".ogv", ".mov")
AUDIO_SUFFIXES = (".mp3", ".m4a", ".oga", ".ogg", ".wav")
CAPTION_SUFFIXES = (".vtt",)
PUBLISHED_SUFFIXES = IMAGE_SUFFIXES + VIDEO_SUFFIXES + AUDIO_SUFFIXES + CAPTION_SUFFIXES + DOWNLOAD_SUFFIXES
_EDITOR_LOCK = re.compile(r"^(#.*#|\.#.*|~\$.*)$")
_HTML_ATTR = re.compile(r"""\b(?:src|href|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_SRCSET = re.compile(r"""\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def is_private(path: str) -> bool:
    name = posixpath.basename(path)
    return path.lower().endswith(PRIVATE_SUFFIXES) or bool(_EDITOR_LOCK.match(name))


def is_publishable_type(path: str) -> bool:
    """True for a photo, film, sound, caption file or download (any case): the types a site may publish."""
    return path.lower().endswith(PUBLISHED_SUFFIXES)


def is_download(path: str) -> bool:
    """True for a file published as a download (pdf, docx, odt, xlsx, ods, csv, txt), in any case."""
    return path.lower().endswith(DOWNLOAD_SUFFIXES)


@dataclass(frozen=True)
class Use:
    page: str  # the page that uses the file
    target: str  # what it points at, as a path from the content folder


def uses(report: Report) -> list[Use]:
    """Every file a page or story points at (existing or not), as paths from the content folder."""
    found: list[Use] = []
    for page in report.all_pages:
        markdown, html = _references(page.body)
        for ref in markdown:
            target = _local(posixpath.dirname(page.path), ref)
            if target:
                found.append(Use(page.path, target))
        if html:
            here = posixpath.dirname(output_path(site_source(page.path)))
            for ref in html:
                target = _local(here, ref)
                if target:
                    found.append(Use(page.path, target))
        if page.is_story:
            for ref in _story_files(page):
                found.append(Use(page.path, posixpath.normpath(ref)))
    return found


def published_files(report: Report, found: list[Use] | None = None) -> list[str]:
    """The files of the content folder that the site publishes (pages themselves not included).
    ``found``: the report's ``uses``, when the caller has them already."""
    from kompas_site.check.images import inside

    root = Path(report.root)
    existing = set(report.files) - report.data_files  # a figure set's CSV is data, even when a page links to it
    chosen = set()
    for use in uses(report) if found is None else found:
        target = use.target
        if target in existing and not is_private(target) and is_publishable_type(target) and inside(root, target):
            chosen.add(target)
    for editie in report.settings.eerdere_edities:  # linked from the home page (assemble)
        file = editie.bestand
        if file and file in existing and not is_private(file) and is_download(file) and inside(root, file):
            chosen.add(file)
    onderzoek = report.settings.toegankelijkheid.onderzoek  # linked from the accessibility statement
    file = onderzoek.bestand if onderzoek else None
    if file and file in existing and not is_private(file) and is_download(file) and inside(root, file):
        chosen.add(file)
    return sorted(chosen)


def _local(folder: str, ref: str) -> str | None:
    url = urlparse(ref.strip())
    if url.scheme or url.netloc or not url.path or url.path.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(folder, unquote(url.path)))
    return None if path.startswith("../") or path == ".." else path


@memo
def _references(body: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Markdown image and link targets, raw HTML src/href/poster/srcset values) of a page's text."""
    markdown: list[str] = []
    html: list[str] = []
    for token in tokens(body):
        if token.type == "html_block":
            html += _html_refs(token.content)
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "image":
                markdown.append(str(child.attrs.get("src", "")))
            elif child.type == "link_open":
                markdown.append(str(child.attrs.get("href", "")))
            elif child.type == "html_inline":
                html += _html_refs(child.content)
    return tuple(markdown), tuple(html)


def _html_refs(fragment: str) -> list[str]:
    refs = [next(g for g in m.groups() if g is not None) for m in _HTML_ATTR.finditer(fragment)]
    for m in _SRCSET.finditer(fragment):
        value = m.group(1) if m.group(1) is not None else m.group(2)
        refs += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return refs


def _story_files(story: Page) -> list[str]:
    refs = []
    fotos = story.meta.get("fotos")
    for foto in fotos if isinstance(fotos, list) else [fotos] if fotos else []:
        if isinstance(foto, str):
            refs.append(foto)
        elif isinstance(foto, dict) and isinstance(foto.get("bestand"), str):
            refs.append(foto["bestand"])
    video = story.meta.get("video")
    if isinstance(video, dict):
        refs += [video[k] for k in ("bestand", "ondertiteling", "poster") if isinstance(video.get(k), str)]
    return [r for r in refs if "://" not in r]
