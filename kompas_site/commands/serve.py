"""``kompas serve``: a live preview, the same as ``mkdocs serve``, with the draft banner."""

from __future__ import annotations

import errno
import os
import socket
import sys
from pathlib import Path

from kompas_site.commands.common import OK, ONBRUIKBAAR, add_content_dir, run_pipeline

HOST = "127.0.0.1"
HIGHEST_PORT = 65535


def add_arguments(parser) -> None:
    add_content_dir(parser)
    parser.add_argument("--poort", type=int, default=8000, help="poort voor de voorbeeldweergave (standaard 8000)")


def _bind_error(port: int) -> OSError | None:
    """Whether the preview could listen on ``port``: bind a socket there and close it again. The option
    SO_REUSEADDR is the one the preview's server uses, so a port a stopped preview just left is free."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if os.name == "posix":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            return error
    return None


def _free_port_after(port: int) -> int | None:
    for candidate in range(max(port, 8000) + 1, min(max(port, 8000) + 50, HIGHEST_PORT + 1)):
        if _bind_error(candidate) is None:
            return candidate
    return None


def port_problem(port: int) -> str | None:
    """Why the preview cannot use ``port``, in Dutch with what to do; None when it can."""
    if not 1 <= port <= HIGHEST_PORT:
        return (
            f"Poort {port} bestaat niet: een poort is een getal van 1 tot en met {HIGHEST_PORT}. "
            "Laat --poort weg (dan is het 8000) of kies bijvoorbeeld --poort 8001."
        )
    error = _bind_error(port)
    if error is None:
        return None
    if error.errno == errno.EADDRINUSE or getattr(error, "winerror", None) == 10048:
        free = _free_port_after(port)
        advice = f"kies een andere poort, bijvoorbeeld --poort {free}" if free else "kies een andere poort met --poort"
        return (
            f"Poort {port} is al in gebruik, misschien door een ander voorbeeld of een webserver die nog draait "
            f"(zoals 'python -m http.server {port}'). Stop dat programma eerst (Ctrl+C in zijn venster), of {advice}."
        )
    if isinstance(error, PermissionError):
        return (
            f"Poort {port} mag dit programma niet gebruiken: poorten onder 1024 zijn voor de computer zelf. "
            "Kies een poort vanaf 1024, bijvoorbeeld --poort 8000."
        )
    return f"Poort {port} kan niet gebruikt worden ({error.strerror or error}). Kies een andere poort met --poort."


def run(args) -> int:
    from kompas_site.render.mkdocs_engine import serve_site

    problem = port_problem(args.poort)
    if problem:
        print(problem, file=sys.stderr)
        return ONBRUIKBAAR
    run_pipeline(args.content_dir)  # unusable input stops here with a clear message
    print(f"Voorbeeld op http://{HOST}:{args.poort}/ — elke wijziging is direct te zien. Stoppen: Ctrl+C.")
    serve_site(Path(args.content_dir), host=HOST, port=args.poort)
    return OK
