"""``kompas uitleg``: every finding code with its severity and title, or the explanation of one code
with an example of the fix (like ``ruff rule``). Everything comes from the rules' own declarations."""

from __future__ import annotations

import json
import sys
import textwrap

from kompas_site.check.rules import all_codes
from kompas_site.commands.common import OK, ONBRUIKBAAR
from kompas_site.spelling import nearest


def add_arguments(parser) -> None:
    parser.add_argument("code", nargs="?", metavar="CODE", help="de code van een melding, zoals link-kapot")
    parser.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text (standaard), json, of markdown (de tabel in de README)",
    )


def run(args) -> int:
    codes = all_codes()
    if args.code is None:
        print(_listing(codes, args.format))
        return OK
    found = {c.code: c for c in codes}.get(args.code.strip().lower())
    if found is None:
        match = nearest(args.code, [c.code for c in codes])
        print(
            f"De code '{args.code}' kennen we niet."
            + (f" Bedoelt u '{match}'?" if match else "")
            + " 'kompas uitleg' zonder code toont alle codes.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    if args.format == "json":
        print(json.dumps(_as_dict(found) | {"uitleg": found.explanation}, ensure_ascii=False, indent=2))
        return OK
    print(f"{found.code} ({found.severity})\n\n{found.title}\n")
    for paragraph in found.explanation.split("\n\n"):
        if paragraph.startswith("    "):
            print(paragraph + "\n")
        else:
            print(textwrap.fill(paragraph, 100) + "\n")
    return OK


def _as_dict(code) -> dict:
    return {"code": code.code, "severity": code.severity, "title": code.title}


def _listing(codes, form: str) -> str:
    if form == "json":
        return json.dumps([_as_dict(c) for c in codes], ensure_ascii=False, indent=2)
    if form == "markdown":
        rows = ["| Code | Ernst | Wanneer |", "| --- | --- | --- |"]
        rows += [f"| `{c.code}` | {c.severity} | {c.title} |" for c in codes]
        return "\n".join(rows)
    width = max(len(c.code) for c in codes)
    lines = [f"{c.code:<{width}}  {c.severity:<12}  {c.title}" for c in codes]
    return "\n".join(lines) + "\n\nMeer over één melding: kompas uitleg CODE"
