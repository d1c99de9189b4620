"""Figure sets in pages: ``[[cijfers: veiligheid]]`` on a line of its own becomes the chart with its table,
source and ``n`` (the full version), or one short sentence per row with ten figures (an easy-read twin).

The block is HTML made here, every author text escaped; the sanitiser keeps its SVG (``sanitise.py``).
A story that names the set (``cijfers: [veiligheid]``) is linked from the block, and the story links back
to the first page that shows the set.

Easy-read rounding ("9 van de 10"): a percentage is rounded to whole tenths (half up). When that changes it
by 3 percentage points or more, the sentence says so: "bijna 9" when rounded up (87%), "ruim 8" when
rounded down (83%). Never "10 van de 10" below 100% ("bijna 10"), never "0 van de 10" above 0% ("minder
dan 1"). The subject is the series' name with a small first letter ("Cliënten" -> "cliënten"): the author
names who answered, in the organisation's own word; the ending is the row's ``makkelijk``, else the label
as a quote.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable
from html import escape

from kompas_site.assemble.grafiek import (
    bar_chart,
    line_chart,
    people,
    trend_word,
    unit_phrase,
    value_text,
)
from kompas_site.dutch import getal, opsomming
from kompas_site.load.cijfers import number
from kompas_site.model import FIGURE_BLOCK, Cijferset, Kerncijfer, Page, Report, Rij
from kompas_site.paths import relative_url, site_url
from kompas_site.sanitise import markdown_text, url_path

LABEL_HEADING = {"lijn": "Periode"}
DEFAULT_LABEL_HEADING = "Onderwerp"
CLOSE_ENOUGH = 3  # percentage points: below 3 points of rounding, the plain number is said


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def van_de_tien(percent: float) -> tuple[str, int]:
    """(the words, the number of filled figures) for a percentage: (\"bijna 9\", 9) for 87%."""
    share = max(0.0, min(100.0, percent))
    tens = min(10, math.floor(share / 10 + 0.5))  # half up; a whole percentage is exact in a float
    if tens == 10 and share < 100:
        return "bijna 10", 10
    if tens == 0 and share > 0:
        return "minder dan 1", 0
    off = tens * 10 - share  # in percentage points
    if off >= CLOSE_ENOUGH:
        return f"bijna {tens}", tens
    if off <= -CLOSE_ENOUGH:
        return f"ruim {tens}", tens
    return str(tens), tens


def subject(naam: str) -> str:
    """A series' name inside a sentence: 'Cliënten' -> 'cliënten', 'NPS-groep' stays."""
    if len(naam) > 1 and naam[1].isupper():
        return naam
    return naam[:1].lower() + naam[1:]


def easy_sentence(percent: float, naam: str, label: str, makkelijk: str | None) -> tuple[str, int]:
    words, filled = van_de_tien(percent)
    ending = makkelijk.strip().rstrip(".") if makkelijk else f"zeggen: ‘{label.strip().rstrip('.')}’"
    sentence = f"{words} van de 10 {subject(naam)} {ending}."
    return sentence[:1].upper() + sentence[1:], filled


def ending_for(figures: Cijferset, row: Rij) -> str | None:
    """The easy-read ending of a trend: the row's own, the set's, or the last one an earlier row gave."""
    given = [r.makkelijk for r in figures.rijen if r.makkelijk]
    return row.makkelijk or figures.makkelijk or (given[-1] if given else None)


def _first_known(figures: Cijferset, index: int) -> tuple[str, float] | None:
    for row in figures.rijen:
        if index < len(row.waarden) and row.waarden[index] is not None:
            return row.label, row.waarden[index]  # type: ignore[return-value]
    return None


def trend_sentence(
    figures: Cijferset, index: int, percent: float, period: str, makkelijk: str | None
) -> tuple[str, int]:
    """A trend in short sentences: "9 van de 10 cliënten voelen zich veilig. Dat was in 2025. In 2019 waren
    dat er 7 van de 10. Nu zijn het er meer." Without a ``makkelijk`` ending the period leads: "In 2025 was het cijfer ..."."""
    naam = figures.reeksen[index].naam
    words, filled = van_de_tien(percent)
    if makkelijk:
        sentence, _ = easy_sentence(percent, naam, period, makkelijk)
        sentence += f" Dat was in {period.strip()}."
    else:
        sentence = f"In {period.strip()} was het cijfer {words} van de 10 {subject(naam)}."
    first = _first_known(figures, index)
    if first is not None and first[0] != period:
        then, _ = van_de_tien(first[1])
        sentence += f" In {first[0].strip()} waren dat er {then} van de 10."
        word = trend_word(figures, index)
        if word:
            sentence += f" Nu zijn het er {word}."
    return sentence, filled


SHORT_LABEL = 4  # words: a label this short may stand before a colon ("Vrijwilligers: 140.")


def count_sentence(value: float, eenheid: str, label: str, makkelijk: str | None, who: str | None) -> str:
    """A count in one short sentence. With ``makkelijk`` the number leads ("140 vrijwilligers helpen ons."),
    a short label takes a colon ("Vrijwilligers: 140."), a longer one is quoted in a sentence."""
    shown = value_text(value, eenheid)
    when = ""
    if who:
        when = f" in {who.strip()}" if re.fullmatch(r"\d{4}(-\d{4})?", who.strip()) else f" bij {subject(who.strip())}"
    label = label.strip().rstrip(".:")
    if makkelijk:
        sentence = f"{shown} {makkelijk.strip().rstrip('.')}{when}."
    elif len(label.split()) <= SHORT_LABEL and not re.search(r"[()\[\]:]", label):
        sentence = f"{label}{when}: {shown}."
    else:
        sentence = f"Het cijfer bij ‘{label}’ is {shown}{when}."
    return sentence[:1].upper() + sentence[1:]


def anchor(naam: str) -> str:
    return "cijfers-" + re.sub(r"[^a-z0-9-]+", "-", naam.lower()).strip("-")


def linked_stories(report: Report) -> dict[str, list[Page]]:
    """The stories that name each figure set in their front matter (``cijfers: [veiligheid]``)."""
    found: dict[str, list[Page]] = {}
    for story in report.stories:
        for name in story_figures(story):
            found.setdefault(name, []).append(story)
    return found


def story_figures(story: Page) -> list[str]:
    value = story.meta.get("cijfers")
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [
        name.strip() for item in items if isinstance(item, str) for part in item.split(",") if (name := part.strip())
    ]


def placements(report: Report) -> dict[str, str]:
    """The first page of the full version that shows each figure set (where a story links to)."""
    found: dict[str, str] = {}
    for page in report.pages:
        for match in FIGURE_BLOCK.finditer(page.body):
            found.setdefault(match.group("naam"), page.path)
    return found


def place_figures(
    page: Page, text: str, report: Report, outputs: dict[str, str], stories: dict[str, list[Page]], easy: bool
) -> str:
    """Replace each ``[[cijfers: name]]`` line by its block (unknown or unreadable sets stay as they are:
    the checker reports them)."""
    used: dict[str, int] = {}
    here = site_url(outputs.get(page.path, "index.html"))

    def block(match) -> str:
        figures = report.cijfers.get(match.group("naam"))
        if figures is None or not figures.usable:
            return match.group(0)
        used[figures.naam] = used.get(figures.naam, 0) + 1
        ident = anchor(figures.naam) + ("" if used[figures.naam] == 1 else f"-{used[figures.naam]}")
        if easy:
            return easy_block(figures, ident)
        links = [
            (story.title, relative_url(site_url(outputs[story.path]), here))
            for story in stories.get(figures.naam, [])
            if story.path in outputs
        ]
        return figure_block(figures, ident, links)

    return FIGURE_BLOCK.sub(block, text)


def figure_block(figures: Cijferset, ident: str, stories: Iterable[tuple[str, str]] = ()) -> str:
    """The chart (unless ``grafiek: geen``), the table with every value, the source and the n."""
    parts = [f'<figure class="kompas-cijfers" id="{ident}" aria-labelledby="{ident}-titel">']
    parts.append(f'<figcaption class="kompas-cijfers__titel" id="{ident}-titel">{_e(figures.titel)}</figcaption>')
    if figures.grafiek == "lijn":
        parts.append(line_chart(figures, ident + "-grafiek"))
    elif figures.grafiek == "staaf":
        parts.append(bar_chart(figures, ident + "-grafiek"))
    parts.append(table(figures))
    parts.append(f'<p class="kompas-cijfers__bron">{_e(source_line(figures))}</p>')
    links = list(stories)
    if links:
        items = [f'<a href="{_e(url_path(url))}">{_e(title)}</a>' for title, url in links]
        label = "Het verhaal bij deze cijfers" if len(items) == 1 else "De verhalen bij deze cijfers"
        parts.append(f'<p class="kompas-cijfers__verhalen">{label}: {opsomming(items)}</p>')
    parts.append("</figure>")
    return "\n".join(parts)


def source_line(figures: Cijferset) -> str:
    text = f"Bron: {figures.bron}." if figures.bron else ""
    counted = [(r.naam, r.n) for r in figures.reeksen if r.n is not None]
    if counted:
        groups = opsomming(f"{subject(naam)} {getal(n)}" for naam, n in counted)
        text += f" Aantal mensen dat antwoord gaf: {groups}."
    return text.strip()


def table(figures: Cijferset) -> str:
    heading = LABEL_HEADING.get(figures.grafiek, DEFAULT_LABEL_HEADING)
    cols = []
    for reeks in figures.reeksen:
        n = f'<span class="kompas-cijfers__n">{getal(reeks.n)} mensen</span>' if reeks.n is not None else ""
        cols.append(f'<th scope="col">{_e(reeks.naam)}{n}</th>')
    rows = []
    for row in figures.rijen:
        values = (list(row.waarden) + [None] * len(figures.reeksen))[: len(figures.reeksen)]
        cells = "".join(f"<td>{_e(value_text(v, figures.eenheid))}</td>" for v in values)
        rows.append(f'<tr><th scope="row">{_e(row.label)}</th>{cells}</tr>')
    return (
        f'<div class="kompas-cijfers__tabel"><table class="kompas-cijfers__data"><caption>De cijfers {unit_phrase(figures.eenheid)}</caption>'
        f'<thead><tr><th scope="col">{heading}</th>{"".join(cols)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def easy_block(figures: Cijferset, ident: str) -> str:
    """The easy-read form: a short sentence per row and series, with ten figures for a percentage."""
    parts = [f'<div class="kompas-cijfers-makkelijk" id="{ident}">']
    parts.append(f'<p class="kompas-cijfers-makkelijk__titel"><strong>{_e(figures.titel)}</strong></p>')
    count = 0
    rows = figures.rijen
    if figures.grafiek == "lijn" and rows:  # a trend: the last year, and whether it went up or down
        rows = rows[-1:]
    for row in rows:
        values = (list(row.waarden) + [None] * len(figures.reeksen))[: len(figures.reeksen)]
        for i, value in enumerate(values):
            if value is None:
                continue
            count += 1
            reeks = figures.reeksen[i]
            label_id = f"{ident}-zin-{count}"
            if figures.eenheid == "procent":
                if figures.grafiek == "lijn":
                    sentence, filled = trend_sentence(figures, i, value, row.label, ending_for(figures, row))
                else:
                    sentence, filled = easy_sentence(value, reeks.naam, row.label, row.makkelijk or figures.makkelijk)
                parts.append('<div class="kompas-cijfers-makkelijk__rij">')
                parts.append(f'<p id="{label_id}">{_e(sentence)}</p>')
                parts.append(people(filled, f"{label_id}-beeld", label_id))
                parts.append("</div>")
            else:
                who = reeks.naam if len(figures.reeksen) > 1 else None
                sentence = count_sentence(value, figures.eenheid, row.label, row.makkelijk or figures.makkelijk, who)
                parts.append(f'<p id="{label_id}">{_e(sentence)}</p>')
    if figures.bron:
        parts.append(f'<p class="kompas-cijfers-makkelijk__bron">Dit komt uit: {_e(figures.bron)}.</p>')
    parts.append("</div>")
    return "\n".join(parts)


def story_link(story: Page, report: Report, placed: dict[str, str]) -> str:
    """Under a story's title: a link to the figures it illustrates, where a page shows them."""
    links = []
    for name in story_figures(story):
        figures = report.cijfers.get(name)
        target = placed.get(name)
        if figures is None or target is None or not figures.usable:
            continue
        path = posixpath.relpath(target, posixpath.dirname(story.path) or ".")
        links.append(f"[{markdown_text(figures.titel)}]({url_path(path)}#{anchor(name)})")
    if not links:
        return ""
    return f'<p class="kompas-verhaal-cijfers" markdown>De cijfers bij dit verhaal: {opsomming(links)}</p>\n'


def key_figures(items: Iterable[Kerncijfer]) -> list[dict]:
    """The key figures for the home page, a number in Dutch notation ('1240' -> '1.240')."""
    result = []
    for item in items:
        try:
            value = number(item.waarde) if re.fullmatch(r"-?[\d.,\s]+", item.waarde) else None
        except ValueError:
            value = None
        shown = item.waarde if value is None else getal(value, 0 if value.is_integer() else 1)
        result.append({"label": item.label, "waarde": shown, "toelichting": item.toelichting})
    return result
