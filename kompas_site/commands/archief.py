"""``kompas archief``: several editions in one site, each under its own year, with an editions page at the root
(``kompas_site.archive``). The same output-folder safety as ``kompas build``: never an author's folder, a
lock, built beside the output and swapped in only when everything succeeded."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from kompas_site import archive, outputdir
from kompas_site.check.output import as_text
from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR, add_fetch_previous, print_problems
from kompas_site.errors import ContentError


def add_arguments(parser) -> None:
    parser.add_argument("output", metavar="UITVOER", help="de map waarin het archief komt (bijvoorbeeld: archief)")
    parser.add_argument(
        "folders",
        nargs="+",
        metavar="MAP",
        help="de map van elke editie (met kompas.yml), in willekeurige volgorde; elke editie komt onder haar jaar",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="vervang ook een bestaande uitvoermap die niet door kompas-site gemaakt is (alles erin verdwijnt)",
    )
    add_fetch_previous(parser)


def run(args) -> int:
    output = Path(args.output)
    # an archive's own folder beside the editions' folders, never inside one of them
    beside = " ".join(shlex.quote(f) for f in args.folders)
    example = f"kompas archief archief-site {beside}"
    try:  # before anything else: a wrong output folder is said at once
        for folder in args.folders:
            outputdir.check_output(output, Path(folder), force=args.force, example=example)
    except outputdir.OutputRefused as refused:
        print(f"Het archief is niet gebouwd. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    try:
        editions = archive.plan([Path(f) for f in args.folders])
    except archive.ArchiveRefused as refused:
        print(
            f"Het archief is niet gebouwd. {refused}\nDe vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    try:
        built = archive.builds(editions, haal_vorige=args.haal_vorige)
    except ContentError as error:
        print_problems(error, None)
        return ONBRUIKBAAR
    failed = [(e, b) for e, b in zip(editions, built, strict=True) if b.has_errors]
    if failed:
        for edition, build in failed:
            print(f"== {edition.folder} ==\n{as_text(build.result)}\n", file=sys.stderr)
        names = ", ".join(f"'{e.folder}'" for e, _ in failed)
        print(
            f"Het archief is niet gebouwd, omdat er nog fouten zijn in {names}. Los ze op en probeer het opnieuw. "
            f"De vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return FOUTEN
    from kompas_site.render.mkdocs_engine import build_site

    try:
        with outputdir.staged_output(output, editions[0].folder, force=args.force) as staging:
            archive.write(editions, built, staging, build_site)
    except outputdir.OutputRefused as refused:
        print(f"Het archief is niet gebouwd. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    except outputdir.Stopped as stopped:
        print(f"\nHet bouwen is gestopt. De vorige versie in '{args.output}' is niet aangeraakt.", file=sys.stderr)
        return stopped.exit_code
    except Exception as exc:  # the engine failed: the previous archive is left as it was
        print(
            f"Het bouwen van het archief is mislukt: {exc}\nDe vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    print(
        f"Het archief staat in {output.resolve()}, met {len(editions)} {'editie' if len(editions) == 1 else 'edities'}:"
    )
    for edition, build in zip(editions, built, strict=True):
        pages = sum(1 for _ in (output / edition.map).rglob("index.html"))
        print(f"  {edition.map}/  {build.result.editie.naam} {edition.jaar} ({pages} pagina's), uit {edition.folder}")
    print("  index.html  de pagina met alle edities")
    print(f"Bekijk het met: python -m http.server --directory {args.output} 8000 en open http://127.0.0.1:8000/")
    return OK
