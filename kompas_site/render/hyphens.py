"""Soft hyphens in long Dutch words of headings. Dutch glues words together ("cliëntervaringsonderzoek");
on a phone such a word in a large heading does not fit, and a browser without a Dutch hyphenation
dictionary (Chromium on Linux has none) breaks it anywhere, without a hyphen. A soft hyphen (U+00AD)
marks where the word may break: invisible unless the line breaks there, where it shows as "-".

Only the text of ``<h1>``–``<h6>`` is touched, never a tag, an attribute, an entity or code. Easy-read
pages are not hyphenated at all (an easy-read convention): the caller leaves them out.
"""

from __future__ import annotations

import functools
import re
import unicodedata

SOFT_HYPHEN = "\u00ad"
LONG_WORD = 12  # letters: shorter words fit a heading line even at 320 px

_HEADING = re.compile(r"h[1-6]\Z", re.IGNORECASE)
# Inside a heading, text in these stays as written (a file name, a command).
_VERBATIM = {"code", "kbd", "samp", "pre", "script", "style", "textarea"}
# A tag, a comment, or text. Tags are matched as the HTML a sanitiser writes them (attributes quoted).
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|[^<]+|<", re.DOTALL)
# A run of letters, not the name of a character reference (&shy; &#x...;).
_WORD = re.compile(rf"(?<![&#\w])[^\W\d_]{{{LONG_WORD},}}")


@functools.cache
def _dictionary():
    import pyphen  # loaded on first use: the CLI starts fast

    return pyphen.Pyphen(lang="nl_NL")


# Pyphen reads a word in pieces of at most this many letters (as the readability check does): a real Dutch
# word is shorter, a "word" of a million letters is read in time in proportion to its length.
PIECE = 64


def hyphenate_word(word: str) -> str:
    """``word`` with a soft hyphen at each Dutch hyphenation point."""
    return "".join(_hyphenate_piece(word[i : i + PIECE]) for i in range(0, len(word), PIECE))


@functools.lru_cache(maxsize=4096)
def _hyphenate_piece(word: str) -> str:
    cuts = [0, *_dictionary().positions(word), len(word)]
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        # nl_NL splits off a lone consonant ("cli-ën-t-er-va-rin-gen"): it joins the part before it
        if parts and not _has_vowel(word[a:b]):
            parts[-1] += word[a:b]
        else:
            parts.append(word[a:b])
    return SOFT_HYPHEN.join(parts)


def _has_vowel(part: str) -> bool:
    plain = unicodedata.normalize("NFD", part.lower())
    return any(letter in "aeiouy" for letter in plain)


def hyphenate_text(text: str) -> str:
    """Soft hyphens in every word of at least ``LONG_WORD`` letters of a piece of HTML text."""
    return _WORD.sub(lambda m: hyphenate_word(m.group(0)), text)


def hyphenate_headings(html: str) -> str:
    """``html`` with soft hyphens in the long words of its headings' text; everything else byte for byte."""
    if not re.search(r"<h[1-6]", html, re.IGNORECASE):
        return html
    out: list[str] = []
    headings = verbatim = 0
    for match in _TOKEN.finditer(html):
        token, closing, name = match.group(0), match.group(1), (match.group(2) or "").lower()
        if name and not token.startswith("<!--"):
            step = -1 if closing else (0 if token.endswith("/>") else 1)
            if _HEADING.match(name):
                headings = max(0, headings + step)
            elif name in _VERBATIM:
                verbatim = max(0, verbatim + step)
            out.append(token)
        elif headings and not verbatim and not token.startswith("<"):
            out.append(hyphenate_text(token))
        else:
            out.append(token)
    return "".join(out)
