"""Readability on any text: no exception, sane numbers (Hypothesis), and work in proportion to the text's
length, counted (characters given to pyphen and wordfreq, characters the sentence splitter reads, words
tried as a participle), never timed. Speed itself: benchmarks/readability_speed.py."""

from __future__ import annotations

import json
import math
import re

import pyphen
import pytest
import wordfreq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas_site.commands.leesbaarheid import as_text
from kompas_site.easyread import readability as r

# --- Any text: no exception, sane numbers -------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyzëéïóüàçñßABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCTUATION = ".,;:!?…'’\"“”‘«»()[]-–—/@#*_`|<>{}~^+=&%$"
ODD = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u0085\u00a0\u200b\u200d\u2028\u2029\ufeff\ufffd\r\t"
    "😀👍🏽👩‍👩‍👧🇳🇱"  # emoji, a skin tone, a family, a flag
    "абвгдеё漢字かなカナ한국어αβγאבגعربيةहिन्दीไทย"  # other scripts
    "e\u0308o\u0301\u0301"  # combining accents
    "١٢٣०१२"  # other digits
)
WORDS = [
    "De",
    "cliënt",
    "wordt",
    "gedaan",
    "bijv.",
    "o.a.",
    "'s",
    "Avonds",
    "1,5",
    "2.000",
    "e-mail",
    "zo'n",
    "visitatie",
    "Ommelandenzorggroep",
    "PDCA-cirkel",
    "www.example.nl/a.",
    "kees@example.nl",
    "https://x.nl",
    "ervaringsdeskundige",
    "begeleider",
    "- ",
    "* ",
    "> ",
    "# ",
    "| a | b |",
    "```",
    "<div>",
    "![foto](a.jpg)",
    "[link](b.md)",
    "---",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
]

characters = st.text(alphabet=LETTERS + PUNCTUATION + ODD + " \n0123456789", max_size=400)
long_word = st.text(alphabet=LETTERS, min_size=50, max_size=3000)
no_spaces = st.text(alphabet=LETTERS + PUNCTUATION + "0123456789", min_size=1, max_size=2000)
only_punctuation = st.text(alphabet=PUNCTUATION + " \n", min_size=1, max_size=2000)
markdownish = st.lists(st.sampled_from(WORDS) | characters, max_size=60).map(" ".join)
huge_paragraph = st.lists(st.sampled_from(WORDS[:22]), min_size=500, max_size=3000).map(" ".join)
texts = st.one_of(characters, long_word, no_spaces, only_punctuation, markdownish, huge_paragraph)


def assert_sane(result: r.Readability, first_line: int) -> None:
    counts = (result.words, result.letter_words, result.syllables, result.long_words, result.rare_words)
    assert all(isinstance(c, int) and c >= 0 for c in counts)
    assert result.letter_words <= result.words
    assert result.syllables >= result.letter_words  # every word with letters has a syllable
    assert result.long_words <= result.letter_words and result.rare_words <= result.letter_words
    assert 0 <= result.long_word_share <= 1 and 0 <= result.rare_word_share <= 1
    assert result.words_per_sentence >= 0 and result.syllables_per_word >= 0
    assert math.isfinite(result.douma)
    assert sum(s.words for s in result.sentences) == result.words
    for sentence in result.sentences:
        assert sentence.words >= 1 and sentence.line >= first_line
        assert sentence.text == sentence.text.strip() and sentence.text
        assert set(sentence.long_words) <= set(sentence.long_words + sentence.rare_words)  # tuples of words
    json.dumps(result.as_dict(), ensure_ascii=False)  # --json never fails
    assert isinstance(result.meets_easy_read, bool)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=texts, first_line=st.sampled_from([1, 1, 7]), known=st.frozensets(st.sampled_from(["de", "cliënt", "x"])))
def test_any_text_gives_sane_measures_and_no_exception(text, first_line, known):
    result = r.analyse(text, first_line, known)
    assert_sane(result, first_line)
    for melding in r.easy_read_findings(text, first_line, known):
        assert melding.message and melding.severity in (r.WAARSCHUWING, r.TIP)
        assert melding.line is None or melding.line >= first_line
    if not result.empty:
        assert as_text(result, "pagina.md")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(word=st.text(alphabet=LETTERS + "-'’", min_size=1, max_size=5000))
def test_syllables_and_rarity_of_any_word(word):
    assert r.syllables(word) >= 1
    assert isinstance(r.is_rare(word.lower()), bool)


@pytest.mark.parametrize(
    "text, words, sentences",
    [
        ("a" + "bcdefghij" * 1111, 1, 1),  # one word of 10,000 letters
        ("Zin" + "." * 20_000 + " En nog een.", 4, 2),  # 20,000 full stops
        ("1" * 20_000, 1, 1),  # a numeral without end
        ("a." * 10_000, 10_000, 1),  # initials without end
        ("kees@" + "x" * 20_000 + " leest", 3, 1),  # an address that never ends (so it is words)
        ("wordt gedaan " * 2000, 4000, 1),  # one clause, many pairs of worden and a participle
        ("Ja! " + ")" * 20_000 + " nee", 2, 2),
    ],
    ids=["long word", "full stops", "numeral", "initials", "address", "one clause", "brackets"],
)
def test_hostile_text_is_measured(text, words, sentences):
    result = r.analyse(text)
    assert (result.words, len(result.sentences)) == (words, sentences)
    assert_sane(result, 1)


def test_no_common_dutch_word_is_longer_than_max_common_word():
    # the bound that keeps rare-word lookups short (MAX_COMMON_WORD) must hold for wordfreq's Dutch list
    common = [w for w, f in wordfreq.get_frequency_dict("nl").items() if f >= 10 ** (r.RARE_ZIPF - 9.005)]
    assert max(len(w) for w in common) <= r.MAX_COMMON_WORD
    assert all(wordfreq.zipf_frequency(w, "nl") >= r.RARE_ZIPF for w in common if len(w) >= 27)


# --- Work in proportion to the text: counted ---------------------------------------------------


class Counting:
    """A compiled pattern that counts the characters it reads: a search from ``pos`` to the end of
    its match, or to the end of the text when it finds nothing; a match at ``pos`` to its end (the
    splitter's patterns for a match are a few characters long, so a failed one counts 1)."""

    def __init__(self, pattern: re.Pattern, tally: list[int]):
        self.pattern, self.tally = pattern, tally

    def search(self, text, pos=0):
        found = self.pattern.search(text, pos)
        self.tally[0] += (found.end() if found else len(text)) - pos
        return found

    def match(self, text, pos=0):
        found = self.pattern.match(text, pos)
        self.tally[0] += found.end() - pos if found else 1
        return found

    def finditer(self, text, pos=0):
        self.tally[0] += len(text) - pos
        return self.pattern.finditer(text, pos)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


@pytest.fixture
def work(monkeypatch):
    """Count work from now on: characters given to pyphen and to wordfreq, characters the sentence
    splitter's patterns read, words tried as a participle. Caches are emptied before each count."""
    tally = {"pyphen": [0], "wordfreq": [0], "splitter": [0], "participle": [0]}
    positions, zipf_frequency, is_participle = pyphen.Pyphen.positions, wordfreq.zipf_frequency, r._is_participle

    def counting_positions(self, word):
        tally["pyphen"][0] += len(word)
        return positions(self, word)

    def counting_zipf(word, lang, *args, **kwargs):
        tally["wordfreq"][0] += len(word)
        return zipf_frequency(word, lang, *args, **kwargs)

    def counting_participle(word):
        tally["participle"][0] += 1
        return is_participle(word)

    monkeypatch.setattr(pyphen.Pyphen, "positions", counting_positions)
    monkeypatch.setattr(wordfreq, "zipf_frequency", counting_zipf)
    monkeypatch.setattr(r, "_is_participle", counting_participle)
    for name in ("_END", "_SPACE", "_NOT_SPACE", "_OPENING", "_CLITIC_AT"):
        monkeypatch.setattr(r, name, Counting(getattr(r, name), tally["splitter"]))

    def measure(text: str) -> dict[str, int]:
        for cached in (r._analyse, r.syllables, r.zipf, r.is_rare):
            cached.cache_clear()
        for counter in tally.values():
            counter[0] = 0
        r.analyse(text)
        return {kind: counter[0] for kind, counter in tally.items()}

    return measure


def words_of(n: int, seed: str) -> str:
    """n made-up words that are all different (so no cache hides work), as one easy-read text. Two
    seeds that start no Dutch word (x, q) give texts that take the same work."""
    syllables = ["ka", "lo", "mer", "ti", "zon", "de", "wa", "ru", "pel", "bo"]
    words = []
    for i in range(n):
        digits = f"{i:05d}"
        words.append(seed + "".join(syllables[int(d)] for d in digits))
    return " ".join(w + ("." if i % 8 == 7 else "") for i, w in enumerate(words))


# Each makes a text of about 20,000 characters (times 1) or twice that (times 2); the long word 3,000.
HOSTILE = {
    "one long word": lambda times: "a" + "bcdefghij" * (times * 333),  # small: the old code took minutes
    "full stops": lambda times: "Zin" + "." * (times * 20_000) + " En nog een.",
    "initials": lambda times: "a. " * (times * 6666),
    "sentences": lambda times: "Het plan wordt besproken. " * (times * 770),
    "one clause": lambda times: "wordt gedaan " * (times * 1540),
    "brackets after an end": lambda times: ("Ja! " + ")" * 50 + " ") * (times * 360),
    "made-up words": lambda times: " ".join(words_of(1333, seed) for seed in "xq"[:times]),
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_twice_the_text_is_at_most_twice_the_work(work, make):
    small, large = work(make(1)), work(make(2))
    for kind in small:
        assert large[kind] <= 2 * small[kind] + 1000, (kind, small[kind], large[kind])
    assert large["splitter"] > 0
