"""``kompas serve``: a live preview, the same as ``mkdocs serve``, with the draft banner."""

from __future__ import annotations

from pathlib import Path

from kompas_site.commands.common import OK, add_content_dir, run_pipeline


def add_arguments(parser) -> None:
    add_content_dir(parser)
    parser.add_argument("--poort", type=int, default=8000, help="poort voor de voorbeeldweergave (standaard 8000)")


def run(args) -> int:
    from kompas_site.render.mkdocs_engine import serve_site

    run_pipeline(args.content_dir)  # unusable input stops here with a clear message
    print(f"Voorbeeld op http://127.0.0.1:{args.poort}/ — elke wijziging is direct te zien. Stoppen: Ctrl+C.")
    serve_site(Path(args.content_dir), port=args.poort)
    return OK
