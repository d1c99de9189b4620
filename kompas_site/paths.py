"""Where each source page ends up in the site (shared by check, assemble and the engine adapter).

Authors order folders and pages with number prefixes ("02-zorgproces/"); readers do not
need those in the address, so they are dropped. Easy-read twins go under ``begrijpelijk/``,
mirroring the authors' folders.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from kompas_site.model import TWIN_SUFFIX

EASY_READ_DIR = "begrijpelijk"
# Top-level folders of the site that kompas-site fills itself: the easy-read version, the processed
# photos, the theme's files, the search and the location pages. An author's folder or file there would take their place.
RESERVED_FOLDERS = (EASY_READ_DIR, "afbeeldingen", "assets", "search")
_PREFIX = re.compile(r"^\d+[-_. ]+(?=.)")


def _clean(part: str) -> str:
    return _PREFIX.sub("", part)


def site_source(path: str) -> str:
    """The source path as the site sees it: no number prefixes, twins moved under begrijpelijk/."""
    parts = [_clean(p) for p in path.split("/")]
    if path.lower().endswith(TWIN_SUFFIX):
        parts[-1] = parts[-1][: -len(TWIN_SUFFIX)] + ".md"
        parts.insert(0, EASY_READ_DIR)
    return "/".join(parts)


def output_path(source: str) -> str:
    """'a/b.md' -> 'a/b/index.html' (directory URLs), 'a/index.md' -> 'a/index.html'."""
    folder, name = posixpath.split(source)
    stem = name[:-3] if name.endswith(".md") else name
    if stem == "index":
        return posixpath.join(folder, "index.html")
    return posixpath.join(folder, stem, "index.html")


def output_paths(paths: list[str]) -> dict[str, str]:
    """Output path per source path; when two sources would collide, the later keeps its own name."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        out = output_path(site_source(path))
        if out in taken:
            out = output_path(path)
        taken.add(out)
        result[path] = out
    return result


def site_url(output: str) -> str:
    """The address of an output file within the site: 'a/b/index.html' -> 'a/b/', the home page -> './'."""
    folder, name = posixpath.split(output)
    url = (folder or ".") + "/" if name == "index.html" else output
    return quote(url)


def relative_url(url: str, other: str) -> str:
    """``url`` as a link from the page at ``other`` (both site addresses, as ``site_url`` gives them)."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + url, "/" + other)
    return relative + "/" if url.endswith("/") else relative


def page_address(output: str) -> str:
    """The address of an output file from the site's root, as ``kompas audit`` lists it, unquoted:
    'a/b/index.html' -> '/a/b/', 'index.html' -> '/'."""
    folder, name = posixpath.split(output)
    return "/" + (folder + "/" if folder else "") if name == "index.html" else "/" + output
