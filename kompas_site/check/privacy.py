"""Rules: consent is on record for every story that needs it, and no personal data is in the text.

Consent (``toestemming`` in a story's front matter): required unless the story is told by a
professional (an unknown or missing ``perspectief`` counts as needing it, so a typo never skips the
check); when it is there it must be complete and still valid on the publication date, whoever tells
the story.

Personal data: BSN numbers (nine digits passing the elfproef), e-mail addresses, Dutch phone numbers
and dates of birth, in everything that is published: the Markdown of every page, easy-read page and
story (prose, inline code, code blocks, HTML, image descriptions, link addresses with ``mailto:`` and
``tel:``), the front matter shown on the site (``title``, ``description``, ``citaat``, ``fotos: alt``,
``video: titel`` and ``transcript``, ``door``, ``ondertekening``, a story's ``bron`` and ``opgetekend_door``,
a photo's ``fotograaf`` and ``bron``), ``speerpunten.yml`` (``titel``, ``toelichting``), ``woordenlijst.yml``
and ``verantwoordelijk`` in ``kompas.yml``. Look-alike spaces and dashes (non-breaking, thin, zero-width
spaces; non-breaking hyphens, en dashes) count as " " and "-", so they hide nothing. To keep false alarms away:

- the organisation's own numbers are never reported: an IBAN (any country, with or without spaces, its
  mod-97 checksum valid) and, right after its label, an RSIN ("RSIN", "fiscaal nummer"; 9 digits), a
  KvK-nummer ("KvK", "Kamer van Koophandel"; 8), a vestigingsnummer (12) or an AGB-code (8). The label
  nearest to a number counts: "niet het RSIN maar haar BSN: ..." is a BSN;
- a BSN written like an amount (``123.456.789``), next to ``€``, ``euro`` or ``%``, or in a table, only
  counts when a word like "BSN" or "burgerservicenummer" stands just before it;
- a phone number must have exactly the digits of a Dutch number (``0`` + 9, or ``+31``/``0031`` + 9);
  0800 and 0900 numbers are an organisation's, never a person's;
- a date of birth is a day and month (with or without year) in the same sentence as "geboren",
  "geboortedatum", "geboortedag" or "geb.", at most a few words away; a year alone is not one, and
  neither is the birth of a thing ("het idee werd geboren op 4 april 2022", "de geboortedag van onze
  stichting"): see ``is_figurative_birth``;
- a value the author allows, with a reason (``toegestaan:`` in ``kompas.yml`` for every text, or in a
  page's front matter for that page), and the organisation's ``contact:`` are not reported. Numbers
  are compared by their digits, e-mail addresses without regard to case. There is no switch to turn
  the scan off.

Messages show only the start of what was found, so that the check's own output (the terminal, JSON
in a CI log, the banner of a concept site) does not spread the data further.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote

from kompas_site.cache import memo
from kompas_site.check.findings import FOUT, Finding
from kompas_site.dutch import datum
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
        else:
            yield from _record(story, consent, (), moment, moment_text)
        fotos = story.meta.get("fotos")
        for i, foto in enumerate(fotos if isinstance(fotos, list) else []):
            # a photo of someone else than the storyteller: its own consent, checked the same way
            if isinstance(foto, dict) and foto.get("toestemming") not in (None, ""):
                yield from _record(story, foto["toestemming"], ("fotos", i), moment, moment_text, foto.get("bestand"))


def _record(
    story: Page, consent: object, where: tuple, moment: date, moment_text: str, photo: object = None
) -> Iterator[Finding]:
    """The findings about one consent record: the story's own (``where`` is empty) or a photo's."""
    subject = f"De foto '{photo}'" if isinstance(photo, str) else "De foto" if where else "Het verhaal"
    about = f"{subject}: " if where else ""
    prefix = ".".join(p for p in where if isinstance(p, str))

    def line(*key: str) -> int | None:
        return story.meta_lines.get((*where, "toestemming", *key)) or story.meta_lines.get((*where, "toestemming"))

    def missing(what: str, at: int | None, key: str | None = None) -> Finding:
        return _missing(story, about + what, at, key, prefix)

    if not isinstance(consent, dict):
        yield missing(
            "Onder 'toestemming' horen drie ingesprongen regels: datum, geldig_tot en vastgelegd_door.", line()
        )
        return
    for key, meaning in CONSENT_FIELDS.items():
        value = consent.get(key)
        if value is None or str(value).strip() == "":
            yield missing(f"Bij 'toestemming' ontbreekt '{key}': {meaning}.", line(key), key)
        elif key != "vastgelegd_door" and not isinstance(value, date):
            continue  # written but not a date: the loader says what is wrong with it (kopregel-vorm)
        elif key == "vastgelegd_door" and isinstance(value, (dict, list)):
            yield missing(
                "'toestemming: vastgelegd_door' moet één tekst zijn: wie de toestemming "
                "heeft vastgelegd, zoals 'teamleider Wonen Noord'.",
                line(key),
                key,
            )
    until = consent.get("geldig_tot")
    given = consent.get("datum")
    if isinstance(until, date) and isinstance(given, date) and given > until:
        yield missing(
            f"De toestemming is gegeven op {datum(given)}, maar gold maar tot {datum(until)}: de datum ligt "
            "na 'geldig_tot'. Zijn de twee datums omgedraaid?",
            line("datum"),
            "datum",
        )
    if isinstance(until, date):
        until = until.date() if isinstance(until, datetime) else until
        if until < moment:
            what = f"{subject} heeft toestemming" if where else "De toestemming voor dit verhaal gold"
            yield Finding(
                "toestemming-verlopen",
                FOUT,
                f"{what} tot {datum(until)}, en dat is vóór {moment_text}. "
                "Vraag opnieuw toestemming en zet de nieuwe datums bij 'toestemming', of haal "
                + ("de foto" if where else "het verhaal")
                + " van de site.",
                file=story.path,
                line=line("geldig_tot"),
                key=(f"{prefix}." if prefix else "") + "toestemming.geldig_tot",
            )


def _missing(story: Page, what: str, line: int | None, key: str | None = None, prefix: str = "") -> Finding:
    where = "bij de foto in de kop van het verhaal (onder 'fotos')" if prefix else "in de kop van het verhaal"
    return Finding(
        "toestemming-ontbreekt",
        FOUT,
        what
        + f" Leg de toestemming vast en zet die {where}: "
        + CONSENT_EXAMPLE
        + ". Deze gegevens komen niet op de site.",
        file=story.path,
        line=line or 1,
        key=(f"{prefix}." if prefix else "") + "toestemming" + (f".{key}" if key else ""),
    )


# --- personal data -------------------------------------------------------------------------------

EMAIL = "e-mailadres"
TELEFOON = "telefoonnummer"
BSN = "BSN (burgerservicenummer)"
GEBOORTEDATUM = "geboortedatum"

# Spaces and dashes that look like " " and "-" but are other characters (a non-breaking space between
# the groups of a BSN, a non-breaking hyphen or an en dash in a phone number) become " " and "-", one
# character for one, so that every position found stays a position in the author's text.
_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys(map(chr, [0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]), " "),
        **dict.fromkeys(map(chr, [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]), " "),  # zero width
        **dict.fromkeys(map(chr, [*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63, 0xFF0D]), "-"),
    }
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE)
_SEP = r"(?:\s?[-./]\s?|\s)?"
_PHONE = re.compile(
    r"(?<![\w+/.,-])"
    r"(?:(?:\+|00)31" + _SEP + r"(?:\(0\)" + _SEP + r")?[1-9]|\(0\d{1,3}\)|0[1-9])"
    r"(?:" + _SEP + r"\d){5,12}"
    r"(?![\w/]|[.,]\d)"
)
_BSN = re.compile(r"(?<![\w.,/+-])\d(?:[. -]?\d){8}(?![\w/]|[.,-]\d)")
_BSN_WORD = re.compile(r"\b(?:bsn|burgerservice-?nummer|sofi-?nummer)\b[^\d\n]{0,30}$", re.IGNORECASE)
_AMOUNT = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"^\s*(?:%|procent|euro|eur\b|mln|miljoen)", re.IGNORECASE)

# The organisation's own numbers, recognised by a label just before them and the number of digits.
_LABEL = re.compile(
    r"(?<!\w)(?:(?P<bsn>bsn|burgerservice-?nummer|sofi-?nummer)"
    r"|(?P<rsin>rsin|fiscaal[ -]?(?:identificatie)?nummer)"
    r"|(?P<kvk>kvk|k\.v\.k\.?|kamer van koophandel|handelsregister)"
    r"|(?P<vestiging>vestigings-?nummer|vestigingsnr\.?)"
    r"|(?P<agb>agb))(?!\w)",
    re.IGNORECASE,
)
_ORG_DIGITS = {"rsin": 9, "kvk": 8, "vestiging": 12, "agb": 8}
_LABEL_GAP = 30  # characters between a label and its number: ": ", "-nummer is ", "(zie de statuten): "
_NUMBER_RUN = re.compile(r"\d(?:[. -]?\d){0,15}")
_RSIN_AFTER = re.compile(r"\s{0,2}[(,]?\s{0,2}(?:rsin|fiscaal[ -]?nummer)(?!\w)", re.IGNORECASE)
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,32}")

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

# "Het idee werd geboren op 4 april 2022": things are born only in a figure of speech. The clause before
# the birth word tells: a person (a pronoun, a relative, a client) makes it a person's date of birth; else
# a thing or a founding word that is not behind a preposition ("in het ziekenhuis" is a place) makes it a
# figure of speech. Compounds count: "moestuinproject", "buurtinitiatief", "zorgconcept".
_CLAUSE_BACK = 80
_CLAUSE_BOUNDARY = re.compile(r"[.!?;:,()\n]")
_PERSON = re.compile(
    r"ik|hij|zij|ze|jij|je|u|wij|we|jullie|"
    r"\w*(?:kind|kinderen|zoon|zoontje|dochter|dochtertje|baby|tweeling|broer|broertje|zus|zusje|moeder|vader"
    r"|opa|oma|cliënt|client|bewoner|bewoonster|deelnemer|meisje|jongen|jongetje|man|vrouw|neef|nicht)"
)
_THING = re.compile(
    r"\w*(?:idee|ideeën|plan|plannen|project|projecten|initiatief|stichting|organisatie|vereniging|bedrijf"
    r"|werkgroep|team|concept|methode|samenwerking|traject|programma|website|podcast|nieuwsbrief|krant|club"
    r"|avond|moestuin|kompas|rapport|netwerk|platform|festival|koor|cliëntenraad|ondernemingsraad|beweging"
    r"|gedachte|droom|locatie|afdeling|werkplaats|opgericht|oprichting|gestart|begonnen)"
)
_PLACE_WORDS = frozenset(["in", "op", "bij", "te", "uit", "naar", "aan", "tijdens", "na", "onder", "vanuit", "door"])
_DETERMINERS = frozenset(
    ["de", "het", "een", "ons", "onze", "dit", "deze", "dat", "die", "mijn", "zijn", "haar", "hun"]
)

# One line, so that it survives every output (the terminal wraps messages, JSON keeps them on one line).
_ALLOW_EXAMPLE = (
    "toegestaan: [{waarde: '801745913', reden: 'het RSIN van onze stichting, verplicht voor de ANBI-status'}]"
)


@dataclass(frozen=True)
class Hit:
    kind: str
    value: str
    line: int


def check_personal_data(report: Report) -> Iterator[Finding]:
    """Personal data in everything that is published: pages, stories and easy-read pages (their text and
    the front matter shown on the site), speerpunten, the glossary and ``verantwoordelijk``. A value the
    author allows (``toegestaan:`` in ``kompas.yml`` or in a page's front matter, or ``contact:``) is left alone."""
    settings = report.settings
    everywhere = _Allowed(settings.toegestaan, settings.contact.email, settings.contact.telefoon)
    sources = _Sources(report.root)
    for page in report.all_pages:
        allowed = everywhere.plus(page.meta.get("toegestaan"))
        for hit, key, length in _page_hits(page):
            if not allowed.allows(hit):
                yield _finding(page.path, sources.line(page.path, hit, length), hit, key, page_can_allow=True)
    yaml_values: list[tuple[str, str | None, object, int | None]] = []
    if settings.verantwoordelijk:
        yaml_values.append(
            (settings.file, "verantwoordelijk", settings.verantwoordelijk, settings.line("verantwoordelijk"))
        )
    for goal in report.speerpunten or ():
        for key in ("titel", "toelichting"):
            line = goal.lines.get((key,)) or goal.line
            yaml_values.append((report.speerpunten_file, f"speerpunten: {goal.id}: {key}", getattr(goal, key), line))
    for term, uitleg in report.woordenlijst.items():
        line = report.woordenlijst_lines.get(term)
        yaml_values += [(_GLOSSARY_FILE, f"woordenlijst: {term}", term, line), (_GLOSSARY_FILE, None, uitleg, line)]
    for file, key, value, line in yaml_values:
        for text in _texts(value):
            for hit in _find(text.translate(_LOOKALIKES), line or 1, False):
                if not everywhere.allows(hit):
                    yield _finding(file, sources.line(file, hit, len(text)), hit, key, page_can_allow=False)


_GLOSSARY_FILE = "woordenlijst.yml"
# Downloads whose text is read like a page's: what a reader opens as plain text.
TEXT_DOWNLOADS = (".txt", ".csv")


def check_download_texts(report: Report, published: list[str]) -> Iterator[Finding]:
    """Personal data in the published plain-text downloads (``.txt``, ``.csv``): their whole text, read as
    UTF-8 (or Windows-1252, as Excel and Notepad on Windows may save it), with the line in the download."""
    settings = report.settings
    everywhere = _Allowed(settings.toegestaan, settings.contact.email, settings.contact.telefoon)
    for file in published:
        if not file.lower().endswith(TEXT_DOWNLOADS):
            continue
        text = _download_text(Path(report.root) / file)
        for hit in _find(text.translate(_LOOKALIKES), 1, False):
            if not everywhere.allows(hit):
                yield _finding(file, hit.line, hit, None, page_can_allow=False, download=True)


def _download_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError:
        return ""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# Front matter that reaches the site, with the key a finding names.
_META_TEXTS = (
    *(("title", "title"), ("description", "description"), ("citaat", "citaat"), ("door", "door")),
    *(("bron", "bron"), ("opgetekend_door", "opgetekend_door")),
)


def _page_hits(page: Page) -> Iterator[tuple[Hit, str | None, int]]:
    """Each hit with the front matter key it is under (None in the body) and the length of that value."""
    meta = page.meta
    keyed: list[tuple[str, tuple, object]] = [(name, (key,), meta.get(key)) for key, name in _META_TEXTS]
    fotos = meta.get("fotos")
    for i, foto in enumerate(fotos if isinstance(fotos, list) else [fotos]):
        if isinstance(foto, dict):
            keyed += [(f"fotos: {k}", ("fotos", i, k), foto.get(k)) for k in ("alt", "fotograaf", "bron")]
    for i, person in enumerate(meta.get("ondertekening") or []):
        if isinstance(person, dict):
            keyed += [(f"ondertekening: {k}", ("ondertekening", i, k), person.get(k)) for k in ("naam", "functie")]
    video = meta.get("video")
    if isinstance(video, dict):
        keyed += [(f"video: {k}", ("video", k), video.get(k)) for k in ("titel", "transcript")]
    for name, path, value in keyed:
        line = page.meta_lines.get(path) or page.meta_line(path[0]) or 1
        for text in _texts(value):
            for hit in _find(text.translate(_LOOKALIKES), line, False):
                yield hit, name, len(text)
    for hit in personal_data_in(page.body):
        yield Hit(hit.kind, hit.value, page.body_line + hit.line), None, 0


def _texts(value: object) -> list[str]:
    """The text of a YAML value as it is published: a text, a number, or each of a list of them."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return []


class _Allowed:
    """The values an author allows: ``toegestaan`` (each with a reason) and the organisation's ``contact``."""

    def __init__(self, toegestaan: object, emails: tuple[str, ...] = (), phones: tuple[str, ...] = ()):
        self.emails = {e.strip().lower() for e in emails}
        self.digits = {_phone_digits(p) for p in phones} - {""}
        self.texts: set[str] = set()
        items = [toegestaan] if isinstance(toegestaan, dict) else toegestaan
        for item in items if isinstance(items, (list, tuple)) else ():
            value = item.get("waarde") if isinstance(item, dict) else getattr(item, "waarde", None)
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                continue
            value = str(value).translate(_LOOKALIKES).strip()
            if "@" in value:
                self.emails.add(value.lower())
            elif _DIGIT.search(value):
                self.digits |= {re.sub(r"\D", "", value), _phone_digits(value)}
            self.texts.add(" ".join(value.lower().split()))

    def plus(self, toegestaan: object) -> _Allowed:
        if not toegestaan:
            return self
        more = _Allowed(toegestaan)
        combined = _Allowed(())
        combined.emails = self.emails | more.emails
        combined.digits = self.digits | more.digits
        combined.texts = self.texts | more.texts
        return combined

    def allows(self, hit: Hit) -> bool:
        if hit.kind == EMAIL:
            return hit.value.lower() in self.emails
        if " ".join(hit.value.lower().split()) in self.texts:
            return True
        if hit.kind == TELEFOON:
            return _phone_digits(hit.value) in self.digits
        return re.sub(r"\D", "", hit.value) in self.digits


class _Sources:
    """The text of the files findings point into, read only when a value from YAML has a hit: a YAML
    value folded over several lines (``>``) is found on its own line, not on its key's."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, tuple[str, list[int]]] = {}

    def line(self, file: str, hit: Hit, length: int = 0) -> int:
        if not length:  # a page's body: the line is exact
            return hit.line
        if file not in self.files:
            try:
                text = (self.root / file).read_text(encoding="utf-8").translate(_LOOKALIKES)
            except (OSError, UnicodeError, TypeError):
                text = ""
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
            self.files[file] = (text, starts)
        text, starts = self.files[file]
        if not 1 <= hit.line <= len(starts):
            return hit.line
        # The value starts at its key's line or later; it is never further on than its own length (folded
        # lines) plus a few lines of indentation and comments.
        begin = starts[hit.line - 1]
        found = text.find(hit.value, begin, begin + 2 * length + 4000)
        return hit.line if found < 0 else bisect.bisect_right(starts, found)


@memo
def personal_data_in(body: str) -> tuple[Hit, ...]:
    """The personal data in a page's Markdown, with lines counted from 0 at the body's first line:
    prose, inline code, code blocks, HTML, image descriptions and link addresses (all published)."""
    hits: list[Hit] = []
    body = body.translate(_LOOKALIKES)
    lines = body.split("\n")
    in_table = 0
    link_line = 0  # links come in order: each is looked for from the line of the one before
    for token in markdown_tokens(body):
        if token.type == "table_open":
            in_table += 1
        elif token.type == "table_close":
            in_table -= 1
        if token.type in ("html_block", "code_block", "fence") and token.map:
            hits += _find(token.content, token.map[0] + (token.type == "fence"), False)
        if token.type != "inline" or not token.map:
            continue
        parts = []
        for child in token.children or ():
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif child.type == "image":
                parts.append(" " + child.content + " ")  # the description (alt text)
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                # The address of a link is published too; an autolink shows it as its text.
                if child.markup != "autolink" and (_DIGIT.search(href) or "@" in href):
                    address = unquote(href)
                    if address.lower().startswith(("mailto:", "tel:")):
                        address = address.split(":", 1)[1].split("?")[0]
                    link_line = _line_from(lines, max(link_line, token.map[0]), token.map[1], href)
                    hits += _find(" " + address + " ", link_line, False)
                parts.append(" ")
            else:
                parts.append(" ")
        hits += _find("".join(parts), token.map[0], bool(in_table))
    return tuple(hits)


def _line_from(lines: list[str], start: int, end: int, needle: str) -> int:
    """The first line from ``start`` (before ``end``, and at most LINK_LINES on) that holds ``needle``, else
    ``start``: a bounded look, so that a paragraph of many links stays linear."""
    return next((n for n in range(start, min(end, start + _LINK_LINES)) if needle in lines[n]), start)


_LINK_LINES = 200


def find_personal_data(text: str, first_line: int = 1, in_table: bool = False) -> Iterator[Hit]:
    """Every piece of personal data in a piece of prose, with its line (``first_line`` + newlines)."""
    yield from _find(text.translate(_LOOKALIKES), first_line, in_table)


def _find(text: str, first_line: int, in_table: bool) -> list[Hit]:
    found: list[Hit] = []
    taken_starts: list[int] = []  # what is found so far: sorted, never overlapping
    taken_ends: list[int] = []
    counted = [0, 0]  # newlines in text[:counted[0]] are counted[1]

    def take(match_start: int, match_end: int) -> None:
        at = bisect.bisect_left(taken_starts, match_start)
        taken_starts.insert(at, match_start)
        taken_ends.insert(at, match_end)

    def hit(kind: str, match_start: int, match_end: int) -> None:
        take(match_start, match_end)
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
    # The organisation's own numbers are not personal data: an IBAN, and an RSIN, KvK-, vestigings- or
    # AGB-nummer after its label. They are taken first, so that no rule below reads them.
    for m in _IBAN.finditer(text):
        end = _iban_end(m)
        if end and free(m.start(), end):
            take(m.start(), end)
    for start, end in _organisation_numbers(text):
        if free(start, end):
            take(start, end)
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


def _iban_end(m: re.Match) -> int | None:
    """Where the IBAN that starts at ``m`` ends (its checksum holds), or None: the match may run on into
    the next word ("NL91 ABNA 0417 1643 00 KVK"), so the longest valid end at a group's end counts."""
    text, start = m.string, m.start()
    ends = [i for i in range(m.start() + 15, m.end()) if text[i] == " "] + [m.end()]
    for end in reversed(ends):
        compact = text[start:end].replace(" ", "")
        if 15 <= len(compact) <= 34 and iban_is_valid(compact):
            return end
    return None


def iban_is_valid(iban: str) -> bool:
    """The ISO 13616 check: the IBAN with its first four characters moved to the end, letters as numbers
    (A = 10 ... Z = 35), leaves 1 when divided by 97."""
    moved = (iban[4:] + iban[:4]).upper()
    if not moved.isalnum() or not moved.isascii():
        return False
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _organisation_numbers(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the organisation's own numbers: a number right after its label (nothing but a few
    words between them, no other label, no sentence end) with the digits of that kind of number."""
    labels = list(_LABEL.finditer(text))
    for i, label in enumerate(labels):
        kind = label.lastgroup
        if kind is None or kind == "bsn":  # every label is a named group
            continue
        digit = _DIGIT.search(text, label.end(), label.end() + _LABEL_GAP + 1)
        if not digit or _SENTENCE_END.search(text, label.end(), digit.start()):
            continue
        if i + 1 < len(labels) and labels[i + 1].start() < digit.start():
            continue  # another label is closer to the number
        run = _NUMBER_RUN.match(text, digit.start())
        end = _after_digits(run.group(), _ORG_DIGITS[kind]) if run else None
        if run and end is not None and not text[run.start() + end : run.start() + end + 1].isalnum():
            yield run.start(), run.start() + end
    for m in _BSN.finditer(text):  # "801745913 (RSIN)"
        if _RSIN_AFTER.match(text, m.end()):
            yield m.start(), m.end()


def _after_digits(run: str, count: int) -> int | None:
    """Where the first ``count`` digits of a run of digits and separators end, if a group ends there
    ("RSIN 801745913 2025": the RSIN, then a year), else None."""
    seen = 0
    for i, char in enumerate(run):
        seen += char.isdigit()
        if seen == count:
            return i + 1 if i + 1 == len(run) or run[i + 1] == " " else None
    return None


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
        if (
            len(gap) <= _NEAR
            and not _SENTENCE_END.search(gap)
            and not is_figurative_birth(text, word.start(), word.end())
        ):
            return True
    return False


def is_figurative_birth(text: str, at: int, end: int | None = None) -> bool:
    """Whether the birth word at ``text[at:end]`` is said of a thing ("het idee werd geboren", "de stichting
    is geboren", "op 4 april 2022 werd ons project geboren", "de geboortedag van onze stichting"), judged by
    the clause before it and, for a noun like "geboortedag", the words after it up to a number."""
    before = text[max(0, at - _CLAUSE_BACK) : at]
    boundaries = list(_CLAUSE_BOUNDARY.finditer(before))
    clause = before[boundaries[-1].end() :] if boundaries else before
    words = re.findall(r"\w+", clause.lower())
    if end is not None and not text[at:end].lower().startswith("geboren"):
        after = re.split(r"[\d.!?;:,()\n]", text[end : end + _CLAUSE_BACK], maxsplit=1)[0]
        words += ["."] + re.findall(r"\w+", after.lower())  # "." keeps the two parts apart
    if any(_PERSON.fullmatch(w) for w in words):
        return False
    for i, word in enumerate(words):
        if not _THING.fullmatch(word):
            continue
        j = i - 1
        while j >= 0 and (words[j] in _DETERMINERS or words[j].isdigit() or words[j].endswith("e")):
            j -= 1  # "in het grote ziekenhuis": skip to the word before the noun
        if j < 0 or words[j] not in _PLACE_WORDS:
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
    BSN: "Een burgerservicenummer mag nooit in een openbaar rapport staan. Haal het weg. Is het een nummer van "
    "uw organisatie, zet dan het soort nummer ervoor ('RSIN 801745913', 'KvK 41234567', 'AGB-code 12345678'); "
    "is het een bedrag, schrijf het dan met punten per duizend (123.456.789) of met een eenheid erbij.",
    GEBOORTEDATUM: "Een geboortedatum maakt iemand herkenbaar en hoort niet in een openbaar rapport. Haal de "
    "datum weg, of noem alleen de leeftijd (bijvoorbeeld 'Gert (34)').",
}


_DOWNLOAD_ADVICE = (
    " Iedereen kan deze download van de website halen en openen. Haal het gegeven uit het bestand (of de kolom "
    "uit de tabel), of link niet meer naar het bestand."
)


def _finding(file: str, line: int, hit: Hit, key: str | None, page_can_allow: bool, download: bool = False) -> Finding:
    where = f"Op regel {line}" + (f", bij '{key}'," if key else "") + (" van deze download" if download else "")
    place = "in kompas.yml (voor het hele rapport) of in de kop van deze pagina" if page_can_allow else "in kompas.yml"
    # e-mail and phone: the advice already says where the organisation's own go ('contact:'); a number or a
    # date that is not about a person can be allowed as a last resort
    allow = (
        f" Is het echt geen persoonsgegeven? Zet die ene waarde dan met de reden {place}: {_ALLOW_EXAMPLE}"
        if hit.kind in (BSN, GEBOORTEDATUM)
        else ""
    )
    return Finding(
        "persoonsgegevens",
        FOUT,
        f"{where} staat een {hit.kind} ('{_shown(hit)}'). {_ADVICE[hit.kind]}{allow}"
        + (_DOWNLOAD_ADVICE if download else ""),
        file=file,
        line=line,
        key=key,
    )
