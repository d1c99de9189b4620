"""What the verbs share: reading a report with a clear message, and the exit codes."""

from __future__ import annotations

import json
import sys

from kompas_site import pipeline
from kompas_site.errors import ContentError
from kompas_site.pipeline import Build

OK = 0
FOUTEN = 1  # the report has errors (fout)
ONBRUIKBAAR = 2  # the input cannot be used at all


def add_content_dir(parser) -> None:
    """The content folder, the first argument of every verb that reads a report."""
    parser.add_argument(
        "content_dir",
        nargs="?",
        default="content",
        metavar="MAP",
        help="de map met kompas.yml en de pagina's (standaard: content)",
    )


class Stop(Exception):
    """Leave the command with an exit code after the message has been printed."""

    def __init__(self, code: int):
        self.code = code


def print_problems(error: ContentError, content_dir: str | None) -> None:
    out = sys.stderr
    count = len(error.problems)
    print(
        (f"Het rapport in '{content_dir}'" if content_dir else "Het rapport")
        + f" kan niet gelezen worden ({count} {'probleem' if count == 1 else 'problemen'}):",
        file=out,
    )
    for problem in error.problems:
        print(file=out)
        where = problem.where()
        if where:
            print(f"  {where}", file=out)
        for line in problem.message.splitlines():
            print(f"    {line}" if line else "", file=out)
    print("\nPas dit aan en probeer het opnieuw.", file=out)


def problems_as_json(error: ContentError) -> str:
    """The problems of unusable input for machines: ``{"problemen": [{"bestand", "regel", "sleutel", "melding"}]}``."""
    return json.dumps(
        {
            "problemen": [
                {"bestand": p.file, "regel": p.line, "sleutel": p.key, "melding": p.message} for p in error.problems
            ]
        },
        ensure_ascii=False,
        indent=2,
    )


def add_fetch_previous(parser) -> None:
    """``--haal-vorige``: the previous edition (``vorige_editie`` in kompas.yml) may be fetched from the web."""
    parser.add_argument(
        "--haal-vorige",
        action="store_true",
        help="haal de vorige editie op van internet als bij 'vorige_editie' in kompas.yml een adres staat",
    )


def run_pipeline(content_dir: str, draft: bool = False, as_json: bool = False, haal_vorige: bool = False) -> Build:
    """Load, check and assemble the report. On unusable input the problems are printed (as JSON on
    stdout with ``as_json``, else as text on stderr) and the command stops with exit code 2."""
    try:
        return pipeline.run(content_dir, draft=draft, haal_vorige=haal_vorige)
    except ContentError as error:
        if as_json:
            print(problems_as_json(error))
        else:
            print_problems(error, content_dir)
        raise Stop(ONBRUIKBAAR) from None
