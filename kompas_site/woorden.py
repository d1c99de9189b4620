"""The organisation's own words for what every generated text names (``woorden:`` in ``kompas.yml``).

One organisation says *deelnemers*, another *bewoners*; many say *verbeterpunten* instead of *speerpunten*.
Generated texts (menu, overview pages, home facts, labels, the speerpunten page, the glossary) take these
words from here, never from a literal in the code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Woorden:
    """Plural and singular of each word, lower case as they appear inside a sentence."""

    clienten: str = "cliënten"
    client: str = "cliënt"
    speerpunten: str = "speerpunten"
    speerpunt: str = "speerpunt"


DEFAULT = Woorden()


def capitalised(word: str) -> str:
    """The word at the start of a sentence or title: 'deelnemers' -> 'Deelnemers' (the rest untouched)."""
    return word[:1].upper() + word[1:]


def singular(plural: str) -> str:
    """A Dutch plural's singular, for the common shapes: deelnemers -> deelnemer, bewoners -> bewoner,
    verbeterpunten -> verbeterpunt, cliënten -> cliënt, doelen -> doel. Authors give ``client:`` or
    ``speerpunt:`` themselves where this guesses wrong."""
    word = plural.strip()
    if word.endswith("'s"):  # baby's
        return word[:-2]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":  # bedden -> bed
            return stem[:-1]
        return stem
    return word
