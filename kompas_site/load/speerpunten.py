"""``speerpunten.yml``: the focus goals, looked back on and ahead."""

from __future__ import annotations

from pathlib import Path

from kompas_site.errors import ContentError, Problem
from kompas_site.load.yamlsource import parse_yaml
from kompas_site.model import Speerpunt

FILE = "speerpunten.yml"
EXAMPLE = """speerpunten:
  - id: eigen-regie
    titel: Cliënten maken hun plan zelf mee
    bouwsteen: 1
    status: behaald
    toelichting: Wat er gebeurde en waarom."""


def load_speerpunten(root: Path) -> list[Speerpunt] | None:
    path = root / FILE
    if not path.is_file():
        return None
    doc = parse_yaml(path.read_text(encoding="utf-8"), FILE)
    if doc.data is None:
        return []
    items = doc.data.get("speerpunten") if isinstance(doc.data, dict) else None
    if not isinstance(doc.data, dict) or "speerpunten" not in doc.data:
        raise ContentError(
            doc.problem(f"{FILE} moet beginnen met 'speerpunten:' en daaronder een lijst, zoals:\n\n{EXAMPLE}")
        )
    if items is None:
        return []
    if not isinstance(items, list):
        raise ContentError(
            doc.problem(
                f"Onder 'speerpunten:' hoort een lijst; begin elk speerpunt met '- id:'. Voorbeeld:\n\n{EXAMPLE}",
                "speerpunten",
            )
        )
    problems: list[Problem] = []
    result = []
    for i, item in enumerate(items):
        where = ("speerpunten", i)
        number = f"Speerpunt {i + 1}"
        if not isinstance(item, dict):
            problems.append(
                doc.problem(
                    f"{number} moet regels 'sleutel: waarde' hebben (id, titel, bouwsteen, status, toelichting).",
                    *where,
                )
            )
            continue
        goal_id = item.get("id")
        if goal_id is None or str(goal_id).strip() == "" or isinstance(goal_id, (dict, list)):
            titel = f" ('{item['titel']}')" if isinstance(item.get("titel"), str) else ""
            problems.append(
                doc.problem(
                    f"{number}{titel} heeft geen 'id'. Geef elk speerpunt een korte, unieke naam zonder spaties, zoals 'id: eigen-regie'.",
                    *where,
                )
            )
            continue
        label = f"Speerpunt '{goal_id}'"
        titel = item.get("titel")
        if not isinstance(titel, str) or not titel.strip():
            problems.append(
                doc.problem(f"{label} heeft geen 'titel'. Schrijf in één regel wat het doel is.", *where, "titel")
            )
        bouwsteen = item.get("bouwsteen")
        if bouwsteen is not None and (isinstance(bouwsteen, bool) or not isinstance(bouwsteen, int)):
            if isinstance(bouwsteen, str) and bouwsteen.strip().isdigit():
                bouwsteen = int(bouwsteen)
            else:
                problems.append(
                    doc.problem(
                        f"{label}: 'bouwsteen' moet een nummer zijn, zoals 'bouwsteen: 1' (nu: {bouwsteen!r}).",
                        *where,
                        "bouwsteen",
                    )
                )
                bouwsteen = None
        status = item.get("status")
        toelichting = item.get("toelichting") or ""
        for key, value in (("status", status), ("toelichting", toelichting)):
            if isinstance(value, (dict, list)):
                problems.append(doc.problem(f"{label}: '{key}' moet tekst zijn, geen lijst of blok.", *where, key))
        result.append(
            Speerpunt(
                id=str(goal_id).strip(),
                titel=str(titel or "").strip(),
                bouwsteen=bouwsteen,
                status=str(status).strip() if status is not None else None,
                toelichting=str(toelichting).strip(),
                line=doc.line(*where),
                lines={k[2:]: v for k, v in doc.lines.items() if k[:2] == where and len(k) > 2},
            )
        )
    if problems:
        raise ContentError(problems)
    return result
