"""``kompas audit``: is the built website accessible, and does it load nothing from other servers?"""

from __future__ import annotations

import argparse
import re
import sys

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


def run(args) -> int:
    from kompas_site.audit import AuditError, as_json, as_text, audit

    try:
        result = audit(args.target, viewports=args.venster, seconds_per_page=args.tijd_per_pagina)
    except AuditError as error:
        print(f"kompas audit: {error}", file=sys.stderr)
        return ONBRUIKBAAR
    print(as_json(result) if args.format == "json" else as_text(result))
    return OK if result.ok else FOUTEN
