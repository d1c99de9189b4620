"""The previous edition (``vorige_editie:`` in ``kompas.yml``), for the chain of goals.

It may be a content folder (read with ``load_report``, one level deep: its own ``vorige_editie`` is not
followed), a built site's folder or its ``kwaliteitsbeeld.json`` (read with ``load/summary.py``), or a web
address of that file, fetched only when the author asks (``kompas check --haal-vorige``). A path is read
from the content folder. What cannot be used becomes a ``Problem`` that the checker reports as a fout
(``check/rules/keten.py``); nothing here stops the build of this edition.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from kompas_site.errors import ContentError, Problem
from kompas_site.load.report import load_report
from kompas_site.load.summary import FILE as SUMMARY_FILE
from kompas_site.load.summary import MAX_BYTES, read_summary, read_summary_file
from kompas_site.model import Report, VorigeEditie, VorigSpeerpunt

KEY = "vorige_editie"
FETCH_OPTION = "--haal-vorige"
TIMEOUT = 10  # seconds: a published summary is a few kilobytes


def load_previous(report: Report, fetch: bool = False) -> tuple[VorigeEditie | None, list[Problem]]:
    """The previous edition this report names, or the problems that keep it from being used."""
    settings = report.settings
    written = settings.vorige_editie
    if not written:
        return None, []
    line = settings.line(KEY)

    def problem(message: str) -> list[Problem]:
        return [Problem(message, settings.file, line, KEY)]

    try:
        if written.lower().startswith(("http://", "https://")):
            if not fetch:
                return None, problem(
                    f"De vorige editie staat op internet ('{written}'). kompas-site haalt daar alleen iets op als u "
                    f"dat vraagt: gebruik 'kompas check {FETCH_OPTION}' (of 'kompas build {FETCH_OPTION}'). U kunt "
                    f"ook het bestand {SUMMARY_FILE} van die site bewaren in een map naast dit rapport en hier het "
                    f"pad ernaartoe zetten, of het pad naar de map van het vorige rapport."
                )
            return _from_summary(_fetch(written), written), []
        path = Path(report.root) / written.replace("\\", "/")
        if path.is_dir() and path.resolve() == Path(report.root).resolve():
            return None, problem(
                f"Bij '{KEY}' staat de map van dit rapport zelf ('{written}'). Zet daar de map van het vorige "
                "rapport, vanaf deze map, zoals '../kwaliteitsbeeld-2023'."
            )
        if path.is_dir() and not (path / "kompas.yml").is_file() and (path / SUMMARY_FILE).is_file():
            path = path / SUMMARY_FILE  # a built site
        if path.is_dir() or not path.exists() and not path.suffix:
            return _from_folder(path, written, settings.file, line)
        return _from_summary(read_summary_file(path), written), []
    except ContentError as error:
        reasons = " ".join(p.message for p in error.problems[:3])
        return None, problem(f"De vorige editie ('{written}') kan niet gelezen worden. {reasons}")


def _from_folder(path: Path, written: str, file: str, line: int | None) -> tuple[VorigeEditie | None, list[Problem]]:
    if not path.is_dir():
        raise ContentError(
            Problem(
                f"De map '{path}' bestaat niet. Schrijf bij '{KEY}' het pad vanaf de map van dit rapport, zoals "
                f"'../kwaliteitsbeeld-2023', of het pad naar het bestand {SUMMARY_FILE} van de vorige site."
            )
        )
    try:
        previous = load_report(path)
    except ContentError as error:
        first = error.problems[0]
        where = f" ({first.where()})" if first.where() else ""
        count = len(error.problems)
        return None, [
            Problem(
                f"Het vorige rapport in '{written}' kan niet gelezen worden ({count} "
                f"{'probleem' if count == 1 else 'problemen'}; het eerste{where}: {first.message}) Los dat eerst "
                f"op; 'kompas check {written}' noemt alles.",
                file,
                line,
                KEY,
            )
        ]
    settings = previous.settings
    base = settings.site_url
    return (
        VorigeEditie(
            bron=written,
            organisatie=settings.organisatie.naam,
            kader=settings.kader,
            soort=settings.editie.soort,
            jaar=settings.editie.jaar,
            speerpunten=tuple(
                VorigSpeerpunt(g.id, g.titel, tuple(g.bouwstenen), g.status) for g in previous.speerpunten or ()
            ),
            speerpunten_adres=(base if base.endswith("/") else base + "/") + "speerpunten/" if base else None,
        ),
        [],
    )


def _from_summary(data: dict[str, Any], written: str) -> VorigeEditie:
    editie, organisatie, kader = data["editie"], data["organisatie"], data["kader"]
    jaar = editie.get("jaar")
    if not isinstance(jaar, int) or isinstance(jaar, bool) or not isinstance(organisatie.get("naam"), str):
        raise ContentError(
            Problem(
                f"In '{written}' ontbreekt het jaar of de naam van de organisatie. Maak het opnieuw met 'kompas build'."
            )
        )
    goals = []
    for item in data["speerpunten"]:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        found = item.get("bouwstenen")
        numbers: list[Any] = found if isinstance(found, list) else []
        goals.append(
            VorigSpeerpunt(
                item["id"],
                str(item.get("titel") or item["id"]),
                tuple(n for n in numbers if isinstance(n, int) and not isinstance(n, bool)),
                item.get("status") if isinstance(item.get("status"), str) else None,
            )
        )
    pages: dict[str, Any] = data["paginas"] if isinstance(data.get("paginas"), dict) else {}
    page: dict[str, Any] = pages["speerpunten"] if isinstance(pages.get("speerpunten"), dict) else {}
    address = page.get("adres") if isinstance(page.get("adres"), str) else None
    return VorigeEditie(
        bron=written,
        organisatie=organisatie["naam"],
        kader=str(kader.get("id") or ""),
        soort=str(editie.get("soort") or "kwaliteitsbeeld"),
        jaar=jaar,
        speerpunten=tuple(goals),
        speerpunten_adres=address,
    )


def _fetch(url: str) -> dict[str, Any]:
    """A published summary from the web: the address of the file, or of the site it lies at the root of."""
    target = url if url.split("?", 1)[0].endswith(".json") else url.rstrip("/") + "/" + SUMMARY_FILE
    request = urllib.request.Request(target, headers={"User-Agent": "kompas-site"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise ContentError(
            Problem(f"Het adres '{target}' gaf foutcode {exc.code}. Controleer het adres in de browser.")
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ContentError(
            Problem(
                f"Het adres '{target}' is niet bereikbaar ({reason}). Controleer het adres en uw internetverbinding, "
                "of bewaar het bestand en zet het pad ernaartoe bij 'vorige_editie'."
            )
        ) from None
    return read_summary(raw, target)
