"""Benchmark: the bad input of issue 7 (not a test).

Usage: python benchmarks/bad_input.py [--pages 5000] [--keep DIR]

Generates a synthetic report of N content pages (benchmarks/synthetic.py; at 5,000 pages each of the
three bouwsteen folders holds more than 1,600 pages) and adds one page of about 1 MB of text. Then it
runs ``kompas check`` and ``kompas build`` on it, each in its own process, and prints their wall time,
peak memory (RSS), the warnings about size (``map-te-lang``, ``pagina-te-lang``), and the largest page
HTML of the built site. The memory target scales linearly: 500 MB at 1,000 pages.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate  # noqa: E402

MB = 1024 * 1024
TARGET_MB_PER_1000 = 500


def big_page(folder: Path) -> Path:
    """A page of about 1 MB: the same paragraphs of the report over and over, with headings."""
    source = sorted(folder.glob("01-*/0*.md"))[10].read_text(encoding="utf-8").split("---", 2)[2]
    parts, size, number = ["---\ntitle: Alle verslagen van de locaties in één pagina\n---\n"], 0, 0
    while size < MB:
        number += 1
        block = f"\n## Verslag {number}\n{source}"
        parts.append(block)
        size += len(block.encode("utf-8"))
    page = folder / "01-bouwsteen-1" / "9999-alles-in-een.md"
    page.write_text("".join(parts), encoding="utf-8")
    return page


def measured(command: list[str]) -> tuple[float, float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, peak, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the report and the site in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kompas-bad-input-"))
    try:
        content, site = work / "content", work / "site"
        summary = generate(content, args.pages)
        page = big_page(content)
        files = sum(1 for _ in content.rglob("*.md"))
        print(f"{summary.pages} pages + {summary.twins} twins + {summary.stories} stories + 1 page of "
              f"{page.stat().st_size / MB:.1f} MB = {files} Markdown files")
        wall, peak, out = measured([sys.executable, "-m", "kompas_site", "check", str(content), "--format", "json"])
        findings = json.loads(out)["findings"]
        size = [f for f in findings if f["code"] in ("map-te-lang", "pagina-te-lang")]
        print(f"kompas check: {wall:.1f} s, peak {peak:.0f} MB")
        for finding in size:
            print(f"  {finding['severity']} [{finding['code']}] {finding['file']}: {finding['message'][:90]}...")
        wall, peak_build, _ = measured([sys.executable, "-m", "kompas_site", "build", str(content), "-o", str(site)])
        pages = list(site.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        others = sorted(p.stat().st_size for p in pages if p != largest)
        target = TARGET_MB_PER_1000 * args.pages / 1000
        print(f"kompas build: {wall:.1f} s, peak {max(peak, peak_build):.0f} MB (target < {target:.0f} MB), "
              f"{len(pages)} HTML pages; the 1 MB page gives {largest.stat().st_size / 1024:.0f} KB of HTML "
              f"({largest.relative_to(site)}); all other pages at most {others[-1] / 1024:.0f} KB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
