"""Benchmark: ``kompas archief`` of the example's two editions, against ``kompas build`` of each alone.

Builds (1) voorbeelden/wilgenhoeve-2023 and content/ each with ``kompas build``, (2) the archive of both, and
(3) the archive again (nothing is skipped: an archive is always built whole). Prints the times and the number of
pages; the archive should cost about the sum of the two builds plus the editions page.

    python benchmarks/archief.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = (ROOT / "voorbeelden" / "wilgenhoeve-2023", ROOT / "content")


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kompas_site", *args], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kompas-bench-archief-") as tmp:
        alone = [timed("build", str(folder), "-o", str(Path(tmp) / f"site-{n}")) for n, folder in enumerate(EDITIONS)]
        archive = Path(tmp) / "archief"
        first = timed("archief", str(archive), *map(str, EDITIONS))
        again = timed("archief", str(archive), *map(str, EDITIONS))
        pages = sum(1 for _ in archive.rglob("*.html"))
        print(f"kompas build, elk apart:  {' + '.join(f'{t:.1f} s' for t in alone)} = {sum(alone):.1f} s")
        print(f"kompas archief (beide):   {first:.1f} s, nog eens: {again:.1f} s ({pages} HTML-bestanden)")


if __name__ == "__main__":
    main()
