"""``kompas build``: the website, in a temporary folder first, then swapped in (``kompas_site.outputdir``)."""

from __future__ import annotations

import sys
from pathlib import Path

from kompas_site import buildstamp, outputdir
from kompas_site.check.output import as_text, summary
from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR, add_content_dir, add_fetch_previous, run_pipeline
from kompas_site.pipeline import Build


def add_arguments(parser) -> None:
    add_content_dir(parser)
    add_fetch_previous(parser)
    parser.add_argument(
        "-o", "--output", default="site", metavar="UITVOERMAP", help="waar de website komt (standaard: site)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="vervang ook een bestaande uitvoermap die niet door kompas-site gemaakt is (alles erin verdwijnt)",
    )
    parser.add_argument(
        "--concept",
        action="store_true",
        help="bouw ook als er nog fouten zijn; elke pagina krijgt dan een conceptbanner",
    )


def run(args) -> int:
    try:  # before anything else: a wrong output folder is said at once
        outputdir.check_output(Path(args.output), Path(args.content_dir), force=args.force)
    except outputdir.OutputRefused as refused:
        print(f"De website is niet gebouwd. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    build = run_pipeline(args.content_dir, draft=args.concept, haal_vorige=args.haal_vorige)
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
    try:
        with outputdir.signals_as_exceptions(), outputdir.output_lock(Path(args.output), shown=args.output):
            return _build(args, build, build_stamp)
    except outputdir.OutputRefused as refused:  # the folder changed while this build waited
        print(f"De website is niet gebouwd. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    except outputdir.Stopped as stopped:
        print(
            f"\nHet bouwen is gestopt. De vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return stopped.exit_code


def _build(args, build: Build, build_stamp: str) -> int:
    """The build itself, while this process holds the lock of the output folder."""
    result = build.result
    output = Path(args.output)
    if buildstamp.unchanged(output, build_stamp):
        print(summary(result))
        print(f"Er is niets veranderd sinds de vorige build: de website in {args.output} is nog actueel.")
        return OK
    from kompas_site.render.mkdocs_engine import build_site

    try:
        with outputdir.staged_output(output, Path(args.content_dir), force=args.force) as staging:
            build_site(build, staging)
    except (outputdir.OutputRefused, outputdir.Stopped):
        raise
    except Exception as exc:  # the engine failed: the previous site is left as it was
        print(
            f"Het bouwen van de website is mislukt: {exc}\nDe vorige versie in '{args.output}' is niet aangeraakt.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    buildstamp.remember(output, build_stamp)
    pages = sum(1 for _ in output.rglob("index.html"))
    print(summary(result))
    print(f"De website staat in {output.resolve()} ({pages} pagina's)" + (" — als CONCEPT." if args.concept else "."))
    print(f"Bekijk hem met: python -m http.server --directory {args.output} 8000 en open http://127.0.0.1:8000/")
    return OK
