"""``kompas.yml``: validated at the edge, every problem named with file, line and key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kompas_site import profiles
from kompas_site.errors import ContentError, Problem
from kompas_site.load.yamlsource import YamlDoc, parse_yaml
from kompas_site.model import Contact, Editie, Organisatie, Settings
from kompas_site.spelling import did_you_mean, listing

FILE = "kompas.yml"

EXAMPLE = """organisatie:
  naam: Stichting De Linde
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025"""

# The keys an author may write, with what they are for (shown when a key is unknown).
KEYS = {
    (): ("organisatie", "kader", "editie", "verantwoordelijk", "visitatie", "contact"),
    ("organisatie",): ("naam", "website"),
    ("editie",): ("soort", "jaar", "publicatiedatum"),
    ("contact",): ("email", "telefoon", "adres"),
}


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
    doc = parse_yaml(path.read_text(encoding="utf-8"), FILE)
    problems: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        raise ContentError(doc.problem(f"{FILE} moet regels 'sleutel: waarde' bevatten, zoals:\n\n{EXAMPLE}"))

    _unknown_keys(doc, problems)
    org = _section(doc, problems, "organisatie")
    naam = _text(doc, problems, org, "organisatie", "naam", required=True)
    website = _text(doc, problems, org, "organisatie", "website")
    if website and not website.startswith(("http://", "https://")):
        problems.append(doc.problem("Het webadres moet beginnen met https:// (of http://).", "organisatie", "website"))

    kaders = profiles.kaders()
    kader_id = _text(doc, problems, data, None, "kader", required=True)
    kader = kaders.get(kader_id) if kader_id else None
    if kader_id and kader is None:
        problems.append(
            doc.problem(
                f"Het kader '{kader_id}' kennen we niet. Kies een van: {listing(kaders)}."
                + did_you_mean(kader_id, kaders),
                "kader",
            )
        )

    editie = _section(doc, problems, "editie")
    soort = _text(doc, problems, editie, "editie", "soort", required=True)
    if soort and kader is not None and soort not in kader.edities:
        problems.append(
            doc.problem(
                f"De soort '{soort}' hoort niet bij het kader '{kader.id}'. "
                f"Bij dit kader horen: {listing(kader.edities)}." + did_you_mean(soort, kader.edities),
                "editie",
                "soort",
            )
        )
    jaar = _year(doc, problems, editie)
    publicatiedatum = _date(doc, problems, editie)
    verantwoordelijk = _text(doc, problems, data, None, "verantwoordelijk")

    visitatie = _text(doc, problems, data, None, "visitatie")
    if visitatie and kader is not None:
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

    contact = _contact(doc, problems)

    if problems:
        raise ContentError(problems)
    return Settings(
        organisatie=Organisatie(naam, website),
        kader=kader_id,
        editie=Editie(soort, jaar, publicatiedatum),
        verantwoordelijk=verantwoordelijk,
        visitatie=visitatie,
        contact=contact,
        file=FILE,
        lines=doc.lines,
    )


LABELS = {"email": "e-mailadres", "telefoon": "telefoonnummer"}
EXAMPLES = {"email": "info@example.nl", "telefoon": "020-1234567"}


def _contact(doc: YamlDoc, problems: list[Problem]) -> Contact:
    """``contact:`` (optional): the organisation's own e-mail address(es) and phone number(s), which the
    privacy check allows in the text, and its address. ``email`` and ``telefoon`` may be one text or a list."""
    section = doc.data.get("contact")
    if section is None:
        return Contact()
    if not isinstance(section, dict):
        problems.append(
            doc.problem(
                "Onder 'contact' horen ingesprongen regels, zoals:\n\ncontact:\n"
                "  email: info@example.nl\n  telefoon: 020-1234567",
                "contact",
            )
        )
        return Contact()
    values: dict[str, tuple[str, ...]] = {}
    for key in EXAMPLES:
        value = section.get(key)
        items = value if isinstance(value, list) else [] if value is None else [value]
        if any(isinstance(v, (dict, list)) for v in items):
            problems.append(
                doc.problem(
                    f"Bij '{key}' onder 'contact' hoort één {LABELS[key]}, of een lijst "
                    f"met een streepje voor elk, zoals:\n\ncontact:\n  {key}:\n"
                    f"    - {EXAMPLES[key]}",
                    "contact",
                    key,
                )
            )
            items = []
        elif any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in items):
            # YAML reads 0201234567 as a number (and drops the 0): the author must quote it.
            problems.append(
                doc.problem(
                    f"Zet het {LABELS[key]} bij '{key}' (onder 'contact') tussen "
                    f'aanhalingstekens, zoals {key}: "{EXAMPLES[key]}". Anders valt de 0 '
                    "aan het begin weg.",
                    "contact",
                    key,
                )
            )
            items = []
        values[key] = tuple(str(v).strip() for v in items if str(v).strip())
    adres = _text(doc, problems, section, "contact", "adres")
    return Contact(email=values["email"], telefoon=values["telefoon"], adres=adres)


def _unknown_keys(doc: YamlDoc, problems: list[Problem]) -> None:
    for path, allowed in KEYS.items():
        section = doc.data
        for key in path:
            section = section.get(key) if isinstance(section, dict) else None
        if not isinstance(section, dict):
            continue
        for key in section:
            if key not in allowed:
                problems.append(
                    doc.problem(
                        f"De sleutel '{key}' kennen we niet. Hier zijn toegestaan: {listing(allowed)}."
                        + did_you_mean(str(key), allowed),
                        *path,
                        key,
                    )
                )


def _section(doc: YamlDoc, problems: list[Problem], key: str) -> dict:
    value = doc.data.get(key)
    if value is None:
        problems.append(doc.problem(f"'{key}' ontbreekt. Voorbeeld:\n\n{EXAMPLE}", key))
        return {}
    if not isinstance(value, dict):
        problems.append(
            doc.problem(
                f"Onder '{key}' horen ingesprongen regels 'sleutel: waarde', zie dit voorbeeld:\n\n{EXAMPLE}", key
            )
        )
        return {}
    return value


def _text(doc, problems, section: dict, parent: str | None, key: str, required: bool = False) -> str | None:
    path = (parent, key) if parent else (key,)
    value = section.get(key)
    if value is None or value == "":
        if required and (parent is None or parent in doc.data):
            problems.append(doc.problem(f"'{'.'.join(path)}' is verplicht maar ontbreekt of is leeg.", *path))
        return None
    if isinstance(value, (dict, list)):
        problems.append(doc.problem(f"'{'.'.join(path)}' moet één tekst zijn, geen lijst of blok.", *path))
        return None
    return str(value).strip()


def _year(doc, problems, editie: dict) -> int | None:
    value = editie.get("jaar")
    if value is None:
        if "editie" in doc.data:
            problems.append(
                doc.problem(
                    "'editie.jaar' is verplicht: het jaar waarover u rapporteert, bijvoorbeeld 2025.", "editie", "jaar"
                )
            )
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        problems.append(
            doc.problem(f"'editie.jaar' moet een jaartal zijn, zoals 2025 (nu staat er: {value!r}).", "editie", "jaar")
        )
        return None
    return value


def _date(doc, problems, editie: dict) -> date | None:
    value = editie.get("publicatiedatum")
    if value is None or isinstance(value, date):
        return value
    problems.append(
        doc.problem(
            f"'editie.publicatiedatum' moet een datum zijn als 2026-05-28 (jaar-maand-dag); nu staat er {value!r}.",
            "editie",
            "publicatiedatum",
        )
    )
    return None
