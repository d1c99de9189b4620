"""The machine-readable summary published at the root of every site: ``kwaliteitsbeeld.json``.

Who publishes what under which framework, the due date, where each required element is, the speerpunten
with their status, the easy-read pages with their readability figures, and ``hash``: a fingerprint of the
build's content. Every field is documented in ``kompas_site/schemas/kwaliteitsbeeld-1.schema.json``; the
reader is ``load/summary.py``.

The hash is sha256 over what the site shows: every page in menu order (its address, title, the Markdown it
is drawn from, its layout, the front matter the engine shows, its draft banner), the settings of kompas.yml
(the footer and the site's name on every page), the bytes of every published photo and file, the other generated
files (the search index) and this summary's own fields, except ``hash`` and ``gemaakt_met``. No times,
no paths on this computer, no settings of the engine: two builds of the same content, on any computer,
give the same hash; any change a reader could see gives another.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from kompas_site import __version__
from kompas_site.cache import JsonCache, content_key, memo
from kompas_site.check.result import CheckResult
from kompas_site.check.rules.begrijpelijk import READABILITY_VERSION
from kompas_site.easyread.readability import THRESHOLDS, analyse, known_words
from kompas_site.load.summary import FILE, SCHEMA_VERSION

HASH_PREFIX = "sha256:"
_READABILITY_CACHE = "samenvatting-leesbaarheid"
_FILE_CACHE = "samenvatting-bestanden"


class PageLike(Protocol):
    """What the summary reads of a page of the site (``pipeline.SitePage``)."""

    @property
    def output(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def easy_read(self) -> bool: ...
    @property
    def meta(self) -> dict: ...
    @property
    def url(self) -> str: ...


def summary(
    result: CheckResult,
    pages: Mapping[str, PageLike],
    published: Mapping[str, Path],
    data_files: Mapping[str, str | bytes],
    *,
    home: str,
    speerpunten_page: str,
    waar_vind_ik_wat: str,
    banners: Mapping[str, object] | None = None,
    draft: bool = False,
) -> dict[str, Any]:
    """The summary of one build, ``hash`` included. ``published``: site path -> file, every photo and
    file the site publishes; ``data_files``: the other generated files; ``banners``: the draft banner
    per page (a draft build)."""
    report = result.report
    settings = report.settings
    base = _base(settings.site_url)

    def address(source: str | None) -> dict[str, str | None] | None:
        page = pages.get(source) if source else None
        if page is None:
            return None
        return {"titel": page.title, "url": page.url, "adres": base + page.url.removeprefix("./") if base else None}

    data: dict[str, Any] = {
        "schema_versie": SCHEMA_VERSION,
        "organisatie": {"naam": settings.organisatie.naam, "website": settings.organisatie.website},
        "kader": {"id": result.kader.id, "naam": result.kader.naam},
        "editie": {
            "soort": settings.editie.soort,
            "naam": result.editie.naam,
            "jaar": settings.editie.jaar,
            "publicatiedatum": _iso(settings.editie.publicatiedatum),
        },
        "uiterste_datum": _iso(result.deadline),
        "concept": draft,
        "site_adres": base or None,
        "paginas": {
            "start": address(home),
            "speerpunten": address(speerpunten_page),
            "waar_vind_ik_wat": address(waar_vind_ik_wat),
        },
        "onderdelen": [_onderdeel(item, address, speerpunten_page) for item in result.coverage],
        "speerpunten": [
            {
                "id": goal.id,
                "titel": goal.titel,
                "bouwstenen": bouwstenen(goal.bouwstenen),
                "status": goal.status,
                "toelichting": goal.toelichting or None,
            }
            for goal in report.speerpunten or []
        ],
        "begrijpelijk": _begrijpelijk(result, pages, address),
        "leesbaarheid_grenzen": dict(THRESHOLDS),
    }
    data["hash"] = content_hash(data, pages, published, data_files, banners or {}, repr(settings))
    data["gemaakt_met"] = {"programma": "kompas-site", "versie": __version__}
    return data


def as_json(data: Mapping[str, Any]) -> str:
    """The summary as it is published: UTF-8, readable, keys in a fixed order."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def bouwstenen(value: object) -> list[int]:
    """A goal's bouwsteen as a list: one number, a list of numbers, or none at all."""
    if value is None:
        return []
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []


# Where an edition links to another one depends on where both are published (relative inside an archive,
# absolute or absent on their own): the text stays in the hash, the address does not.
_OTHER_EDITION = re.compile(r'(<p class="kompas-speerpunt__vorige">)(.*?)(</p>)', re.DOTALL)
_LINK_TAG = re.compile(r"</?a\b[^>]*>")


def _placeless(markdown: str) -> str:
    return _OTHER_EDITION.sub(lambda m: m.group(1) + _LINK_TAG.sub("", m.group(2)) + m.group(3), markdown)


def content_hash(
    data: Mapping[str, Any],
    pages: Mapping[str, PageLike],
    published: Mapping[str, Path],
    data_files: Mapping[str, str | bytes],
    banners: Mapping[str, object],
    settings: str = "",
) -> str:
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        text = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")

    add("samenvatting", {k: v for k, v in data.items() if k not in ("hash", "gemaakt_met")})
    add("instellingen", settings)  # what every page shows: the footer, the site's name
    for source, page in pages.items():  # in menu order: a new order is a new menu on every page
        add(
            "pagina", page.output, page.title, _placeless(page.markdown), page.easy_read, page.meta, banners.get(source)
        )
    for path in sorted(published):
        add("bestand", path, file_digest(published[path]))
    for path in sorted(data_files):
        if path != FILE:
            value = data_files[path]
            add("gegevens", path, hashlib.sha256(value if isinstance(value, bytes) else value.encode()).hexdigest())
    return HASH_PREFIX + digest.hexdigest()


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes, kept by its place, size and modification time (in memory, and on disk
    for the next run)."""
    try:
        stat = os.stat(path)
    except OSError:
        return "ontbreekt"
    return _digest(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@memo
def _digest(path: str, size: int, mtime_ns: int) -> str:
    cache = JsonCache(_FILE_CACHE)
    key = content_key(path, size, mtime_ns)
    found = cache.get(key)
    if isinstance(found, str):
        return found
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for block in iter(lambda: stream.read(1024 * 1024), b""):
                digest.update(block)
    except OSError:
        return "onleesbaar"
    cache.put(key, digest.hexdigest())
    return digest.hexdigest()


def _onderdeel(item, address, speerpunten_page: str) -> dict[str, Any]:
    pages = [address(p.path) for p in item.pages]
    if item.data == "speerpunten":
        pages.append(address(speerpunten_page))
    elif item.data == "verhalen":
        pages.append(address("verhalen/index.md"))
    unique = {p["url"]: p for p in pages if p is not None}
    return {
        "id": item.onderdeel.id,
        "titel": item.onderdeel.titel,
        "status": item.status,
        "paginas": list(unique.values()),
        "gegevens": item.data,
        "elders": item.elsewhere,
    }


def _begrijpelijk(result: CheckResult, pages: Mapping[str, PageLike], address) -> list[dict[str, Any]]:
    report = result.report
    known = known_words(report.settings.organisatie.naam)
    found = []
    full_of = {p.twin.path: p.path for p in report.pages if p.twin}
    for twin in report.twins:
        page = address(twin.path)
        if page is None:
            continue
        found.append(
            {
                **page,
                "uitgebreide_versie": address(full_of.get(twin.path)),
                **_readability(twin.body, twin.body_line, known),
            }
        )
    return found


def _readability(body: str, body_line: int, known: frozenset[str]) -> dict[str, Any]:
    """The figures ``kompas leesbaarheid`` shows for a page, kept on disk (measuring loads Dutch word
    frequencies, which is slow)."""
    cache = JsonCache(_READABILITY_CACHE)
    key = content_key(READABILITY_VERSION, THRESHOLDS, body, body_line, sorted(known))
    found = cache.get(key)
    if not isinstance(found, dict):
        measured = analyse(body, body_line, known)
        found = {
            "voldoet": measured.meets_easy_read,
            "problemen": [] if measured.meets_easy_read else measured.problems(),
            "metingen": measured.metrics(),
        }
        cache.put(key, found)
    return found


def _base(url: str | None) -> str:
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def _iso(day) -> str | None:
    return day.isoformat() if day else None
