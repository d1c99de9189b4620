"""Benchmark: how fast an edited page shows up in ``kompas serve``, and a rebuild with nothing changed.

Usage: python benchmarks/serve_edit.py [--pages 1000] [--runs 5] [--seed 7] [--keep] [--mkdocs]

For every N it generates a synthetic report (benchmarks/synthetic.py) in a temp folder and starts
``python -m kompas_site serve DIR`` on a free port of 127.0.0.1 in its own process group; its output
goes to a log file in the temp folder, so a full pipe never blocks it. Then:
- cold start: the time from starting the command until both the home page and the first edited page are
  served;
- R edits (``--runs``): each appends a new paragraph with a unique word (``Meetwoord`` + hex) to the source
  of a page, in turn a page of each bouwsteen folder, an easy-read twin (``*.begrijpelijk.md``) and a
  story, and polls that page's served HTML every 20 ms until the word is there. The latency is the time
  from the write until the word is visible; an edit that is not visible within ``--timeout`` seconds
  (default 60) counts as failed. Between edits it waits until the server has finished building (the
  live-reload server answers page requests only then) and another ``--idle`` seconds (default 1).
The URL of a source page comes from kompas_site.paths, as the site computes it. With
``--mkdocs`` the preview is plain ``mkdocs serve -f mkdocs.yml`` (the same minimal mkdocs.yml as the
repository's, beside the content folder) instead of ``kompas serve``.

A rebuild of the bundled example with nothing changed is measured by benchmarks/build_example.py.

The server is always stopped (its whole process group), also on Ctrl+C or an error; the temp folders are
removed unless ``--keep``. Not a test: the targets of issue 7 are printed next to the numbers.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from common import machine, mark  # noqa: E402
from synthetic import generate  # noqa: E402

from kompas_site.model import TWIN_SUFFIX  # noqa: E402
from kompas_site.paths import output_paths  # noqa: E402

# Targets from issue 7.
TARGET_EDIT_S = 2.0  # an edited page visible in the live preview

POLL_S = 0.02  # how often the edited page is fetched
START_TIMEOUT_S = 900  # the first build of a large report may take a while


# -- the site's addresses ---------------------------------------------------------------------


def site_urls(content: Path) -> dict[str, str]:
    """URL path ("/bouwsteen-1/foo/") per source path ("01-bouwsteen-1/0012-foo.md"), in the order the
    site assigns them: content pages first, then the easy-read twins."""
    sources = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    pages = [s for s in sources if not s.lower().endswith(TWIN_SUFFIX)]
    twins = [s for s in sources if s.lower().endswith(TWIN_SUFFIX)]
    urls = {}
    for source, output in output_paths(pages + twins).items():
        folder = output[: -len("index.html")] if output.endswith("index.html") else output
        urls[source] = "/" + folder
    return urls


def edit_targets(content: Path) -> list[str]:
    """A few pages to edit in turn: one from the middle of each bouwsteen folder, a twin, a story."""

    def middle(paths: list[str]) -> str | None:
        return paths[len(paths) // 2] if paths else None

    sources = sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md"))
    plain = [s for s in sources if not s.lower().endswith(TWIN_SUFFIX) and not s.endswith("/index.md")]
    folders = sorted({s.split("/")[0] for s in plain if "/" in s and s.split("/")[0] != "verhalen"})
    picks = [middle([s for s in plain if s.startswith(folder + "/")]) for folder in folders]
    twin = middle([s for s in sources if s.lower().endswith(TWIN_SUFFIX) and "/" in s])
    story = middle([s for s in plain if s.startswith("verhalen/")])
    # The twin comes third, so that even three runs edit one.
    order = picks[:2] + [twin] + picks[2:] + [story]
    return [s for s in order if s]


# -- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerGone(RuntimeError):
    pass


class Server:
    """``kompas serve`` in its own process group, its output in a log file."""

    def __init__(self, content: Path, log_path: Path, mkdocs: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        if mkdocs:  # plain `mkdocs serve`, with an mkdocs.yml beside the content as organisations keep it
            from kompas_site.render.siteconfig import CONFIG_TEMPLATE

            config = content.parent / "mkdocs.yml"
            config.write_text(CONFIG_TEMPLATE.format(docs_dir=content.name, concept=""), encoding="utf-8")
            self.command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{self.port}"]
        else:
            self.command = [sys.executable, "-m", "kompas_site", "serve", str(content), "--poort", str(self.port)]
        self._log = open(log_path, "wb")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def fetch(self, path: str, timeout: float) -> str | None:
        """The page's HTML, or None while it cannot be had (not listening yet, 404, a timeout)."""
        if self.process.poll() is not None:
            raise ServerGone(f"the server stopped (exit {self.process.returncode}):\n{self.log_tail()}")
        try:
            with urllib.request.urlopen(self.base + path, timeout=max(timeout, 0.05)) as response:
                return response.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, path: str, deadline: float, marker: str | None = None) -> float | None:
        """Poll ``path`` until it is served (and contains ``marker``); the time it was seen, or None."""
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return None
            html = self.fetch(path, deadline - now)
            if html is not None and (marker is None or marker in html):
                return time.perf_counter()
            time.sleep(POLL_S)

    def stop(self) -> None:
        if self.process.poll() is None:
            for sig, grace in ((signal.SIGINT, 5), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        else:  # the leader is gone; make sure nothing it started lingers
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self._log.close()


# -- measuring --------------------------------------------------------------------------------


@dataclass
class Edit:
    source: str
    url: str
    latency: float | None  # None: not visible within the timeout


@dataclass
class ServeResult:
    n: int
    md_files: int
    cold_start: float
    edits: list[Edit] = field(default_factory=list)


def append_marker(path: Path, marker: str) -> float:
    """Append a paragraph with ``marker`` in one write; the moment the write is done."""
    text = path.read_text(encoding="utf-8")
    addition = ("" if text.endswith("\n") else "\n") + f"\n{marker}\n"
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(addition)
    return time.perf_counter()


def bench_serve(
    n: int,
    work: Path,
    seed: int,
    runs: int,
    timeout: float,
    idle: float,
    results: list[ServeResult],
    mkdocs: bool = False,
) -> None:
    """Measure one report size; the result joins ``results`` as soon as the server is up, so an
    interrupted run still shows the edits done so far."""
    content = work / "content"
    generate(content, n, seed)
    urls = site_urls(content)
    targets = edit_targets(content)
    server = Server(content, work / "serve.log", mkdocs)
    try:
        deadline = server.started + START_TIMEOUT_S
        for path in ("/", urls[targets[0]]):
            if server.wait_for(path, deadline) is None:
                raise SystemExit(f"{path} was not served within {START_TIMEOUT_S} s:\n{server.log_tail()}")
        result = ServeResult(n, len(urls), time.perf_counter() - server.started)
        results.append(result)
        print(f"  {n} pages: cold start {result.cold_start:.1f} s", flush=True)
        time.sleep(idle)
        for run in range(runs):
            source = targets[run % len(targets)]
            url = urls[source]
            marker = f"Meetwoord{secrets.token_hex(4)}"
            written = append_marker(content / source, marker)
            seen = server.wait_for(url, written + timeout, marker)
            edit = Edit(source, url, None if seen is None else seen - written)
            result.edits.append(edit)
            shown = f"{edit.latency:.2f} s" if edit.latency is not None else f"not visible within {timeout:.0f} s"
            print(f"  edit {run + 1}: {source} -> {url}: {shown}", flush=True)
            # Idle: page requests wait until a running build is done; then a quiet moment.
            server.wait_for("/", time.perf_counter() + START_TIMEOUT_S)
            time.sleep(idle)
    finally:
        server.stop()


# -- printing ---------------------------------------------------------------------------------


def table(results: list[ServeResult], runs: int, timeout: float, command: str = "kompas serve") -> str:
    lines = [
        f"### An edited page visible in `{command}`",
        "",
        "| N pages | Markdown files | cold start s | "
        + " | ".join(f"edit {i + 1} s" for i in range(runs))
        + f" | median s | max s | target < {TARGET_EDIT_S:g} s |",
        "|---:|---:|---:|" + "---:|" * runs + "---:|---:|---|",
    ]
    for r in results:
        seen = [e.latency for e in r.edits if e.latency is not None]
        failed = len(r.edits) - len(seen)
        cells = [f"{e.latency:.2f}" if e.latency is not None else f"> {timeout:.0f} (failed)" for e in r.edits]
        cells += ["-"] * (runs - len(cells))  # interrupted
        median = f"{statistics.median(seen):.2f}" if seen else "-"
        worst = f"> {timeout:.0f}" if failed else (f"{max(seen):.2f}" if seen else "-")
        ok = not failed and bool(seen) and max(seen) < TARGET_EDIT_S
        lines.append(
            f"| {r.n} | {r.md_files} | {r.cold_start:.1f} | "
            + " | ".join(cells)
            + f" | {median} | {worst} | {mark(ok)} |"
        )
    lines += [
        "",
        "Edited pages, in turn: "
        + "; ".join(f"`{e.source}` → `{e.url}`" for e in (results[-1].edits if results else []))
        + ". Cold start: from starting the command until the home page and the first of these are served.",
    ]
    return "\n".join(lines)


def _stop_on_term(signum, frame):  # let the finally blocks stop the server and clean up
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--pages",
        type=int,
        nargs="+",
        default=[1000],
        metavar="N",
        help="report sizes in content pages (default: 1000)",
    )
    parser.add_argument("--runs", type=int, default=5, help="edits per report (default: 5)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic content (default: 7)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds an edit may take to show before it counts as failed (default: 60)",
    )
    parser.add_argument(
        "--idle", type=float, default=1.0, help="quiet seconds after each build before the next edit (default: 1)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (reports, logs, sites)")
    parser.add_argument(
        "--mkdocs",
        action="store_true",
        help="preview with plain `mkdocs serve` (an mkdocs.yml beside the content) instead",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop_on_term)

    print(machine())
    print()
    tmp = Path(tempfile.mkdtemp(prefix="kompas-serve-edit-"))
    results: list[ServeResult] = []
    try:
        for n in args.pages:
            work = tmp / f"pages-{n}"
            work.mkdir()
            bench_serve(n, work, args.seed, args.runs, args.timeout, args.idle, results, args.mkdocs)
    except KeyboardInterrupt:
        print("\nInterrupted; the server is stopped.", file=sys.stderr)
    finally:
        if args.keep:
            print(f"\nKept: {tmp} (pages-N/content, pages-N/serve.log)")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print()
    if results:
        print(table(results, args.runs, args.timeout, "mkdocs serve" if args.mkdocs else "kompas serve"))
        print()


if __name__ == "__main__":
    main()
