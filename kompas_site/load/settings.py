"""``kompas.yml``: validated at the edge, every problem named with file, line and key."""

from __future__ import annotations

from pathlib import Path

from kompas_site import profiles
from kompas_site.errors import ContentError, Problem
from kompas_site.load.schemas import EXAMPLE, KompasSchema, WoordenSchema, validate
from kompas_site.load.yamlsource import parse_yaml, read_text
from kompas_site.model import Contact, Editie, Kerncijfer, Organisatie, Settings, Toegestaan
from kompas_site.spelling import did_you_mean, listing
from kompas_site.woorden import Woorden, singular

FILE = "kompas.yml"


def load_settings(root: Path) -> Settings:
    path = root / FILE
    if not path.is_file():
        raise ContentError(
            Problem(
                f"In de map '{root}' staat geen {FILE}. Dat bestand zegt welke organisatie, welk "
                "kader en welk jaar dit rapport beschrijft. Maak een nieuwe map met 'kompas new', "
                f"of zet er een {FILE} in zoals dit:\n\n{EXAMPLE}",
                FILE,
            )
        )
    doc = parse_yaml(read_text(path, FILE), FILE)
    problems: list[Problem] = list(doc.problems)
    if not isinstance(doc.data, dict):
        raise ContentError(
            problems + [doc.problem(f"{FILE} moet regels 'sleutel: waarde' bevatten, zoals:\n\n{EXAMPLE}")]
        )
    schema, found = validate(KompasSchema, {k: v for k, v in doc.data.items() if k is not None}, doc)
    problems += found
    _cross_checks(doc, problems, doc.data)  # also when the schema failed: every problem at once
    if schema is None or problems:
        raise ContentError(problems)
    contact = schema.contact
    return Settings(
        organisatie=Organisatie(schema.organisatie.naam, schema.organisatie.website),
        kader=schema.kader,
        editie=Editie(schema.editie.soort, schema.editie.jaar, schema.editie.publicatiedatum),
        verantwoordelijk=schema.verantwoordelijk,
        visitatie=schema.visitatie,
        contact=Contact(contact.email, contact.telefoon, contact.adres) if contact else Contact(),
        toegestaan=tuple(Toegestaan(t.waarde, t.reden) for t in schema.toegestaan),
        file=FILE,
        lines=doc.lines,
        site_url=schema.site_url,
        woorden=_woorden(schema.woorden),
        kerncijfers=tuple(Kerncijfer(k.label, k.waarde, k.toelichting) for k in schema.kerncijfers),
    )


def _woorden(schema: WoordenSchema | None) -> Woorden:
    """The organisation's words; a plural without its singular gets a derived one (deelnemers -> deelnemer)."""
    if schema is None:
        return Woorden()
    default = Woorden()
    clienten = (schema.clienten or default.clienten).strip()
    speerpunten = (schema.speerpunten or default.speerpunten).strip()
    return Woorden(
        clienten=clienten,
        client=(schema.client or (default.client if schema.clienten is None else singular(clienten))).strip(),
        speerpunten=speerpunten,
        speerpunt=(
            schema.speerpunt or (default.speerpunt if schema.speerpunten is None else singular(speerpunten))
        ).strip(),
    )


def _cross_checks(doc, problems: list[Problem], data: dict) -> None:
    """What one key says about another: the kader exists, the soort and visitatie belong to it."""
    kaders = profiles.kaders()
    kader_id = data.get("kader")
    if not isinstance(kader_id, str) or not kader_id.strip():
        return
    kader_id = kader_id.strip()
    kader = kaders.get(kader_id)
    if kader is None:
        problems.append(
            doc.problem(
                f"Het kader '{kader_id}' kennen we niet. Kies een van: {listing(kaders)}."
                + did_you_mean(kader_id, kaders),
                "kader",
            )
        )
        return
    editie = data.get("editie")
    soort = editie.get("soort") if isinstance(editie, dict) else None
    if isinstance(soort, str) and soort.strip() and soort.strip() not in kader.edities:
        soort = soort.strip()
        problems.append(
            doc.problem(
                f"De soort '{soort}' hoort niet bij het kader '{kader.id}'. "
                f"Bij dit kader horen: {listing(kader.edities)}." + did_you_mean(soort, kader.edities),
                "editie",
                "soort",
            )
        )
    visitatie = data.get("visitatie")
    if isinstance(visitatie, str) and visitatie.strip():
        visitatie = visitatie.strip()
        allowed = [f"in-{e}" for c in kader.cycli.values() for e in c.edities]
        if not allowed:
            problems.append(
                doc.problem(
                    f"Het kader '{kader.id}' kent geen visitatiecyclus; haal de regel 'visitatie' weg.", "visitatie"
                )
            )
        elif visitatie not in allowed:
            problems.append(
                doc.problem(
                    f"Kies voor 'visitatie' een van: {listing(allowed)}." + did_you_mean(visitatie, allowed),
                    "visitatie",
                )
            )
