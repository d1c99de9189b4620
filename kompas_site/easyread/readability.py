"""Leesbaarheid: how easy is a Dutch Markdown text to read?

A pure function over Markdown text, for ``kompas leesbaarheid`` and for the checker on every
easy-read page (``NAAM.begrijpelijk.md``). Nothing here knows the site engine.

What counts as text
    Paragraphs, list items and block quotes. Each paragraph and each list item ends a sentence,
    also without a full stop. Not text: YAML front matter, headings (labels, not sentences:
    counting "Wat ging goed?" as a sentence would make every page with many headings look easier
    than it reads), table cells (mostly labels and figures, the same objection), code, HTML
    blocks and tags, image descriptions, web and e-mail addresses. The words of a link count, its
    address does not; words between inline tags (``<abbr>``) count, because the reader sees them.

What a word is
    A run of letters or digits, with ' or - inside (``zo'n``, ``e-mail``). Clitics such as the
    ``'s`` of ``'s avonds`` are not words. Numerals (``2025``, ``1,5``) are words for the length
    of a sentence, but are left out of the syllable average and the long/rare shares: a reader
    sees "64" as one sign, and how many syllables it has when read aloud says little.

Syllables
    Pyphen with the Dutch hyphenation dictionary ``nl_NL``: the number of parts that contain a
    vowel (so ``cli-ën-t-er-va-rings-…`` counts the lone ``t`` with its neighbour); an abbreviation
    in capitals has a syllable per letter (``PDCA``: pee-dee-cee-aa). The dictionary
    does not split off a single letter at the start or end of a word (``eten``, ``over`` and
    ``idee`` count as one syllable), so it counts a little low. The thresholds below were set with
    the same counting, so that cancels out; do not compare our Douma scores one-to-one with tools
    that count syllables differently.

Flesch-Douma
    206.84 − 0.77 × (syllables per 100 words) − 0.93 × (words per sentence). Higher is easier.

Rare words
    A word is rare when its Zipf frequency in wordfreq's Dutch list is below ``RARE_ZIPF`` (see
    there). Dutch glues words together, and wordfreq does not know most new compounds
    (``boodschappenpas``, ``teamreflectie``): a compound of two or three common parts
    (``boodschappen`` + ``pas``) is not rare; it may still be a long word. Not counted as rare:
    names (a word with a capital letter inside a sentence, and the same word at the start of a
    sentence), numerals, and words of one or two letters. Abbreviations in capitals (``PDCA``)
    are not names: they are exactly the jargon a reader stumbles over.

Known words
    The organisation's own name is no hard word: its readers know it, and the page cannot say it
    otherwise. ``analyse(..., known=known_words("Zorggroep Noorderbreedte"))`` makes those words
    never long and never rare (so never a ``woord-zonder-uitleg`` either); they still count as words
    with their syllables.

Caching
    One cache per kind of result, keyed on what it depends on: the analysis of a text (``analyse``,
    by text, first line and known words) and, per word, its syllables, its frequency and whether it
    is rare. The findings (``easy_read_findings``) are derived from the cached analysis each time.

Passive voice (hints)
    A form of ``worden`` (also ``zijn … geworden``) together with a word shaped like a past
    participle in the same sentence: ``wordt … gedaan``, ``werd besproken``, ``dat … verteld
    wordt``. It is a hint, not grammar: "Het wordt beroemd" is found too.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from kompas_site.cache import memo
from kompas_site.dutch import getal, opsomming, procent, telwoord
from kompas_site.markdown import tokens as markdown_tokens

# --- Thresholds ------------------------------------------------------------------------------
#
# Calibrated on two kinds of real text, measured (in issue 4) with the same pyphen syllables:
# the sector's own easy-read version of its quality framework has about 10 words per sentence,
# Flesch-Douma about 60, about 6% words of 13 letters or more and single sentences up to about 23
# words: it must pass. A chapter of the full framework text (policy prose) has about 16 words per
# sentence, Douma about 47, about 9% long words and sentences of 40 words and more: it must fail.
# Our own calibration texts in tests/teksten/ reproduce both profiles with the counting in this
# module (makkelijk.md: 10.0 / 59.4 / 5.8% / longest 23; beleid.md: 15.8 / 46.5 / 9.0% /
# longest 46; asserted in tests/test_readability.py), and the example's easy-read pages, written
# as easy-read, pass with room to spare (about 6-7 words per sentence, Douma 76-100).
#
# Each limit lies between the two profiles, nearer the easy-read one, so that a text drifting
# towards policy prose fails on more than one measure. The text is judged as a whole: one long
# sentence in an otherwise easy text is a finding (a tip), not a failed verdict.

MAX_WORDS_PER_SENTENCE = 12.0  # average; easy-read ~10, policy ~16 (B1 advice: at most 15)
MIN_DOUMA = 55.0  # easy-read ~60, policy ~47; the gap is mostly sentence length, not word length
MAX_LONG_WORD_SHARE = 0.08  # words of LONG_WORD letters or more; easy-read ~6%, policy ~9%
# See RARE_ZIPF. Measured: the example's easy-read pages 0-0.6%, its full pages 0-1.8%, both
# calibration texts 0% and 1.0%. So this limit does not separate easy-read from policy prose
# (sentence length does); it catches a page thick with unexplained jargon, where one word in 25
# is a word the reader will not know.
MAX_RARE_WORD_SHARE = 0.04

LONG_WORD = 13  # letters; the usual line between a long and a very long Dutch word
# Zipf 3 = once per million words. Below it are words that a reader with a mild intellectual
# disability will mostly not know: visitatie 2.85, ambulante 2.78, logopedist 2.71, PDCA 2.01.
# Everyday words of care stay above it: begeleider 3.75, douchen 4.05, medicijnen 4.41.
# Compounds of common words are not rare by this measure (zorgkantoor = zorg + kantoor,
# cliëntenraad = cliënten + raad); they are often long words. Sector jargon just above the line
# (speerpunt 3.06, ervaringsdeskundige 3.04) is the woordenlijst's job, not this measure's.
RARE_ZIPF = 3.0

# Per sentence: when is one sentence hard? These make findings, never the verdict on their own.
SENTENCE_MAX_WORDS = 15  # easy-read advice: one message per sentence, at most about 15 words
SENTENCE_MAX_LONG_WORDS = 1  # two or more long words in one sentence is a finding

THRESHOLDS = {
    "woorden_per_zin": {"max": MAX_WORDS_PER_SENTENCE},
    "douma": {"min": MIN_DOUMA},
    "lange_woorden": {"max": MAX_LONG_WORD_SHARE, "letters": LONG_WORD},
    "zeldzame_woorden": {"max": MAX_RARE_WORD_SHARE, "zipf": RARE_ZIPF},
    "zin": {"max_woorden": SENTENCE_MAX_WORDS, "max_lange_woorden": SENTENCE_MAX_LONG_WORDS},
}

# Reasons a sentence is hard (stable codes, used in JSON).
TE_LANG = "te-lang"
LANGE_WOORDEN = "lange-woorden"
LIJDENDE_VORM = "lijdende-vorm"
ZELDZAME_WOORDEN = "zeldzame-woorden"

# Findings for the checker (see easy_read_findings).
WAARSCHUWING = "waarschuwing"
TIP = "tip"
MAX_SENTENCE_TIPS = 5  # per page: a handful, hardest first
HARDEST_IN_WARNING = 3


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    line: int  # line in the file where the sentence starts
    text: str  # the sentence as a reader sees it (markup removed)
    words: int
    long_words: tuple[str, ...] = ()
    rare_words: tuple[str, ...] = ()  # first use in the text only
    passive: str | None = None  # e.g. "wordt … besproken"

    @property
    def reasons(self) -> tuple[str, ...]:
        found = []
        if self.words > SENTENCE_MAX_WORDS:
            found.append(TE_LANG)
        if len(self.long_words) > SENTENCE_MAX_LONG_WORDS:
            found.append(LANGE_WOORDEN)
        if self.passive:
            found.append(LIJDENDE_VORM)
        if self.rare_words:
            found.append(ZELDZAME_WOORDEN)
        return tuple(found)

    @property
    def hard(self) -> bool:
        return bool(self.reasons)

    @property
    def difficulty(self) -> tuple:
        """Sort key, hardest first when sorted in reverse."""
        return (
            len(self.reasons),
            max(0, self.words - SENTENCE_MAX_WORDS),
            len(self.long_words) + len(self.rare_words),
            self.words,
            -self.line,
        )

    def advice(self) -> str:
        """Plain Dutch: what is hard about this sentence and what to do."""
        parts = []
        if TE_LANG in self.reasons:
            parts.append(
                f"is {self.words} woorden lang. "
                f"Maak er {telwoord(math.ceil(self.words / SENTENCE_MAX_WORDS))} zinnen van."
            )
        if LANGE_WOORDEN in self.reasons:
            parts.append(
                f"heeft {telwoord(len(self.long_words))} lange woorden ({opsomming(map(short_word, self.long_words))}). "
                "Zeg het met kortere woorden."
            )
        if LIJDENDE_VORM in self.reasons:
            parts.append(
                f"is lijdende vorm ('{self.passive}'). Zeg wie het doet, bijvoorbeeld 'wij' of 'de begeleider'."
            )
        if ZELDZAME_WOORDEN in self.reasons:
            woorden = "een moeilijk woord" if len(self.rare_words) == 1 else "moeilijke woorden"
            parts.append(
                f"heeft {woorden}: {opsomming(map(short_word, self.rare_words))}. "
                "Kies een gewoner woord, of leg het uit in een korte zin."
            )
        if not parts:
            return ""
        text = f"Zin op regel {self.line} {parts[0]}"
        for part in parts[1:]:
            text += f" De zin {part}"
        return text

    def as_dict(self) -> dict:
        return {
            "regel": self.line,
            "tekst": self.text,
            "woorden": self.words,
            "redenen": list(self.reasons),
            "lange_woorden": list(self.long_words),
            "zeldzame_woorden": list(self.rare_words),
            "lijdende_vorm": self.passive,
            "advies": self.advice(),
        }


def short_word(word: str, width: int = 40) -> str:
    """A word as a message names it: a "word" of thousands of letters only by its start."""
    return word if len(word) <= width else word[: width - 1] + "…"


@dataclass(frozen=True)
class Readability:
    sentences: tuple[Sentence, ...] = ()
    words: int = 0  # all words, numerals included
    letter_words: int = 0  # words with letters: the base for syllables and the shares
    syllables: int = 0
    long_words: int = 0
    rare_words: int = 0  # every use, not only the first
    first_line: int = 1

    @property
    def empty(self) -> bool:
        return self.words == 0

    @property
    def words_per_sentence(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.letter_words if self.letter_words else 0.0

    @property
    def douma(self) -> float:
        if not self.sentences:
            return 0.0
        return 206.84 - 0.77 * (100 * self.syllables_per_word) - 0.93 * self.words_per_sentence

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.letter_words if self.letter_words else 0.0

    @property
    def rare_word_share(self) -> float:
        return self.rare_words / self.letter_words if self.letter_words else 0.0

    @property
    def longest_sentence(self) -> int:
        return max((s.words for s in self.sentences), default=0)

    @property
    def passive_sentences(self) -> int:
        return sum(1 for s in self.sentences if s.passive)

    @property
    def hard_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.hard]

    def hardest(self, count: int) -> list[Sentence]:
        return sorted(self.hard_sentences, key=lambda s: s.difficulty, reverse=True)[:count]

    def problems(self) -> list[str]:
        """Which whole-text measures miss the easy-read level, in plain Dutch. Empty: it passes."""
        if self.empty:
            return ["Er staat geen tekst in."]
        found = []
        if self.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            found.append(
                f"de zinnen zijn gemiddeld {getal(self.words_per_sentence, 1, MAX_WORDS_PER_SENTENCE)} "
                f"woorden lang (makkelijk lezen: hoogstens {getal(MAX_WORDS_PER_SENTENCE, 0)})"
            )
        if self.douma < MIN_DOUMA:
            found.append(
                f"de Flesch-Douma-score is {getal(self.douma, 1, MIN_DOUMA)} "
                f"(makkelijk lezen: minstens {getal(MIN_DOUMA, 0)})"
            )
        if self.long_word_share > MAX_LONG_WORD_SHARE:
            found.append(
                f"{procent(self.long_word_share, beyond=MAX_LONG_WORD_SHARE)} van de woorden is {LONG_WORD} "
                f"letters of langer (makkelijk lezen: hoogstens {procent(MAX_LONG_WORD_SHARE)})"
            )
        if self.rare_word_share > MAX_RARE_WORD_SHARE:
            found.append(
                f"{procent(self.rare_word_share, beyond=MAX_RARE_WORD_SHARE)} van de woorden is weinig "
                f"bekend (makkelijk lezen: hoogstens {procent(MAX_RARE_WORD_SHARE)})"
            )
        return found

    def advice(self) -> list[str]:
        """What to do about the measures that miss the level."""
        found = []
        if self.words_per_sentence > MAX_WORDS_PER_SENTENCE or self.douma < MIN_DOUMA:
            found.append("Maak de zinnen korter: één boodschap per zin.")
        if self.long_word_share > MAX_LONG_WORD_SHARE or (
            self.douma < MIN_DOUMA and self.words_per_sentence <= MAX_WORDS_PER_SENTENCE
        ):
            found.append("Kies kortere woorden.")
        if self.rare_word_share > MAX_RARE_WORD_SHARE:
            found.append("Kies gewone woorden, of leg een moeilijk woord uit in een korte zin.")
        return found

    @property
    def meets_easy_read(self) -> bool:
        return not self.problems()

    def metrics(self) -> dict:
        return {
            "zinnen": len(self.sentences),
            "woorden": self.words,
            "lettergrepen": self.syllables,
            "woorden_per_zin": round(self.words_per_sentence, 2),
            "lettergrepen_per_woord": round(self.syllables_per_word, 3),
            "douma": round(self.douma, 1),
            "lange_woorden": round(self.long_word_share, 4),
            "zeldzame_woorden": round(self.rare_word_share, 4),
            "langste_zin": self.longest_sentence,
            "zinnen_lijdende_vorm": self.passive_sentences,
        }

    def as_dict(self) -> dict:
        return {
            "voldoet": self.meets_easy_read,
            "problemen": [] if self.meets_easy_read else self.problems(),
            "metingen": self.metrics(),
            "grenzen": THRESHOLDS,
            "moeilijke_zinnen": [s.as_dict() for s in self.hard_sentences],
        }


def meets_easy_read(result: Readability) -> bool:
    """Does the text as a whole meet the easy-read level?"""
    return result.meets_easy_read


# --- Findings for the checker ----------------------------------------------------------------


@dataclass(frozen=True)
class Melding:
    """A simple record the checker turns into a Finding (adding the file)."""

    code: str  # begrijpelijk-te-moeilijk | zin-te-lang | zin-moeilijk
    severity: str  # waarschuwing | tip
    message: str
    line: int | None = None


def easy_read_findings(markdown_text: str, first_line: int = 1, known: frozenset[str] = frozenset()) -> list[Melding]:
    """What the checker says about one easy-read page.

    ``begrijpelijk-te-moeilijk`` (waarschuwing, no line) when the page as a whole misses the level,
    naming what misses and the lines of its three hardest sentences. Then a tip for each of the
    hardest sentences (at most ``MAX_SENTENCE_TIPS``, in the order of the page): ``zin-te-lang``
    for a sentence that is too long, ``zin-moeilijk`` for one that is hard for another reason.
    The checker adds the file: ``Finding(m.code, m.severity, m.message, file=..., line=m.line)``.
    An empty page gives nothing (that is the checker's own finding). ``known``: see ``analyse``.
    """
    result = analyse(markdown_text, first_line, known)
    if result.empty:
        return []
    found = []
    problems = result.problems()
    if problems:
        hardest = sorted(result.hardest(HARDEST_IN_WARNING), key=lambda s: s.line)
        message = "Deze begrijpelijke versie is nog niet makkelijk genoeg: " + "; ".join(problems) + "."
        if hardest:
            message += (
                " De moeilijkste zinnen staan op "
                + "; ".join(f"regel {s.line} (“{kort(s.text)}”)" for s in hardest)
                + "."
            )
        message += " " + " ".join(result.advice()) + " Lees de tekst daarna samen met een cliënt."
        found.append(Melding("begrijpelijk-te-moeilijk", WAARSCHUWING, message))
    for sentence in sorted(result.hardest(MAX_SENTENCE_TIPS), key=lambda s: s.line):
        code = "zin-te-lang" if TE_LANG in sentence.reasons else "zin-moeilijk"
        found.append(Melding(code, TIP, sentence.advice(), sentence.line))
    return found


# --- Analysis --------------------------------------------------------------------------------

_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_END = re.compile(r"^(---|\.\.\.)[ \t]*$")
# Every pattern below does work in proportion to the text it reads, also on hostile text (a word of
# two million letters, ten thousand full stops in a row): a run is scanned from its start only, or
# a repeat is bounded. An e-mail address has at most 64 characters before the @ (RFC 5321).
_ADDRESS = re.compile(r"(?:https?://|www\.)\S*[^\s.,;:!?)]|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_WORD = re.compile(r"(?<!\d)\d++(?:[.,]\d+)+|['’]?[^\W_]+(?:['’\-][^\W_]+)*")
_CLITIC = re.compile(r"^['’][^\W\d_]$")  # 's, 't, 'k, 'n
_CLITIC_AT = re.compile(r"['’][stkn]\s")  # at the start of the next sentence: 's Avonds
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s|$)")
_SPACE = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S")
_OPENING = re.compile(r"[\"'“‘(«]*")
_ABBREVIATIONS = frozenset(
    [
        "bijv",
        "bv",
        "bijvoorbeeld",
        "o.a",
        "a.s",
        "ca",
        "d.w.z",
        "dhr",
        "mevr",
        "mw",
        "e.d",
        "enz",
        "etc",
        "evt",
        "i.p.v",
        "incl",
        "excl",
        "jl",
        "m.b.t",
        "m.n",
        "nl",
        "nr",
        "o.b.v",
        "t.a.v",
        "t.b.v",
        "t.o.v",
        "t/m",
        "vs",
        "z.s.m",
        "zgn",
        "dr",
        "drs",
        "ir",
        "mr",
        "prof",
        "ing",
        "st",
        "blz",
        "p.m",
        "resp",
        "vgl",
    ]
)
_VOWELS = set("aeiouy")
_CLAUSE = re.compile(r"[,;:()—–]| - ")
_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
_PARTICLE = (
    r"(?:aan|achter|af|bij|binnen|door|in|langs|los|mee|na|neer|om|onder|op|over|rond|samen|"
    r"tegen|terug|thuis|toe|uit|vast|voor|vrij|weg|goed|klaar|stil|open|bekend)?"
)
_PARTICIPLE = re.compile(rf"^{_PARTICLE}ge[^\W\d_]{{2,}}[dtn]$")  # gedaan, gevraagd, opgeleid, meegenomen
_PREFIXED = re.compile(r"^(?:be|ver|ont|her|er)[^\W\d_]{2,}[dt]$")  # besteed, verteld, ontwikkeld, erkend
# 't kofschip: a weak participle ends in -t only after t, k, f, s, ch or p. "bevestigt" (stem
# bevestig) is the present tense; the participle would be "bevestigd".
_KOFSCHIP = ("t", "k", "f", "s", "ch", "p", "x")
# Strong participles without ge- end in -en, like the infinitive (besproken / bespreken): list them.
_STRONG = frozenset(
    [
        "besproken",
        "beschreven",
        "begonnen",
        "bevonden",
        "bewezen",
        "bevolen",
        "begrepen",
        "bekeken",
        "behouden",
        "besloten",
        "betrokken",
        "bedreven",
        "beslagen",
        "gebleken",
        "verkozen",
        "vergeten",
        "verboden",
        "verkregen",
        "verloren",
        "verschenen",
        "vertrokken",
        "verbonden",
        "verworven",
        "verzonden",
        "vervangen",
        "ontvangen",
        "ontstaan",
        "ontnomen",
        "ontslagen",
        "herschreven",
        "herkozen",
        "ervaren",
        "onderzocht",
        "ondersteund",
        "onderschreven",
        "onderbroken",
        "overgenomen",
        "voorgeschreven",
    ]
)
# Words shaped like a participle that are not one (or hardly ever in a passive).
_NOT_PARTICIPLES = frozenset(
    [
        "gezin",
        "gezond",
        "gewoon",
        "gebied",
        "geduld",
        "gedicht",
        "gemeen",
        "geluid",
        "geheim",
        "geweest",
        "gewicht",
        "geven",
        "gelden",
        "geloven",
        "genieten",
        "gebeuren",
        "gebruiken",
        "gedragen",
        "geraken",
        "gewend",
        "gemiddeld",
        "gebit",
        "getal",
        "gezicht",
        "gedachten",
        "gebouwen",
        "geeft",
        "geldt",
        "gelooft",
        "geniet",
        "gebeurt",
        "gebeurde",
        "gebeurden",
        "gebruikte",
        "gebruikten",
        "geloofde",
        "geloofden",
        "gelukte",
        "gelukten",
        "gezellig",
        "gevaarlijk",
        "geleden",
        "geweten",
        "gelijk",
        "beleid",
        "begin",
        "bestand",
        "bewust",
        "betekent",
        "bent",
        "beeld",
        "bericht",
        "besluit",
        "bezit",
        "verband",
        "verstand",
        "verschil",
        "verleden",
        "verhaal",
        "vertrouwen",
        "ernst",
        "ontbijt",
        "herfst",
    ]
)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # loaded on first use: the CLI starts fast, and the dictionary is read once

    return pyphen.Pyphen(lang="nl_NL")


# Pyphen reads a word in pieces of at most this many characters. A real Dutch word is shorter (the
# longest in wordfreq's Dutch list has 37 letters), so it is read whole; a "word" of two million letters
# is read in pieces, in time and memory in proportion to its length.
HYPHENATE_PIECE = 64


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of one word: pyphen's nl_NL parts that contain a vowel (at least 1).
    An abbreviation in capitals is spelled out: PDCA has four (pee-dee-cee-aa)."""
    if len(word) > 1 and word.isupper() and word.isalpha():
        return len(word)
    lower = word.lower()
    count = sum(_syllables(lower[i : i + HYPHENATE_PIECE]) for i in range(0, len(lower), HYPHENATE_PIECE))
    return max(1, count)


def _syllables(word: str) -> int:
    """The parts of ``pyphen.inserted(word).split("-")`` that contain a vowel, from pyphen's positions:
    ``inserted`` puts its hyphens in one at a time, which takes time in the square of the word's length."""
    hyphenator = _hyphenator()
    positions = hyphenator.positions(word)
    if any(position.data for position in positions):  # a nonstandard break (nl_NL has none): pyphen's way
        parts = hyphenator.inserted(word).split("-")
    else:
        cuts = [0, *positions, len(word)]
        parts = [part for a, b in zip(cuts, cuts[1:]) for part in word[a:b].split("-")]
    return sum(1 for part in parts if _has_vowel(part))


def _has_vowel(part: str) -> bool:
    return not _VOWELS.isdisjoint(part if part.isascii() else _plain(part))


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # data ships in the wheel: no network

    return zipf_frequency(word, "nl")


# No word longer than this is common (Zipf RARE_ZIPF or more) in wordfreq's Dutch list: its longest
# such word, wereldgezondheidsorganisatie, has 28 letters (tests/test_readability.py checks the list).
# So a longer piece of a word is not looked up, and a compound is only split where its head can be a
# common word: the work per word stays bounded, however long the word.
MAX_COMMON_WORD = 40


def _common(word: str) -> bool:
    """Is this piece of a word (lower case, without - or ') a common Dutch word?"""
    return len(word) <= MAX_COMMON_WORD and zipf(word) >= RARE_ZIPF


@lru_cache(maxsize=65536)
def is_rare(word: str) -> bool:
    """Is this (lower-case) word rare in Dutch? Not when another form of it is common (wordfreq
    counts ``zorgvuldige`` and ``zorgvuldig`` apart), nor a compound of common parts."""
    parts = re.split(r"[-'’]", word)
    if len(parts) > 1:  # PDCA-cirkel is rare because PDCA is; zorg-app is not
        return zipf(word) < RARE_ZIPF and any(is_rare(part) for part in parts if len(part) > 2)
    if _common(word):
        return False
    plain = _plain(word)  # hún, hóé: accents for stress
    # every other form is at least len(word) - 4 letters long (see _other_forms)
    forms = _other_forms(word) if len(word) <= MAX_COMMON_WORD + 4 else []
    if any(_common(form) for form in {plain, *forms}):
        return False
    return not _common_compound(word, 2)


_ENDINGS = ("sten", "ste", "ere", "er", "den", "ten", "de", "te", "en", "e", "s", "d", "t")
_DOUBLE_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")


def _other_forms(word: str) -> list[str]:
    """Likely other forms of an inflected word: onrustiger → onrustig, lukten → lukken,
    afrondde → afronden, afweegt → afwegen. Rough on purpose: it only ever makes a word less rare."""
    forms = []
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3:
            continue
        forms += [stem, stem + "en"]
        if stem[-1] not in "aeiouy":
            forms.append(stem + stem[-1] + "en")  # vul-den → vullen
        forms.append(_DOUBLE_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2), stem) + "en")  # afweeg → afwegen
    return forms


def _common_compound(word: str, depth: int) -> bool:
    if len(word) < 7 or depth == 0:
        return False
    # a head is a common word plus at most two linking letters; the last part is a common word
    if len(word) > depth * (MAX_COMMON_WORD + 2) + MAX_COMMON_WORD:
        return False
    for i in range(3, min(len(word) - 2, MAX_COMMON_WORD + 3)):
        head, tail = word[:i], word[i:]
        if not _common_head(head):
            continue
        if _common(tail) or _common_compound(tail, depth - 1):
            return True
    return False


def _common_head(head: str) -> bool:
    # the head may carry a linking -s- or -e(n)- (kwaliteit-s-beeld, boodschapp-en-pas)
    candidates = [head] + [head[: -len(link)] for link in ("s", "e", "en") if head.endswith(link)]
    return any(len(c) >= 3 and _common(c) for c in candidates)


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _letters(word: str) -> int:
    return len(word) if word.isalpha() else sum(1 for c in word if c.isalpha())


def _is_participle(word: str) -> bool:
    if word in _WORDEN or word in _NOT_PARTICIPLES:
        return False
    if word in _STRONG or _PARTICIPLE.match(word):
        return True
    if _PREFIXED.match(word):
        return word.endswith("d") or word[:-1].endswith(_KOFSCHIP)
    return False


def passive_hint(sentence: str) -> str | None:
    """'wordt … besproken' when a clause of the sentence looks passive, else None. Of all pairs of a
    form of worden and a participle, the closest (then the first); the closest pair is always a form
    of worden with the participle nearest to it on its left or right, so only those are compared."""
    for clause in _CLAUSE.split(sentence):
        words = _tokens(clause)
        lowered = [w.lower() for w in words]
        if not any(w in _WORDEN for w in lowered):
            continue
        participles = [i for i, w in enumerate(lowered) if _is_participle(w)]
        pairs = []
        for i, aux in enumerate(lowered):
            if aux not in _WORDEN:
                continue
            k = bisect_right(participles, i)  # participles[k - 1] < i < participles[k]: never i itself
            for j in participles[max(0, k - 1) : k + 1]:
                pairs.append((abs(i - j), min(i, j), max(i, j)))
        if pairs:
            gap, a, b = min(pairs)
            return f"{words[a]} {words[b]}" if gap == 1 else f"{words[a]} … {words[b]}"
    return None


def strip_front_matter(text: str) -> tuple[str, int]:
    """Return the text without its YAML front matter and how many lines that removed."""
    lines = text.split("\n")
    if lines and _FENCE.match(lines[0].rstrip("\r")):
        for i in range(1, len(lines)):
            if _FENCE_END.match(lines[i].rstrip("\r")):
                return "\n".join(lines[i + 1 :]), i + 1
    return text, 0


def has_open_front_matter(text: str) -> bool:
    """A first line --- without the line that closes the front matter."""
    text = text.lstrip("\ufeff")
    return bool(_FENCE.match(text.split("\n", 1)[0].rstrip("\r"))) and strip_front_matter(text)[1] == 0


@dataclass
class _Block:
    line: int
    pieces: list[tuple[str, int]] = field(default_factory=list)  # (text, line)


def _blocks(body: str, first_line: int) -> list[_Block]:
    """Running text of the Markdown, block by block, with the line of every piece."""
    blocks: list[_Block] = []
    skip = 0  # inside a heading or a table
    for token in markdown_tokens(body):
        if token.type in ("heading_open", "table_open"):
            skip += 1
        elif token.type in ("heading_close", "table_close"):
            skip -= 1
        elif token.type == "inline" and not skip:
            line = first_line + (token.map[0] if token.map else 0)
            block = _Block(line)
            for child in token.children or ():
                if child.type == "text":
                    block.pieces.append((_ADDRESS.sub(" ", child.content), line))
                elif child.type in ("softbreak", "hardbreak"):
                    block.pieces.append((" ", line))
                    line += 1
                elif child.type in ("code_inline", "html_inline"):
                    block.pieces.append((" ", line))
                    line += child.content.count("\n")
                elif child.type == "image":
                    block.pieces.append((" ", line))
            blocks.append(block)
    return blocks


def _sentences(block: _Block) -> list[tuple[str, int]]:
    """Split a block into sentences: (text, line where it starts). Each character is read a fixed
    number of times: no step reads the text before or after a sentence end again."""
    starts: list[int] = []  # offset of each piece in the text
    lines: list[int] = []  # its line
    offset = 0
    for piece, line in block.pieces:
        starts.append(offset)
        lines.append(line)
        offset += len(piece)
    text = "".join(piece for piece, _line in block.pieces)

    def line_at(offset: int) -> int:
        i = bisect_right(starts, offset)
        return lines[i - 1] if i else block.line

    spaces = [m.end() for m in _SPACE.finditer(text)]  # where each run of non-space starts (and 0)
    result = []
    start = 0
    for match in _END.finditer(text):
        if not _ends_sentence(text, match, spaces):
            continue
        result.append((start, match.end()))
        start = match.end()
    result.append((start, len(text)))
    sentences = []
    for a, b in result:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            offset = a + (len(chunk) - len(chunk.lstrip()))
            sentences.append((" ".join(stripped.split()), line_at(offset)))
    return sentences


def _ends_sentence(text: str, match: re.Match, spaces: list[int]) -> bool:
    """Does this full stop (or ! ? …) end a sentence? ``spaces``: where each run of whitespace ends."""
    mark = match.group(0)
    following = _NOT_SPACE.search(text, match.end())
    if following is None:
        return True
    if mark.startswith(".") and not mark.startswith("..."):
        i = bisect_right(spaces, match.start())
        word = text[spaces[i - 1] if i else 0 : match.start()]  # the word before the mark, or ""
        word = word.lower().lstrip("(\"'“‘")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
    if _CLITIC_AT.match(text, following.start()):
        return True  # 's Avonds, 't Is
    opening = _OPENING.match(text, following.start())
    assert opening is not None  # the pattern matches the empty string too
    first = opening.end()
    return not text[first : first + 1].islower()


def _tokens(sentence: str) -> list[str]:
    return [w for w in _WORD.findall(sentence) if not _CLITIC.match(w)]


def known_words(*names: str) -> frozenset[str]:
    """The words of names (the organisation's, its locations') for ``analyse(known=...)``, in lower
    case: "Zorggroep Noorderbreedte-Oost" gives zorggroep, noorderbreedte-oost, noorderbreedte, oost."""
    found = set()
    for name in names:
        for word in _tokens(name or ""):
            lower = word.lower()
            found.add(lower)
            found.update(part for part in re.split(r"[-'’]", lower) if part)
    return frozenset(found)


def analyse(markdown_text: str, first_line: int = 1, known: frozenset[str] = frozenset()) -> Readability:
    """Measure a Dutch Markdown text. ``first_line`` is the line of the text's first line in its file.
    ``known``: lower-case words that are never long or rare, such as the organisation's own name
    (see ``known_words``)."""
    return _analyse(markdown_text, first_line, frozenset(known))


@contextmanager
def _without_cycle_collection():
    """Python's cycle collector looks at every live list, tuple and object each time it runs; an
    analysis makes hundreds of thousands of them for a 1 MB text (Markdown tokens, words, sentences),
    none in a cycle, so its passes grow with the text and the time per KB with them. Paused meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@memo
def _analyse(markdown_text: str, first_line: int, known: frozenset[str]) -> Readability:
    with _without_cycle_collection():
        return _measure(markdown_text, first_line, known)


def _measure(markdown_text: str, first_line: int, known: frozenset[str]) -> Readability:
    text = markdown_text.lstrip("\ufeff")
    # A whole file (first_line 1) may start with front matter; a body the loader already split may not.
    body, skipped = strip_front_matter(text) if first_line == 1 else (text, 0)
    raw = [s for block in _blocks(body, first_line + skipped) for s in _sentences(block)]
    tokenised = [(sentence, line, _tokens(sentence)) for sentence, line in raw]
    tokenised = [t for t in tokenised if t[2]]

    # Names: a capitalised word inside a sentence (Wilgenhoeve, not PDCA), and that word elsewhere.
    names = {w for _t, _l, words in tokenised for w in words[1:] if w[:1].isupper() and w[1:2].islower()}

    sentences = []
    total = letter_words = syllable_count = long_count = rare_count = 0
    seen_rare: set[str] = set()
    for sentence_text, line, words in tokenised:
        long_words, rare_words = [], []
        for word in words:
            total += 1
            if not any(c.isalpha() for c in word):
                continue  # a numeral
            letter_words += 1
            syllable_count += syllables(word)
            lower = word.lower()
            if lower in known:
                continue
            letters = _letters(word)
            if letters >= LONG_WORD:
                long_count += 1
                long_words.append(word)
            if word not in names and letters > 2 and not any(c.isdigit() for c in word) and is_rare(lower):
                rare_count += 1
                if lower not in seen_rare:
                    seen_rare.add(lower)
                    rare_words.append(word)
        sentences.append(
            Sentence(line, sentence_text, len(words), tuple(long_words), tuple(rare_words), passive_hint(sentence_text))
        )
    return Readability(tuple(sentences), total, letter_words, syllable_count, long_count, rare_count, first_line)


def kort(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"
