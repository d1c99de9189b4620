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
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import MB, ROOT, machine, measured
from synthetic import generate

TARGET_MB_PER_1000 = 500


def big_page(folder: Path) -> Path:
    """A page of about 1 MB: the same paragraphs of the report over and over, with headings."""
    pages = sorted(folder.glob("01-*/0*.md"))
    source = pages[len(pages) // 2].read_text(encoding="utf-8").split("---", 2)[2]
    parts, size, number = ["---\ntitle: Alle verslagen van de locaties in één pagina\n---\n"], 0, 0
    while size < MB:
        number += 1
        block = f"\n## Verslag {number}\n{source}"
        parts.append(block)
        size += len(block.encode("utf-8"))
    page = folder / "01-bouwsteen-1" / "9999-alles-in-een.md"
    page.write_text("".join(parts), encoding="utf-8")
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="keep the report and the site in this folder")
    args = parser.parse_args()
    print(machine() + "\n")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kompas-bad-input-"))
    try:
        content, site = work / "content", work / "site"
        summary = generate(content, args.pages)
        page = big_page(content)
        files = sum(1 for _ in content.rglob("*.md"))
        print(
            f"{summary.pages} pages + {summary.twins} twins + {summary.stories} stories + 1 page of "
            f"{page.stat().st_size / MB:.1f} MB = {files} Markdown files"
        )
        check = measured(
            [sys.executable, "-m", "kompas_site", "check", str(content), "--format", "json"], ROOT, accept=(0, 1)
        )
        findings = json.JSONDecoder().raw_decode(check.output)[0]["findings"]  # the report, then any notes
        size = [f for f in findings if f["code"] in ("map-te-lang", "pagina-te-lang")]
        print(f"kompas check: {check.wall:.1f} s, peak {check.peak_mb:.0f} MB")
        for finding in size:
            print(f"  {finding['severity']} [{finding['code']}] {finding['file']}: {finding['message'][:90]}...")
        build = measured([sys.executable, "-m", "kompas_site", "build", str(content), "-o", str(site)], ROOT)
        pages = list(site.rglob("*.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        others = sorted(p.stat().st_size for p in pages if p != largest)
        target = TARGET_MB_PER_1000 * args.pages / 1000
        print(
            f"kompas build: {build.wall:.1f} s, peak {build.peak_mb:.0f} MB (target < {target:.0f} MB), "
            f"{len(pages)} HTML pages; the 1 MB page gives {largest.stat().st_size / 1024:.0f} KB of HTML "
            f"({largest.relative_to(site)}); all other pages at most {others[-1] / 1024:.0f} KB"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
