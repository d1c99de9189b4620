"""Skip a build that would change nothing: ``kompas build`` again on content that did not change.

The stamp of a build is a hash of everything that goes into the site: the name, size and modification
time of every file in the content folder, the build options, today's date (the checker compares dates
with it), and kompas-site itself (its code, templates and theme, and the versions of MkDocs and
Material). It is kept in the cache folder, per output folder, together with a signature of the output
(every file with its size and time): a site that was changed or removed by hand is built again.
"""

from __future__ import annotations

import os
from datetime import date
from importlib import metadata
from pathlib import Path

from kompas_site.cache import JsonCache, content_key
from kompas_site.resources import TEMPLATES_DIR, THEMES_DIR

_PACKAGE = Path(__file__).parent


def _tree(folder: Path) -> list[tuple[str, int, int]]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")  # written by Python itself
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            files.append((os.path.relpath(path, folder), stat.st_size, stat.st_mtime_ns))
    return files


def _versions() -> list[str]:
    found = []
    for name in ("kompas-site", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pillow"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return found


def stamp(content_dir: Path, **options) -> str:
    return content_key(
        _tree(Path(content_dir)),
        sorted(options.items()),
        date.today().isoformat(),
        _versions(),
        [
            _tree(folder)
            for folder in (_PACKAGE, TEMPLATES_DIR, THEMES_DIR)
            if folder == _PACKAGE or _PACKAGE not in folder.parents
        ],  # inside the package in a wheel
    )


def _key(output_dir: Path) -> str:
    return content_key(str(Path(output_dir).resolve()))


def unchanged(output_dir: Path, build_stamp: str) -> bool:
    """True when ``output_dir`` holds, untouched, the site of a build with this stamp."""
    record = JsonCache("builds").get(_key(output_dir))
    return (
        isinstance(record, dict)
        and record.get("stamp") == build_stamp
        and Path(output_dir).is_dir()
        and record.get("output") == content_key(_tree(Path(output_dir)))
    )


def remember(output_dir: Path, build_stamp: str) -> None:
    """Note what is in ``output_dir`` now (a cache that cannot be written is skipped)."""
    JsonCache("builds").put(_key(output_dir), {"stamp": build_stamp, "output": content_key(_tree(Path(output_dir)))})
