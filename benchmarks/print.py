"""Benchmark: `kompas print` on the bundled example and on a 250-page synthetic report.

Usage: python benchmarks/print.py [--pages 250] [--runs 1]
Runs `python -m kompas_site print MAP -o UITVOERMAP` as an author types it (Python's start-up and imports
included), in a fresh process each time, and prints the median wall time, CPU time, peak memory, and the
size and page count of each PDF. The synthetic report (benchmarks/synthetic.py) is generated in a
temporary folder; a third of its pages have an easy-read twin. Photos are processed once, before the
runs (as after a `kompas build`), so the numbers are about the PDFs.
Not a test: speed targets live here and in the README.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, combine, machine, measured
from synthetic import generate

sys.path.insert(0, str(ROOT))

NAMES = ("makkelijk-lezen.pdf", "meeleesversie.pdf", "rapport.pdf")


def _pdfs(folder: Path) -> str:
    import pikepdf

    parts = []
    for name in NAMES:
        path = folder / name
        if path.exists():
            with pikepdf.open(path) as pdf:
                pages = len(pdf.pages)
            parts.append(f"{name} {pages} p., {path.stat().st_size / 1_000_000:.1f} MB")
    return "; ".join(parts)


def bench(label: str, content: Path, work: Path, runs: int) -> None:
    command = [sys.executable, "-m", "kompas_site", "print", str(content), "-o", str(work / "papier"), "--concept"]
    measured(command, cwd=work)  # the photos into the cache, once
    result = combine([measured(command, cwd=work) for _ in range(runs)])
    print(
        f"{label}: {result.wall:.1f} s wall (runs: {', '.join(f'{w:.1f}' for w in result.walls)}), "
        f"{result.cpu:.1f} s CPU, peak {result.peak_mb:.0f} MB. {_pdfs(work / 'papier')}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kompas-bench-print-") as tmp:
        os.environ.setdefault("KOMPAS_CACHE", str(Path(tmp) / "cache"))
        example = Path(tmp) / "voorbeeld"
        example.mkdir()
        bench("Voorbeeld (content/)", ROOT / "content", example, args.runs)
        synthetic = Path(tmp) / "synthetisch"
        summary = generate(synthetic / "content", args.pages)
        bench(
            f"Synthetisch rapport ({summary.pages} pagina's, {summary.twins} makkelijk)",
            synthetic / "content",
            synthetic,
            args.runs,
        )
    print(machine())


if __name__ == "__main__":
    main()
