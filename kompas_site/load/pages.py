"""Markdown pages (vormvrij: any folder, any order) and their easy-read twins."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kompas_site.cache import memo
from kompas_site.errors import ContentError, Problem
from kompas_site.load.frontmatter import split_front_matter
from kompas_site.load.paths import walk_content
from kompas_site.load.yamlsource import copy_data
from kompas_site.markdown import first_heading
from kompas_site.model import TWIN_SUFFIX, Page

_PREFIX = re.compile(r"^\d+[-_. ]+")


def is_page_file(path: str) -> bool:
    """A page is a file whose name ends in '.md' (lower case): 'x.MD' or 'x.markdown' is not read as a page."""
    return path.endswith(".md")


def is_hidden(rel: Path) -> bool:
    return any(part.startswith((".", "_")) for part in rel.parts)


def pretty_name(stem: str) -> str:
    """'02-zorg-en-ondersteuning' -> 'Zorg en ondersteuning'."""
    name = _PREFIX.sub("", stem).replace("-", " ").replace("_", " ").strip() or stem
    return name[:1].upper() + name[1:]


def load_page(root: Path, rel: Path | str) -> Page:
    file = rel if isinstance(rel, str) else rel.as_posix()
    try:
        with open(os.path.join(root, file), encoding="utf-8") as stream:
            text = stream.read()
    except UnicodeDecodeError:
        raise ContentError(
            Problem("Dit bestand is niet als UTF-8 opgeslagen. Sla het op als 'UTF-8' in uw teksteditor.", file)
        ) from None
    parts = _read_page(file, text)
    if isinstance(parts, tuple):
        raise ContentError(list(parts))
    return Page(
        path=file,
        title=parts.title,
        body=parts.body,
        body_line=parts.body_line,
        meta=copy_data(parts.meta),
        meta_lines=dict(parts.meta_lines),
        onderdelen=list(parts.onderdelen),
    )


@dataclass(frozen=True)
class _PageParts:
    """What a page's text says, before it becomes a Page. Shared by every load of the same text, so
    ``meta`` (a dict) is only ever copied, never handed out."""

    title: str
    body: str
    body_line: int
    meta: dict
    meta_lines: dict
    onderdelen: tuple[str, ...]


@memo
def _read_page(file: str, text: str) -> _PageParts | tuple[Problem, ...]:
    """The parts of a page, or its problems. An unchanged file is read this way only once per process."""
    try:
        doc, body, body_line = split_front_matter(text, file)
    except ContentError as exc:
        return tuple(exc.problems)
    meta = doc.data
    problems = []

    title = meta.get("title")
    if title is not None and (isinstance(title, (dict, list)) or str(title).strip() == ""):
        problems.append(doc.problem("'title' moet één regel tekst zijn, zoals 'title: Over ons'.", "title"))
        title = None
    if title is None:
        heading = first_heading(body)
        rel = PurePosixPath(file)
        stem = rel.name[: -len(TWIN_SUFFIX)] if file.lower().endswith(TWIN_SUFFIX) else rel.stem
        if stem == "index":
            stem = rel.parent.name or "Home"
        title = heading or pretty_name(stem)

    onderdelen = meta.get("onderdelen", [])
    if onderdelen is None:
        onderdelen = []
    if isinstance(onderdelen, str):
        onderdelen = [onderdelen]
    if not isinstance(onderdelen, list) or any(isinstance(o, (dict, list)) for o in onderdelen):
        problems.append(
            doc.problem(
                "'onderdelen' moet een lijst zijn van onderdeel-namen, zoals 'onderdelen: [bouwsteen-1, visitatie]'.",
                "onderdelen",
            )
        )
        onderdelen = []
    if problems:
        return tuple(problems)
    return _PageParts(str(title).strip(), body, body_line, meta, doc.lines, tuple(str(o).strip() for o in onderdelen))


def load_pages(root: Path) -> tuple[list[Page], list[Page], list[Page]]:
    """All pages with their twins attached, the twins that have no page beside them, and extra twins
    for a page that already has one (names differing only in capitals)."""
    pages: dict[str, Page] = {}
    twins: list[Page] = []
    problems: list[Problem] = []
    for rel in markdown_files(root):
        try:
            page = load_page(root, rel)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if page.is_twin:
            twins.append(page)
        else:
            pages[page.path] = page
    if problems:
        raise ContentError(problems)
    orphans, duplicates = [], []
    by_lower = {path.lower(): page for path, page in pages.items()}

    def main_of(twin: Page) -> Page | None:
        return pages.get(twin.path[: -len(TWIN_SUFFIX)] + ".md")

    # Exact names first, so that 'x.begrijpelijk.md' wins over 'X.Begrijpelijk.md'.
    for twin in sorted(twins, key=lambda t: main_of(t) is None):
        main = main_of(twin) or by_lower.get(twin.path[: -len(TWIN_SUFFIX)].lower() + ".md")
        if main is None:
            orphans.append(twin)
        elif main.twin is not None:
            duplicates.append(twin)
        else:
            main.twin = twin
    ordered = sorted(pages.values(), key=lambda p: page_sort_key(p.path))
    return ordered, orphans, duplicates


def markdown_files(root: Path) -> list[str]:
    """The visible Markdown files in the folder, as posix paths relative to it, in the order of
    ``sorted(root.rglob("*.md"))``. Hidden folders are not entered (see is_hidden). A link is followed
    only while it stays inside the folder and does not go round in circles (see ``load.paths``)."""
    return [rel for rel in walk_content(root).files if is_page_file(rel)]


def page_sort_key(path: str) -> tuple:
    """Folders in name order, and within a folder the index page first."""
    *folders, name = path.split("/")
    return tuple((1, f) for f in folders) + ((0, "") if name == "index.md" else (1, name),)
