"""The output folder of ``kompas build``: never lose an author's files.

- ``check_output`` refuses an output folder that is, contains or lies inside the content folder, that
  is a file system root, the home folder or the folder one works in, that is an existing file, or that
  exists and was not built by kompas-site (unless ``force``). A built site carries a marker file,
  ``.kompas-site``, with a fixed text: nothing private, and harmless when a web server shows it.
- ``staged_output`` builds into a temporary folder beside the output and swaps it in only when the
  build succeeded; a failed or stopped build leaves the previous site as it was.
- ``output_lock`` makes two builds into the same output wait for each other.
- ``signals_as_exceptions`` turns SIGTERM, SIGHUP and SIGINT into ``Stopped``, so every ``finally``
  block runs (temporary folders and files are removed) before the program ends.
- ``remove_leftovers`` and ``remove_stale_temp`` clear what earlier runs, killed without a chance to
  clean up (SIGKILL, power loss), left behind.

Only folders that carry the marker, and temporary files named with the id of a process that is gone,
are ever removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

MARKER = ".kompas-site"
MARKER_TEXT = (
    "Deze map is gemaakt door kompas-site.\n"
    "Bij elke 'kompas build' wordt deze map helemaal vervangen: zet hier geen eigen bestanden in.\n"
)
# A site built before the marker existed: these files are only ever written by kompas-site.
_EARLIER_SITE = ("index.html", "assets/stylesheets/kompas.css")
TEMP_PREFIX = "kompas-"  # temporary files and folders: kompas-<process id>-...
_STARTED = time.time()


class OutputRefused(Exception):
    """The output folder cannot be used; the message says why and what to do, in Dutch."""


class Stopped(KeyboardInterrupt):
    """The program was asked to stop (SIGTERM, SIGHUP, SIGINT). A KeyboardInterrupt, so that code
    which stops cleanly on Ctrl+C (``mkdocs serve``) also stops cleanly on the other signals."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


# -- which output folders may be used ---------------------------------------------------------


def _same(a: Path, b: Path) -> bool:
    """The same folder, also on a file system that ignores case (macOS, Windows)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(str(a)) == os.path.normcase(str(b))


def _inside(inner: Path, outer: Path) -> bool:
    """``inner`` is ``outer`` or lies somewhere inside it."""
    return any(_same(folder, outer) for folder in (inner, *inner.parents))


def is_site(folder: Path) -> bool:
    """A folder built by kompas-site: it has the marker (or, built before the marker, our own files)."""
    folder = Path(folder)
    if folder.is_symlink() or not folder.is_dir():
        return False
    if (folder / MARKER).is_file():
        return True
    return all((folder / name).is_file() for name in _EARLIER_SITE)


def check_output(output_dir: Path, content_dir: Path, force: bool = False, example: str | None = None) -> Path:
    """The output folder, resolved, or ``OutputRefused`` with a message for the author. ``example``: the
    command to suggest with an output folder beside the content folder (default: 'kompas build MAP -o site')."""
    shown = str(output_dir)
    output = Path(output_dir).expanduser().resolve()
    content = Path(content_dir).expanduser().resolve()
    home = Path.home().resolve()
    if output.parent == output:
        raise OutputRefused(
            f"De uitvoermap '{shown}' is de hoofdmap van een schijf ({output}). kompas build vervangt de "
            f"uitvoermap helemaal en zou dan alles op die schijf weggooien.\n"
            f"Kies een eigen, nieuwe map voor de website, bijvoorbeeld: -o site"
        )
    if _inside(home, output):
        where = "uw thuismap" if _same(output, home) else f"een map waarin uw thuismap ({home}) staat"
        raise OutputRefused(
            f"De uitvoermap '{shown}' is {where}. kompas build vervangt de uitvoermap helemaal en zou "
            f"dan al uw bestanden weggooien.\nKies een eigen, nieuwe map voor de website, bijvoorbeeld: -o site"
        )
    if _inside(content, output) or _inside(output, content):
        if _same(output, content):
            where = "dezelfde map als de map met uw rapport"
        elif _inside(content, output):
            where = "een map waarin de map met uw rapport staat"
        else:
            where = "een map binnen de map met uw rapport"
        raise OutputRefused(
            f"De uitvoermap '{shown}' is {where} ('{content_dir}'). kompas build vervangt de uitvoermap "
            f"helemaal en zou dan uw eigen pagina's en foto's weggooien.\n"
            f"Kies een map naast de map met uw rapport, bijvoorbeeld: {example or f'kompas build {content_dir} -o site'}"
        )
    if _inside(Path.cwd().resolve(), output):
        raise OutputRefused(
            f"De uitvoermap '{shown}' is de map waarin u nu werkt (of een map daarboven). kompas build "
            f"vervangt de uitvoermap helemaal.\nKies een eigen, nieuwe map voor de website, bijvoorbeeld: -o site"
        )
    if output.exists() and not output.is_dir():
        raise OutputRefused(
            f"'{shown}' is een bestand, geen map. kompas build maakt een map met de website en vervangt "
            f"geen bestanden (ook niet met --force).\nKies een andere naam voor de website, bijvoorbeeld: -o site"
        )
    if output.is_dir() and not force and not is_site(output) and any(output.iterdir()):
        raise OutputRefused(
            f"De map '{shown}' bestaat al en is niet door kompas-site gemaakt. kompas build vervangt de "
            f"uitvoermap helemaal, dus alles wat erin staat zou verdwijnen.\n"
            f"Kies een nieuwe map (bijvoorbeeld: -o site), of zet --force erbij als alles in '{shown}' "
            f"weg mag."
        )
    return output


# -- stopping cleanly on a signal ----------------------------------------------------------------

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
_state = threading.local()


def _handler(signum, frame):
    if getattr(_state, "holding", 0):  # in the middle of swapping folders: stop right after
        _state.pending = signum
        return
    if getattr(_state, "stopping", False):  # already cleaning up after the first signal
        return
    _state.stopping = True
    raise Stopped(signum)


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGTERM, SIGHUP and SIGINT raise ``Stopped`` inside this block; the previous handlers come back
    afterwards. Outside the main thread (where Python cannot catch signals) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in _SIGNALS}
    outermost = not any(handler is _handler for handler in previous.values())
    for signum in _SIGNALS:
        signal.signal(signum, _handler)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        if outermost:
            _state.stopping = False


@contextlib.contextmanager
def _not_interrupted() -> Iterator[None]:
    """Hold a signal until the block is done (a swap of two folders must not stop halfway)."""
    _state.holding = getattr(_state, "holding", 0) + 1
    try:
        yield
    finally:
        _state.holding -= 1
        pending = getattr(_state, "pending", None)
        if not _state.holding and pending is not None:
            _state.pending = None
            if not getattr(_state, "stopping", False):
                _state.stopping = True
                raise Stopped(pending)


# -- one build at a time per output folder -------------------------------------------------------

_held: dict[str, int] = {}
_held_lock = threading.Lock()


def _lock_path(output: Path) -> Path:
    return output.parent / f".{output.name}.lock"


def _try_lock(handle) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _wait_lock(handle) -> None:
    if os.name == "nt":
        while not _try_lock(handle):
            time.sleep(0.2)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _still_there(path: Path, handle) -> bool:
    """The locked file is still the lock file: the build that held it before removes it when done."""
    if os.name == "nt":
        return True
    try:
        return os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def output_lock(output_dir: Path, shown: str | None = None) -> Iterator[None]:
    """Hold the lock of an output folder (a file beside it, ``.NAME.lock``, removed afterwards). A
    second build waits, and says so once. Within one process the lock may be taken again."""
    output = Path(output_dir).resolve()
    key = str(output)
    with _held_lock:
        if _held.get(key):
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_lock:
                _held[key] -= 1
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    path = _lock_path(output)
    said = False
    while True:
        handle = open(path, "a+b")  # kept open while the lock is held
        try:
            if not _try_lock(handle):
                if not said:
                    print(
                        f"Er wordt al een website gebouwd in '{shown or output_dir}'. "
                        f"Deze build wacht tot die andere klaar is.",
                        file=sys.stderr,
                        flush=True,
                    )
                    said = True
                _wait_lock(handle)
            if _still_there(path, handle):
                break
        except BaseException:
            handle.close()
            raise
        handle.close()
    with _held_lock:
        _held[key] = 1
    try:
        yield
    finally:
        with _held_lock:
            _held.pop(key, None)
        with contextlib.suppress(OSError):
            path.unlink()  # before unlocking: whoever waits on this file then locks a new one
        handle.close()  # releases the lock


# -- removing what earlier runs left behind --------------------------------------------------------


def _remove_marked(folder: Path) -> None:
    """Remove a folder, but only one that kompas-site made (it carries the marker)."""
    if not folder.is_symlink() and (folder / MARKER).is_file():
        shutil.rmtree(folder, ignore_errors=True)


def _mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def remove_leftovers(output_dir: Path) -> list[Path]:
    """Temporary folders of earlier builds into this output (``.NAME-nieuw-*``, ``.NAME-oud-*``) that a
    killed build left beside it. Call it while holding ``output_lock``: then no build is using them."""
    output = Path(output_dir).resolve()
    removed: list[Path] = []
    try:
        entries = list(output.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith((f".{output.name}-nieuw-", f".{output.name}-oud-")) and entry.is_dir():
            _remove_marked(entry)
            if not entry.exists():
                removed.append(entry)
    return removed


def _process_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False
    if os.name == "nt":  # os.kill would stop the process there: keep the file
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists (another user's)
        return False
    return False


_TEMP_NAME = re.compile(rf"^{TEMP_PREFIX}(?:(?:cache|serve)-)?(\d+)-")


def temp_prefix(kind: str = "") -> str:
    """The name a temporary file or folder of this process starts with: ``kompas-[kind-]<pid>-``."""
    return f"{TEMP_PREFIX}{kind + '-' if kind else ''}{os.getpid()}-"


def remove_stale_temp() -> list[Path]:
    """Temporary files of runs that were killed: ``kompas-<pid>-*.yml`` (a build's or preview's
    settings) and ``kompas-cache-<pid>-*``, ``kompas-serve-<pid>-*`` folders, made before this run
    started by a process that is gone, owned by this user."""
    removed: list[Path] = []
    folder = Path(tempfile.gettempdir())
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match:
            continue
        try:
            info = entry.lstat()
        except OSError:
            continue
        if info.st_mtime >= _STARTED or not _process_gone(int(match.group(1))):
            continue
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            continue
        if entry.is_symlink():
            continue
        if entry.is_dir():
            _remove_marked(entry)
        elif entry.name.endswith(".yml"):
            with contextlib.suppress(OSError):
                entry.unlink()
        if not entry.exists():
            removed.append(entry)
    return removed


def temp_folder(kind: str) -> Path:
    """A marked temporary folder of this process (removable by ``remove_stale_temp`` once it is gone)."""
    folder = Path(tempfile.mkdtemp(prefix=temp_prefix(kind)))
    _mark(folder)
    return folder


def remove_temp_folder(folder: Path) -> None:
    _remove_marked(folder)


# -- building into a temporary folder and swapping it in -------------------------------------------


@contextlib.contextmanager
def temp_directory(kind: str) -> Iterator[Path]:
    """A marked temporary folder of ours that the standard ``tempfile`` module uses meanwhile (so a
    library's own temporary folders land in it), removed with everything in it afterwards."""
    folder = temp_folder(kind)
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous
        remove_temp_folder(folder)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publishable_modes(folder: Path) -> None:
    """Folders 0755 and files 0644 (less what the umask takes away): a web server running as another
    user can read every page. ``mkdtemp`` makes folders that only their owner can read."""
    mask = _umask()
    folder_mode, file_mode = 0o777 & ~mask, 0o666 & ~mask
    os.chmod(folder, folder_mode)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, folder_mode)
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                os.chmod(path, file_mode)


def _swap(staging: Path, output: Path, content: Path, force: bool) -> None:
    """Put ``staging`` in the place of ``output``; the previous site is removed afterwards."""
    old = None
    with _not_interrupted():
        if output.is_dir():
            check_output(output, content, force=force)  # again: the folder may have changed during the build
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}-oud-", dir=output.parent))
            old.rmdir()
            if not (output / MARKER).is_file():  # empty, built before the marker, or --force: it may go
                _mark(output)
            output.rename(old)
        try:
            staging.rename(output)
        except BaseException:
            if old is not None:
                old.rename(output)
            raise
    if old is not None:
        _remove_marked(old)


@contextlib.contextmanager
def staged_output(output_dir: Path, content_dir: Path, force: bool = False) -> Iterator[Path]:
    """Yield a new, empty, marked folder beside ``output_dir`` to build into; when the block succeeds,
    it takes the place of the output. When the block fails or the program is stopped by a signal, the
    folder is removed and the previous site stays as it was. Raises ``OutputRefused`` (see
    ``check_output``) and ``Stopped``."""
    output = check_output(output_dir, content_dir, force=force)
    with signals_as_exceptions(), output_lock(output, shown=str(output_dir)):
        remove_leftovers(output)
        remove_stale_temp()
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-nieuw-", dir=output.parent))
        try:
            _mark(staging)
            yield staging
            publishable_modes(staging)
            _swap(staging, output, Path(content_dir), force)
        finally:
            if staging.exists():
                _remove_marked(staging)
