"""Read a content folder into one Report, or fail with every problem an author must fix."""

from __future__ import annotations

import os
from pathlib import Path

from kompas_site.errors import ContentError, Problem
from kompas_site.load.pages import is_hidden, load_pages
from kompas_site.load.settings import load_settings
from kompas_site.load.speerpunten import load_speerpunten
from kompas_site.load.woordenlijst import load_woordenlijst
from kompas_site.model import Report

MEDIA_DIR = "media"


def load_report(content_dir: str | Path) -> Report:
    root = Path(content_dir)
    if not root.is_dir():
        raise ContentError(
            Problem(
                f"De map '{root}' bestaat niet. Geef de map met uw kompas.yml en pagina's op, bijvoorbeeld 'content'."
            )
        )
    problems: list[Problem] = []

    def collect(load, *args):
        try:
            return load(*args)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None

    # Every part is read even when an earlier one fails: the author sees all problems at once.
    settings = collect(load_settings, root)
    pages, orphans, duplicates = collect(load_pages, root) or ([], [], [])
    speerpunten = collect(load_speerpunten, root)
    woordenlijst, woordenlijst_lines = collect(load_woordenlijst, root) or ({}, {})
    media = collect(_media_files, root) or []
    if problems:
        raise ContentError(problems)
    return Report(
        root=root,
        settings=settings,
        pages=pages,
        speerpunten=speerpunten,
        orphan_twins=orphans,
        duplicate_twins=duplicates,
        media=media,
        woordenlijst=woordenlijst,
        woordenlijst_lines=woordenlijst_lines,
    )


def _media_files(root: Path) -> list[str]:
    """The visible files under media/, as posix paths relative to the content folder. A folder that
    cannot be read is a problem: its photos would be missing from the site without a word."""
    media_root = root / MEDIA_DIR
    if not media_root.is_dir():
        return []
    found: list[str] = []
    unreadable: list[str] = []
    for folder, folders, files in os.walk(media_root, onerror=lambda exc: unreadable.append(exc.filename)):
        rel = Path(folder).relative_to(root)
        folders[:] = [f for f in folders if not is_hidden(rel / f)]
        found.extend((rel / f).as_posix() for f in files if not is_hidden(rel / f))
    if unreadable:
        raise ContentError(
            [
                Problem(
                    f"De map '{Path(f).relative_to(root).as_posix()}' kan niet gelezen worden (geen leesrechten), "
                    "dus de foto's erin zouden ontbreken. Geef uzelf leesrechten op de map.",
                    Path(f).relative_to(root).as_posix(),
                )
                for f in unreadable
            ]
        )
    return sorted(found)
