"""``kompas build``: the website, in a temporary folder first, then swapped in."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from kompas_site import buildstamp
from kompas_site.check.output import as_text, summary
from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR, run_pipeline


def add_arguments(parser) -> None:
    parser.add_argument(
        "content_dir",
        nargs="?",
        default="content",
        metavar="MAP",
        help="de map met kompas.yml en de pagina's (standaard: content)",
    )
    parser.add_argument(
        "-o", "--output", default="site", metavar="UITVOERMAP", help="waar de website komt (standaard: site)"
    )
    parser.add_argument(
        "--concept",
        action="store_true",
        help="bouw ook als er nog fouten zijn; elke pagina krijgt dan een conceptbanner",
    )


def run(args) -> int:
    build = run_pipeline(args.content_dir, draft=args.concept)
    result = build.result
    if result.has_errors and not args.concept:
        print(as_text(result), file=sys.stderr)
        print(
            f"\nDe website is niet gebouwd, omdat er nog fouten zijn. Los ze op, of bouw een concept "
            f"met: kompas build {args.content_dir} --concept",
            file=sys.stderr,
        )
        return FOUTEN
    build_stamp = buildstamp.stamp(Path(args.content_dir), concept=args.concept)
    if buildstamp.unchanged(Path(args.output), build_stamp):
        print(summary(result))
        print(f"Er is niets veranderd sinds de vorige build: de website in {args.output} is nog actueel.")
        return OK
    from kompas_site.render.mkdocs_engine import build_site

    output = Path(args.output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-nieuw-", dir=output.parent))
    try:
        build_site(build, staging)
    except Exception as exc:  # the engine failed: the previous site is left as it was
        shutil.rmtree(staging, ignore_errors=True)
        print(
            f"Het bouwen van de website is mislukt: {exc}\nDe vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    _swap(staging, output)
    buildstamp.remember(output, build_stamp)
    pages = sum(1 for _ in output.rglob("index.html"))
    print(summary(result))
    print(f"De website staat in {output} ({pages} pagina's)" + (" — als CONCEPT." if args.concept else "."))
    print(f"Bekijk hem met: python -m http.server --directory {args.output} 8000 en open http://127.0.0.1:8000/")
    return OK


def _swap(staging: Path, output_dir: Path) -> None:
    old = None
    if output_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}-oud-", dir=output_dir.parent))
        old.rmdir()
        output_dir.rename(old)
    staging.rename(output_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
