"""A story's front matter in the one form the rest of the code reads.

Authors write the natural short forms; they are turned into the long form here, at the edge:

- ``fotos: media/x.jpg`` and ``fotos: [media/x.jpg]`` -> ``fotos: [{bestand: media/x.jpg}]``;
- ``fotos: {bestand: ..., alt: ...}`` (one photo without a dash) -> a list of that one photo;
- ``domeinen: zelfbepaling`` (or ``zelfbepaling, belangen``) -> ``domeinen: [zelfbepaling, belangen]``;
- a consent date written as text (``datum: '2025-03-14'``) -> a date.

A shape that cannot be turned into the long form (a photo at an outside address, a transcript that is a
list, a consent date that is not a date) is left out of what gets published and returned as a problem,
for the checker to report as a finding (``kopregel-vorm``).
"""

from __future__ import annotations

from typing import Any

from kompas_site.errors import Problem
from kompas_site.load.schemas import date_problem, parse_date

OUTSIDE = ("http://", "https://", "//", "ftp://", "data:")


def normalise_story(meta: dict, lines: dict, file: str) -> list[Problem]:
    """Change ``meta`` and ``lines`` (the key paths' lines) in place; return the shapes that do not fit."""
    problems: list[Problem] = []

    def problem(message: str, *path: Any) -> None:
        line = None
        while path and line is None:
            line = lines.get(path)
            if line is None:
                path = path[:-1]
        key = ".".join(str(p) for p in path if not isinstance(p, int))
        problems.append(Problem(message, file, line or 1, key or None))

    if "fotos" in meta:
        _fotos(meta, lines, problem)
    domeinen = meta.get("domeinen")
    if isinstance(domeinen, str):
        items = [d.strip() for d in domeinen.split(",") if d.strip()]
        meta["domeinen"] = items
        for i in range(len(items)):
            lines.setdefault(("domeinen", i), lines.get(("domeinen",)))
    video = meta.get("video")
    if isinstance(video, dict) and isinstance(video.get("transcript"), (dict, list)):
        problem(
            "Het transcript van de film moet één tekst zijn, geen lijst. Schrijf het als blok tekst met "
            "een | erachter, zoals:\n\n  transcript: |\n    Eerste alinea.\n\n    Tweede alinea.",
            "video",
            "transcript",
        )
        del video["transcript"]
    records: list[tuple[Any, tuple]] = [(meta.get("toestemming"), ())]
    # a photo of someone else than the storyteller carries its own consent: the same dates
    records += [
        (foto.get("toestemming"), ("fotos", i))
        for i, foto in enumerate(meta.get("fotos") or [])
        if isinstance(foto, dict)
    ]
    for consent, where in records:
        if not isinstance(consent, dict):
            continue
        label = "".join(f"{p}: " for p in where if isinstance(p, str))
        for key in ("datum", "geldig_tot"):
            value = consent.get(key)
            if value is None or value == "":
                continue  # missing: the consent rule says so
            day = parse_date(value)
            if day is not None:
                consent[key] = day
            else:
                why = date_problem(value) or ""
                problem(why.replace("{key}", f"{label}toestemming: {key}"), *where, "toestemming", key)
    return problems


def _fotos(meta: dict, lines: dict, problem) -> None:
    fotos = meta["fotos"]
    if fotos is None:
        return
    single = not isinstance(fotos, list)
    items = [fotos] if single else fotos
    kept: list[Any] = []
    moved: dict[tuple, int | None] = {}
    for i, foto in enumerate(items):
        old = ("fotos",) if single else ("fotos", i)
        if isinstance(foto, str):
            foto = {"bestand": foto}
            moved[("fotos", len(kept), "bestand")] = lines.get(old) or lines.get(("fotos",))
        bestand = foto.get("bestand") if isinstance(foto, dict) else None
        if isinstance(bestand, str) and bestand.strip().lower().startswith(OUTSIDE):
            problem(
                f"De foto '{bestand.strip()}' staat op een andere website. Een foto bij een verhaal moet in de map "
                "'media' staan: download hem (als u hem mag gebruiken), zet hem in 'media' en schrijf "
                "'bestand: media/foto.jpg'. Zo haalt uw site niets op bij anderen.",
                *old,
                *(() if single and isinstance(items[i], str) else ("bestand",)),
            )
            continue
        new = ("fotos", len(kept))
        for path, line in list(lines.items()):
            if path[: len(old)] == old and (not single or len(path) > 1):
                moved[new + path[len(old) :]] = line
        moved.setdefault(new, lines.get(old) or lines.get(("fotos",)))
        kept.append(foto)
    for path in [p for p in lines if p[:1] == ("fotos",) and len(p) > 1]:
        del lines[path]
    lines.update(moved)
    meta["fotos"] = kept
