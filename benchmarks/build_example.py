"""Benchmark: a full build of the bundled example.

Usage: python benchmarks/build_example.py [--runs 5]
Measures two things, each `--runs` times, and prints the median:
- in-process: load, check and build, as the MkDocs plugin and `kompas build` run them;
- command: `python -m kompas_site build content -o ...` as an author types it, including Python's
  start-up and imports, into the same folder each time: after the first run each is a rebuild with
  nothing changed, which `kompas build` recognises and skips (kompas_site/buildstamp.py).
Not a test: speed targets live here and in the README.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, machine

sys.path.insert(0, str(ROOT))

from kompas_site import pipeline
from kompas_site.render.mkdocs_engine import build_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            start = time.perf_counter()
            build_site(pipeline.run(ROOT / "content"), Path(tmp) / f"site-{run}")
            times.append(time.perf_counter() - start)
            print(f"run {run + 1}: {times[-1]:.2f} s")
        pages = sum(1 for _ in (Path(tmp) / "site-0").rglob("index.html"))
        print(f"in-process: median {statistics.median(times):.2f} s over {args.runs} runs, {pages} HTML pages")
        command = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "kompas_site",
                    "build",
                    str(ROOT / "content"),
                    "-o",
                    str(Path(tmp) / "cli-site"),
                ],
                check=True,
                capture_output=True,
            )
            command.append(time.perf_counter() - start)
        print(
            f"command:    median {statistics.median(command):.2f} s over {args.runs} runs "
            f"(`kompas build`, start-up included)"
        )
    print(machine())


if __name__ == "__main__":
    main()
