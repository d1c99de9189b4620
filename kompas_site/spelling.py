"""Suggest what an author probably meant, for messages like "bedoelt u 'bouwsteen-1'?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, options: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    match = nearest(word, options)
    return f" Bedoelt u '{match}'?" if match else ""


def listing(options: Iterable[str]) -> str:
    return ", ".join(f"'{o}'" for o in options)
