"""Profiles: each framework (kader) and edition type (soort) as data.

``profiles/<kader>/kader.yml`` holds the framework: building blocks, quality-of-life domains,
cycles. ``profiles/<kader>/<soort>.yml`` holds one edition type: the reporting years, the
deadline, the required elements (onderdelen) and the starter layout for ``kompas new``.
Adding a framework means adding a folder here; the checker is generic code over this data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from kompas_site.errors import ContentError

PROFILES_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Bouwsteen:
    nummer: int
    titel: str
    uitleg: str = ""


@dataclass(frozen=True)
class Onderdeel:
    """A required element of an edition."""

    id: str
    titel: str
    vraagt: str
    bron: str
    handreiking: str
    bouwsteen: int | None = None
    gegevens: str | None = None  # "verhalen" | "speerpunten-terugblik" | "speerpunten-vooruitblik"
    cyclus: str | None = None  # the name of a cycle in the kader (e.g. "visitatie")


@dataclass(frozen=True)
class SjabloonPagina:
    pad: str
    titel: str
    onderdelen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cyclus:
    naam: str
    jaren: int
    edities: tuple[str, ...]
    uitleg: str


@dataclass(frozen=True)
class EditieProfiel:
    soort: str
    naam: str
    uitleg: str
    van: int
    tot: int
    ritme: str  # "elk" | "even" | "oneven"
    deadline_maand: int
    deadline_dag: int
    deadline_toelichting: str
    onderdelen: tuple[Onderdeel, ...]
    sjabloon: tuple[SjabloonPagina, ...]

    def deadline(self, jaar: int) -> date:
        """The due date of the edition that reports on ``jaar``: a date in the next year."""
        return date(jaar + 1, self.deadline_maand, self.deadline_dag)

    def fits_year(self, jaar: int) -> bool:
        if not self.van <= jaar <= self.tot:
            return False
        return self.ritme == "elk" or (jaar % 2 == 0) == (self.ritme == "even")

    def onderdeel(self, element_id: str) -> Onderdeel | None:
        return next((o for o in self.onderdelen if o.id == element_id), None)

    @property
    def ids(self) -> list[str]:
        return [o.id for o in self.onderdelen]

    def years_text(self) -> str:
        years = [j for j in range(self.van, self.tot + 1) if self.fits_year(j)]
        return ", ".join(str(j) for j in years)


@dataclass(frozen=True)
class Kader:
    id: str
    naam: str
    korte_naam: str
    sector: str
    uitleg: str
    bouwstenen: tuple[Bouwsteen, ...]
    domeinen: tuple[tuple[str, str], ...] = ()
    cycli: dict[str, Cyclus] = field(default_factory=dict)
    edities: dict[str, EditieProfiel] = field(default_factory=dict)

    def bouwsteen(self, nummer: int) -> Bouwsteen | None:
        return next((b for b in self.bouwstenen if b.nummer == nummer), None)


def _read(path: Path, schema):
    """A profile file validated by its schema; a broken one names its file, line and key."""
    from kompas_site.load.schemas import validate
    from kompas_site.load.yamlsource import parse_yaml, read_text

    name = str(path)
    doc = parse_yaml(read_text(path, name), name)
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None:
        raise ContentError(
            list(doc.problems)
            + [doc.problem("Dit profielbestand van kompas-site moet regels 'sleutel: waarde' bevatten.")]
        )
    validated, problems = validate(schema, data, doc)
    problems = list(doc.problems) + problems
    if problems:
        raise ContentError(
            [
                replace(
                    p,
                    message=p.message + " (Dit is een bestand van kompas-site zelf: herstel het, of installeer "
                    "kompas-site opnieuw.)",
                )
                for p in problems
            ]
        )
    return validated


def _editie(path: Path) -> EditieProfiel:
    from kompas_site.load.schemas import EditieProfielSchema

    raw = _read(path, EditieProfielSchema)
    return EditieProfiel(
        soort=raw.soort,
        naam=raw.naam,
        uitleg=raw.uitleg or "",
        van=raw.jaren.van,
        tot=raw.jaren.tot,
        ritme=raw.jaren.ritme,
        deadline_maand=raw.deadline.maand,
        deadline_dag=raw.deadline.dag,
        deadline_toelichting=raw.deadline.toelichting or "",
        onderdelen=tuple(
            Onderdeel(
                id=o.id,
                titel=o.titel,
                vraagt=o.vraagt,
                bron=o.bron,
                handreiking=o.handreiking,
                bouwsteen=o.bouwsteen,
                gegevens=o.gegevens,
                cyclus=o.cyclus,
            )
            for o in raw.onderdelen
        ),
        sjabloon=tuple(SjabloonPagina(s.pad, s.titel, s.onderdelen) for s in raw.sjabloon or ()),
    )


def _kader(folder: Path) -> Kader:
    from kompas_site.load.schemas import KaderSchema

    raw = _read(folder / "kader.yml", KaderSchema)
    edities = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name != "kader.yml":
            editie = _editie(path)
            edities[editie.soort] = editie
    return Kader(
        id=raw.id,
        naam=raw.naam,
        korte_naam=raw.korte_naam or raw.naam,
        sector=raw.sector or "",
        uitleg=raw.uitleg or "",
        bouwstenen=tuple(Bouwsteen(b.nummer, b.titel, b.uitleg or "") for b in raw.bouwstenen),
        domeinen=tuple((d.id, d.titel) for d in raw.domeinen or ()),
        cycli={name: Cyclus(name, c.jaren, c.edities, c.uitleg or "") for name, c in (raw.cycli or {}).items()},
        edities=edities,
    )


@cache
def kaders() -> dict[str, Kader]:
    """All frameworks shipped with the package, by id."""
    return {k.id: k for k in (_kader(p.parent) for p in sorted(PROFILES_DIR.glob("*/kader.yml")))}


def kader(kader_id: str) -> Kader:
    """The framework of that id (``KeyError`` when there is none: kompas.yml's schema names it first)."""
    return kaders()[kader_id]
