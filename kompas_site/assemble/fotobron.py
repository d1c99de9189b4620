"""Photo credits: the line under a photo that names its maker ("Foto: Jan de Vries") or where it comes
from ("Bron: Gemeente Haverdijk").

A story photo carries them in its front matter (``fotos:`` entries with ``fotograaf`` or ``bron``); the story
header places the line (``templates/pages/verhaal-kop.md``). A photo in a page's text carries them in
the attribute list after it (attr_list is on)::

    ![Bewoners planten een boom.](media/boom.jpg){ fotograaf="Jan de Vries" }

The engine keeps such attributes on the ``<img>``; ``credit_photos`` turns them into a visible caption
before the page is finished: a photo that is a paragraph of its own becomes a ``<figure>`` with a
``<figcaption>``, a photo inside a sentence gets the line right after it.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

CREDITS = (("fotograaf", "Foto"), ("bron", "Bron"))
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALONE = re.compile(r"<p>\s*$")


def photo_credit(foto: dict) -> str | None:
    """'Foto: Jan de Vries', 'Bron: Gemeente Haverdijk', both, or None."""
    parts = []
    for key, label in CREDITS:
        value = foto.get(key)
        text = " ".join(value.split()) if isinstance(value, str) else ""
        if text:
            parts.append(f"{label}: {text}")
    return ". ".join(parts) if parts else None


def credit_photos(html: str) -> str:
    """Each ``<img>`` with a ``fotograaf`` or ``bron`` attribute, with its credit line shown."""
    if "fotograaf=" not in html and "bron=" not in html:
        return html  # most pages credit no photo: no need to look
    out: list[str] = []
    last = 0
    for match in _IMG.finditer(html):
        attrs = _attributes(match.group(0))
        credit = photo_credit(dict(attrs))
        if credit is None:
            continue
        img = "<img" + "".join(_attr(k, v) for k, v in attrs if k not in dict(CREDITS)) + ">"
        caption = escape(credit, quote=False)
        before = html[last : match.start()]
        alone = _ALONE.search(before)
        rest = html[match.end() :]
        closing = re.match(r"\s*</p>", rest)
        if alone and closing:
            out.append(before[: alone.start()])
            out.append(f'<figure class="kompas-foto">{img}<figcaption>{caption}</figcaption></figure>')
            last = match.end() + closing.end()
        else:
            out.append(before)
            out.append(f'{img}<span class="kompas-foto-bron">{caption}</span>')
            last = match.end()
    out.append(html[last:])
    return "".join(out)


def _attr(name: str, value: str | None) -> str:
    return f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'


class _Tag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def _attributes(tag: str) -> list[tuple[str, str | None]]:
    parser = _Tag()
    parser.feed(tag)
    parser.close()
    return parser.attrs
