"""``speerpunten.yml``: the focus goals, looked back on and ahead."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kompas_site.errors import ContentError, Problem
from kompas_site.load.schemas import SpeerpuntSchema, validate
from kompas_site.load.yamlsource import parse_yaml, read_text
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
    doc = parse_yaml(read_text(path, FILE), FILE)
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
    problems: list[Problem] = list(doc.problems)
    result = []
    for i, item in enumerate(items):
        where = ("speerpunten", i)
        number = f"Speerpunt {i + 1}"
        if not isinstance(item, dict):
            problems.append(
                doc.problem(
                    f"{number} moet regels 'sleutel: waarde' hebben (id, titel, bouwsteen, status, toelichting, ...).",
                    *where,
                )
            )
            continue
        goal_id = item.get("id")
        if goal_id is None or str(goal_id).strip() == "" or isinstance(goal_id, (dict, list)):
            titel = f" ('{item['titel']}')" if isinstance(item.get("titel"), str) else ""
            problems.append(
                doc.problem(
                    f"{number}{titel} heeft geen 'id'. Geef elk speerpunt een korte, unieke naam zonder spaties, "
                    "zoals 'id: eigen-regie'.",
                    *where,
                )
            )
            continue
        label = f"Speerpunt '{goal_id}'"
        schema, found = validate(SpeerpuntSchema, {k: v for k, v in item.items() if k is not None}, doc, where)
        for problem in found:
            message = problem.message
            if problem.key == "speerpunten.titel":
                message = f"{label} heeft geen 'titel'. Schrijf in één regel wat het doel is."
            problems.append(
                replace(problem, message=f"{label}: {message}" if not message.startswith(label) else message)
            )
        if schema is None:
            continue
        result.append(
            Speerpunt(
                id=schema.id,
                titel=schema.titel,
                bouwstenen=schema.bouwsteen,
                status=schema.status,
                toelichting=schema.toelichting or "",
                doel=schema.doel or None,
                resultaat=schema.resultaat or None,
                eigenaar=schema.eigenaar or None,
                periode=schema.periode or None,
                pagina=schema.pagina or None,
                geleerd=schema.geleerd or None,
                vervolg=schema.vervolg or None,
                line=doc.line(*where),
                locaties=schema.locaties,
                lines={k[2:]: v for k, v in doc.lines.items() if k[:2] == where and len(k) > 2},
            )
        )
    if problems:
        raise ContentError(problems)
    return result
