"""``kompas export --docx``: the easy-read pages as one Word file, for a reviewer or the Keurmerk Makkelijk Lezen."""

from __future__ import annotations

import sys
from pathlib import Path

from kompas_site.commands.common import OK, ONBRUIKBAAR, add_content_dir, run_pipeline

DEFAULT_NAME = "makkelijk-lezen.docx"


def add_arguments(parser) -> None:
    add_content_dir(parser)
    parser.add_argument(
        "--docx",
        action="store_true",
        help="schrijf de makkelijke pagina's (de begrijpelijke versie) als één Word-bestand",
    )
    parser.add_argument(
        "-o",
        "--uitvoer",
        metavar="BESTAND.docx",
        help=f"waar het Word-bestand komt (standaard: {DEFAULT_NAME} in de map waar u nu bent)",
    )
    parser.add_argument(
        "--overschrijf",
        action="store_true",
        help="vervang het bestand als het er al is (zonder deze optie blijft een bestaand bestand staan, "
        "bijvoorbeeld een exemplaar waarin meelezers al opmerkingen schreven)",
    )


def _stop(message: str) -> int:
    print(f"kompas export: {message}", file=sys.stderr)
    return ONBRUIKBAAR


def run(args) -> int:
    from kompas_site.word import WordError
    from kompas_site.word.writer import export_docx

    if not args.docx:
        return _stop("zeg wat u wilt maken. Voor een Word-bestand van de begrijpelijke versie: kompas export --docx")
    target = Path(args.uitvoer or DEFAULT_NAME)
    if target.suffix.lower() != ".docx":
        return _stop(f"een Word-bestand heeft een naam die eindigt op .docx, zoals '{target.stem}.docx'.")
    if target.is_dir():
        return _stop(f"'{target}' is een map. Geef een bestandsnaam op, zoals '{target / DEFAULT_NAME}'.")
    if target.exists() and not args.overschrijf:
        return _stop(
            f"'{target}' bestaat al. Misschien staan er opmerkingen van meelezers in: het blijft staan. Kies een "
            "andere naam met -o, of zet --overschrijf achter het commando om het te vervangen."
        )
    build = run_pipeline(args.content_dir)
    try:
        count = export_docx(build, Path(args.content_dir), target)
    except WordError as error:
        return _stop(str(error))
    print(f"Geschreven: '{target}', met {count} makkelijke pagina's.")
    return OK
