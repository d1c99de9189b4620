"""Where kompas-site keeps work it can reuse between builds: results keyed by content, so an
unchanged input is never processed twice, and one cache can serve every report on a computer.

Two kinds: ``memo`` keeps results in memory, for the rebuilds of ``kompas serve`` in one process;
``JsonCache`` keeps small results on disk, for the next run.
"""

from __future__ import annotations

import atexit
import errno
import functools
import hashlib
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

from platformdirs import user_cache_dir

_roots: dict[str, Path] = {}  # the configured cache folder -> the folder used (itself, or a temporary one)
_roots_lock = threading.Lock()


def configured_root() -> Path:
    """``KOMPAS_CACHE`` if set, else the user's cache folder: ``~/.cache/kompas-site`` on Linux,
    ``~/Library/Caches/kompas-site`` on macOS, ``%LOCALAPPDATA%\\kompas-site\\Cache`` on Windows."""
    if os.environ.get("KOMPAS_CACHE"):
        return Path(os.environ["KOMPAS_CACHE"])
    return Path(user_cache_dir("kompas-site", appauthor=False))


def _unusable(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the cache, or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return _REASONS.get(exc.errno, exc.strerror or str(exc))
    return None


_REASONS: dict[int | None, str] = {
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EACCES: "u mag daar niet schrijven",
    errno.EPERM: "u mag daar niet schrijven",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
}


def cache_root() -> Path:
    """The cache folder to use. One that cannot be written is never a reason to fail: this run then
    works in a temporary folder of its own (removed at the end), and says so once."""
    configured = configured_root()
    with _roots_lock:
        if str(configured) not in _roots:
            reason = _unusable(configured)
            _roots[str(configured)] = configured if reason is None else _without_cache(configured, reason)
        return _roots[str(configured)]


def _without_cache(configured: Path, reason: str) -> Path:
    from kompas_site.outputdir import remove_temp_folder, temp_folder

    try:
        folder = temp_folder("cache")
    except OSError:
        return configured  # not even a temporary folder: every cache write is skipped or fails alone
    atexit.register(remove_temp_folder, folder)
    print(
        f"Let op: de cachemap '{configured}' kan niet gebruikt worden ({reason}). kompas-site werkt nu zonder "
        f"cache; dat kan langer duren. Een andere map kiest u met KOMPAS_CACHE.",
        file=sys.stderr,
    )
    return folder


def cache_dir(kind: str) -> Path:
    """The folder for one kind of cached result (see ``cache_root``)."""
    return cache_root() / kind


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
