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
from kompas_site.load.schemas import PageSchema, VerhaalSchema, validate_sparing
from kompas_site.load.verhaal import normalise_story
from kompas_site.load.yamlsource import copy_data, decode
from kompas_site.markdown import angle_spaced_destinations, first_heading
from kompas_site.model import STORIES_DIR, TWIN_SUFFIX, Page, Toegestaan

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
        with open(os.path.join(root, file), "rb") as stream:
            raw = stream.read()
    except PermissionError:
        raise ContentError(
            Problem(
                "Deze pagina kan niet gelezen worden: er zijn geen leesrechten op het bestand. Geef uzelf "
                "leesrechten (Eigenschappen > Beveiliging, of 'chmod u+r'), of haal het uit de map.",
                file,
            )
        ) from None
    except OSError as exc:
        raise ContentError(Problem(f"Deze pagina kan niet gelezen worden ({exc.strerror or exc}).", file)) from None
    parts = _read_page(file, decode(raw, file))
    if isinstance(parts, tuple):
        raise ContentError(list(parts))
    meta = copy_data(parts.meta)
    if parts.toegestaan:
        meta["toegestaan"] = list(parts.toegestaan)
    return Page(
        path=file,
        title=parts.title,
        body=parts.body,
        body_line=parts.body_line,
        meta=meta,
        meta_lines=dict(parts.meta_lines),
        onderdelen=list(parts.onderdelen),
        locaties=list(parts.locaties),
        shape_problems=list(parts.shape_problems),
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
    toegestaan: tuple[Toegestaan, ...] = ()
    shape_problems: tuple[Problem, ...] = ()
    locaties: tuple[str, ...] = ()


_READ_KEYS = (
    "title",
    "onderdelen",
    "toegestaan",
    "door",
    "ondertekening",
    "locaties",
    "meegelezen",
)  # the keys the page schema judges
# Keys about the people behind a page and where it is about: a bad entry is left out and becomes a finding
# (kopregel-vorm), so the rest of the report is still checked and the preview keeps working.
SPARED = ("meegelezen", "ondertekening", "door", "locaties")
_STORY_KEYS = _READ_KEYS + ("bron", "opgetekend_door", "pseudoniem", "fotos")  # ... and the story schema


@memo
def _read_page(file: str, text: str) -> _PageParts | tuple[Problem, ...]:
    """The parts of a page, or its problems. An unchanged file is read this way only once per process."""
    try:
        doc, body, body_line = split_front_matter(text, file)
    except ContentError as exc:
        return tuple(exc.problems)
    body = angle_spaced_destinations(body)  # 'teamdag (2).jpg' is a link for the checker and the site alike
    meta = doc.data
    problems = list(doc.problems)
    parts = PurePosixPath(file).parts
    story = parts[0] == STORIES_DIR and parts[-1] != "index.md"
    kind, keys = (VerhaalSchema, _STORY_KEYS) if story else (PageSchema, _READ_KEYS)
    schema, found, spared, dropped = validate_sparing(kind, {k: meta[k] for k in keys if k in meta}, doc, SPARED)
    problems += found
    if problems or schema is None:
        return tuple(problems + spared)
    meta.pop(None, None)  # a key without a name (reported above when there is one)
    for key in dropped:  # unusable as a whole: left out, and reported as a finding (kopregel-vorm)
        meta.pop(key, None)
    _people(meta, schema)
    lines = dict(doc.lines)
    shape: list[Problem] = list(spared)
    if story:
        shape += normalise_story(meta, lines, file)
    title = schema.title
    if title is None:
        heading = first_heading(body)
        rel = PurePosixPath(file)
        stem = rel.name[: -len(TWIN_SUFFIX)] if file.lower().endswith(TWIN_SUFFIX) else rel.stem
        if stem == "index":
            stem = rel.parent.name or "Home"
        title = heading or pretty_name(stem)
    toegestaan = tuple(Toegestaan(t.waarde, t.reden) for t in schema.toegestaan)
    return _PageParts(
        str(title).strip(),
        body,
        body_line,
        meta,
        lines,
        schema.onderdelen,
        toegestaan,
        tuple(shape),
        schema.locaties,
    )


def _people(meta: dict, schema: PageSchema) -> None:
    """Who wrote and who signed the page, in the one form later steps read: ``door`` a text, and
    ``ondertekening`` a list of ``{naam, functie}`` (also when the author wrote one person without a list)."""
    for key in ("door", "bron", "opgetekend_door"):
        value = getattr(schema, key, None)
        if key in meta:
            meta[key] = value
    if "ondertekening" in meta:
        meta["ondertekening"] = [{"naam": o.naam, "functie": o.functie} for o in schema.ondertekening]
    if "meegelezen" in meta:
        meta["meegelezen"] = [{"door": m.door, "datum": m.datum, "client": m.client} for m in schema.meegelezen]
    if "pseudoniem" in meta:
        meta["pseudoniem"] = getattr(schema, "pseudoniem", False)


def load_pages(root: Path) -> tuple[list[Page], list[Page], list[Page]]:
    """All pages with their twins attached, the twins that have no page beside them, and extra twins
    for a page that already has one (names differing only in capitals)."""
    pages: dict[str, Page] = {}
    twins: list[Page] = []
    problems: list[Problem] = []
    try:
        files = markdown_files(root)
    except ContentError as exc:
        problems.extend(exc.problems)
        files = []
    for rel in files:
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
    only while it stays inside the folder and does not go round in circles (see ``load.paths``). A folder
    that cannot be read is a problem: its pages would silently be missing."""
    walked = walk_content(root)
    if walked.unreadable:
        raise ContentError(
            [
                Problem(
                    f"De map '{folder}' kan niet gelezen worden (geen leesrechten), dus wat erin staat (pagina's, "
                    "foto's) zou op de site ontbreken. Geef uzelf leesrechten op de map, of haal hem uit de map "
                    "van het rapport.",
                    folder,
                )
                for folder in walked.unreadable
            ]
        )
    return [rel for rel in walked.files if is_page_file(rel)]


def page_sort_key(path: str) -> tuple:
    """Folders in name order, and within a folder the index page first."""
    *folders, name = path.split("/")
    return tuple((1, f) for f in folders) + ((0, "") if name == "index.md" else (1, name),)
