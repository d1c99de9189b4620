"""``kompas print``: the report on paper, as three PDFs from the same source as the site.

- ``makkelijk-lezen.pdf``: the easy-read version as a large-print booklet;
- ``meeleesversie.pdf``: the easy-read pages for the client council's meeting (line numbers, a wide margin,
  a box "Wat vinden wij ervan?" under every page, date and version on every page);
- ``rapport.pdf``: the full report, for the board's files.

Like ``kompas build``: a report with errors is not printed, unless ``--concept``. Only these three files
are written in the output folder, each through a temporary file beside it: a PDF that is there is
replaced only when kompas-site made it (or with ``--force``); nothing else in the folder is touched.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from kompas_site import dutch, outputdir
from kompas_site.cache import content_key
from kompas_site.check.output import as_text, summary
from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR, add_content_dir, run_pipeline
from kompas_site.paper import PDF_NAMES, EngineMissing, documents, load_engine, render_pdf
from kompas_site.pipeline import Build

MAKER = "kompas-site"  # the /Creator of every PDF kompas print makes


def add_arguments(parser) -> None:
    add_content_dir(parser)
    parser.add_argument(
        "-o", "--output", default="papier", metavar="UITVOERMAP", help="waar de PDF's komen (standaard: papier)"
    )
    parser.add_argument(
        "--concept",
        action="store_true",
        help="maak de PDF's ook als er nog fouten zijn; de titel zegt dan dat het een concept is",
    )
    parser.add_argument(
        "--versie",
        metavar="TEKST",
        help="wat de meeleesversie op elke bladzijde als versie noemt (standaard: de datum van de tekst)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="vervang ook een PDF met dezelfde naam die niet door kompas-site gemaakt is",
    )


class Refused(Exception):
    """The output cannot be written; the message says why and what to do."""


def run(args) -> int:
    output = Path(args.output)
    try:
        _check_output(output, args.force)
        load_engine()  # before the work: a missing engine is said at once
    except Refused as refused:
        print(f"De PDF's zijn niet gemaakt. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    except EngineMissing as missing:
        print(f"De PDF's zijn niet gemaakt. {missing}", file=sys.stderr)
        return ONBRUIKBAAR
    build = run_pipeline(args.content_dir, draft=args.concept)
    result = build.result
    if result.has_errors and not args.concept:
        print(as_text(result), file=sys.stderr)
        print(
            f"\nDe PDF's zijn niet gemaakt, omdat er nog fouten zijn. Los ze op, of maak een concept met: "
            f"kompas print {args.content_dir} --concept",
            file=sys.stderr,
        )
        return FOUTEN
    build.publish_images(progress=False)
    made = documents(build, date.today(), args.versie or text_version(build))
    easy = any(page.easy_read for page in build.pages.values())
    if not easy:
        made = [d for d in made if d.name == "rapport.pdf"]
    try:
        with outputdir.signals_as_exceptions():
            pdfs = {d.name: render_pdf(d) for d in made}
            with outputdir.output_lock(output, shown=args.output):
                _check_output(output, args.force)  # again: the folder may have changed meanwhile
                for name, data in pdfs.items():
                    write_atomic(output / name, data)
    except Refused as refused:
        print(f"De PDF's zijn niet gemaakt. {refused}", file=sys.stderr)
        return ONBRUIKBAAR
    except outputdir.Stopped as stopped:
        print(f"\nHet maken van de PDF's is gestopt. In '{args.output}' is niets veranderd.", file=sys.stderr)
        return stopped.exit_code
    except OSError as error:
        print(f"De PDF's konden niet worden weggeschreven in '{args.output}': {error}", file=sys.stderr)
        return ONBRUIKBAAR
    print(summary(result))
    print(f"De PDF's staan in {output.resolve()}" + (" — als CONCEPT:" if args.concept else ":"))
    for name, data in pdfs.items():
        print(f"  {name} ({_size(len(data))})")
    if not easy:
        print(
            "Dit rapport heeft nog geen makkelijke pagina's (NAAM.begrijpelijk.md): makkelijk-lezen.pdf en "
            "meeleesversie.pdf zijn daarom niet gemaakt."
        )
    return OK


def text_version(build: Build) -> str:
    """The version of the easy-read text: the day it last changed, and a short code that changes with
    every change of the text (two printouts of the same day can be told apart)."""
    root = Path(build.report.root)
    easy = [page for page in build.pages.values() if page.easy_read]
    times = []
    for page in easy:
        with contextlib.suppress(OSError):
            times.append((root / page.source).stat().st_mtime)
    day = date.fromtimestamp(max(times)) if times else date.today()
    code = content_key(sorted((page.source, page.markdown) for page in easy))[:6]
    return f"tekst van {dutch.datum(day)} (versie {code})"


def _size(n: int) -> str:
    return f"{dutch.getal(n / 1_000_000, 1)} MB" if n >= 100_000 else f"{dutch.getal(n / 1000)} kB"


def made_by_us(path: Path) -> bool:
    """A PDF that kompas print made (its /Creator says so)."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            return MAKER in str(pdf.docinfo.get("/Creator", ""))
    except Exception:
        return False


def _check_output(output: Path, force: bool) -> None:
    if output.exists() and not output.is_dir():
        raise Refused(
            f"'{output}' is een bestand, geen map. kompas print zet drie PDF's in een map.\n"
            "Kies een map, bijvoorbeeld: -o papier"
        )
    if force:
        return
    foreign = [name for name in PDF_NAMES if (output / name).exists() and not made_by_us(output / name)]
    if foreign:
        names = dutch.opsomming(f"'{name}'" for name in foreign)
        raise Refused(
            f"In '{output}' staat al {names}, niet gemaakt door kompas-site. kompas print zou "
            f"{'dat bestand' if len(foreign) == 1 else 'die bestanden'} vervangen.\n"
            f"Kies een andere map (bijvoorbeeld: -o papier), of zet --force erbij als "
            f"{'het' if len(foreign) == 1 else 'ze'} weg mag."
        )


def write_atomic(target: Path, data: bytes) -> None:
    """Write through a temporary file beside the target (named with this process's id), then swap it in:
    a reader never sees half a PDF, and a stopped run leaves the previous PDF as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{outputdir.temp_prefix()}", suffix=".pdf", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
