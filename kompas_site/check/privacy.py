"""Rules: consent is on record for every story that needs it, and no personal data is in the text.

Consent (``toestemming`` in a story's front matter): required unless the story is told by a
professional (an unknown or missing ``perspectief`` counts as needing it, so a typo never skips the
check); when it is there it must be complete and still valid on the publication date, whoever tells
the story.

Personal data: BSN numbers (nine digits passing the elfproef), e-mail addresses, Dutch phone numbers
and dates of birth, in the prose of every page, easy-read page and story, plus the ``title`` and
``citaat`` of the front matter (they are published too). Code is skipped, and so are the values under
``contact:`` in ``kompas.yml`` (the organisation's own address). To keep false alarms away:

- a BSN written like an amount (``123.456.789``), next to ``€``, ``euro`` or ``%``, or in a table, only
  counts when a word like "BSN" or "burgerservicenummer" stands just before it;
- a phone number must have exactly the digits of a Dutch number (``0`` + 9, or ``+31``/``0031`` + 9);
  0800 and 0900 numbers are an organisation's, never a person's;
- a date of birth is a day and month (with or without year) in the same sentence as "geboren",
  "geboortedatum", "geboortedag" or "geb.", at most a few words away; a year alone is not one.

Messages show only the start of what was found, so that the check's own output (the terminal, JSON
in a CI log, the banner of a concept site) does not spread the data further.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from kompas_site.cache import memo
from kompas_site.check.findings import FOUT, Finding
from kompas_site.dutch import datum
from kompas_site.markdown import line_of
from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.model import Page, Report

# --- consent -----------------------------------------------------------------------------------

NO_CONSENT_NEEDED = ("professional",)
CONSENT_FIELDS = {
    "datum": "de datum waarop de toestemming is gegeven",
    "geldig_tot": "tot wanneer de toestemming geldt",
    "vastgelegd_door": "wie de toestemming heeft vastgelegd",
}
CONSENT_EXAMPLE = (
    "'toestemming:' met daaronder, ingesprongen, 'datum: 2025-03-14', 'geldig_tot: 2027-12-31' en "
    "'vastgelegd_door: teamleider Wonen Noord'"
)


def check_consent(report: Report, today: date | None = None) -> Iterator[Finding]:
    publication = report.settings.editie.publicatiedatum
    moment = publication or today or date.today()
    moment_text = f"de publicatiedatum ({datum(moment)})" if publication else f"vandaag ({datum(moment)})"
    for story in report.stories:
        consent = story.meta.get("toestemming")
        needed = story.meta.get("perspectief") not in NO_CONSENT_NEEDED
        if consent is None or consent == "":
            if needed:
                yield _missing(
                    story,
                    "In de kop van dit verhaal staat geen 'toestemming'. Een verhaal van een "
                    "cliënt of naaste mag alleen op de site als hun toestemming is vastgelegd.",
                    story.meta_line("perspectief"),
                )
            continue
        if not isinstance(consent, dict):
            yield _missing(
                story,
                "Onder 'toestemming' horen drie ingesprongen regels: datum, geldig_tot en vastgelegd_door.",
                story.meta_line("toestemming"),
            )
            continue
        for key, meaning in CONSENT_FIELDS.items():
            value = consent.get(key)
            line = story.meta_lines.get(("toestemming", key)) or story.meta_line("toestemming")
            if value is None or str(value).strip() == "":
                yield _missing(story, f"Bij 'toestemming' ontbreekt '{key}': {meaning}.", line, key)
            elif key != "vastgelegd_door" and not isinstance(value, date):
                yield _missing(
                    story,
                    f"'toestemming: {key}' moet een datum zijn als 2025-03-14 (jaar-maand-dag); nu staat er '{value}'.",
                    line,
                    key,
                )
            elif key == "vastgelegd_door" and isinstance(value, (dict, list)):
                yield _missing(
                    story,
                    "'toestemming: vastgelegd_door' moet één tekst zijn: wie de toestemming "
                    "heeft vastgelegd, zoals 'teamleider Wonen Noord'.",
                    line,
                    key,
                )
        until = consent.get("geldig_tot")
        if isinstance(until, date):
            until = until.date() if isinstance(until, datetime) else until
            if until < moment:
                yield Finding(
                    "toestemming-verlopen",
                    FOUT,
                    f"De toestemming voor dit verhaal gold tot {datum(until)}, en dat is vóór {moment_text}. "
                    "Vraag opnieuw toestemming en zet de nieuwe datums bij 'toestemming', of haal het verhaal "
                    "van de site.",
                    file=story.path,
                    line=story.meta_lines.get(("toestemming", "geldig_tot")) or story.meta_line("toestemming"),
                    key="toestemming.geldig_tot",
                )


def _missing(story: Page, what: str, line: int | None, key: str | None = None) -> Finding:
    return Finding(
        "toestemming-ontbreekt",
        FOUT,
        what
        + " Leg de toestemming vast en zet die in de kop van het verhaal: "
        + CONSENT_EXAMPLE
        + ". Deze gegevens komen niet op de site.",
        file=story.path,
        line=line or 1,
        key="toestemming" + (f".{key}" if key else ""),
    )


# --- personal data -------------------------------------------------------------------------------

EMAIL = "e-mailadres"
TELEFOON = "telefoonnummer"
BSN = "BSN (burgerservicenummer)"
GEBOORTEDATUM = "geboortedatum"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE)
_SEP = r"(?:\s?[-.]\s?|\s)?"
_PHONE = re.compile(
    r"(?<![\w+/.,-])"
    r"(?:(?:\+|00)31" + _SEP + r"(?:\(0\)" + _SEP + r")?[1-9]|\(0\d{1,3}\)|0[1-9])"
    r"(?:" + _SEP + r"\d){5,12}"
    r"(?![\w/]|[.,]\d)"
)
_BSN = re.compile(r"(?<![\w.,/+-])\d(?:[. ]?\d){8}(?![\w/]|[.,-]\d)")
_BSN_WORD = re.compile(r"\b(?:bsn|burgerservice-?nummer|sofi-?nummer)\b[^\d\n]{0,30}$", re.IGNORECASE)
_AMOUNT = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:%|procent|euro|eur\b|mln|miljoen)", re.IGNORECASE)
_BIRTH_WORD = re.compile(r"\b(?:geboren|geboortedatum|geboortedag)\b|\bgeb\.", re.IGNORECASE)
_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
)
_DATE = re.compile(
    r"(?<![\w-])(?:(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\w]|[-/.]\d)"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\w)"
    r"|(?P<td>\d{1,2})(?:e|ste|de)?\s+" + _MONTH + r"(?:\s+\d{4})?(?!\w))",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[!?]|\.(?:\s|$)|\n\n")
_NEAR = 40  # characters between a birth word and a date
_LONGEST_BIRTH_WORD = len("geboortedatum")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Hit:
    kind: str
    value: str
    line: int


def check_personal_data(report: Report) -> Iterator[Finding]:
    contact = report.settings.contact
    allowed_email = {e.lower() for e in contact.email}
    allowed_phone = {_phone_digits(t) for t in contact.telefoon}
    pages = report.all_pages
    for page in pages:
        for hit in _page_hits(page):
            if hit.kind == EMAIL and hit.value.lower() in allowed_email:
                continue
            if hit.kind == TELEFOON and _phone_digits(hit.value) in allowed_phone:
                continue
            yield _finding(page, hit)


def _page_hits(page: Page) -> Iterator[Hit]:
    for key in ("title", "citaat"):
        value = page.meta.get(key)
        if isinstance(value, str):
            yield from find_personal_data(value, page.meta_line(key) or 1)
    for hit in personal_data_in(page.body):
        yield Hit(hit.kind, hit.value, page.body_line + hit.line)


@memo
def personal_data_in(body: str) -> tuple[Hit, ...]:
    """The personal data in a page's Markdown, with lines counted from 0 at the body's first line."""
    hits: list[Hit] = []
    lines = body.split("\n")
    in_table = 0
    for token in markdown_tokens(body):
        if token.type == "table_open":
            in_table += 1
        elif token.type == "table_close":
            in_table -= 1
        if token.type != "inline" or not token.map:
            continue
        parts = []
        for child in token.children or ():
            if child.type == "text":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                # The address of [tekst](mailto:...) is published too; an autolink shows it as its text.
                if href.lower().startswith(("mailto:", "tel:")) and child.markup != "autolink":
                    found = line_of(lines, token, href)
                    hits += _find(href.split(":", 1)[1].split("?")[0], found, False)
                parts.append(" ")
            else:  # code, images, HTML: not prose; keep words apart
                parts.append(" ")
        hits += _find("".join(parts), token.map[0], bool(in_table))
    return tuple(hits)


def find_personal_data(text: str, first_line: int = 1, in_table: bool = False) -> Iterator[Hit]:
    """Every piece of personal data in a piece of prose, with its line (``first_line`` + newlines)."""
    yield from _find(text, first_line, in_table)


def _find(text: str, first_line: int, in_table: bool) -> list[Hit]:
    found: list[Hit] = []
    taken_starts: list[int] = []  # what is found so far: sorted, never overlapping
    taken_ends: list[int] = []
    counted = [0, 0]  # newlines in text[:counted[0]] are counted[1]

    def hit(kind: str, match_start: int, match_end: int) -> None:
        at = bisect.bisect_left(taken_starts, match_start)
        taken_starts.insert(at, match_start)
        taken_ends.insert(at, match_end)
        if match_start < counted[0]:  # each kind is searched from the start of the text again
            counted[:] = [0, 0]
        counted[1] += text.count("\n", counted[0], match_start)
        counted[0] = match_start
        found.append(Hit(kind, text[match_start:match_end], first_line + counted[1]))

    def free(s: int, e: int) -> bool:
        before = bisect.bisect_left(taken_starts, e) - 1  # the last one that starts before e
        return before < 0 or taken_ends[before] <= s

    if "@" in text:
        for m in _EMAIL.finditer(text):
            hit(EMAIL, m.start(), m.end())
    if not _DIGIT.search(text):
        return found  # phone numbers, BSNs and dates all have digits
    for m in _PHONE.finditer(text):
        if free(m.start(), m.end()) and _is_phone(m.group()):
            hit(TELEFOON, m.start(), m.end())
    for m in _BSN.finditer(text):
        if free(m.start(), m.end()) and _is_bsn(text, m, in_table):
            hit(BSN, m.start(), m.end())
    if not _BIRTH_WORD.search(text):
        return found  # a date is only a date of birth near a word such as "geboren"
    for m in _DATE.finditer(text):
        if free(m.start(), m.end()) and _is_date(m) and _near_birth_word(text, m.start(), m.end()):
            hit(GEBOORTEDATUM, m.start(), m.end())
    return found


def _phone_digits(value: str) -> str:
    digits = re.sub(r"\D", "", value.replace("(0)", ""))
    if value.strip().startswith("+"):
        digits = "00" + digits
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits


def _is_phone(value: str) -> bool:
    digits = _phone_digits(value)
    if len(digits) != 10 or not digits.startswith("0") or digits[1] == "0":
        return False
    return not digits.startswith(("0800", "0900", "0906", "0909"))


def _is_bsn(text: str, m: re.Match, in_table: bool) -> bool:
    digits = re.sub(r"\D", "", m.group())
    # The elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11.
    if int(digits) == 0 or sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11:
        return False
    if _BSN_WORD.search(text[max(0, m.start() - 40) : m.start()]):
        return True
    before, after = text[max(0, m.start() - 6) : m.start()], text[m.end() : m.end() + 10]
    amount_like = re.fullmatch(r"\d{3}([. ])\d{3}\1\d{3}", m.group()) is not None
    return not (in_table or amount_like or _AMOUNT.search(before) or _AMOUNT_AFTER.match(after))


def _is_date(m: re.Match) -> bool:
    if m.group("iy"):
        day, month = int(m.group("id")), int(m.group("im"))
    elif m.group("d"):
        day, month = int(m.group("d")), int(m.group("m"))
    else:
        return 1 <= int(m.group("td")) <= 31
    return 1 <= day <= 31 and 1 <= month <= 12


def _near_birth_word(text: str, start: int, end: int) -> bool:
    # Only the birth words that can be near: from _NEAR characters (and one word) before the date.
    for word in _BIRTH_WORD.finditer(text, max(0, start - _NEAR - _LONGEST_BIRTH_WORD)):
        if word.start() > end + _NEAR:
            break
        gap = (
            text[word.end() : start] if word.end() <= start else text[end : word.start()] if word.start() >= end else ""
        )
        if len(gap) <= _NEAR and not _SENTENCE_END.search(gap):
            return True
    return False


def _shown(hit: Hit) -> str:
    """The start of what was found: enough to find it on the line, not enough to spread it."""
    if hit.kind == EMAIL:
        name, _, domain = hit.value.partition("@")
        return f"{name[:1]}…@{domain}"
    return hit.value[:4].rstrip() + "…"


_ADVICE = {
    EMAIL: "Een e-mailadres van een cliënt, naaste of medewerker hoort niet in een openbaar rapport. Haal het "
    "weg. Is het een adres van uw organisatie, zoals info@...? Zet het dan in kompas.yml onder 'contact:' "
    "bij 'email'; dan mag het in de tekst staan.",
    TELEFOON: "Een telefoonnummer van een cliënt, naaste of medewerker hoort niet in een openbaar rapport. Haal "
    "het weg. Is het een nummer van uw organisatie? Zet het dan in kompas.yml onder 'contact:' bij "
    "'telefoon'; dan mag het in de tekst staan.",
    BSN: "Een burgerservicenummer mag nooit in een openbaar rapport staan. Haal het weg. Is het geen BSN maar "
    "een ander getal, schrijf het dan met punten per duizend (123.456.789) of met een eenheid erbij.",
    GEBOORTEDATUM: "Een geboortedatum maakt iemand herkenbaar en hoort niet in een openbaar rapport. Haal de "
    "datum weg, of noem alleen de leeftijd (bijvoorbeeld 'Gert (34)').",
}


def _finding(page: Page, hit: Hit) -> Finding:
    return Finding(
        "persoonsgegevens",
        FOUT,
        f"Op regel {hit.line} staat een {hit.kind} ('{_shown(hit)}'). {_ADVICE[hit.kind]}",
        file=page.path,
        line=hit.line,
    )
