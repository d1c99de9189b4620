"""Woordenlijst: hard words explained where an easy-read reader first meets them.

The sector's jargon ships as data (``jargon.yml``); an organisation adds or replaces words in
``content/woordenlijst.yml``. On an easy-read page, the first use of a word is marked and its
explanation follows the paragraph as a visible note: it works with a keyboard, a screen reader
and on a phone, because nothing is hidden behind hovering.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kompas_site.markdown import tokens as markdown_tokens
from kompas_site.woorden import DEFAULT, Woorden

JARGON = Path(__file__).with_name("jargon.yml")
# Top-level Markdown blocks whose text may carry an explanation; headings, tables and code do not.
_BLOCKS = {"paragraph_open", "bullet_list_open", "ordered_list_open", "blockquote_open"}
# Parts of a line that are not running text: links, images, code, HTML tags, addresses.
_NOT_TEXT = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|https?://\S+|\{[^}]*\}")


@dataclass(frozen=True)
class Term:
    term: str
    uitleg: str
    vormen: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The word as a heading or label: with a capital letter."""
        return self.term[:1].upper() + self.term[1:]

    @property
    def anchor(self) -> str:
        plain = unicodedata.normalize("NFKD", self.term).encode("ascii", "ignore").decode().lower()
        return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")

    @property
    def pattern(self) -> re.Pattern:
        return _pattern(self.term, self.vormen)


@lru_cache(maxsize=4096)
def _pattern(term: str, vormen: tuple[str, ...]) -> re.Pattern:
    forms = sorted({term, *vormen}, key=len, reverse=True)
    parts = [re.escape(f) if f.isupper() else f"(?i:{re.escape(f)})" for f in forms]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@lru_cache(maxsize=1)
def builtin_terms() -> tuple[Term, ...]:
    raw = yaml.safe_load(JARGON.read_text(encoding="utf-8"))
    return tuple(Term(t["term"], t["uitleg"], tuple(t.get("vormen") or ())) for t in raw)


def glossary(
    own: dict[str, str], vormen: dict[str, tuple[str, ...]] | None = None, woorden: Woorden = DEFAULT
) -> list[Term]:
    """The sector's words plus the organisation's own; the organisation's explanation wins. An own word
    is also found in the forms the author gave and in its likely plural; a blank word is left out (the
    checker names it). With ``woorden`` the sector's words speak the organisation's language (see
    ``in_own_words``)."""
    forms = vormen or {}
    return list(_glossary(tuple(own.items()), tuple((t, tuple(forms.get(t, ()))) for t in own), woorden))


@lru_cache(maxsize=16)
def _glossary(
    own: tuple[tuple[str, str], ...],
    vormen: tuple[tuple[str, tuple[str, ...]], ...] = (),
    woorden: Woorden = DEFAULT,
) -> tuple[Term, ...]:
    terms = {t.term.casefold(): t for t in in_own_words(builtin_terms(), woorden)}
    given = dict(vormen)
    for term, uitleg in own:
        if not uitleg or not term.strip():  # the checker names words without explanation, and blank words
            continue
        known = terms.get(term.casefold())
        forms = [*(known.vormen if known else ()), *given.get(term, ()), *plurals(term)]
        forms = [f for f in dict.fromkeys(forms) if f.casefold() != term.casefold()]
        terms[term.casefold()] = Term(term, uitleg, tuple(forms))
    return tuple(sorted(terms.values(), key=lambda t: t.term.casefold()))


def in_own_words(terms: tuple[Term, ...], woorden: Woorden) -> tuple[Term, ...]:
    """The built-in list in the organisation's words. A sector word the organisation names otherwise gets an
    entry under the organisation's word, with its forms and the same explanation: with 'verbeterpunten' the
    list has 'verbeterpunt' (verbeterpunt, verbeterpunten), with 'bewoners' 'bewonersraad'. A word that
    would become a group of words ('cliëntervaringsonderzoek') keeps its name: it is the name of a survey.
    The sector word keeps its entry too, for an easy-read text that uses it (a council may keep its legal
    name 'cliëntenraad'). Explanations that name clients name them in the organisation's word.

    The organisation's entry does not add "in het kwaliteitskader heet dit een speerpunt": the site never
    says that word, and a second hard word in an explanation does not help someone who reads with effort."""
    if woorden == DEFAULT:
        return terms
    result = []
    for term in terms:
        uitleg = woorden.apply(term.uitleg)
        named = woorden.apply(term.term)
        if named == term.term or " " in named:
            result.append(Term(term.term, uitleg, term.vormen))
            continue
        forms = tuple(dict.fromkeys(f for f in map(woorden.apply, term.vormen) if f not in term.vormen and f != named))
        result.append(Term(named, uitleg, forms))
        result.append(Term(term.term, uitleg, term.vormen))
    return tuple(result)


_VOWELS = "aeiouy"


def plurals(word: str) -> tuple[str, ...]:
    """The likely Dutch plural of one ordinary word, as the built-in list gives it (speerpunt, speerpunten;
    deelnemer, deelnemers; bouwsteen, bouwstenen). Names, abbreviations and groups of words get none: a
    form that is wrong is never in a text, so it does no harm, but a name must not change."""
    if not word.isalpha() or not word.islower() or len(word) < 3:
        return ()
    if word.endswith("heid"):
        return (word[:-4] + "heden",)
    if word.endswith(("e", "é")) or re.search(r"[^aeiouy]e[lmnr]$", word):  # deelnemer, visitatie, middel
        return (word + "s",)
    if word[-1] in "aiouy":
        return (word + "'s",)
    stem = word
    if re.search(r"([aou])\1[^aeiouy]$", word) or re.search(r"[^e]ee[^aeiouy]$", word):
        stem = word[:-2] + word[-1]  # bouwsteen -> bouwsten(en), uur -> ur(en)
        if stem.endswith("f"):
            stem = stem[:-1] + "v"
        elif stem.endswith("s"):
            stem = stem[:-1] + "z"
    elif re.search(r"(?:ij|ui|ei|ou|au|ie|oe|eu)[fs]$", word):
        stem = word[:-1] + ("v" if word.endswith("f") else "z")  # brief -> brieven, huis -> huizen
    elif re.search(r"(?:^|[^aeiouy])[aeiou][bdfgklmnprst]$", word):
        stem = word + word[-1]  # plan -> plannen, gesprek -> gesprekken
    return (stem + "en",) if word.endswith("s") else (stem + "en", word + "s")  # teams, too


def explain_terms(markdown: str, terms: list[Term]) -> tuple[str, list[Term]]:
    """Mark the first use of each term and put its explanation under the block it is in.

    Returns the new Markdown and the terms that were explained, in reading order.
    """
    lines = markdown.split("\n")
    todo = sorted(terms, key=lambda t: len(t.term), reverse=True)  # "raad van bestuur" before "bestuur"
    edits: list[tuple[int, list[tuple[int, int, int, Term]]]] = []  # (block end line, [(line, start, end, term)])
    explained: list[Term] = []
    for token in markdown_tokens(markdown):
        if token.level != 0 or token.type not in _BLOCKS or not token.map:
            continue
        start, end = token.map
        found: list[tuple[int, int, int, Term]] = []
        taken: list[tuple[int, int, int]] = []
        for term in list(todo):
            hit = _first_hit(lines, start, end, term, taken)
            if hit:
                found.append((*hit, term))
                taken.append(hit)
                todo.remove(term)
        if found:
            found.sort(key=lambda f: (f[0], f[1]))
            explained += [f[3] for f in found]
            edits.append((end, found))
    for end, found in reversed(edits):
        for line, a, b, _term in sorted(found, key=lambda f: (f[0], f[1]), reverse=True):
            text = lines[line]
            lines[line] = f'{text[:a]}<strong class="kompas-term">{text[a:b]}</strong>{text[b:]}'
        notes = [_note(term) for *_, term in found]
        lines[end:end] = [""] + notes + [""]
    return "\n".join(lines), explained


def _first_hit(lines, start, end, term, taken):
    for number in range(start, end):
        text = lines[number]
        blocked = None  # links, code and the like on this line: only looked for when the term is there
        for match in term.pattern.finditer(text):
            if blocked is None:
                blocked = [m.span() for m in _NOT_TEXT.finditer(text)] + [(a, b) for n, a, b in taken if n == number]
            a, b = match.span()
            if not any(x < b and a < y for x, y in blocked):
                return number, a, b
    return None


def _note(term: Term) -> str:
    return (
        f'<p class="kompas-uitleg" role="note"><span class="kompas-uitleg__woord">'
        f"{html.escape(term.label)}</span>: {html.escape(term.uitleg)}</p>"
    )
