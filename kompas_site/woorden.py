"""The organisation's own words for what every generated text names (``woorden:`` in ``kompas.yml``).

One organisation says *deelnemers*, another *bewoners*; many say *verbeterpunten* instead of *speerpunten*.
Generated texts (menu, overview pages, home facts, labels, the speerpunten page, the glossary) take these
words from here, never from a literal in the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Woorden:
    """Plural and singular of each word, lower case as they appear inside a sentence."""

    clienten: str = "cliënten"
    client: str = "cliënt"
    speerpunten: str = "speerpunten"
    speerpunt: str = "speerpunt"
    raad: str = ""  # the council of clients when the organisation names it (``clientenraad:``)

    @property
    def clientenraad(self) -> str:
        """The council of clients: as the organisation names it, else from its word for clients."""
        return self.raad or council(self.clienten)

    @property
    def clientenraden(self) -> str:
        raad = self.clientenraad
        if raad.startswith("raad van "):
            return "raden van " + raad.removeprefix("raad van ")
        return raad[: -len("raad")] + "raden" if raad.endswith("raad") else raad

    def apply(self, text: str) -> str:
        """A text written with the sector's words (a kader's element titles, built-in explanations) in this
        organisation's words: 'cliënten' -> 'deelnemers', 'speerpunt' -> 'verbeterpunt', 'Cliëntenraad' ->
        'Deelnemersraad', 'cliëntervaringen' -> 'ervaringen van deelnemers'. A capital stays a capital.
        With the default words the text is returned as it is."""
        if self == DEFAULT or not text:
            return text
        replacements = {
            "cliëntervaringsonderzoeken": f"onderzoeken naar de ervaringen van {self.clienten}",
            "cliëntervaringsonderzoek": f"onderzoek naar de ervaringen van {self.clienten}",
            "cliëntervaringen": f"ervaringen van {self.clienten}",
            "cliëntenraden": self.clientenraden,
            "cliëntenraad": self.clientenraad,
            "cliënten": self.clienten,
            "cliënt": self.client,
            "speerpunten": self.speerpunten,
            "speerpunt": self.speerpunt,
        }

        def replace(match: re.Match) -> str:
            found = match.group(0)
            word = replacements[found.lower()]
            return capitalised(word) if found[:1].isupper() else word

        return _SECTOR_WORDS.sub(replace, text)


DEFAULT = Woorden()
# The sector's words, longest first, at the start of a word (a compound such as 'cliëntgericht' keeps only its
# first part's change: 'deelnemergericht').
_SECTOR_WORDS = re.compile(
    r"(?<!\w)(cliëntervaringsonderzoeken|cliëntervaringsonderzoek|cliëntervaringen|cliëntenraden|cliëntenraad"
    r"|cliënten|cliënt|speerpunten|speerpunt)",
    re.IGNORECASE,
)


# Plurals that make no compound with 'raad': 'mensenraad' is not a Dutch word.
_NO_COUNCIL = {"mensen", "personen", "cliënten en naasten"}


def council(clienten: str) -> str:
    """The council of clients in the organisation's word: deelnemers -> deelnemersraad, jongeren ->
    jongerenraad, kinderen -> kinderraad. A group of words or a word without a good compound (mensen) gets
    'raad van ...': 'raad van mensen'. Authors who name it otherwise give ``clientenraad:``."""
    word = clienten.strip()
    if " " in word or word.lower() in _NO_COUNCIL:
        return f"raad van {word}"
    if word.lower().endswith("kinderen"):
        return word[: -len("kinderen")] + "kinderraad"
    return f"{word}raad"


def own_case(word: str | None) -> str | None:
    """A word as the author wrote it, lower case where only its first letter was a capital: 'Verbeterpunten'
    -> 'verbeterpunten'; a name or abbreviation with other capitals stays ('NAH-cliënten', 'De Wilgenhoevers'
    keeps its capitals only when more than the first letter is one)."""
    if word is None:
        return None
    text = word.strip()
    if text[:1].isupper() and not any(c.isupper() for c in text[1:]):
        return text[:1].lower() + text[1:]
    return text


def several_words(word: str) -> bool:
    """'cliënten en naasten': a group of words whose singular cannot be derived."""
    return len(word.split()) > 1


def capitalised(word: str) -> str:
    """The word at the start of a sentence or title: 'deelnemers' -> 'Deelnemers' (the rest untouched)."""
    return word[:1].upper() + word[1:]


# Plurals the rules below would get wrong, also at the end of a compound (kleinkinderen -> kleinkind,
# familieleden -> familielid). Adjectives used as nouns keep their -e: jongeren -> jongere, naasten -> naaste.
_IRREGULAR = {
    "kinderen": "kind",
    "leden": "lid",
    "stenen": "steen",
    "steden": "stad",
    "schepen": "schip",
    "naasten": "naaste",
    "jongeren": "jongere",
    "ouderen": "oudere",
    "volwassenen": "volwassene",
    "betrokkenen": "betrokkene",
    "gehandicapten": "gehandicapte",
    "zieken": "zieke",
    "bekenden": "bekende",
}
_IRREGULAR_ENDINGS = sorted(_IRREGULAR, key=len, reverse=True)
_LONG_VOWEL_BEFORE = re.compile(r"(?:aa|ee|oo|uu|ie|ij|ei|ui|ou|au|eu|oe)$")


def singular(plural: str) -> str:
    """A Dutch plural's singular, for the common shapes: deelnemers -> deelnemer, bewoners -> bewoner,
    verbeterpunten -> verbeterpunt, cliënten -> cliënt, doelen -> doel, kinderen -> kind, leden -> lid,
    jeugdigen -> jeugdige. Never empty for a word that is not empty. Authors give ``client:`` or
    ``speerpunt:`` themselves where this guesses wrong."""
    word = plural.strip()
    return _singular(word) or word or plural


def _singular(word: str) -> str:
    lower = word.lower()
    for ending in _IRREGULAR_ENDINGS:
        if lower.endswith(ending):
            return word[: len(word) - len(ending)] + _IRREGULAR[ending]
    if lower.endswith("'s"):  # baby's, collega's
        return word[:-2]
    if lower.endswith("s") and len(word) > 3:
        return word[:-1]
    if lower.endswith("igen") and len(word) > 5:  # jeugdigen, ervaringsdeskundigen: an adjective as a noun
        return word[:-1]
    if lower.endswith("ën") and len(word) > 4:  # knieën
        return word[:-2]
    if lower.endswith("en") and len(word) > 4:
        stem = word[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1].lower() not in "aeiou":  # bedden -> bed
            return stem[:-1]
        if stem[-1:].lower() in "vz" and _LONG_VOWEL_BEFORE.search(stem[:-1].lower()):  # brieven, huizen
            return stem[:-1] + {"v": "f", "z": "s", "V": "F", "Z": "S"}[stem[-1]]
        return stem
    return word
