"""Benchmark: a report with 200 figure sets against the same report with those figures as Markdown tables.

Both copies of the bundled example get 20 pages with 10 figure sets each (8 rows, 2 series); one places them
with [[cijfers: ...]], the other writes the same numbers as Markdown tables. Each is built with
``kompas build`` into a temporary folder (the image cache warmed first); the script prints both times and
the ratio. The issue's target: at most 10% slower.

    python benchmarks/cijfers.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS, PER_PAGE, ROWS = 200, 10, 8


def make(target: Path, charts: bool) -> None:
    shutil.copytree(ROOT / "content", target)
    (target / "cijfers").mkdir(exist_ok=True)
    folder = target / "07-cijfers"
    folder.mkdir()
    for page in range(SETS // PER_PAGE):
        body = [f"---\ntitle: Cijfers {page + 1}\n---\n"]
        for k in range(PER_PAGE):
            name = f"set-{page}-{k}"
            rows = [
                (f"Vraag {r + 1} over het leven op de locatie", 50 + (r * 7 + k) % 50, 40 + (r * 5 + k) % 60)
                for r in range(ROWS)
            ]
            if charts:
                yaml = [
                    f"titel: Cijfers {name}",
                    "bron: Onderzoek 2025",
                    "reeksen:",
                    "  - naam: Cliënten",
                    "    n: 214",
                    "  - naam: Verwanten",
                    "    n: 167",
                    "rijen:",
                ]
                yaml += [f"  - label: {label}\n    waarden: [{a}, {b}]" for label, a, b in rows]
                (target / "cijfers" / f"{name}.yml").write_text("\n".join(yaml) + "\n", encoding="utf-8")
                body.append(f"[[cijfers: {name}]]\n")
            else:
                table = ["| Onderwerp | Cliënten | Verwanten |", "| --- | ---: | ---: |"]
                table += [f"| {label} | {a}% | {b}% |" for label, a, b in rows]
                body.append(f"**Cijfers {name}**\n\n" + "\n".join(table) + "\n\nBron: Onderzoek 2025.\n")
        (folder / f"cijfers-{page + 1}.md").write_text("\n".join(body), encoding="utf-8")


def build(content: Path, out: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kompas_site", "build", str(content), "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        make(base / "tabellen", charts=False)
        make(base / "grafieken", charts=True)
        build(base / "tabellen", base / "warm")  # warm the image cache and imports
        tables = min(build(base / "tabellen", base / f"t{i}") for i in range(2))
        charts = min(build(base / "grafieken", base / f"g{i}") for i in range(2))
    print(f"Markdown-tabellen: {tables:.2f} s")
    print(f"Cijferbestanden met grafiek: {charts:.2f} s")
    print(f"Verhouding: {charts / tables:.3f} (doel: hoogstens 1,10)")


if __name__ == "__main__":
    main()
