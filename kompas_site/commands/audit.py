"""``kompas audit``: is the built website accessible, and does it load nothing from other servers?"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen geldige tijd: geef een aantal seconden tussen 0 en 3600, bijvoorbeeld 30"
        )
    return value


def _viewport(text: str) -> dict:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[x×X*]\s*(\d{2,5})\s*", text)
    if not match or not (100 <= int(match[1]) <= 10000 and 100 <= int(match[2]) <= 10000):
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen venstergrootte: schrijf BREEDTExHOOGTE in pixels, bijvoorbeeld 320x640"
        )
    return {"width": int(match[1]), "height": int(match[2])}


def add_arguments(parser) -> None:
    parser.add_argument(
        "target",
        nargs="?",
        default="site",
        metavar="MAP_OF_ADRES",
        help="de map met de gebouwde website (standaard: site), of het adres van een website (https://...)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (voor mensen, standaard) of json (voor automatische controles)",
    )
    parser.add_argument(
        "--tijd-per-pagina",
        type=_seconds,
        default=30,
        metavar="SECONDEN",
        help="hoe lang één pagina mag duren (laden en controleren, per venstergrootte); een pagina die "
        "langer duurt wordt gemeld en overgeslagen (standaard: 30)",
    )
    parser.add_argument(
        "--venster",
        type=_viewport,
        action="append",
        metavar="BREEDTExHOOGTE",
        help="een venstergrootte om elke pagina in te bekijken, zoals 320x640; mag vaker "
        "(standaard: 320x640, 375x812 en 1280x720)",
    )
    parser.add_argument(
        "--bewaar",
        type=_content_folder,
        metavar="MAP",
        help="bewaar de uitslag in de map van het rapport (MAP/toegankelijkheid/audit.json); de volgende "
        "'kompas build' maakt daaruit de toegankelijkheidsverklaring",
    )


def _content_folder(text: str) -> Path:
    folder = Path(text)
    if not (folder / "kompas.yml").is_file():
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen map van een rapport: er staat geen kompas.yml in. Geef de map op waaruit u de site "
            "bouwde, zoals --bewaar content"
        )
    return folder


def save(folder: Path, text: str) -> Path:
    """Write the audit's JSON to the report's folder (``toegankelijkheid/audit.json``), all at once: a reader
    never sees half a file. The accessibility statement is made from it at the next build."""
    from kompas_site.model import AUDIT_FILE

    target = folder / AUDIT_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".audit-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def run(args) -> int:
    from kompas_site.audit import AuditError, as_json, as_text, audit

    try:
        result = audit(args.target, viewports=args.venster, seconds_per_page=args.tijd_per_pagina)
    except AuditError as error:
        print(f"kompas audit: {error}", file=sys.stderr)
        return ONBRUIKBAAR
    print(as_json(result) if args.format == "json" else as_text(result))
    if args.bewaar is not None:
        try:
            saved = save(args.bewaar, as_json(result))
        except OSError as error:
            print(f"kompas audit: de uitslag kon niet bewaard worden in '{args.bewaar}': {error}", file=sys.stderr)
            return ONBRUIKBAAR
        print(
            f"De uitslag is bewaard in {saved}. Bouw de site opnieuw: dan staat hij in de toegankelijkheidsverklaring.",
            file=sys.stderr,
        )
    return OK if result.ok else FOUTEN
