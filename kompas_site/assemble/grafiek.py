"""Charts drawn at build time as inline SVG: no script, no style sheet of their own, nothing loaded.

Hand-written on purpose (see the README): a bar chart and a line chart are a few rectangles, lines and
``<text>`` elements, and what matters here is what a chart library does not give: real ``<text>`` in the
site's font, an accessible name and description, presentation attributes only (no ``style``, so the page
policy and the sanitiser need no exception), and author text always escaped.

Every chart has a white background of its own and a palette in which each series has a contrast of at
least 3:1 against it (WCAG 1.4.11); each series also has a direct label (bars) or its own dash pattern and
marker (lines), so colour is never the only carrier of meaning. Bars run horizontally, with the label
above them: a long question wraps instead of shrinking, so the chart reads on a 320 px phone.
"""

from __future__ import annotations

import math
import textwrap
from html import escape

from kompas_site.dutch import getal, opsomming, procent
from kompas_site.model import Cijferset

BACKGROUND = "#ffffff"
INK = "#1b1b1b"  # text, axes
GRID = "#767676"  # 4.5:1 on white: a grid line is visible too
# Each at least 3:1 against BACKGROUND (tests compute it from the output); they also differ in lightness.
PALETTE = ("#1f5c99", "#b3471b", "#2e6b30", "#6d3a9c")
DASHES = ("", "7 4", "2 3", "9 3 2 3")
MARKERS = ("circle", "square", "triangle", "diamond")

WIDTH = 320  # user units; the SVG scales to the column (at most 20rem wide, see kompas.css)
FONT = 15
LINE = 19
BAR = 18
BAR_GAP = 6
CHARS = 38  # characters of a label on one line at this width


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def value_text(value: float | None, eenheid: str) -> str:
    """A value in Dutch notation with its unit: 89%, 8,5%, 1.234, € 1.234,50, 12 dagen, 3 gesprekken."""
    if value is None:
        return "niet gevraagd"
    decimals = 0 if float(value).is_integer() else (2 if eenheid == "euro" else 1)
    if eenheid == "procent":
        return procent(value / 100, decimals)
    number = getal(value, decimals)
    if eenheid == "aantal":
        return number
    if eenheid == "euro":
        return f"€ {number}"
    if eenheid == "dagen" and value == 1:
        return "1 dag"
    return f"{number} {eenheid}"


def unit_phrase(eenheid: str) -> str:
    """'in procenten', 'in aantallen', 'in euro', 'in dagen', 'in gesprekken'."""
    return {"procent": "in procenten", "aantal": "in aantallen", "euro": "in euro"}.get(eenheid, f"in {eenheid}")


def scale_max(figures: Cijferset) -> float:
    if figures.eenheid == "procent":
        return 100.0
    top = max((v for r in figures.rijen for v in r.waarden if v is not None), default=1.0)
    return nice(top)


def nice(top: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``top``."""
    if top <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(top))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= top)


def _values(figures: Cijferset, row) -> list[float | None]:
    """A row's values, one per series (missing ones None, extra ones dropped: the checker reports both)."""
    count = len(figures.reeksen)
    return (list(row.waarden) + [None] * count)[:count]


def description(figures: Cijferset) -> str:
    """What the chart shows, in a few sentences: its kind, its extremes or its trend."""
    names = [r.naam for r in figures.reeksen]
    unit = unit_phrase(figures.eenheid)
    if figures.grafiek == "lijn":
        return trend_description(figures)
    points = [
        (v, r.label, figures.reeksen[i].naam)
        for r in figures.rijen
        for i, v in enumerate(_values(figures, r))
        if v is not None
    ]
    text = f"Staafdiagram {unit}, {len(figures.rijen)} {'rij' if len(figures.rijen) == 1 else 'rijen'}"
    text += f", voor {opsomming(names)}." if len(names) > 1 else "."
    if points:
        high = max(points, key=lambda p: p[0])
        low = min(points, key=lambda p: p[0])
        who = (lambda p: f" ({p[2]})") if len(names) > 1 else (lambda p: "")
        text += f" Het hoogst: {high[1]}, {value_text(high[0], figures.eenheid)}{who(high)}."
        if low is not high:
            text += f" Het laagst: {low[1]}, {value_text(low[0], figures.eenheid)}{who(low)}."
    return text + " Alle cijfers staan in de tabel."


def trend_description(figures: Cijferset) -> str:
    rows = figures.rijen
    span = f" van {rows[0].label} tot en met {rows[-1].label}" if rows else ""
    parts = [f"Lijndiagram {unit_phrase(figures.eenheid)}{span}."]
    for i, reeks in enumerate(figures.reeksen):
        known = [(r.label, v) for r in rows if (v := _values(figures, r)[i]) is not None]
        if len(known) < 2:
            continue
        (first_label, first), (last_label, last) = known[0], known[-1]
        unit = figures.eenheid
        if last > first:
            change = (
                f"gestegen van {value_text(first, unit)} in {first_label} naar {value_text(last, unit)} in {last_label}"
            )
        elif last < first:
            change = (
                f"gedaald van {value_text(first, unit)} in {first_label} naar {value_text(last, unit)} in {last_label}"
            )
        else:
            change = f"gelijk gebleven: {value_text(last, unit)} in {first_label} en in {last_label}"
        parts.append(f"{reeks.naam}: {change}.")
    return " ".join(parts + ["Alle cijfers staan in de tabel."])


def trend_word(figures: Cijferset, index: int) -> str | None:
    """'meer', 'minder' or 'even veel': the last known value of a series against its first."""
    known = [v for r in figures.rijen if (v := _values(figures, r)[index]) is not None]
    if len(known) < 2:
        return None
    return "meer" if known[-1] > known[0] else "minder" if known[-1] < known[0] else "even veel"


def _svg(ident: str, height: float, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg class="kompas-grafiek" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'role="img" aria-labelledby="{ident}-t {ident}-d" focusable="false" font-size="{FONT}">'
        f'<title id="{ident}-t">{_e(title)}</title><desc id="{ident}-d">{_e(desc)}</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{height:g}" fill="{BACKGROUND}"/>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", weight: str | None = None) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return f'<text x="{x:g}" y="{y:g}" fill="{INK}" text-anchor="{anchor}"{bold}>{_e(text)}</text>'


def _legend(figures: Cijferset, y: float, line: bool) -> tuple[list[str], float]:
    """The series in the order of the bars (or lines): a swatch and the name, one per line."""
    body: list[str] = []
    if len(figures.reeksen) < 2:
        return body, y
    for i, reeks in enumerate(figures.reeksen):
        colour = PALETTE[i % len(PALETTE)]
        for n, piece in enumerate(textwrap.wrap(reeks.naam, CHARS - 4) or [""]):
            if n == 0:
                if line:
                    body.append(_line_swatch(i, 4, y - 5))
                else:
                    body.append(f'<rect x="4" y="{y - 12:g}" width="20" height="14" fill="{colour}"/>')
            body.append(_text(32, y, piece))
            y += LINE
    return body, y + 4


def bar_chart(figures: Cijferset, ident: str) -> str:
    """Horizontal bars, a group per row with its label above it; each bar has its value (and, with more
    than one series, the series' name) written after it."""
    top = scale_max(figures)
    several = len(figures.reeksen) > 1
    labels = [
        value_text(v, figures.eenheid) + (f" {figures.reeksen[i].naam}" if several else "")
        for r in figures.rijen
        for i, v in enumerate(_values(figures, r))
    ]
    reserve = min(170, 12 + 8 * max((len(t) for t in labels), default=4))
    span = WIDTH - 8 - reserve
    body, y = _legend(figures, 18, line=False)
    y += 4
    for row in figures.rijen:
        for piece in textwrap.wrap(row.label, CHARS) or [""]:
            body.append(_text(4, y, piece, weight="bold"))
            y += LINE
        y -= LINE - 8
        start = y
        for i, value in enumerate(_values(figures, row)):
            colour = PALETTE[i % len(PALETTE)]
            width = 0.0 if value is None else max(0.0, min(value, top)) / top * span
            if width > 0:
                body.append(f'<rect x="4" y="{y:g}" width="{width:.1f}" height="{BAR}" fill="{colour}"/>')
            text = value_text(value, figures.eenheid)
            if several:
                naam = figures.reeksen[i].naam
                text = f"{naam}: {text}" if value is None else f"{text} {naam}"
            body.append(_text(4 + width + 6, y + BAR - 4, text))
            y += BAR + BAR_GAP
        body.append(
            f'<line x1="4" y1="{start - 2:g}" x2="4" y2="{y - BAR_GAP + 2:g}" stroke="{INK}" stroke-width="1.5"/>'
        )
        y += LINE + 4
    height = y - LINE + 4
    return _svg(ident, height, figures.titel, description(figures), body)


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 5.5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" fill="{colour}"/>'
        )
    return f'<polygon points="{x:.1f},{y - 5.5:.1f} {x + 5.5:.1f},{y:.1f} {x:.1f},{y + 5.5:.1f} {x - 5.5:.1f},{y:.1f}" fill="{colour}"/>'


def _line_swatch(i: int, x: float, y: float) -> str:
    colour = PALETTE[i % len(PALETTE)]
    dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
    return (
        f'<line x1="{x:g}" y1="{y:g}" x2="{x + 22:g}" y2="{y:g}" stroke="{colour}" stroke-width="3"{dash}/>'
        + _marker(MARKERS[i % len(MARKERS)], x + 11, y, colour)
    )


def line_chart(figures: Cijferset, ident: str) -> str:
    """A line per series over the rows (years): the years as axis labels, the first and last value written
    beside their point, each series its own dash pattern and marker."""
    top = scale_max(figures)
    legend, y0 = _legend(figures, 18, line=True)
    left, right = 44, 44
    plot_top, plot_height = y0 + 6, 170
    bottom = plot_top + plot_height
    rows = figures.rijen
    count = max(1, len(rows) - 1)
    step = (WIDTH - left - right) / count
    body = list(legend)
    for n in range(5):
        value = top * n / 4
        y = bottom - plot_height * n / 4
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}" stroke-width="0.75"/>'
        )
        body.append(
            _text(left - 6, y + 5, value_text(value, figures.eenheid).removesuffix(f" {figures.eenheid}"), "end")
        )
    every = max(1, math.ceil(len(rows) / 7))  # at most about seven year labels fit
    for k, row in enumerate(rows):
        if k % every == 0 or k == len(rows) - 1:
            body.append(_text(left + k * step, bottom + 20, row.label[:10], "middle"))
    body.append(
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - right}" y2="{bottom}" stroke="{INK}" stroke-width="1.5"/>'
    )
    for i, _reeks in enumerate(figures.reeksen):
        colour = PALETTE[i % len(PALETTE)]
        points = [
            (left + k * step, bottom - plot_height * max(0.0, min(v, top)) / top, v)
            for k, row in enumerate(rows)
            if (v := _values(figures, row)[i]) is not None
        ]
        if len(points) > 1:
            dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"{dash}/>')
        for x, y, _v in points:
            body.append(_marker(MARKERS[i % len(MARKERS)], x, y, colour))
        if points:
            x, y, v = points[-1]
            offset = -10 if i % 2 == 0 else 18
            body.append(
                _text(
                    min(x + 4, WIDTH - 2),
                    y + offset,
                    value_text(v, figures.eenheid),
                    "end" if x + 4 > WIDTH - right else "start",
                )
            )
    return _svg(ident, bottom + 30, figures.titel, description(figures), body)


def people(filled: int, ident: str, label_id: str) -> str:
    """Ten simple figures in a row, ``filled`` of them coloured: the easy-read picture of 'n van de 10'.
    Its text alternative is the sentence beside it (``label_id``)."""
    body = []
    for k in range(10):
        x = 4 + k * 30
        on = k < filled
        fill = PALETTE[0] if on else BACKGROUND
        body.append(
            f'<g fill="{fill}" stroke="{PALETTE[0]}" stroke-width="2">'
            f'<circle cx="{x + 12}" cy="9" r="6.5"/>'
            f'<path d="M{x + 2} 42 v-14 a10 10 0 0 1 20 0 v14 z"/></g>'
        )
    return (
        f'<svg class="kompas-poppetjes" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 304 44" role="img" '
        f'aria-labelledby="{label_id}" focusable="false" id="{ident}">'
        f'<rect x="0" y="0" width="304" height="44" fill="{BACKGROUND}"/>' + "".join(body) + "</svg>"
    )
