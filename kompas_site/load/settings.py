"""``kompas.yml``: validated at the edge, every problem named with file, line and key."""

from __future__ import annotations

from pathlib import Path

from kompas_site import profiles
from kompas_site.errors import ContentError, Problem
from kompas_site.load.schemas import EXAMPLE, KompasSchema, ToegankelijkheidSchema, WoordenSchema, validate
from kompas_site.load.yamlsource import parse_yaml, read_text
from kompas_site.model import (
    BekendProbleem,
    Contact,
    Editie,
    EerdereEditie,
    Kerncijfer,
    Locatie,
    Onderzoek,
    Organisatie,
    Settings,
    Toegankelijkheid,
    Toegestaan,
)
from kompas_site.spelling import did_you_mean, listing
from kompas_site.woorden import Woorden, own_case, several_words, singular

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
    text = read_text(path, FILE)
    doc = parse_yaml(text, FILE)
    problems: list[Problem] = list(doc.problems)
    if not isinstance(doc.data, dict):
        raise ContentError(
            problems + [doc.problem(f"{FILE} moet regels 'sleutel: waarde' bevatten, zoals:\n\n{EXAMPLE}")]
        )
    schema, found = validate(KompasSchema, {k: v for k, v in doc.data.items() if k is not None}, doc)
    problems += found
    _colour_as_comment(doc, problems, text)
    _cross_checks(doc, problems, doc.data)  # also when the schema failed: every problem at once
    _locaties(doc, problems, doc.data.get("locaties"))
    _edities(doc, problems, doc.data.get("eerdere_edities"))
    _onderzoek(doc, problems, doc.data.get("toegankelijkheid"))
    if schema is None or problems:
        raise ContentError(problems)
    contact = schema.contact
    return Settings(
        organisatie=Organisatie(
            schema.organisatie.naam,
            schema.organisatie.website,
            schema.organisatie.logo.replace("\\", "/").removeprefix("./") if schema.organisatie.logo else None,
            schema.organisatie.huiskleur,
        ),
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
        locaties=tuple(Locatie(loc.id, loc.naam, loc.plaats, loc.regio) for loc in schema.locaties),
        eerdere_edities=tuple(
            EerdereEditie(
                e.titel, e.bestand.replace("\\", "/").removeprefix("./") if e.bestand else None, e.url, e.jaar
            )
            for e in schema.eerdere_edities
        ),
        kerncijfers=tuple(Kerncijfer(k.label, k.waarde, k.toelichting) for k in schema.kerncijfers),
        toegankelijkheid=_toegankelijkheid(schema.toegankelijkheid),
        vorige_editie=schema.vorige_editie,
    )


def _toegankelijkheid(schema: ToegankelijkheidSchema | None) -> Toegankelijkheid:
    if schema is None:
        return Toegankelijkheid()
    onderzoek = schema.onderzoek
    return Toegankelijkheid(
        goedgekeurd_door=schema.goedgekeurd_door.naam if schema.goedgekeurd_door else None,
        functie=schema.goedgekeurd_door.functie if schema.goedgekeurd_door else None,
        datum=schema.datum,
        onderzoek=Onderzoek(
            onderzoek.titel,
            onderzoek.datum,
            onderzoek.bestand.replace("\\", "/").removeprefix("./") if onderzoek.bestand else None,
            onderzoek.url,
        )
        if onderzoek and onderzoek.datum
        else None,
        bekende_problemen=tuple(
            BekendProbleem(p.criterium, p.oorzaak, p.gevolg, p.alternatief, p.oplossing, p.planning)
            for p in schema.bekende_problemen
        ),
        antwoord_binnen=schema.antwoord_binnen,
    )


def _not_file_or_url(item: dict) -> str | None:
    """What is wrong with a block that must name a file ('bestand') or an address ('url'), exactly one."""
    has_file, has_url = bool(item.get("bestand")), bool(item.get("url"))
    if has_file != has_url:
        return None
    return "heeft zowel 'bestand' als 'url'" if has_file else "heeft geen 'bestand' en geen 'url'"


def _onderzoek(doc, problems: list[Problem], block) -> None:
    """The manual evaluation's report is a file ('bestand') or an address ('url'): exactly one of the two."""
    item = block.get("onderzoek") if isinstance(block, dict) else None
    if not isinstance(item, dict):
        return
    why = _not_file_or_url(item)
    if why:
        problems.append(
            doc.problem(
                f"Het onderzoek onder 'toegankelijkheid' {why}. Geef er precies één, zodat lezers het rapport kunnen "
                "openen: 'bestand' voor een bestand in de map van het rapport (zoals 'bestand: "
                "bijlagen/toegankelijkheidsonderzoek.pdf'), of 'url' voor een adres op internet.",
                "toegankelijkheid",
                "onderzoek",
            )
        )


def _locaties(doc, problems: list[Problem], items) -> None:
    """Each location id once: pages, stories and goals name a location by it."""
    seen: dict[str, int] = {}
    for n, item in enumerate(items if isinstance(items, list) else []):
        loc_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(loc_id, str) or not loc_id.strip():
            continue
        loc_id = loc_id.strip()
        if loc_id in seen:
            problems.append(
                doc.problem(
                    f"De locatie-id '{loc_id}' staat twee keer onder 'locaties' (ook op regel {seen[loc_id]}). "
                    "Elke locatie heeft een eigen id; geef deze locatie een andere, zoals "
                    f"'{loc_id}-2', of haal de dubbele weg.",
                    "locaties",
                    n,
                    "id",
                )
            )
        else:
            seen[loc_id] = doc.line("locaties", n, "id")


def _edities(doc, problems: list[Problem], items) -> None:
    """An earlier edition is a file ('bestand') or an address ('url'): exactly one of the two."""
    for n, item in enumerate(items if isinstance(items, list) else [items] if isinstance(items, dict) else []):
        if not isinstance(item, dict):
            continue
        titel = f" '{item['titel']}'" if isinstance(item.get("titel"), str) else ""
        why = _not_file_or_url(item)
        if why:
            problems.append(
                doc.problem(
                    f"De eerdere editie{titel} {why}. Geef er precies één: 'bestand' voor een bestand in de map van "
                    "het rapport (zoals 'bestand: bijlagen/kwaliteitsrapport-2019.pdf'), of 'url' voor een adres "
                    "op internet (zoals 'url: https://www.example.nl/kwaliteitsbeeld-2023').",
                    *(("eerdere_edities", n) if isinstance(items, list) else ("eerdere_edities",)),
                )
            )


def _woorden(schema: WoordenSchema | None) -> Woorden:
    """The organisation's words, lower case inside a sentence ('Verbeterpunten' -> 'verbeterpunten'); a plural
    without its singular gets a derived one (deelnemers -> deelnemer). A group of words ('cliënten en naasten')
    has no derivable singular: its first word's is used, and the checker asks for ``client:``."""
    if schema is None:
        return Woorden()
    default = Woorden()
    clienten = own_case(schema.clienten) or default.clienten
    speerpunten = own_case(schema.speerpunten) or default.speerpunten
    return Woorden(
        clienten=clienten,
        client=own_case(schema.client) or (default.client if schema.clienten is None else _one(clienten)),
        speerpunten=speerpunten,
        speerpunt=own_case(schema.speerpunt)
        or (default.speerpunt if schema.speerpunten is None else _one(speerpunten)),
        raad=own_case(schema.clientenraad) or "",
    )


def _one(plural: str) -> str:
    return singular(plural.split()[0] if several_words(plural) else plural)


def _colour_as_comment(doc, problems: list[Problem], text: str) -> None:
    """``huiskleur: #0a7c8c`` without quotes: YAML reads everything after '#' as a comment, so the value is
    empty. Say so, instead of silently using no colour."""
    organisatie = doc.data.get("organisatie")
    if not isinstance(organisatie, dict) or "huiskleur" not in organisatie or organisatie["huiskleur"] is not None:
        return
    line = doc.lines.get(("organisatie", "huiskleur"))
    written = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    colour = written.split(":", 1)[1].strip() if ":" in written else ""
    problems.append(
        doc.problem(
            "Bij 'huiskleur' staat geen kleur"
            + (
                f": YAML leest alles na een # als opmerking, dus '{colour}' is niet gelezen. Zet de kleur tussen "
                f'aanhalingstekens: huiskleur: "{colour.split()[0]}".'
                if colour.startswith("#")
                else '. Zet de kleur tussen aanhalingstekens, zoals huiskleur: "#0a7c8c", of haal de regel weg.'
            ),
            "organisatie",
            "huiskleur",
        )
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
