"""``kompas audit``: is the built website accessible, and does it load nothing from other servers?"""

from __future__ import annotations

import sys

from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR


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


def run(args) -> int:
    from kompas_site.audit import AuditError, as_json, as_text, audit

    try:
        result = audit(args.target)
    except AuditError as error:
        print(f"kompas audit: {error}", file=sys.stderr)
        return ONBRUIKBAAR
    print(as_json(result) if args.format == "json" else as_text(result))
    return OK if result.ok else FOUTEN
