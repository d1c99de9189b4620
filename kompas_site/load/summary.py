"""Reading a published summary, ``kwaliteitsbeeld.json`` (written by ``assemble/summary.py``): from a file or
from the text a web server sent. Only the versions this kompas-site knows are read; anything else is
refused with a Dutch message that says what to do. The JSON Schema of each version ships with the
package (``kompas_site/schemas/kwaliteitsbeeld-N.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kompas_site.errors import ContentError, Problem

FILE = "kwaliteitsbeeld.json"  # at the root of every built site
SCHEMA_VERSION = 1  # raise when a field changes meaning or goes; a new optional field keeps the version
KNOWN_VERSIONS = (1,)
SCHEMAS_DIR = Path(__file__).resolve().parent.parent / "schemas"
MAX_BYTES = 20 * 1024 * 1024  # a summary is a few kilobytes; a bigger file is not one


def schema_path(version: int = SCHEMA_VERSION) -> Path:
    """The JSON Schema file that documents every field of one version."""
    return SCHEMAS_DIR / f"kwaliteitsbeeld-{version}.schema.json"


def read_summary_file(path: str | Path) -> dict[str, Any]:
    """A summary file on disk -> its data. Raises ``ContentError`` when it cannot be read or used."""
    shown = str(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ContentError(Problem(f"Het bestand '{shown}' bestaat niet. Controleer het pad.", shown)) from None
    except IsADirectoryError:
        raise ContentError(
            Problem(f"'{shown}' is een map. Geef het bestand {FILE} in die map, of de map van het rapport.", shown)
        ) from None
    except OSError as exc:
        raise ContentError(
            Problem(f"Het bestand '{shown}' kan niet gelezen worden ({exc.strerror or exc}).", shown)
        ) from None
    return read_summary(raw, shown)


def read_summary(raw: bytes | str, source: str = FILE) -> dict[str, Any]:
    """The text of a summary -> its data, when it is a summary of a version this kompas-site reads.
    ``source``: the file or web address it came from, for the message."""
    if len(raw) > MAX_BYTES:
        raise _refused(source, f"Het bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB; dat is geen {FILE}.")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _refused(
            source,
            f"Dit is geen leesbare JSON. Een {FILE} maakt kompas-site zelf bij 'kompas build'; bouw de site "
            "opnieuw en gebruik het bestand dat in de uitvoermap staat.",
        ) from None
    if not isinstance(data, dict) or "schema_versie" not in data:
        raise _refused(
            source,
            f"Dit is geen samenvatting van een kwaliteitsbeeld: er staat geen 'schema_versie' in. Een {FILE} "
            "maakt kompas-site zelf bij 'kompas build'.",
            key="schema_versie",
        )
    version = data["schema_versie"]
    if isinstance(version, bool) or version not in KNOWN_VERSIONS:
        known = " en ".join(str(v) for v in KNOWN_VERSIONS)
        newer = isinstance(version, int) and not isinstance(version, bool) and version > max(KNOWN_VERSIONS)
        advice = (
            "Het is gemaakt met een nieuwere kompas-site. Werk kompas-site bij (pip install --upgrade kompas-site)."
            if newer
            else "Maak het bestand opnieuw met 'kompas build'."
        )
        raise _refused(
            source,
            f"Deze samenvatting heeft schema_versie {json.dumps(version, ensure_ascii=False)[:40]}; deze "
            f"versie van kompas-site kan alleen schema_versie {known} lezen. {advice}",
            key="schema_versie",
        )
    for key, kind, label in _REQUIRED:
        if not isinstance(data.get(key), kind):
            raise _refused(
                source,
                f"In deze samenvatting ontbreekt '{key}' ({label}), of het heeft een verkeerde vorm. Maak het "
                "bestand opnieuw met 'kompas build'.",
                key=key,
            )
    return data


_REQUIRED = (
    ("organisatie", dict, "de organisatie"),
    ("kader", dict, "het kader"),
    ("editie", dict, "de editie"),
    ("speerpunten", list, "de speerpunten"),
    ("hash", str, "de vingerafdruk van de build"),
)


def _refused(source: str, message: str, key: str | None = None) -> ContentError:
    return ContentError(Problem(f"De samenvatting '{source}' kan niet gebruikt worden. {message}", source, key=key))
