"""Benchmark: ``kompas check`` on a YAML alias bomb in a page's front matter (not a test).

Usage: python benchmarks/alias_bomb.py [--levels 9]

A "billion laughs" of about 350 bytes: nine values, each a list of nine of the one before, so that the
last one stands for 9**9 (387 million) values. Before the loader refused aliases this took 11 s and
1.7 GB (one level more: MemoryError). Prints the wall time, the peak memory, the exit code (2 expected)
and the message the author gets.
"""

from __future__ import annotations

import argparse
import shutil
import string
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, machine, measured


def bomb(levels: int) -> str:
    names = string.ascii_lowercase[:levels]
    lines = [f"{names[0]}: &{names[0]} [x,x,x,x,x,x,x,x,x]"]
    for before, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(ROOT / "content", content)
        front = bomb(args.levels)
        page = content / "01-over-ons" / "index.md"
        page.write_text("---\n" + front + "---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
        run = measured([sys.executable, "-m", "kompas_site", "check", str(content)], cwd=ROOT, accept=(2,))
    print(machine())
    print(f"front matter: {len(front.encode('utf-8'))} bytes, {args.levels} levels")
    print(f"kompas check: {run.wall:.2f} s, peak {run.peak_mb:.0f} MB, exit 2")
    print(run.output)


if __name__ == "__main__":
    main()
