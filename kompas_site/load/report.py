"""Read a content folder into one Report, or fail with every problem an author must fix."""

from __future__ import annotations

from pathlib import Path

from kompas_site.errors import ContentError, Problem
from kompas_site.load.audit import load_audit
from kompas_site.load.cijfers import load_cijfers
from kompas_site.load.pages import load_pages
from kompas_site.load.paths import walk_content
from kompas_site.load.settings import load_settings
from kompas_site.load.speerpunten import load_speerpunten
from kompas_site.load.woordenlijst import load_woordenlijst
from kompas_site.model import Report

MEDIA_DIR = "media"


def load_report(content_dir: str | Path) -> Report:
    root = Path(content_dir)
    if root.exists() and not root.is_dir():
        folder = str(root.parent)
        folder_text = "'.' (de map waarin u nu werkt)" if folder == "." else f"'{folder}'"
        raise ContentError(
            Problem(
                f"'{root}' is een bestand, geen map. Geef de map op waarin uw kompas.yml en pagina's staan; "
                f"voor dit bestand is dat {folder_text}."
            )
        )
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
    woordenlijst, woordenlijst_lines, woordenlijst_vormen = collect(load_woordenlijst, root) or ({}, {}, {})
    if problems:
        raise ContentError(problems)
    # Every path resolved: a link that leads out of the folder, or round in circles, is listed, never read.
    walked = walk_content(root)
    media = [rel for rel in walked.files if rel.startswith(MEDIA_DIR + "/")]
    audit, audit_problems = load_audit(root, walked.files)
    return Report(
        root=root,
        files=walked.files,
        settings=settings,
        pages=pages,
        speerpunten=speerpunten,
        orphan_twins=orphans,
        duplicate_twins=duplicates,
        media=media,
        woordenlijst=woordenlijst,
        woordenlijst_lines=woordenlijst_lines,
        woordenlijst_vormen=woordenlijst_vormen,
        outside=walked.outside,
        loops=walked.loops,
        cijfers=load_cijfers(root, walked.files),
        audit=audit,
        audit_problems=audit_problems,
    )
