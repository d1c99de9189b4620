"""The saved result of ``kompas audit`` (``toegankelijkheid/audit.json``), for the accessibility statement.

Read as plain JSON: the load step knows the file's fields, not the audit code that wrote them. A file that
cannot be read is not fatal: it becomes a finding, and the statement says no result is known.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from kompas_site.errors import Problem
from kompas_site.model import AUDIT_FILE, AuditRegel, AuditUitslag

HOW = "Maak een nieuwe met: kompas build MAP -o site && kompas audit site --bewaar MAP"


def load_audit(root: Path, files: list[str]) -> tuple[AuditUitslag | None, list[Problem]]:
    """``files``: the content folder's files, as the walker found them (a link out of the folder is not read)."""
    path = root / AUDIT_FILE
    if AUDIT_FILE not in files or not path.is_file():
        return None, []
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        mtime = path.stat().st_mtime
    except (OSError, UnicodeDecodeError, ValueError) as error:
        reason = "het is geen leesbare JSON" if isinstance(error, ValueError) else str(error)
        return None, [
            Problem(
                f"Het resultaat van de toegankelijkheidscontrole kan niet gelezen worden ({reason}). {HOW}.", AUDIT_FILE
            )
        ]
    try:
        return _uitslag(data, mtime), []
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        return None, [
            Problem(
                "Dit bestand lijkt niet op een resultaat van 'kompas audit --format json': er ontbreken gegevens. "
                f"{HOW}.",
                AUDIT_FILE,
            )
        ]


def _uitslag(data: dict, mtime: float) -> AuditUitslag:
    when = data.get("gecontroleerd_op")
    checked = datetime.fromisoformat(when) if isinstance(when, str) and when else None
    if checked is not None and checked.tzinfo is not None:
        checked = checked.astimezone().replace(tzinfo=None)  # local time, like the files' own times
    summary = data["samenvatting"]
    regels = tuple(
        AuditRegel(
            regel=str(v["regel"]),
            uitleg=str(v.get("uitleg") or v.get("help") or v["regel"]),
            wcag=tuple(str(c) for c in v.get("wcag", [])),
            paginas=len(v.get("paginas", [])),
            ernst=str(v.get("ernst", "")),
        )
        for v in data.get("schendingen", [])
    )
    return AuditUitslag(
        file=AUDIT_FILE,
        gecontroleerd_op=checked,
        paginas=int(summary["paginas"]),
        vensters=tuple(str(v) for v in data.get("vensters", [])),
        axe_versie=str(data.get("axe_versie", "")),
        norm=str(data.get("norm", "")),
        regels=regels,
        verzoeken_naar_buiten=int(summary.get("verzoeken_naar_buiten", 0)),
        niet_gecontroleerd=int(summary.get("niet_gecontroleerd", 0)),
        mtime=mtime,
        adressen=_addresses(data.get("paginas")),
        bron=str(data.get("bron") or ""),
    )


def _addresses(pages: object) -> frozenset[str] | None:
    """The audited pages as addresses within the site: '/a/b/' (unquoted, so 'café' matches 'caf%C3%A9')."""
    if not isinstance(pages, list):
        return None
    return frozenset("/" + unquote(str(p)).lstrip("/") for p in pages)
