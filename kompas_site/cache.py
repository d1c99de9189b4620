"""Where kompas-site keeps work it can reuse between builds: results keyed by content, so an
unchanged input is never processed twice, and one cache can serve every report on a computer.

Two kinds: ``memo`` keeps results in memory, for the rebuilds of ``kompas serve`` in one process;
``JsonCache`` keeps small results on disk, for the next run.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path


def cache_dir(kind: str) -> Path:
    """``KOMPAS_CACHE`` if set, else the user's cache folder (``~/.cache/kompas-site``)."""
    if os.environ.get("KOMPAS_CACHE"):
        return Path(os.environ["KOMPAS_CACHE"]) / kind
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kompas-site" / kind


# Entries per in-memory cache: every Markdown file of a very large report (5,000 pages with their
# easy-read versions and stories), plus room for the edits of a long writing session.
PAGES = 8192


def memo(function):
    """Remember the results of a pure function of a page's text (``functools.lru_cache``).

    The arguments are the key, so they must be hashable: the text itself (not a copy of it, so all
    caches share the one string of a page), and small values such as a tuple of words. The result
    must be immutable (tuples, frozen dataclasses, strings) or be copied by the caller before use: a
    caller that changed a cached list would change what the next caller gets. Findings are tied to a
    file; a cached result holds no file name, since two files can have the same text.
    """
    return functools.lru_cache(maxsize=PAGES)(function)


def content_key(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class JsonCache:
    """Small JSON results by key. A broken or unwritable cache is skipped, never an error."""

    def __init__(self, kind: str):
        self.folder = cache_dir(kind)

    def get(self, key: str):
        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(value, stream, ensure_ascii=False)
            os.replace(temp, self.folder / f"{key}.json")
        except OSError:
            pass
