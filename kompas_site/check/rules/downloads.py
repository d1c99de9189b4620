"""Rule: a file a page links to is a type the site may publish, and a linked PDF can be read aloud.

Only photos, films, captions and downloads (pdf, docx, odt, xlsx, ods, csv, txt) are published; a link
to any other file (a program, a zip, a Word file with macros, a web page) is a ``fout`` and the file stays
out of the site. A linked PDF is opened with pikepdf: without a tag structure or a document language a
screen reader cannot read it well, and a file that does not open as a PDF may be damaged.
"""

from __future__ import annotations

import functools
import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pikepdf

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, WAARSCHUWING, Finding
from kompas_site.check.images import inside
from kompas_site.check.registry import Code
from kompas_site.check.rules.links import local_target
from kompas_site.check.usage import DOWNLOAD_SUFFIXES, is_download, is_private, is_publishable_type
from kompas_site.dutch import opsomming
from kompas_site.model import Page
from kompas_site.spelling import nearest

ALLOWED = opsomming(s.lstrip(".") for s in DOWNLOAD_SUFFIXES)

PDF_ADVICE = (
    "Maak de PDF opnieuw vanuit Word: stel eerst de taal van het document in op Nederlands (Controleren > "
    "Taal), kies dan Opslaan als > PDF > Opties en zet een vinkje bij 'Documentstructuurlabels voor "
    "toegankelijkheid'. Komt de PDF van iemand anders? Vraag dan om een toegankelijke PDF (een 'tagged PDF' "
    "met de taal Nederlands)."
)

CODES = (
    Code(
        "download-ontbreekt",
        FOUT,
        "Een link naar een download (pdf, docx, ...) die niet in de map van het rapport staat",
        "Op de website geeft zo'n link een foutmelding. 'kompas check' noemt het bestand dat er het meest op lijkt. "
        "Let ook op hoofdletters: op uw computer is 'Verslag.PDF' hetzelfde als 'verslag.pdf', op de webserver "
        "niet. Zet het bestand in de map 'bijlagen' en schrijf de naam precies zoals het bestand heet, zoals "
        "[het verslag](../bijlagen/verslag.pdf).",
    ),
    Code(
        "download-soort",
        FOUT,
        "Een link naar een bestand dat niet als download op de site mag (zoals .exe, .zip of .docm)",
        f"Als download komen op de site alleen {ALLOWED}; foto's en films staan er op hun eigen manier. Een "
        "ander bestand (een programma, een zip, een Word-bestand met macro's, een webpagina) wordt niet "
        "gepubliceerd: lezers kunnen het niet veilig openen. Sla het op als PDF (of als gewoon Word- of "
        "Excel-bestand) en link daarnaar, zoals [het verslag](../bijlagen/verslag.pdf).",
    ),
    Code(
        "pdf-niet-toegankelijk",
        WAARSCHUWING,
        "Een PDF zonder documentstructuur of zonder taal: een schermlezer kan hem niet goed voorlezen",
        "Een schermlezer leest een PDF goed voor als de PDF labels heeft voor koppen, lijsten en tabellen en als "
        "de taal van het document erin staat. " + PDF_ADVICE,
    ),
    Code(
        "pdf-onleesbaar",
        WAARSCHUWING,
        "Een PDF die niet te openen is (beschadigd, geen PDF, of met een wachtwoord)",
        "Open het bestand op uw computer. Werkt het niet, of vraagt het om een wachtwoord? Sla het dan opnieuw "
        "op als PDF, zonder wachtwoord, en zet het weer in de map 'bijlagen'.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    root = Path(report.root)
    existing = set(report.files)
    pages = {page.path: page for page in report.all_pages}
    refused: set[tuple[str, str]] = set()
    pdfs: dict[str, tuple[str, int | None]] = {}  # each PDF once, at its first link
    missing: set[tuple[str, str]] = set()
    for use in ctx.uses:
        target = use.target
        if is_download(target) and target not in existing and (use.page, target) not in missing:
            missing.add((use.page, target))
            if inside(root, target) is not None and not _on_disk(root, target):
                yield _missing(ctx, pages[use.page], target, existing)
            continue
        if target not in existing or is_private(target) or inside(root, target) is None:
            continue  # missing (link-kapot), never published anyway, or outside the report (its own rule)
        page = pages[use.page]
        if not is_publishable_type(target):
            if (use.page, target) in refused:
                continue
            refused.add((use.page, target))
            line = _line(ctx, page, target)
            kind = posixpath.splitext(target)[1].lstrip(".").lower()
            what = f"een .{kind}-bestand" if kind else "een bestand zonder soort in de naam (zoals .pdf)"
            yield Finding(
                "download-soort",
                FOUT,
                f"Deze pagina linkt naar '{target}', {what}. Zo'n bestand zetten we niet op de site: lezers "
                f"kunnen het niet veilig openen. Als download kunnen op de site: {ALLOWED}. Sla het bestand op "
                "als PDF (of als gewoon Word- of Excel-bestand, zonder macro's) en link daarnaar, zoals "
                "[het verslag](../bijlagen/verslag.pdf). Tot dan wordt het bestand niet gepubliceerd.",
                file=page.path,
                line=line,
            )
        elif target.lower().endswith(".pdf") and target not in pdfs:
            pdfs[target] = (page.path, _line(ctx, page, target))
    for target, (page_path, line) in pdfs.items():
        yield from check_pdf(root / target, target, page_path, line)


def _on_disk(root: Path, target: str) -> bool:
    """True when the file is there with exactly this name (a Windows or Mac disk also finds other capitals)."""
    path = root / target
    try:
        return path.is_file() and path.name in os.listdir(path.parent)
    except OSError:
        return False


def _missing(ctx: CheckContext, page: Page, target: str, existing: set[str]) -> Finding:
    written = posixpath.relpath(target, page.folder or ".")
    line = _line(ctx, page, target)
    same = sorted(f for f in existing if f.lower() == target.lower())
    if same:
        right = posixpath.relpath(same[0], page.folder or ".")
        message = (
            f"De link naar '{written}' gaat naar een bestand dat '{right}' heet: alleen de hoofdletters "
            "verschillen. Op uw computer (Windows of Mac) ziet u dat verschil niet, maar de webserver wel: op de "
            f"website geeft de link een foutmelding. Schrijf de naam precies zoals het bestand heet: "
            f"[tekst]({_destination(right)}). Of geef het bestand de naam uit de link."
        )
    else:
        downloads = sorted(f for f in existing if is_download(f) and not is_private(f))
        near = nearest(target, downloads)
        if near:
            hint = f" Bedoelt u '{posixpath.relpath(near, page.folder or '.')}'?"
        elif downloads:
            names = [f"'{posixpath.relpath(f, page.folder or '.')}'" for f in downloads[:5]]
            hint = f" Deze downloads staan wel in de map: {opsomming(names)}."
        else:
            hint = " Er staan nog geen downloads in de map van het rapport."
        message = (
            f"De link naar '{written}' gaat naar een download die niet in de map van het rapport staat: op de "
            f"website geeft de link een foutmelding.{hint} Zet het bestand in de map 'bijlagen' en schrijf het "
            "pad vanaf deze pagina, zoals [het verslag](../bijlagen/verslag.pdf)."
        )
    return Finding("download-ontbreekt", FOUT, message, file=page.path, line=line)


def _destination(path: str) -> str:
    return f"<{path}>" if any(c.isspace() or c in "()" for c in path) else path


@dataclass(frozen=True)
class PdfGaps:
    """What a PDF lacks for a screen reader."""

    structure: bool  # no tags for headings, lists and tables
    language: bool  # no document language

    def __bool__(self) -> bool:
        return self.structure or self.language

    def described(self) -> list[str]:
        missing = []
        if self.structure:
            missing.append("er zijn geen labels voor koppen, lijsten en tabellen (geen documentstructuur)")
        if self.language:
            missing.append("de taal van het document staat er niet in")
        return missing


def pdf_gaps(path: Path) -> PdfGaps:
    """What the PDF at ``path`` lacks. Raises ``pikepdf.PasswordError`` or another error for a PDF that does
    not open. Kept per file and version: the checker and the accessibility statement both ask."""
    stat = path.stat()
    return _pdf_gaps(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _pdf_gaps(path: str, _mtime: int, _size: int) -> PdfGaps:
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        mark_info = root.get("/MarkInfo")
        marked = isinstance(mark_info, pikepdf.Dictionary) and bool(mark_info.get("/Marked", False))
        tagged = marked and "/StructTreeRoot" in root
        lang = str(root.get("/Lang", "")).strip()
    return PdfGaps(structure=not tagged, language=not lang)


def check_pdf(path: Path, name: str, page: str, line: int | None) -> Iterator[Finding]:
    try:
        gaps = pdf_gaps(path)
    except pikepdf.PasswordError:
        yield Finding(
            "pdf-onleesbaar",
            WAARSCHUWING,
            f"'{name}' is beveiligd met een wachtwoord: lezers en hun schermlezers kunnen de PDF niet openen. "
            "Sla hem opnieuw op als PDF zonder wachtwoord.",
            file=page,
            line=line,
        )
        return
    except Exception:  # pikepdf raises several kinds for a damaged file; a check never crashes on one
        yield Finding(
            "pdf-onleesbaar",
            WAARSCHUWING,
            f"'{name}' is niet te openen als PDF: misschien is het bestand beschadigd, of is het een ander soort "
            "bestand met .pdf in de naam. Open het op uw computer; werkt het niet, sla het dan opnieuw op als PDF.",
            file=page,
            line=line,
        )
        return
    if gaps:
        yield Finding(
            "pdf-niet-toegankelijk",
            WAARSCHUWING,
            f"Een schermlezer kan '{name}' niet goed voorlezen: {' en '.join(gaps.described())}. {PDF_ADVICE}",
            file=page,
            line=line,
        )


def inaccessible_pdfs(root: Path, published: list[str]) -> list[tuple[str, PdfGaps]]:
    """The published PDFs a screen reader cannot read well (a PDF that does not open is left to the checker)."""
    found = []
    for name in sorted(published):
        if not name.lower().endswith(".pdf"):
            continue
        try:
            gaps = pdf_gaps(root / name)
        except Exception:  # damaged or locked: 'pdf-onleesbaar' says so
            continue
        if gaps:
            found.append((name, gaps))
    return found


def _line(ctx: CheckContext, page: Page, target: str) -> int | None:
    """The line of the page where it first points at ``target``: a Markdown link or image, else the first
    line that names the file (raw HTML, a story's front matter key)."""
    scanned = ctx.scan(page)
    for href, line in scanned.links:
        if local_target(page.folder, href) == target:
            return page.body_line + line
    for image in scanned.images:
        if local_target(page.folder, image.src) == target:
            return page.body_line + image.line
    name = posixpath.basename(target)
    for number, text in enumerate(page.body.split("\n")):
        if name in unquote(text):
            return page.body_line + number
    return page.meta_line("video") or page.meta_line("fotos") if page.is_story else None
