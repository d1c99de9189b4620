"""Benchmark: ``kompas import`` of a long Word file and ``kompas export --docx`` of the example (not a test).

Usage: python benchmarks/word.py [--paragraphs 2000] [--images 40]

The Word file is made here with python-docx: headings every ten paragraphs, a bullet list and a table
every fifty, and photos (800 x 600 PNG) spread through it. Prints the wall time and peak memory of both
commands and the size of what they wrote.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, machine, measured

TEXT = (
    "In dit jaar hebben we samen met cliënten, naasten en medewerkers gekeken naar wat goed ging en wat "
    "beter kan. We hielden gesprekken op elke locatie en bespraken de uitkomsten met de cliëntenraad."
)


def word_file(path: Path, paragraphs: int, images: int) -> None:
    import docx
    from docx.shared import Inches
    from PIL import Image

    document = docx.Document()
    document.add_heading("Een lang verslag", 1)
    every = max(1, paragraphs // max(1, images))
    for n in range(paragraphs):
        if n % 10 == 0:
            document.add_heading(f"Deel {n // 10 + 1}", 2)
        paragraph = document.add_paragraph(TEXT + " ")
        paragraph.add_run("Dit is belangrijk.").bold = True
        if n % 50 == 0:
            for item in ("Eerste punt", "Tweede punt", "Derde punt"):
                document.add_paragraph(item, style="List Bullet")
            table = document.add_table(rows=3, cols=3)
            for r in range(3):
                for c in range(3):
                    table.cell(r, c).text = f"cel {r},{c}"
        if images and n % every == 0 and n // every < images:
            picture = io.BytesIO()
            Image.new("RGB", (800, 600), (n % 256, 120, 80)).save(picture, "PNG")
            picture.seek(0)
            document.add_paragraph().add_run().add_picture(picture, width=Inches(4))
    document.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--images", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        content = work / "content"
        shutil.copytree(ROOT / "content", content)
        source = work / "verslag.docx"
        word_file(source, args.paragraphs, args.images)
        page = content / "02-zorgproces" / "verslag.md"
        run_in = measured([sys.executable, "-m", "kompas_site", "import", str(source), "-o", str(page)], cwd=ROOT)
        markdown_size = page.stat().st_size
        pictures = len(list((content / "media").glob("verslag-*")))
        shutil.rmtree(content)
        shutil.copytree(ROOT / "content", content)
        target = work / "makkelijk-lezen.docx"
        run_out = measured(
            [sys.executable, "-m", "kompas_site", "export", "--docx", str(content), "-o", str(target)], cwd=ROOT
        )
        print(machine())
        print(
            f"kompas import: {args.paragraphs} paragraphs, {args.images} images, {source.stat().st_size // 1024} KB "
            f"-> {markdown_size // 1024} KB of Markdown and {pictures} images: "
            f"{run_in.wall:.2f} s, peak {run_in.peak_mb:.0f} MB"
        )
        print(
            f"kompas export --docx (the example): {target.stat().st_size // 1024} KB: "
            f"{run_out.wall:.2f} s, peak {run_out.peak_mb:.0f} MB"
        )


if __name__ == "__main__":
    main()
