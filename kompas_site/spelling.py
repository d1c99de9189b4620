"""Suggest what an author probably meant, for messages like "bedoelt u 'bouwsteen-1'?"."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable


def nearest(word: str, options: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    match = nearest(word, options)
    return f" Bedoelt u '{match}'?" if match else ""


def did_you_mean_path(target: str, paths: Iterable[str], base: str) -> str:
    """Like ``did_you_mean`` for a file, written as the author would: relative to ``base``."""
    match = nearest(target, paths)
    return f" Bedoelt u '{posixpath.relpath(match, base or '.')}'?" if match else ""


def listing(options: Iterable[str]) -> str:
    return ", ".join(f"'{o}'" for o in options)
