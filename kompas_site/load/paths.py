"""The files of a content folder, with every path resolved: nothing outside the folder is ever read.

A symbolic link (or a Windows junction) that stays inside the content folder is followed like any
file or folder. One that leads outside it — to ``/etc/passwd``, to a folder of someone else's pages,
to a photo on another disk — is not followed, not read and not published: it is listed in
``outside`` with where it points, for a finding (``pad-buiten-content``). A link to a folder that
contains it (``lus -> ..``) would make the walk go round forever: it is listed in ``loops``
(``pad-lus``) and not entered.

Hidden names (starting with ``.`` or ``_``) are notes for the author: not entered, not listed.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ContentFiles:
    files: list[str] = field(default_factory=list)  # every visible file, posix paths relative to the folder
    outside: list[tuple[str, str]] = field(default_factory=list)  # (relative path, where it points)
    loops: list[str] = field(default_factory=list)  # links to a folder that contains them
    unreadable: list[str] = field(default_factory=list)  # folders that could not be read (with the reason)


def is_hidden_name(name: str) -> bool:
    return name.startswith((".", "_"))


def walk_content(root: Path | str, under: str = "") -> ContentFiles:
    """Walk the content folder ``root`` (or only its subfolder ``under``), resolving every link.

    ``files`` are in the order of ``sorted()`` on their parts, like ``sorted(root.rglob("*"))``."""
    real_root = os.path.realpath(root)
    result = ContentFiles()
    found: list[tuple[str, ...]] = []
    start_parts = tuple(part for part in under.split("/") if part)
    start = os.path.join(real_root, *start_parts)
    if not _within(os.path.realpath(start), real_root):
        result.outside.append(("/".join(start_parts), os.path.realpath(start)))
        return result

    def walk(folder: str, parts: tuple[str, ...], real: str, ancestors: frozenset[str]) -> None:
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:  # unreadable, or gone since: nothing to publish from it, and the author is told
            shown = "/".join(parts) or "."
            result.unreadable.append(shown if isinstance(exc, PermissionError) else f"{shown} ({exc.strerror or exc})")
            return
        for entry in entries:
            if is_hidden_name(entry.name):
                continue
            path = parts + (entry.name,)
            rel = "/".join(path)
            if entry.is_symlink() or _is_junction(entry):
                target = os.path.realpath(entry.path)
                if not _within(target, real_root):
                    result.outside.append((rel, target))
                    continue
                try:
                    is_dir = entry.is_dir()
                    is_file = entry.is_file()
                except OSError as exc:
                    if exc.errno == errno.ELOOP:
                        result.loops.append(rel)
                    continue
                if _link_loops(entry.path):
                    result.loops.append(rel)
                    continue
                if is_dir:
                    if target in ancestors or target == real:
                        result.loops.append(rel)
                    else:
                        walk(entry.path, path, target, ancestors | {target})
                elif is_file:
                    found.append(path)
                continue  # a link to nothing (the file is gone): nothing to read
            try:
                if entry.is_dir(follow_symlinks=False):
                    sub = os.path.join(real, entry.name)
                    walk(entry.path, path, sub, ancestors | {sub})
                elif entry.is_file(follow_symlinks=False):
                    found.append(path)
            except OSError:
                continue

    walk(start, start_parts, os.path.realpath(start), frozenset({os.path.realpath(start), real_root}))
    result.files = ["/".join(parts) for parts in sorted(found)]
    return result


def leaves_content(rel: str, outside: list[tuple[str, str]], loops: list[str]) -> bool:
    """True when ``rel`` (a posix path in the content folder) is, or lies under, a link that leads
    outside or loops: such a path must never be read or published."""
    links = [path for path, _ in outside] + list(loops)
    return any(rel == link or rel.startswith(link + "/") for link in links)


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _is_junction(entry: os.DirEntry) -> bool:
    is_junction = getattr(entry, "is_junction", None)  # Python 3.12+, Windows junctions
    try:
        return bool(is_junction and is_junction())
    except OSError:
        return False


def _link_loops(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False
