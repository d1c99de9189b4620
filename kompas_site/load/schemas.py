"""Typed schemas (pydantic v2) for what authors write in YAML, and their errors as Dutch problems.

Each schema validates one kind of file or front matter and is then turned into the dataclasses of
``kompas_site.model``, which the rest of the code reads. A validation error becomes a ``Problem`` with
the file, the YAML line and the key; the Dutch text comes from the validator itself (a ``ValueError``
whose text may hold ``{key}``) or, for the generic cases, from ``_MESSAGES``.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from kompas_site.dutch import MONTHS
from kompas_site.errors import Problem
from kompas_site.load.yamlsource import YamlDoc
from kompas_site.spelling import did_you_mean, listing

# --- dates ---------------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WITH_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[Tt]|\s+)\d{1,2}:\d{2}")


def date_problem(value: Any) -> str | None:
    """Why ``value`` is not a date as a report asks it (jaar-maand-dag), in Dutch; None when it is one.
    The text names the key as ``{key}``."""
    return None if isinstance(parse_date(value), date) else _date_reason(value)


def parse_date(value: Any) -> date | None:
    """A date from YAML: a date, or an ISO date written as text ('2026-05-20'). None otherwise."""
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _ISO.match(value.strip())
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


def _date_reason(value: Any) -> str:
    example = "Schrijf de datum als jaar-maand-dag, zoals 2026-05-28."
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else str(value).strip()
    timed = _WITH_TIME.match(text)
    if timed:
        only_date = parse_date(timed.group(1))
        return f"Bij '{{key}}' staat een datum met een tijd ('{text}'). Schrijf alleen de datum" + (
            f": {only_date.isoformat()}." if only_date else ", zoals 2026-05-28."
        )
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        if not 1 <= month <= 12:
            why = f"er is geen maand {month}"
        else:
            why = f"{MONTHS[month - 1]} {year} heeft geen dag {day}"
        return f"De datum '{text}' bij '{{key}}' bestaat niet: {why}. {example}"
    dmy = _DMY.match(text)
    if dmy:
        day, month, year = (int(part) for part in dmy.groups())
        try:
            swapped = date(year, month, day).isoformat()
        except ValueError:
            return f"De datum '{text}' bij '{{key}}' staat als dag-maand-jaar en bestaat niet. {example}"
        return f"De datum '{text}' bij '{{key}}' staat als dag-maand-jaar. Schrijf jaar-maand-dag: {swapped}."
    if isinstance(value, (dict, list)):
        return f"Bij '{{key}}' hoort één datum, geen lijst of blok. {example}"
    return f"Bij '{{key}}' hoort een datum, maar '{text}' is geen datum. {example}"


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    day = parse_date(value)
    if day is None:
        raise ValueError(_date_reason(value))
    return day


Datum = Annotated[date | None, BeforeValidator(_date)]


# --- text, numbers, addresses --------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list, set, tuple)):
        raise ValueError("'{key}' moet één tekst zijn, geen lijst of blok.")
    text = str(value).strip()
    return text or None


def _required_text(value: Any) -> str:
    text = _text(value)
    if text is None:
        raise ValueError("'{key}' is verplicht maar ontbreekt of is leeg.")
    return text


def _url(value: Any) -> str | None:
    text = _text(value)
    if text is not None and not text.lower().startswith(("http://", "https://")):
        raise ValueError(
            "Het webadres bij '{key}' moet beginnen met https:// (of http://), zoals https://www.example.nl."
        )
    return text


Text = Annotated[str | None, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_required_text)]
Url = Annotated[str | None, BeforeValidator(_url)]


def _year(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise ValueError(f"'{{key}}' moet een jaartal zijn, zoals 2025 (nu staat er: {value!r}).")
    return value


Jaar = Annotated[int, BeforeValidator(_year)]


class Schema(BaseModel):
    """Unknown keys are refused (a typo must not be silently ignored); values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- kompas.yml ----------------------------------------------------------------------------------

EXAMPLE = """organisatie:
  naam: Stichting De Linde
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025"""

CONTACT_LABELS = {"email": "e-mailadres", "telefoon": "telefoonnummer"}
CONTACT_EXAMPLES = {"email": "info@example.nl", "telefoon": "020-1234567"}


def _contacts(key: str):
    def validate(value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [] if value is None else [value]
        if any(isinstance(v, (dict, list)) for v in items):
            raise ValueError(
                f"Bij '{key}' onder 'contact' hoort één {CONTACT_LABELS[key]}, of een lijst "
                f"met een streepje voor elk, zoals:\n\ncontact:\n  {key}:\n    - {CONTACT_EXAMPLES[key]}"
            )
        number = next((v for v in items if isinstance(v, (int, float)) and not isinstance(v, bool)), None)
        if number is not None and key == "email":
            raise ValueError(
                f"Bij 'email' onder 'contact' staat een getal ({number}), geen e-mailadres. Een e-mailadres heeft "
                f"een @, zoals email: {CONTACT_EXAMPLES['email']}. Is {number} een telefoonnummer? Zet het dan bij "
                f"'telefoon', tussen aanhalingstekens: telefoon: \"{CONTACT_EXAMPLES['telefoon']}\"."
            )
        if number is not None:
            # YAML reads 0201234567 as a number (and drops the 0): the author must quote it.
            raise ValueError(
                f"Zet het {CONTACT_LABELS[key]} bij '{key}' (onder 'contact') tussen "
                f'aanhalingstekens, zoals {key}: "{CONTACT_EXAMPLES[key]}". Anders valt de 0 '
                "aan het begin weg."
            )
        return tuple(str(v).strip() for v in items if str(v).strip())

    return BeforeValidator(validate)


def _huiskleur(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})", text.strip()):
        raise ValueError(
            f"'{text}' bij '{{key}}' is geen kleur. Schrijf de kleur als kleurcode: een # met 6 (of 3) "
            'tekens 0-9 en a-f, tussen aanhalingstekens, zoals huiskleur: "#0a7c8c".'
        )
    return text.strip()


class OrganisatieSchema(Schema):
    naam: RequiredText
    website: Url = None
    logo: Text = None  # a file in the content folder (svg, png, jpg, webp): shown in the header
    huiskleur: Annotated[str | None, BeforeValidator(_huiskleur)] = None


class EditieSchema(Schema):
    soort: RequiredText
    jaar: Jaar = Field(
        json_schema_extra={"ontbreekt": "'{key}' is verplicht: het jaar waarover u rapporteert, bijvoorbeeld 2025."}
    )
    publicatiedatum: Datum = None


class ContactSchema(Schema):
    email: Annotated[tuple[str, ...], _contacts("email")] = ()
    telefoon: Annotated[tuple[str, ...], _contacts("telefoon")] = ()
    adres: Text = None


TOEGESTAAN_EXAMPLE = (
    "toegestaan:\n  - waarde: 801745913\n    reden: Het RSIN van onze stichting; dat moeten we als ANBI publiceren."
)


class ToegestaanSchema(Schema):
    waarde: RequiredText
    reden: RequiredText = Field(
        json_schema_extra={
            "ontbreekt": "Bij elke waarde onder 'toegestaan' hoort een 'reden': waarom dit geen persoonsgegeven is. "
            "Voorbeeld:\n\n" + TOEGESTAAN_EXAMPLE
        }
    )


def _list_of_blocks(
    example: str, not_a_list: str = "Onder '{key}' hoort een lijst; begin elk item met een streepje (-)."
):
    """A list of blocks, also when the author wrote one block without the list's '-' or left the key empty;
    anything else is refused with ``not_a_list`` and the example."""

    def validate(value: Any) -> Any:
        if value is None or value == "":
            return ()
        if isinstance(value, dict):  # one item, written without the list's '-'
            return [value]
        if not isinstance(value, list):
            raise ValueError(not_a_list + " Voorbeeld:\n\n" + example)
        return value

    return BeforeValidator(validate)


ToegestaanList = Annotated[
    tuple[ToegestaanSchema, ...],
    _list_of_blocks(
        TOEGESTAAN_EXAMPLE,
        "Onder 'toegestaan' hoort een lijst; begin elke waarde met '- waarde:' en zet er 'reden:' onder.",
    ),
    Field(
        json_schema_extra={
            "geen_blok": "Elke waarde onder 'toegestaan' begint met '- waarde:' en heeft een 'reden:' eronder. "
            "Voorbeeld:\n\n" + TOEGESTAAN_EXAMPLE
        }
    ),
]

_SECTION = "Onder '{key}' horen ingesprongen regels 'sleutel: waarde', zie dit voorbeeld:\n\n" + EXAMPLE
_MISSING_SECTION = "'{key}' ontbreekt. Voorbeeld:\n\n" + EXAMPLE


class WoordenSchema(Schema):
    """``woorden:``: how this organisation names what generated texts name. A missing singular is derived."""

    clienten: Text = None
    client: Text = None
    speerpunten: Text = None
    speerpunt: Text = None
    clientenraad: Text = None


LOCATIES_EXAMPLE = (
    "locaties:\n  - id: de-esdoorn\n    naam: Woonlocatie De Esdoorn\n    plaats: Haverdijk\n    regio: Noord"
)
EDITIES_EXAMPLE = (
    "eerdere_edities:\n  - titel: Kwaliteitsrapport 2019\n    bestand: bijlagen/kwaliteitsrapport-2019.pdf\n"
    "  - titel: Kwaliteitsbeeld 2023\n    url: https://www.example.nl/kwaliteitsbeeld-2023"
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _slug(value: Any) -> str:
    text = _required_text(value)
    if not SLUG.match(text):
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "de-esdoorn"
        raise ValueError(
            f"'{{key}}' moet een korte naam zijn van kleine letters, cijfers en streepjes, zonder spaties, "
            f"zoals '{suggestion}' (nu staat er: '{text}')."
        )
    return text


class LocatieSchema(Schema):
    """One location in ``locaties:``."""

    id: Annotated[str, BeforeValidator(_slug)]
    naam: RequiredText
    plaats: RequiredText
    regio: Text = None


class EerdereEditieSchema(Schema):
    """One earlier edition in ``eerdere_edities:``: a file in the content folder or an address, not both."""

    titel: RequiredText
    bestand: Text = None
    url: Url = None
    jaar: Annotated[int | None, BeforeValidator(lambda v: None if v is None or v == "" else _year(v))] = None


def _locatie_ids(value: Any) -> tuple[str, ...]:
    """``locaties:`` on a page, story or goal: a list of ids, or one id as plain text."""
    if value is None:
        return ()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) or v is None or v == "" for v in value):
        raise ValueError(
            "'{key}' moet een lijst zijn van ids uit 'locaties' in kompas.yml, zoals 'locaties: [de-esdoorn]'."
        )
    return tuple(str(v).strip() for v in value)


LocatieIds = Annotated[tuple[str, ...], BeforeValidator(_locatie_ids)]


KERNCIJFERS_EXAMPLE = "kerncijfers:\n  - label: cliënten\n    waarde: 1240\n    toelichting: op 31 december"


def _kerncijfer_value(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("Bij elk kerncijfer hoort een 'waarde', zoals 'waarde: 1240'.")
    if isinstance(value, (dict, list, bool)):
        raise ValueError("'{key}' moet één getal of korte tekst zijn, zoals 'waarde: 1240'.")
    return str(value).strip()


class KerncijferSchema(Schema):
    label: RequiredText
    waarde: Annotated[str, BeforeValidator(_kerncijfer_value)] = Field(
        json_schema_extra={"ontbreekt": "Bij elk kerncijfer hoort een 'waarde'. Voorbeeld:\n\n" + KERNCIJFERS_EXAMPLE}
    )
    toelichting: Text = None


def _kerncijfers(value: Any) -> Any:
    if value is None:
        return ()
    if isinstance(value, dict) and not {"label", "waarde"} & set(value):  # 'deelnemers: 312', one per line
        pairs = list(value.items())[:2]
        written = "\n".join(f"  - label: {k}\n    waarde: {v}" for k, v in pairs)
        raise ValueError(
            f"Onder 'kerncijfers' staat {'een cijfer' if len(value) == 1 else 'elk cijfer'} als '{pairs[0][0]}: "
            f"{pairs[0][1]}'. Schrijf elk kerncijfer als een item van een lijst, met '- label:' en 'waarde:' "
            f"eronder:\n\nkerncijfers:\n{written}"
        )
    if isinstance(value, dict):
        return [value]
    if not isinstance(value, list):
        raise ValueError(
            "Onder 'kerncijfers' hoort een lijst; begin elk cijfer met '- label:'. Voorbeeld:\n\n" + KERNCIJFERS_EXAMPLE
        )
    return value


TOEGANKELIJKHEID_EXAMPLE = (
    "toegankelijkheid:\n  goedgekeurd_door:\n    naam: Anna de Vries\n    functie: bestuurder\n"
    "  datum: 2026-05-20\n  onderzoek:\n    titel: Toegankelijkheidsonderzoek kwaliteitsbeeld 2025\n"
    "    datum: 2026-04-15\n    bestand: bijlagen/toegankelijkheidsonderzoek.pdf\n  bekende_problemen:\n"
    "    - criterium: 1.2.2\n      oorzaak: De film over Gert heeft nog geen ondertitels.\n"
    "      gevolg: Wie doof of slechthorend is, kan niet volgen wat er gezegd wordt.\n"
    "      alternatief: Onder de film staat de hele tekst.\n      oplossing: We laten ondertitels maken.\n"
    "      planning: voor 1 september 2026"
)
_CRITERIUM = re.compile(r"^[1-4]\.\d{1,2}\.\d{1,2}$")


def _criterium(value: Any) -> str:
    text = _required_text(str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value)
    text = text.removeprefix("WCAG").removeprefix("wcag").strip()
    if not _CRITERIUM.match(text):
        raise ValueError(
            f"'{text}' bij '{{key}}' is geen WCAG-succescriterium. Schrijf het nummer met twee punten, zoals "
            "'criterium: 1.4.3' (contrast) of 'criterium: 2.1.1' (toetsenbord)."
        )
    return text


def _werkdagen(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise ValueError(
            f"'{{key}}' is het aantal werkdagen waarbinnen iemand antwoord krijgt, zoals 'antwoord_binnen: 5' "
            f"(nu staat er: {value!r})."
        )
    return value


class GoedkeuringSchema(Schema):
    naam: RequiredText
    functie: Text = None


class OnderzoekSchema(Schema):
    """A named manual evaluation of the site's accessibility: its report is a file or an address."""

    titel: RequiredText
    datum: Datum = Field(
        json_schema_extra={
            "ontbreekt": "Bij 'onderzoek' hoort de 'datum' van het rapport, zoals 'datum: 2026-04-15'. Voorbeeld:\n\n"
            + TOEGANKELIJKHEID_EXAMPLE
        }
    )
    bestand: Text = None
    url: Url = None


class BekendProbleemSchema(Schema):
    criterium: Annotated[str, BeforeValidator(_criterium)]
    oorzaak: RequiredText
    gevolg: RequiredText
    alternatief: Text = None
    oplossing: Text = None
    planning: Annotated[str | None, BeforeValidator(lambda v: v.isoformat() if isinstance(v, date) else _text(v))] = (
        None
    )


class ToegankelijkheidSchema(Schema):
    """``toegankelijkheid:``: what the accessibility statement needs and a machine cannot know."""

    goedgekeurd_door: GoedkeuringSchema | None = Field(
        default=None,
        json_schema_extra={
            "geen_blok": "Onder 'goedgekeurd_door' horen 'naam' en 'functie', zoals:\n\n"
            "  goedgekeurd_door:\n    naam: Anna de Vries\n    functie: bestuurder"
        },
    )
    datum: Datum = None
    onderzoek: OnderzoekSchema | None = Field(
        default=None,
        json_schema_extra={
            "geen_blok": "Onder 'onderzoek' horen 'titel', 'datum' en 'bestand' of 'url'. Voorbeeld:\n\n"
            + TOEGANKELIJKHEID_EXAMPLE
        },
    )
    bekende_problemen: Annotated[tuple[BekendProbleemSchema, ...], _list_of_blocks(TOEGANKELIJKHEID_EXAMPLE)] = Field(
        default=(),
        json_schema_extra={
            "geen_blok": "Elk bekend probleem begint met '- criterium:'. Voorbeeld:\n\n" + TOEGANKELIJKHEID_EXAMPLE
        },
    )
    antwoord_binnen: Annotated[int | None, BeforeValidator(_werkdagen)] = None


class KompasSchema(Schema):
    organisatie: OrganisatieSchema = Field(json_schema_extra={"ontbreekt": _MISSING_SECTION, "geen_blok": _SECTION})
    kader: RequiredText
    editie: EditieSchema = Field(json_schema_extra={"ontbreekt": _MISSING_SECTION, "geen_blok": _SECTION})
    verantwoordelijk: Text = None
    visitatie: Text = None
    contact: ContactSchema | None = Field(
        default=None,
        json_schema_extra={
            "geen_blok": "Onder 'contact' horen ingesprongen regels, zoals:\n\ncontact:\n"
            "  email: info@example.nl\n  telefoon: 020-1234567"
        },
    )
    toegestaan: ToegestaanList = ()
    site_url: Url = None
    woorden: WoordenSchema | None = None
    locaties: Annotated[tuple[LocatieSchema, ...], _list_of_blocks(LOCATIES_EXAMPLE)] = Field(
        default=(),
        json_schema_extra={"geen_blok": "Elke locatie begint met '- id:'. Voorbeeld:\n\n" + LOCATIES_EXAMPLE},
    )
    eerdere_edities: Annotated[tuple[EerdereEditieSchema, ...], _list_of_blocks(EDITIES_EXAMPLE)] = Field(
        default=(),
        json_schema_extra={"geen_blok": "Elke eerdere editie begint met '- titel:'. Voorbeeld:\n\n" + EDITIES_EXAMPLE},
    )

    kerncijfers: Annotated[tuple[KerncijferSchema, ...], BeforeValidator(_kerncijfers)] = ()
    toegankelijkheid: ToegankelijkheidSchema | None = Field(
        default=None,
        json_schema_extra={
            "geen_blok": "Onder 'toegankelijkheid' horen ingesprongen regels. Voorbeeld:\n\n" + TOEGANKELIJKHEID_EXAMPLE
        },
    )
    vorige_editie: Text = None


# --- page and story front matter -------------------------------------------------------------------


def _onderdelen(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(o, (dict, list)) or o is None for o in value):
        raise ValueError(
            "'onderdelen' moet een lijst zijn van onderdeel-namen, zoals 'onderdelen: [bouwsteen-1, visitatie]'."
        )
    return tuple(str(o).strip() for o in value)


def _title(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)) or str(value).strip() == "":
        raise ValueError("'title' moet één regel tekst zijn, zoals 'title: Over ons'.")
    return str(value).strip()


ONDERTEKENING_EXAMPLE = (
    "ondertekening:\n  - naam: Anna de Vries\n    functie: voorzitter raad van bestuur\n"
    "  - naam: Karim Bouali\n    functie: lid raad van bestuur"
)


class OndertekenaarSchema(Schema):
    """One person who signs a page (``ondertekening:``): a name, and the function they sign in."""

    naam: RequiredText = Field(
        json_schema_extra={
            "ontbreekt": "Bij elke ondertekenaar hoort een 'naam'. Voorbeeld:\n\n" + ONDERTEKENING_EXAMPLE
        }
    )
    functie: Text = None


OndertekeningList = Annotated[
    tuple[OndertekenaarSchema, ...],
    _list_of_blocks(
        ONDERTEKENING_EXAMPLE,
        "Onder 'ondertekening' hoort een lijst van wie de pagina ondertekent: begin elke persoon met "
        "'- naam:' en zet 'functie:' eronder.",
    ),
    Field(
        json_schema_extra={
            "geen_blok": "Elke ondertekenaar onder 'ondertekening' begint met '- naam:' en heeft een "
            "'functie:' eronder. Voorbeeld:\n\n" + ONDERTEKENING_EXAMPLE
        }
    ),
]


MEEGELEZEN_EXAMPLE = (
    "meegelezen:\n  - door: Cliëntenraad\n    datum: 2026-03-12\n  - door: Team De Wilg\n    datum: 2026-04-02"
)


def _reading_date(value: Any) -> date:
    """The day someone read the page along: a real date, not in the future (that reading has not happened)."""
    day = _date(value)
    if day is None:
        raise ValueError(
            "Bij elke lezer onder 'meegelezen' hoort een 'datum': de dag waarop die de pagina las, zoals "
            "'datum: 2026-03-12'."
        )
    if day > date.today():
        raise ValueError(
            f"De datum {day.isoformat()} bij '{{key}}' ligt in de toekomst. Schrijf de dag waarop de pagina "
            "echt is meegelezen; is dat nog niet gebeurd, zet de lezer er dan pas na het lezen bij."
        )
    return day


def _client_flag(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee", "true", "false"):
        return value.strip().lower() in ("ja", "true")
    raise ValueError(
        f"'{{key}}' moet ja of nee zijn (true of false), maar er staat '{value}'. Schrijf 'client: true' als "
        "deze lezer een cliënt is of namens cliënten las, ook als dat niet in de naam bij 'door' staat."
    )


class MeelezerSchema(Schema):
    """One reading of a page (``meegelezen:``): who read it along, on which day, and whether they read as a
    client (the client council, clients, experts by experience); see ``check/rules/meelezen.py``."""

    door: RequiredText = Field(
        json_schema_extra={"ontbreekt": "Bij elke lezer hoort 'door': wie las mee. Voorbeeld:\n\n" + MEEGELEZEN_EXAMPLE}
    )
    datum: Annotated[date, BeforeValidator(_reading_date)] = Field(
        json_schema_extra={
            "ontbreekt": "Bij elke lezer hoort een 'datum': de dag waarop die de pagina las. Voorbeeld:\n\n"
            + MEEGELEZEN_EXAMPLE
        }
    )
    client: Annotated[bool, BeforeValidator(_client_flag)] = False


MeegelezenList = Annotated[
    tuple[MeelezerSchema, ...],
    _list_of_blocks(
        MEEGELEZEN_EXAMPLE,
        "Onder 'meegelezen' hoort een lijst van wie de pagina las: begin elke lezer met '- door:' en zet "
        "'datum:' eronder.",
    ),
    Field(
        json_schema_extra={
            "geen_blok": "Elke lezer onder 'meegelezen' begint met '- door:' en heeft een 'datum:' eronder. "
            "Voorbeeld:\n\n" + MEEGELEZEN_EXAMPLE
        }
    ),
]


class PageSchema(BaseModel):
    """A page's front matter: the keys kompas-site reads. Any other key is the author's (or MkDocs')."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: Annotated[str | None, BeforeValidator(_title)] = None
    onderdelen: Annotated[tuple[str, ...], BeforeValidator(_onderdelen)] = ()
    toegestaan: ToegestaanList = ()
    locaties: LocatieIds = ()
    door: Text = None  # who wrote the page, shown under its title: "Marloes, voorzitter van de Cliëntenraad"
    ondertekening: OndertekeningList = ()  # who signs it, shown under the text
    meegelezen: MeegelezenList = ()  # who read it along, and when: [[meegelezen]] lists them


def _ja_nee(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("ja", "nee"):
        return value.strip().lower() == "ja"
    raise ValueError(
        f"'{{key}}' moet ja of nee zijn (true of false), maar er staat '{value}'. Schrijf '{{key}}: true' "
        "als de naam in het verhaal veranderd is; laat de regel weg als het de echte naam is."
    )


JaNee = Annotated[bool, BeforeValidator(_ja_nee)]

FOTO_EXAMPLE = (
    "fotos:\n  - bestand: media/gert-keuken.jpg\n    alt: Gert snijdt groente in zijn keuken.\n"
    "    fotograaf: Jan de Vries"
)


class FotoSchema(BaseModel):
    """One story photo (``fotos:``). Its path and description are judged by the image rule; its consent
    (someone else than the storyteller is in the photo) by the consent rule, and it is never published."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bestand: Any = None
    alt: Any = None
    decoratief: Any = None
    fotograaf: Text = None  # shown under the photo: "Foto: Jan de Vries"
    bron: Text = None  # shown under the photo: "Bron: ..."
    toestemming: Any = None


def _fotos(value: Any) -> Any:
    items = value if isinstance(value, list) else [] if value is None else [value]
    # a short form ('media/x.jpg') or another shape is the loader's and the image rule's to judge
    return [item if isinstance(item, dict) else {} for item in items]


class VerhaalSchema(PageSchema):
    """A story's front matter: a page's keys, and how the story was recorded."""

    bron: Text = None  # where the story was taken from: "Uit het verhalenboek 'Thuis' (2024)"
    opgetekend_door: Text = None  # who wrote the story down
    pseudoniem: JaNee = False  # the name in the story is not the real one
    fotos: Annotated[tuple[FotoSchema, ...], BeforeValidator(_fotos)] = Field(
        default=(),
        json_schema_extra={"geen_blok": "Schrijf elke foto onder 'fotos' zo:\n\n" + FOTO_EXAMPLE},
    )


# Story keys that the story pages and the checker's rules read and judge themselves (no schema here).
STORY_RULE_KEYS = ("perspectief", "toestemming", "citaat", "video", "cijfers", "bouwsteen", "domeinen")


def front_matter_keys() -> tuple[str, ...]:
    """Every front matter key kompas-site reads on a page or a story: a key close to one of these is a typo."""
    return tuple(dict.fromkeys([*PageSchema.model_fields, *VerhaalSchema.model_fields, *STORY_RULE_KEYS]))


class ToestemmingSchema(BaseModel):
    """Consent: only the dates are judged here (their shape); missing parts are the privacy rule's."""

    model_config = ConfigDict(extra="allow")

    datum: Datum = None
    geldig_tot: Datum = None


# --- speerpunten.yml and woordenlijst.yml ------------------------------------------------------------


_BOUWSTEEN_HINT = (
    "'bouwsteen' is het nummer van een bouwsteen ('bouwsteen: 1'), een lijst van nummers ('bouwsteen: [1, 3]'), "
    "of laat de regel weg als het doel voor de hele organisatie geldt"
)


def _bouwsteen_number(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{_BOUWSTEEN_HINT} (nu: {value!r}).")
    return value


def _bouwstenen(value: Any) -> tuple[int, ...]:
    """``bouwsteen: 1``, ``bouwsteen: [1, 3]`` (or "1, 3"), or nothing: an organisation-wide goal."""
    if value is None:
        return ()
    if isinstance(value, str) and "," in value:
        value = [part for part in value.split(",") if part.strip()]
    items = value if isinstance(value, list) else [value]
    numbers: list[int] = []
    for item in items:
        number = _bouwsteen_number(item)
        if number not in numbers:
            numbers.append(number)
    return tuple(numbers)


def _plain(value: Any) -> str | None:
    if isinstance(value, (dict, list)):
        raise ValueError("'{key}' moet tekst zijn, geen lijst of blok.")
    return None if value is None else str(value).strip()


class SpeerpuntSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)  # a misspelt key ('staus') is a fout, not lost

    id: Annotated[str, BeforeValidator(_required_text)]
    titel: Annotated[str, BeforeValidator(_required_text)] = Field(
        json_schema_extra={"ontbreekt": "heeft geen 'titel'. Schrijf in één regel wat het doel is."}
    )
    bouwsteen: Annotated[tuple[int, ...], BeforeValidator(_bouwstenen)] = ()
    status: Annotated[str | None, BeforeValidator(_plain)] = None
    toelichting: Annotated[str | None, BeforeValidator(_plain)] = None
    locaties: LocatieIds = ()
    doel: Annotated[str | None, BeforeValidator(_plain)] = None  # what would count as success
    resultaat: Annotated[str | None, BeforeValidator(_plain)] = None  # what was measured
    eigenaar: Annotated[str | None, BeforeValidator(_plain)] = None
    periode: Annotated[str | None, BeforeValidator(_plain)] = None
    pagina: Annotated[str | None, BeforeValidator(_plain)] = None  # the page that tells more
    geleerd: Annotated[str | None, BeforeValidator(_plain)] = None  # what we learned
    vervolg: Annotated[str | None, BeforeValidator(_plain)] = None  # what we do next


def _uitleg(value: Any) -> str:
    if isinstance(value, (dict, list)):
        raise ValueError("Bij '{key}' hoort één uitleg in gewone tekst, geen lijst of blok.")
    return "" if value is None else str(value).strip()


Uitleg = Annotated[str, BeforeValidator(_uitleg)]


# --- profiles (the package's own data) -------------------------------------------------------------


class OnderdeelSchema(Schema):
    id: RequiredText
    titel: RequiredText
    vraagt: RequiredText
    bron: RequiredText
    handreiking: RequiredText
    bouwsteen: int | None = None
    gegevens: Text = None
    cyclus: Text = None


class JarenSchema(Schema):
    van: int
    tot: int
    ritme: typing.Literal["elk", "even", "oneven"]


class DeadlineSchema(Schema):
    maand: int = Field(ge=1, le=12)
    dag: int = Field(ge=1, le=31)
    toelichting: Text = None


class SjabloonSchema(Schema):
    pad: RequiredText
    titel: RequiredText
    onderdelen: Annotated[tuple[str, ...], BeforeValidator(_onderdelen)] = ()


class EditieProfielSchema(Schema):
    soort: RequiredText
    naam: RequiredText
    uitleg: Text = None
    jaren: JarenSchema
    deadline: DeadlineSchema
    onderdelen: tuple[OnderdeelSchema, ...]
    sjabloon: tuple[SjabloonSchema, ...] | None = None


class BouwsteenSchema(Schema):
    nummer: int
    titel: RequiredText
    uitleg: Text = None


class DomeinSchema(Schema):
    id: RequiredText
    titel: RequiredText


class CyclusSchema(Schema):
    jaren: int
    edities: tuple[str, ...]
    uitleg: Text = None


class KaderSchema(Schema):
    id: RequiredText
    naam: RequiredText
    korte_naam: Text = None
    sector: Text = None
    uitleg: Text = None
    bouwstenen: tuple[BouwsteenSchema, ...]
    domeinen: tuple[DomeinSchema, ...] | None = None
    cycli: dict[str, CyclusSchema] | None = None


# --- validation errors -> problems -------------------------------------------------------------------

_MESSAGES = {
    "missing": "'{key}' is verplicht maar ontbreekt.",
    "string_type": "'{key}' moet tekst zijn.",
    "int_type": "'{key}' moet een heel getal zijn, zoals 3.",
    "int_parsing": "'{key}' moet een heel getal zijn, zoals 3.",
    "int_from_float": "'{key}' moet een heel getal zijn, zoals 3.",
    "bool_type": "'{key}' moet ja of nee zijn (true of false).",
    "list_type": "Onder '{key}' hoort een lijst, met een streepje (-) voor elk item.",
    "tuple_type": "Onder '{key}' hoort een lijst, met een streepje (-) voor elk item.",
    "dict_type": "Onder '{key}' horen ingesprongen regels 'sleutel: waarde'.",
    "model_type": "Onder '{key}' horen ingesprongen regels 'sleutel: waarde'.",
    "literal_error": "'{key}' moet een van deze zijn: {expected}.",
    "greater_than_equal": "'{key}' moet minstens {ge} zijn.",
    "less_than_equal": "'{key}' mag hoogstens {le} zijn.",
}


def validate(schema: type[BaseModel], data: Any, doc: YamlDoc, prefix: tuple = ()) -> tuple[Any, list[Problem]]:
    """(the validated schema, []) or (None, the problems, each with file, line and key)."""
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem(error, schema, doc, prefix) for error in exc.errors(include_url=False)]


def validate_sparing(
    schema: type[BaseModel], data: dict, doc: YamlDoc, spare: tuple[str, ...]
) -> tuple[Any, list[Problem], list[Problem], set[str]]:
    """Like ``validate``, but a bad value under one of the ``spare`` keys does not make the whole front matter
    unusable: the bad entry of a list (or the whole key, when it is not a list) is left out and named.
    Returns (the schema or None, the problems that stop the page, the spared problems, the keys dropped whole).
    """
    data = dict(data)
    spared: list[Problem] = []
    dropped: set[str] = set()
    for _ in range(4):  # each round leaves out what the one before named; the first round names nearly all
        try:
            return schema.model_validate(data), [], spared, dropped
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        loose = [e for e in errors if e["loc"] and e["loc"][0] in spare]
        if len(loose) < len(errors):
            return None, [_problem(e, schema, doc, ()) for e in errors], spared, dropped
        entries: dict[str, set[int]] = {}
        for error in loose:
            spared.append(_problem(error, schema, doc, ()))
            key, rest = str(error["loc"][0]), error["loc"][1:]
            if rest and isinstance(rest[0], int) and isinstance(data.get(key), list):
                entries.setdefault(key, set()).add(rest[0])
            else:
                dropped.add(key)
        for key in dropped:
            data.pop(key, None)
        for key, bad in entries.items():
            if key in data:
                data[key] = [entry for i, entry in enumerate(data[key]) if i not in bad]
    return None, spared, [], dropped


def _problem(error: ErrorDetails, schema: type[BaseModel], doc: YamlDoc, prefix: tuple) -> Problem:
    loc = prefix + tuple(_loc(error["loc"]))
    inner = tuple(_loc(error["loc"]))
    key = ".".join(str(p) for p in loc if not isinstance(p, int))
    kind = error["type"]
    extra = _field_extra(schema, inner)
    if kind == "extra_forbidden":
        allowed = _allowed(schema, inner[:-1])
        name = str(inner[-1])
        message = f"De sleutel '{name}' kennen we niet. Hier zijn toegestaan: {listing(allowed)}." + did_you_mean(
            name, allowed
        )
    elif kind == "missing" or (kind in ("model_type", "dict_type") and error.get("input") is None):
        message = extra.get("ontbreekt") or _MESSAGES["missing"]
    elif kind in ("model_type", "dict_type") and extra.get("geen_blok"):
        message = extra["geen_blok"]
    elif kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
    elif kind == "literal_error":
        message = _literal_message(error)
    else:
        template = _MESSAGES.get(kind)
        ctx = error.get("ctx") or {}
        message = template.format(key="{key}", **ctx) if template else f"'{{key}}' klopt niet ({error['msg']})."
    return Problem(message.replace("{key}", key), doc.file, doc.line(*loc), key or None)


def _literal_message(error: ErrorDetails) -> str:
    """A value outside a fixed list, in Dutch ('staaf', 'lijn' of 'geen'; pydantic writes 'or'), with the
    nearest allowed value."""
    options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
    given = error.get("input")
    shown = ", ".join(f"'{o}'" for o in options[:-1]) + f" of '{options[-1]}'" if len(options) > 1 else listing(options)
    now = f" (nu staat er '{given}')" if isinstance(given, (str, int, float)) and not isinstance(given, bool) else ""
    return f"'{{key}}' moet een van deze zijn: {shown}{now}." + did_you_mean(str(given), options)


def _loc(loc: tuple) -> list:
    """Pydantic adds the validator's name for a function (``function-before[...]``): not a YAML key."""
    return [part for part in loc if not (isinstance(part, str) and "[" in part and "]" in part)]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The schema inside an annotation such as ``tuple[X, ...] | None`` or ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, tuple, list, dict, Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _walk(schema: type[BaseModel], path: tuple) -> tuple[type[BaseModel] | None, str | None]:
    """The schema holding the last key of ``path``, and that key (list positions are skipped)."""
    current: type[BaseModel] | None = schema
    names = [p for p in path if isinstance(p, str)]
    for name in names[:-1]:
        field = current.model_fields.get(name) if current else None
        current = _model_in(field.annotation) if field else None
        if current is None:
            return None, None
    return current, names[-1] if names else None


def _field_extra(schema: type[BaseModel], path: tuple) -> dict:
    owner, name = _walk(schema, path)
    field = owner.model_fields.get(name) if owner and name else None
    extra = field.json_schema_extra if field else None
    return extra if isinstance(extra, dict) else {}


def _allowed(schema: type[BaseModel], path: tuple) -> list[str]:
    if not [p for p in path if isinstance(p, str)]:
        return list(schema.model_fields)
    owner, name = _walk(schema, path)
    field = owner.model_fields.get(name) if owner and name else None
    inner = _model_in(field.annotation) if field else None
    return list(inner.model_fields) if inner else []
