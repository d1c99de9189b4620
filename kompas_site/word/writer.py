"""``kompas export --docx``: the easy-read pages of a build as one Word file, for a reviewer or the
Keurmerk Makkelijk Lezen.

The pages are the build's own (``Build.pages``, those with the easy-read layout, in the easy-read menu's
order), so the Word file says what the site says: hard words explained under the paragraph where they are
first used, the glossary at the end. Headings become Word headings (Kop 1 for a page's title, Kop 2 and 3
inside it), pictures keep their description as the picture's alternative text, the language is Dutch.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from kompas_site.dutch import datum
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.pipeline import Build, SitePage
from kompas_site.word import WordError

LANGUAGE = "nl-NL"
PICTURE_WIDTH_CM = 9.0
PICTURES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff")  # what Word embeds as it is
_ATTRS = re.compile(r"\s*\{\s*[.#:][^}]*\}")  # attr_list: '{ .decoratief }', '{ #anker }'
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # '[Lees meer](../speerpunten.md#x)' in a markdown="span" block
_HIDDEN = {"svg", "script", "style", "template", "noscript", "math"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "track", "param"}


def easy_read_pages(build: Build) -> list[SitePage]:
    """The easy-read pages in the order of their menu (home first, the glossary last)."""
    menu = build.site.easy_menu
    order = _sources(menu.items) if menu else []
    pages = [build.pages[s] for s in order if s in build.pages and build.pages[s].easy_read]
    pages += [p for p in build.pages.values() if p.easy_read and p not in pages]
    return pages


def _sources(items) -> list[str]:
    """The pages of a menu tree, parents before their children."""
    found = []
    for item in items:
        if item.source:
            found.append(item.source)
        found += _sources(item.children)
    return found


def export_docx(build: Build, content_dir: Path, target: Path, today: date | None = None) -> int:
    """Write the Word file; return the number of pages in it."""
    import docx

    pages = easy_read_pages(build)
    if not pages:
        raise WordError(
            "Dit rapport heeft nog geen begrijpelijke versie: er zijn geen pagina's met een naam die eindigt op "
            "'.begrijpelijk.md'. Schrijf eerst een makkelijke pagina naast een gewone, zoals 'index.begrijpelijk.md'."
        )
    result = build.result
    settings = build.report.settings
    title = f"{result.editie.naam} {settings.editie.jaar} in makkelijke woorden"
    document = docx.Document()
    _dutch(document)
    properties = document.core_properties
    properties.title = title
    properties.author = settings.organisatie.naam
    properties.language = LANGUAGE
    properties.subject = "Begrijpelijke versie"
    properties.keywords = "makkelijk lezen"

    # the title page
    document.add_paragraph(settings.organisatie.naam, style="Subtitle")
    document.add_paragraph(title, style="Title")
    made = today or date.today()
    lines = [f"Gemaakt op {datum(made)}."]
    if settings.editie.publicatiedatum:
        lines.append(f"Op de website vanaf {datum(settings.editie.publicatiedatum)}.")
    lines.append(f"Dit zijn de {len(pages)} makkelijke pagina's van de website, in dezelfde volgorde.")
    for line in lines:
        document.add_paragraph(line)

    for page in pages:
        heading = document.add_heading(_ATTRS.sub("", page.title), level=1)
        heading.paragraph_format.page_break_before = True  # each page of the site on a new sheet
        _Page(document, page, content_dir).write()

    temp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(temp))
        temp.replace(target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise WordError(f"'{target}' kan niet geschreven worden ({error.strerror or error}).") from None
    return len(pages)


def _dutch(document) -> None:
    """Dutch as the language of every style (spelling check, reading aloud)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), LANGUAGE)


class _Page:
    """One page's Markdown (as the site renders it) written into the document."""

    def __init__(self, document, page: SitePage, content_dir: Path):
        self.document = document
        self.page = page
        self.content_dir = content_dir
        self.lists: list[str] = []  # 'bullet' or 'number', one per open list
        self.paragraph = None
        self.bold = 0
        self.italic = 0
        self.quote = 0
        self.in_table = False

    def write(self) -> None:
        found = markdown_tokens(self.page.markdown)
        skip = self._title_heading(found)
        for i, token in enumerate(found):
            kind = token.type
            if i < skip:
                continue
            if self.in_table:
                self.in_table = kind != "table_close"
                continue
            if kind == "heading_open":
                level = min(4, max(2, int(token.tag[1])))
                self.paragraph = self.document.add_heading(level=level)
            elif kind == "paragraph_open":
                self.paragraph = self._new_paragraph()
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("bullet" if kind == "bullet_list_open" else "number")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "inline":
                heading = i > 0 and found[i - 1].type == "heading_open"
                self._inline(token.children or [], heading)
            elif kind == "html_block":
                self._html_block(token.content)
            elif kind in ("fence", "code_block"):
                self.document.add_paragraph(token.content.rstrip("\n"))
            elif kind == "table_open":
                self._table(found, i)
                self.in_table = True

    def _title_heading(self, found) -> int:
        """How many tokens to skip at the start: a generated page opens with its title as '# ...', and the title
        is already the page's Kop 1 (written once, not twice)."""
        if len(found) >= 3 and found[0].type == "heading_open" and found[0].tag == "h1":
            text = _ATTRS.sub("", found[1].content).strip()
            if " ".join(text.split()) == " ".join(_ATTRS.sub("", self.page.title).split()):
                return 3
        return 0

    def _new_paragraph(self):
        if self.lists:
            depth = min(len(self.lists), 3)
            style = ("List Bullet" if self.lists[-1] == "bullet" else "List Number") + (
                f" {depth}" if depth > 1 else ""
            )
            return self.document.add_paragraph(style=style)
        if self.quote:
            return self.document.add_paragraph(style="Quote")
        return self.document.add_paragraph()

    def _inline(self, children, heading: bool = False) -> None:
        paragraph = self.paragraph if self.paragraph is not None else self._new_paragraph()
        skip_until_close = False
        for j, child in enumerate(children):
            kind = child.type
            if skip_until_close:
                skip_until_close = kind != "link_close"
                continue
            if kind in ("text", "code_inline"):
                text = _ATTRS.sub("", child.content) if not heading else _ATTRS.sub("", child.content).rstrip()
                if text:
                    run = paragraph.add_run(text)
                    run.bold = bool(self.bold) or None
                    run.italic = bool(self.italic) or None
            elif kind == "softbreak":
                if not (j and children[j - 1].type == "html_inline" and _BREAK.match(children[j - 1].content)):
                    paragraph.add_run(" ")  # a line that ends with <br> already broke the line
            elif kind == "hardbreak":
                paragraph.add_run().add_break()
            elif kind == "strong_open":
                self.bold += 1
            elif kind == "strong_close":
                self.bold = max(0, self.bold - 1)
            elif kind == "em_open":
                self.italic += 1
            elif kind == "em_close":
                self.italic = max(0, self.italic - 1)
            elif kind == "html_inline":
                tag = child.content.lower()
                if tag.startswith(("<strong", "<b>", "<b ")):
                    self.bold += 1
                elif tag.startswith(("</strong", "</b>")):
                    self.bold = max(0, self.bold - 1)
                elif tag.startswith(("<em", "<i>", "<i ")):
                    self.italic += 1
                elif tag.startswith(("</em", "</i>")):
                    self.italic = max(0, self.italic - 1)
                elif _BREAK.match(tag):
                    paragraph.add_run().add_break()
            elif kind == "image":
                alt = "".join(c.content for c in child.children or [] if c.type == "text")
                self._picture(paragraph, child.attrs.get("src", ""), alt)

    def _picture(self, paragraph, src: str, alt: str) -> None:
        from docx.shared import Cm

        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE):  # another host: not fetched
            return
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(self.page.source), unquote(src.split("#")[0])))
        path = self.content_dir / relative
        if relative.startswith("..") or not path.is_file() or path.suffix.lower() not in PICTURES:
            if alt:
                paragraph.add_run(f"[Plaatje: {alt}]")
            return
        try:
            run = paragraph.add_run()
            shape = run.add_picture(str(path), width=Cm(PICTURE_WIDTH_CM))
        except Exception:  # python-docx cannot read every file named as an image
            paragraph.add_run(f"[Plaatje: {alt}]" if alt else "")
            return
        shape._inline.docPr.set("descr", alt)
        shape._inline.docPr.set("title", alt)

    def _html_block(self, html: str) -> None:
        """A block of HTML in the page (a goal's block on the easy-read speerpunten page, a hard word's
        explanation, the author's own HTML): its headings, paragraphs, lists, bold and italic, in order."""
        _HtmlBlock(self).feed(html)
        self.paragraph = None

    def _table(self, found, start: int) -> None:
        rows: list[list[str]] = []
        for token in found[start:]:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline" and rows:
                rows[-1].append(" ".join(c.content for c in token.children or [] if c.type == "text"))
            elif token.type == "table_close":
                break
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
                if r == 0:
                    for run in table.cell(r, c).paragraphs[0].runs:
                        run.bold = True
        self.paragraph = None


class _HtmlBlock(HTMLParser):
    """Writes one block of HTML into the page's document. Hidden parts (``aria-hidden``, drawings, scripts)
    are left out, as a screen reader leaves them out."""

    def __init__(self, page: _Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.hidden: list[str] = []  # the open tags of a hidden part
        self.paragraph: Any = None  # a python-docx paragraph
        self.term = False  # in the word of a hard word's explanation

    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = dict(attrs)
        if self.hidden:
            if tag not in _VOID:
                self.hidden.append(tag)
            return
        if tag in _HIDDEN or attrs.get("aria-hidden") == "true" or "hidden" in attrs:
            if tag not in _VOID:
                self.hidden.append(tag)
            return
        classes = (attrs.get("class") or "").split()
        page = self.page
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.paragraph = page.document.add_heading(level=min(4, max(2, int(tag[1]))))
        elif tag in ("ul", "ol"):
            page.lists.append("bullet" if tag == "ul" else "number")
        elif tag in ("p", "li", "dt", "dd", "figcaption", "blockquote"):
            if "kompas-uitleg" in classes:
                self.paragraph = page.document.add_paragraph(style="Intense Quote")
            else:
                page.paragraph = None
                self.paragraph = page._new_paragraph()
        elif tag in ("strong", "b") or "kompas-uitleg__woord" in classes:
            page.bold += 1
            self.term = self.term or "kompas-uitleg__woord" in classes
        elif tag in ("em", "i"):
            page.italic += 1
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag == "img":
            paragraph = self.paragraph if self.paragraph is not None else page._new_paragraph()
            page._picture(paragraph, attrs.get("src") or "", attrs.get("alt") or "")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            return
        page = self.page
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "figcaption", "blockquote"):
            self.paragraph = None
        elif tag in ("ul", "ol") and page.lists:
            page.lists.pop()
        elif tag in ("strong", "b", "span") and (tag != "span" or self.term):
            page.bold = max(0, page.bold - 1)
            self.term = False
        elif tag in ("em", "i"):
            page.italic = max(0, page.italic - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = _MARKDOWN_LINK.sub(r"\1", " ".join(data.split()))
        if data[:1].isspace() and text:
            text = " " + text
        if data[-1:].isspace() and text and not text.endswith(" "):
            text += " "
        if not text.strip():
            if self.paragraph is not None and self.paragraph.runs and text:
                self.paragraph.add_run(" ")
            return
        if self.paragraph is None:
            self.paragraph = self.page._new_paragraph()
        if not self.paragraph.runs:
            text = text.lstrip()
        run = self.paragraph.add_run(text)
        run.bold = bool(self.page.bold) or None
        run.italic = bool(self.page.italic) or None
