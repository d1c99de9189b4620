"""``kompas import``: a Word file becomes a page of the report."""

from __future__ import annotations

import sys
from pathlib import Path

from kompas_site.commands.common import OK, ONBRUIKBAAR


def add_arguments(parser) -> None:
    parser.add_argument("bron", metavar="BESTAND.docx", help="het Word-bestand, bijvoorbeeld verslag.docx")
    parser.add_argument(
        "-o",
        "--uitvoer",
        required=True,
        metavar="PAGINA.md",
        help="de nieuwe pagina in de map van uw rapport, bijvoorbeeld content/02-zorgproces/verslag.md; "
        "de afbeeldingen komen in de map 'media' van dat rapport",
    )
    parser.add_argument(
        "--overschrijf",
        action="store_true",
        help="vervang de pagina en haar afbeeldingen als ze al bestaan",
    )


def run(args) -> int:
    from kompas_site.word import WordError
    from kompas_site.word.reader import import_docx

    try:
        done = import_docx(Path(args.bron), Path(args.uitvoer), overwrite=args.overschrijf)
    except WordError as error:
        print(f"kompas import: {error}", file=sys.stderr)
        return ONBRUIKBAAR
    for note in done.notes:
        print(f"Let op: {note}", file=sys.stderr)
    count = len(done.images)
    pictures = f" en {count} {'afbeelding' if count == 1 else 'afbeeldingen'} in '{done.content_dir / 'media'}'"
    print(f"Geschreven: '{done.page}'" + (pictures if count else "") + ".")
    if done.twin:
        print(
            "Dit is een begrijpelijke versie: die hoort bij de pagina met dezelfde naam zonder '.begrijpelijk' "
            f"en neemt de onderdelen van die pagina over. Controleer het rapport met: kompas check {done.content_dir}"
        )
    else:
        print(
            "Vul bij 'onderdelen' in welke onderdelen van het kader deze pagina laat zien, en controleer het "
            f"rapport met: kompas check {done.content_dir}"
        )
    return OK
