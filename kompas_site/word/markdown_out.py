"""mammoth's HTML of a Word file as clean Markdown: headings, paragraphs, (nested) lists, tables, bold,
italic, links and images. The Markdown reads the same in both parsers the project uses (Python-Markdown in
the site engine, markdown-it in the checker): text is escaped with the escapes both know.

Our own converter rather than a general HTML-to-Markdown library: mammoth's HTML is small and regular, and
the output must fit this project (headings from level 2 under the page title, Markdown tables with a
header row, four-space nesting that Python-Markdown needs, escapes both parsers share).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote

VOID = {"img", "br", "hr"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "hr", "div"}
INDENT = "    "  # Python-Markdown nests a list only four spaces deep


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# -- text ------------------------------------------------------------------------------------------------
_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]{}|])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINE_START = re.compile(r"^([#>+-])|^(\d+)([.)])")


def escape(text: str) -> str:
    """Text as Markdown that shows exactly this text (whitespace collapsed as HTML does)."""
    text = _INLINE_ESCAPE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    return text.replace("<", "&lt;")


def escape_line_start(line: str) -> str:
    """A line that would start a heading, quote, list or setext underline is escaped at its start."""
    if line.startswith("="):  # a setext underline; Python-Markdown has no escape for '=', both know the entity
        return "&#61;" + line[1:]
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


# -- the converter ---------------------------------------------------------------------------------------
IMAGE_SRC = "kompas-afbeelding:"  # what the reader puts in an img src: the number of the image


@dataclass
class Converted:
    markdown: str
    title: str | None


def convert(html: str, images: dict[int, str], skipped: dict[int, str]) -> Converted:
    """``images``: image number -> the Markdown path it is written to; ``skipped``: image number -> the
    comment to leave in its place (an image the website cannot show)."""
    root = parse(html)
    blocks = [c for c in root.children if isinstance(c, Node) or c.strip()]
    title = None
    for i, block in enumerate(blocks):
        if isinstance(block, Node) and re.fullmatch(r"h[1-6]", block.tag):
            text = " ".join(_plain(block).split())
            if text:
                title = text
                del blocks[i]
            break
    levels = [int(n.tag[1]) for n in blocks if isinstance(n, Node) and re.fullmatch(r"h[1-6]", n.tag)]
    shift = 2 - min(levels) if levels else 0  # the page title is the only level 1: sections start at ##
    converter = _Converter(images, skipped, shift)
    parts = [converter.block(b, "") for b in blocks]
    markdown = "\n\n".join(p for p in parts if p.strip())
    return Converted(markdown.strip() + "\n" if markdown.strip() else "", title)


def _empty(node: Node | str) -> bool:
    """No text and no picture in it."""
    if isinstance(node, str):
        return not node.strip()
    return node.tag != "img" and all(_empty(c) for c in node.children)


def _plain(node: Node | str) -> str:
    if isinstance(node, str):
        return node
    return "".join(_plain(c) for c in node.children)


class _Converter:
    def __init__(self, images: dict[int, str], skipped: dict[int, str], shift: int):
        self.images = images
        self.skipped = skipped
        self.shift = shift
        self.depth = 0

    # blocks
    def block(self, node: Node | str, indent: str) -> str:
        if isinstance(node, str):
            return self.paragraph([node])
        tag = node.tag
        if re.fullmatch(r"h[1-6]", tag):
            level = min(6, max(2, int(tag[1]) + self.shift))
            text = self.inline(node.children, emphasis=False)
            return f"{'#' * level} {text}" if text else ""
        if tag in ("ul", "ol"):
            return self.list_block(node, indent)
        if tag == "table":
            return self.table(node)
        if tag == "hr":
            return "---"
        if tag == "blockquote":
            inner = self.blocks(node.children, "")
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if tag == "div":
            return self.blocks(node.children, indent)
        return self.paragraph(node.children)

    def blocks(self, children: list[Node | str], indent: str) -> str:
        parts: list[str] = []
        run: list[Node | str] = []
        for child in children:
            if isinstance(child, Node) and child.tag in BLOCKS:
                if run:
                    parts.append(self.paragraph(run))
                    run = []
                parts.append(self.block(child, indent))
            else:
                run.append(child)
        if run:
            parts.append(self.paragraph(run))
        return "\n\n".join(p for p in parts if p.strip())

    def paragraph(self, children: list[Node | str]) -> str:
        text = self.inline(children)
        lines = [escape_line_start(line.strip()) for line in text.split("\n")]
        return "  \n".join(line for line in lines if line)

    def list_block(self, node: Node, indent: str) -> str:
        lines = []
        number = int(node.attrs.get("start", "1") or 1) if node.tag == "ol" else 0
        for item in node.children:
            if not isinstance(item, Node) or item.tag != "li":
                continue
            own = [c for c in item.children if not (isinstance(c, Node) and c.tag in ("ul", "ol"))]
            nested = [c for c in item.children if isinstance(c, Node) and c.tag in ("ul", "ol")]
            if nested and all(_empty(c) for c in own):
                # A deeper list with no item above it (a 'List Bullet 2' paragraph that starts a list): an empty
                # bullet above it says nothing, so its items stand at this level.
                lines += [self.list_block(sub, indent) for sub in nested]
                continue
            marker = f"{number}. " if node.tag == "ol" else "- "
            number += 1
            text = self.blocks(own, "").replace("\n\n", "  \n")
            text_lines = text.split("\n") if text else [""]
            lines.append(f"{indent}{marker}{text_lines[0]}".rstrip())
            lines += [f"{indent}{INDENT}{line}" for line in text_lines[1:]]
            for sub in nested:
                lines.append(self.list_block(sub, indent + INDENT))
        return "\n".join(lines)

    def table(self, node: Node) -> str:
        rows: list[list[str]] = []
        for row in _descendants(node, "tr"):
            cells = []
            for cell in row.children:
                if isinstance(cell, Node) and cell.tag in ("td", "th"):
                    text = self.blocks(cell.children, "").replace("\n", " ").replace("  ", " ").strip()
                    cells.append(text)
                    cells += [""] * (max(1, int(cell.attrs.get("colspan", "1") or 1)) - 1)
            rows.append(cells)
        rows = [r for r in rows if r]
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(line.replace("|  |", "| |") for line in out)

    # inline
    def inline(self, children: list[Node | str], emphasis: bool = True) -> str:
        self.depth += 1
        try:
            text = self._inline(children, emphasis)
        finally:
            self.depth -= 1
        return resolve_marks(text).strip(" ") if self.depth == 0 else text

    def _inline(self, children: list[Node | str], emphasis: bool) -> str:
        out = []
        for child in children:
            if isinstance(child, str):
                out.append(escape(re.sub(r"\s+", " ", child)))
                continue
            tag = child.tag
            if tag in ("strong", "b", "em", "i"):
                inner = self.inline(child.children, emphasis)
                mark = ("**" if tag in ("strong", "b") else "*") if emphasis else ""
                out.append(_wrap(inner, mark))
            elif tag == "a":
                inner = self.inline(child.children, emphasis)
                href = child.attrs.get("href", "")
                if href and not href.startswith("#") and inner.strip():
                    out.append(f"[{inner.strip()}]({_url(href)})")
                else:
                    out.append(inner)
            elif tag == "img":
                out.append(self.image(child))
            elif tag == "br":
                out.append("\n")
            elif tag in BLOCKS or tag == "li":
                out.append(" " + self.inline(child.children, emphasis) + " ")
            else:  # sup, sub, span, s, u: their text
                out.append(self.inline(child.children, emphasis))
        return re.sub(r"[ \t]+", " ", "".join(out))

    def image(self, node: Node) -> str:
        src = node.attrs.get("src", "")
        if not src.startswith(IMAGE_SRC):
            return ""
        number = int(src.removeprefix(IMAGE_SRC))
        if number in self.skipped:
            return f"<!-- {self.skipped[number]} -->"
        alt = " ".join(node.attrs.get("alt", "").split())
        return f"![{escape(alt)}]({self.images[number]})"


OPEN, CLOSE = "\ue000", "\ue001"  # where a mark goes, until we know it works there
_MARK = re.compile(f"([{OPEN}{CLOSE}])(\\*+)")


def _wrap(inner: str, mark: str) -> str:
    """``**bold**`` with the spaces outside the marks (``** x**`` would not be bold)."""
    if not mark or not inner.strip():
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{OPEN}{mark}{inner.strip()}{CLOSE}{mark}{trail}"


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _space(char: str) -> bool:
    return not char or char.isspace()


def resolve_marks(text: str) -> str:
    """Keep a bold or italic mark only where both Markdown parsers see it as one (CommonMark's flanking
    rules: ``0**:**`` is not bold there); elsewhere the text stays, plain, rather than show stars."""
    parts = _MARK.split(text)  # text, kind, mark, text, kind, mark, ...
    keep = {i: True for i in range(1, len(parts), 3)}
    pairs, stack = [], []
    for i in range(1, len(parts), 3):
        if parts[i] == OPEN:
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
    for _ in range(3):  # a dropped mark changes its neighbours' neighbours; three rounds settle it
        changed = False

        def around(i: int) -> tuple[str, str]:
            before = "".join(
                parts[j] if j % 3 == 0 else parts[j + 1] if keep.get(j) else "" for j in range(0, i) if j % 3 != 2
            )
            after = "".join(
                parts[j] if j % 3 == 0 else parts[j + 1] if keep.get(j) else ""
                for j in range(i + 2, len(parts))
                if j % 3 != 2
            )
            return before[-1:], after[:1]

        for opening, closing in pairs:
            if not keep[opening]:
                continue
            before, after = around(opening)
            left = not _space(after) and (not _punctuation(after) or _space(before) or _punctuation(before))
            before, after = around(closing)
            right = not _space(before) and (not _punctuation(before) or _space(after) or _punctuation(after))
            if not (left and right):
                keep[opening] = keep[closing] = False
                changed = True
        if not changed:
            break
    return "".join(
        parts[j] if j % 3 == 0 else parts[j + 1] if keep.get(j) else "" for j in range(len(parts)) if j % 3 != 2
    )


def _url(href: str) -> str:
    return quote(href, safe="/:?#@!$&'*+,;=%~-._")


def _descendants(node: Node, tag: str) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                found.append(child)
            elif child.tag != "table":  # a table in a cell keeps its own rows
                found += _descendants(child, tag)
    return found
