"""``kompas aanlever``: the delivery card of an edition. The answers for the Zorginstituut's questionnaire,
the due date and the days left, and (with ``--url``, only then) whether the public address answers and
shows this very build: its ``kwaliteitsbeeld.json`` has the same hash.

It uploads nothing: a person types the answers into the gegevensmakelaar's portal; there is no public
upload format. The card says so."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import sys
import textwrap
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR, add_content_dir, run_pipeline
from kompas_site.dutch import datum, getal
from kompas_site.errors import ContentError
from kompas_site.load.summary import FILE, MAX_BYTES, read_summary

TIMEOUT = 10  # seconds per request: a site that answers later than this will not be visited by readers either
NO_UPLOAD = (
    "kompas-site levert niets aan. U typt de antwoorden hieronder zelf in het portaal van uw gegevensmakelaar; "
    "er is geen bestand om te uploaden."
)


@dataclass(frozen=True)
class Vragenlijst:
    """A questionnaire of the Zorginstituut, with the codes of its two questions."""

    naam: str
    code: str
    openbaar: str  # is there a public kwaliteitsbeeld over the reporting year? (ja/nee)
    adres: str  # its URL


# Per kader: the questionnaire the Zorginstituut uses for it. Only the one for disability care is known here.
VRAGENLIJSTEN = {
    "gehandicaptenzorg-2023": Vragenlijst(
        "Vragenlijst Kwaliteitsbeeld Gehandicaptenzorg", "ISID000166", "INID023497", "INID023498"
    ),
}


def add_arguments(parser) -> None:
    add_content_dir(parser)
    parser.add_argument(
        "--url",
        metavar="BASISADRES",
        help="het openbare adres van deze editie, zoals https://www.example.nl/kwaliteitsbeeld/2025/; dan kijkt "
        "kompas of dat adres antwoordt en dezelfde build laat zien (zonder deze optie gaat er niets over het "
        "internet)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (voor mensen, standaard) of json (voor automatische controles)",
    )


def run(args) -> int:
    as_json = args.format == "json"
    url = None
    if args.url is not None:
        url = base_url(args.url)
        if url is None:
            message = (
                f"'{args.url}' is geen webadres. Geef het volledige adres van de editie, met https:// ervoor, "
                "zoals https://www.example.nl/kwaliteitsbeeld/2025/."
            )
            if as_json:
                print(json.dumps({"problemen": [{"sleutel": "--url", "melding": message}]}, ensure_ascii=False))
            else:
                print(f"kompas aanlever: {message}", file=sys.stderr)
            return ONBRUIKBAAR
    build = run_pipeline(args.content_dir, as_json=as_json)
    checked = check_online(url, build.summary) if url else None
    data = card(build.result, build.summary, url, date.today(), checked)
    print(json.dumps(data, ensure_ascii=False, indent=2) if as_json else as_text(data, args.content_dir))
    online_ok = checked is None or (checked["antwoordt"] and checked["hash_klopt"])
    return OK if online_ok and not data["fouten"] else FOUTEN


def base_url(text: str) -> str | None:
    """An http(s) address with a host, ending in '/'; None when it is not one."""
    text = text.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in text):
        return None
    return text if text.endswith("/") else text + "/"


# -- looking at the public address ---------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    status: int | None  # the HTTP status, when the server answered
    body: bytes = b""
    reason: str | None = None  # why there is no usable answer, in Dutch

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def fetch(url: str, limit: int = MAX_BYTES, version: str = "") -> Fetched:
    agent = f"kompas-site/{version} (kompas aanlever)" if version else "kompas-site (kompas aanlever)"
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return Fetched(response.status, response.read(limit + 1))
    except urllib.error.HTTPError as error:
        return Fetched(error.code, reason=_http_reason(error.code))
    except urllib.error.URLError as error:
        return Fetched(None, reason=_reason(error.reason))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Fetched(None, reason=_reason(error))


def _http_reason(code: int) -> str:
    if code == 404:
        return "de server zegt dat er op dit adres niets staat (404)"
    if code in (401, 403):
        return f"de server laat niemand binnen op dit adres ({code}); lezers kunnen het dus ook niet zien"
    if code >= 500:
        return f"de server heeft een storing ({code})"
    return f"de server antwoordt met code {code}"


def _reason(error: object) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "de server weigert de verbinding: op dit adres draait geen website"
    if isinstance(error, socket.gaierror):
        return "de naam van de server bestaat niet; controleer de spelling van het adres"
    if isinstance(error, TimeoutError | socket.timeout):
        return f"de server gaf binnen {TIMEOUT} seconden geen antwoord"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "het beveiligingscertificaat van de site klopt niet; browsers waarschuwen uw lezers dan ook"
    if isinstance(error, ssl.SSLError):
        return "een beveiligde verbinding lukte niet"
    if isinstance(error, str):
        return f"de verbinding mislukte ({error})"
    return f"de verbinding mislukte ({type(error).__name__}{f': {error}' if str(error) else ''})"


def check_online(url: str, summary: dict[str, Any]) -> dict[str, Any]:
    """Does the address answer, and does its kwaliteitsbeeld.json have the hash of this build's ``summary``?"""
    local_hash, version = summary["hash"], summary["gemaakt_met"]["versie"]
    page = fetch(url, limit=0, version=version)
    result: dict[str, Any] = {
        "adres": url,
        "antwoordt": page.ok,
        "status": page.status,
        "reden": page.reason,
        "samenvatting": None,
        "hash_online": None,
        "hash_klopt": False,
        "melding": None,
    }
    summary_url = url + FILE
    if page.status is None:  # no server at all: asking again for the summary only repeats the reason
        result["melding"] = "Zet de site online op dit adres, of controleer of u het juiste adres gaf."
        return result
    found = fetch(summary_url, version=version)
    if not found.ok:
        result["melding"] = (
            f"Er staat geen {FILE} op {summary_url}: {found.reason or 'onbekende reden'}. Zet de hele uitvoermap van "
            "'kompas build' online (met dat bestand erin), of controleer of het adres klopt."
        )
        return result
    result["samenvatting"] = summary_url
    try:
        online = read_summary(found.body, summary_url)
    except ContentError as error:
        result["melding"] = error.problems[0].message
        return result
    result["hash_online"] = online.get("hash")
    result["hash_klopt"] = online.get("hash") == local_hash
    edition = summary.get("editie") or {}
    online_edition = online.get("editie") or {}
    if not result["hash_klopt"] and (
        online_edition.get("soort") != edition.get("soort") or online_edition.get("jaar") != edition.get("jaar")
    ):
        result["andere_editie"] = {
            "naam": edition.get("naam"),
            "jaar": edition.get("jaar"),
            "adres": edition_address(url, online_edition.get("jaar"), edition.get("jaar")),
        }
    result["online"] = {
        "organisatie": (online.get("organisatie") or {}).get("naam"),
        "editie": online_edition.get("naam"),
        "jaar": online_edition.get("jaar"),
        "concept": online.get("concept"),
        "versie": (online.get("gemaakt_met") or {}).get("versie"),
        "versie_hier": version,
    }
    return result


def edition_address(url: str, online_year: object, year: object) -> str:
    """The address of this edition when ``url`` shows another: the same base, with this edition's year
    ('…/kwaliteitsbeeld/2023/' -> '…/kwaliteitsbeeld/2025/'; '…/kwaliteitsbeeld/' -> '…/kwaliteitsbeeld/2025/')."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    segments = path.rstrip("/").split("/")
    if online_year is not None and segments and segments[-1] == str(online_year):
        segments[-1] = str(year)
        path = "/".join(segments) + "/"
    elif year is not None and not (segments and segments[-1] == str(year)):
        path += f"{year}/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


# -- the card ------------------------------------------------------------------------------------------


def card(result, summary: dict[str, Any], url: str | None, today: date, checked: dict[str, Any] | None) -> dict:
    """The delivery card as data: what the text and ``--format json`` show."""
    settings = result.report.settings
    jaar = settings.editie.jaar
    vragenlijst = VRAGENLIJSTEN.get(result.kader.id)
    errors = len(result.errors)
    is_kwaliteitsbeeld = settings.editie.soort == "kwaliteitsbeeld"
    delivered_url = url or summary.get("site_adres")
    if not is_kwaliteitsbeeld:
        openbaar, waarom = (
            "nee",
            f"Dit is een {result.editie.naam.lower()}, geen kwaliteitsbeeld. Kijk in het portaal wat de "
            f"vragenlijst over {jaar} vraagt.",
        )
    elif errors:
        openbaar, waarom = (
            None,
            f"Nog niet: het rapport heeft nog {getal(errors)} {'fout' if errors == 1 else 'fouten'}. Los "
            f"{'die' if errors == 1 else 'ze'} op (kompas check), bouw opnieuw en zet de site online.",
        )
    else:
        openbaar, waarom = "ja", None
    days = (result.deadline - today).days
    online_ok = checked is None or (checked["antwoordt"] and checked["hash_klopt"])
    ready = openbaar == "ja" and delivered_url is not None and checked is not None and online_ok
    return {
        "vragenlijst": {"naam": vragenlijst.naam, "code": vragenlijst.code} if vragenlijst else None,
        "verslagjaar": jaar,
        "antwoorden": [
            {
                "code": vragenlijst.openbaar if vragenlijst else None,
                "vraag": f"Is er een openbaar kwaliteitsbeeld over {jaar}?",
                "antwoord": openbaar,
                "toelichting": waarom,
            },
            {
                "code": vragenlijst.adres if vragenlijst else None,
                "vraag": "Op welk webadres staat het kwaliteitsbeeld?",
                "antwoord": delivered_url if is_kwaliteitsbeeld else None,
                "toelichting": None
                if delivered_url or not is_kwaliteitsbeeld
                else "Nog onbekend: geef het adres met --url, of zet het in kompas.yml bij 'site_url'.",
            },
        ],
        "organisatie": settings.organisatie.naam,
        "kader": {"id": result.kader.id, "naam": result.kader.naam},
        "editie": {"soort": settings.editie.soort, "naam": result.editie.naam, "jaar": jaar},
        "publicatiedatum": settings.editie.publicatiedatum.isoformat() if settings.editie.publicatiedatum else None,
        "uiterste_datum": result.deadline.isoformat(),
        "vandaag": today.isoformat(),
        "dagen_tot_uiterste_datum": days,
        "fouten": errors,
        "hash": summary["hash"],
        "site_url_in_kompas_yml": summary.get("site_adres"),
        "controle": checked,
        "klaar": ready,
        "aanleveren": NO_UPLOAD,
    }


def as_text(data: dict, content_dir: str) -> str:
    editie = data["editie"]
    lines = [
        f"Aanleverkaart: {editie['naam'].lower()} {editie['jaar']} van {data['organisatie']}",
        f"({data['kader']['naam']})",
        "",
        NO_UPLOAD,
        "",
    ]
    vragenlijst = data["vragenlijst"]
    if vragenlijst:
        lines.append(f"{vragenlijst['naam']} ({vragenlijst['code']}), verslagjaar {data['verslagjaar']}:")
    else:
        lines.append(
            f"De antwoorden voor het Zorginstituut, verslagjaar {data['verslagjaar']} (de codes van de vragenlijst "
            f"voor het {data['kader']['naam']} kent kompas-site niet; kijk in het portaal):"
        )
    for antwoord in data["antwoorden"]:
        code = f"{antwoord['code']}  " if antwoord["code"] else ""
        shown = antwoord["antwoord"] if antwoord["antwoord"] is not None else "(nog niet in te vullen)"
        lines.append(f"  {code}{antwoord['vraag']}")
        lines.append(f"      Antwoord: {shown}")
        if antwoord["toelichting"]:
            lines.append(f"      {antwoord['toelichting']}")
    delivered = data["antwoorden"][1]["antwoord"]
    if delivered:
        lines.append(
            "      Dit adres komt in het open databestand van het Zorginstituut en blijft jarenlang openbaar: "
            "houd het bereikbaar en verander het niet."
        )
        configured = data["site_url_in_kompas_yml"]
        if configured and configured.rstrip("/") != delivered.rstrip("/"):
            lines.append(f"      Let op: in kompas.yml staat een ander adres bij 'site_url': {configured}")
    lines.append("")
    deadline = datum(date.fromisoformat(data["uiterste_datum"]))
    days = data["dagen_tot_uiterste_datum"]
    if days > 0:
        lines.append(f"Uiterste datum: {deadline}. U heeft nog {getal(days)} {'dag' if days == 1 else 'dagen'}.")
    elif days == 0:
        lines.append(f"Uiterste datum: {deadline}. Dat is vandaag.")
    else:
        late = -days
        passed = f"Uiterste datum: {deadline}. Die is {getal(late)} {'dag' if late == 1 else 'dagen'} voorbij."
        published = data["publicatiedatum"]
        if published and published <= data["uiterste_datum"]:
            lines.append(
                f"{passed} Volgens kompas.yml verscheen het rapport op {datum(date.fromisoformat(published))}, op "
                "tijd. Heeft u het adres nog niet aangeleverd, doe dat dan zo snel mogelijk."
            )
        else:
            lines.append(f"{passed} Lever zo snel mogelijk aan en leg in het rapport uit waarom het later is.")
    checked = data["controle"]
    lines.append("")
    if checked is None:
        if data["antwoorden"][1]["antwoord"]:
            lines.append(
                "Is de site online? Controleer het adres met: "
                f"kompas aanlever {content_dir} --url {data['antwoorden'][1]['antwoord']}"
            )
        else:
            lines.append(
                f"Staat de site online? Geef het adres, dan kijkt kompas of het de site van deze map laat zien: "
                f"kompas aanlever {content_dir} --url https://..."
            )
    else:
        lines.extend(_check_text(checked, content_dir))
    lines.append("")
    if data["klaar"]:
        lines.append("Klaar om aan te leveren: typ de antwoorden hierboven in het portaal van uw gegevensmakelaar.")
    elif data["fouten"]:
        lines.append("Nog niet klaar om aan te leveren: los eerst de fouten op (kompas check).")
    elif checked is not None:
        lines.append(
            "Nog niet klaar om aan te leveren: de site op dit adres laat niet deze build zien (zie hierboven)."
        )
    return "\n".join(_wrapped(line) for line in lines)


def _wrapped(line: str, width: int = 100) -> str:
    """A long line as a paragraph for the terminal, its continuation lines indented like its start."""
    indent = line[: len(line) - len(line.lstrip())]
    return textwrap.fill(line, width, initial_indent="", subsequent_indent=indent, break_on_hyphens=False)


def _check_text(checked: dict, content_dir: str) -> list[str]:
    url = checked["adres"]
    lines = [f"Controle van {url}:"]
    if checked["antwoordt"]:
        lines.append("  Het adres antwoordt.")
    else:
        lines.append(f"  Het adres antwoordt niet: {checked['reden'] or 'onbekende reden'}.")
    if checked["melding"]:
        lines.append(f"  {checked['melding']}")
        return lines
    if checked["hash_klopt"]:
        lines.append(f"  {FILE} online hoort bij deze build (de hash klopt): het adres laat zien wat u controleerde.")
        return lines
    online = checked.get("online") or {}
    lines.append(f"  {FILE} online hoort bij een andere build dan die van '{content_dir}' (de hash verschilt).")
    if online.get("jaar") is not None and online.get("organisatie") is not None:
        lines.append(
            f"  Online staat: {str(online.get('editie') or 'rapport').lower()} {online['jaar']} van "
            f"{online['organisatie']}" + (", een concept" if online.get("concept") else "") + "."
        )
    if online.get("versie") and online["versie"] != online.get("versie_hier"):
        lines.append(
            f"  Die is gemaakt met kompas-site {online['versie']}; hier draait {online.get('versie_hier')}. Bouw opnieuw met "
            "deze versie als de inhoud wel gelijk is."
        )
    other = checked.get("andere_editie")
    if other:
        lines.append(
            f"  Dit is het adres van een andere editie, niet van het {str(other['naam'] or 'rapport').lower()} "
            f"{other['jaar']} in '{content_dir}'. Elke editie heeft een eigen adres, dat niet verandert. Geef het "
            f"adres van deze editie, waarschijnlijk {other['adres']} (kompas aanlever {content_dir} --url "
            f"{other['adres']}). Staat deze editie nog niet online? Bouw hem (kompas archief of kompas build) en "
            "zet hem op dat adres."
        )
        return lines
    lines.append(
        f"  Bouw de site opnieuw (kompas build {content_dir}) en zet de hele uitvoermap online, of controleer "
        "of u het adres van de juiste editie gaf."
    )
    return lines
