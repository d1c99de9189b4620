"""``kompas check``: is every required part there? Text for people, JSON for CI."""

from __future__ import annotations

from kompas_site.check.output import as_json, as_text
from kompas_site.commands.common import FOUTEN, OK, add_content_dir, add_fetch_previous, run_pipeline


def add_arguments(parser) -> None:
    add_content_dir(parser)
    add_fetch_previous(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (voor mensen, standaard) of json (voor automatische controles)",
    )


def run(args) -> int:
    result = run_pipeline(args.content_dir, as_json=args.format == "json", haal_vorige=args.haal_vorige).result
    print(as_json(result) if args.format == "json" else as_text(result))
    return FOUTEN if result.has_errors else OK
