"""Rule: a story's film can be followed by everyone: captions with an own file, a transcript always."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.images import inside
from kompas_site.check.registry import Code
from kompas_site.model import Page

_IDS = {"youtube": re.compile(r"^[A-Za-z0-9_-]{11}$"), "vimeo": re.compile(r"^\d{6,12}$")}
SOURCES = ("youtube", "vimeo", "bestand")


CODES = (
    Code(
        "video-onbekend",
        FOUT,
        "Bij `video` staat niet waar de film is",
        "Schrijf onder 'video' waar de film staat: 'youtube: CODE', 'vimeo: CODE' of "
        "'bestand: media/film.mp4', en altijd een 'transcript'.",
    ),
    Code(
        "video-id-onbekend",
        FOUT,
        "De code van een film op YouTube of Vimeo klopt niet",
        "Neem alleen de code uit het webadres over: bij https://www.youtube.com/watch?v=dQw4w9WgXcQ is dat "
        "'youtube: dQw4w9WgXcQ'.",
    ),
    Code(
        "video-bestand-ontbreekt",
        FOUT,
        "Het filmbestand of de ondertiteling is er niet",
        "Zet het bestand in de map media en schrijf het pad vanaf de map van het rapport, zoals "
        "'bestand: media/film.mp4'.",
    ),
    Code(
        "video-ondertiteling-ontbreekt",
        FOUT,
        "Een eigen film zonder ondertiteling",
        "Wie niet kan horen, leest de ondertiteling. Zet een WebVTT-bestand naast de film en noem het: "
        "'ondertiteling: media/film.nl.vtt'.",
    ),
    Code(
        "video-transcript-ontbreekt",
        FOUT,
        "Een film zonder uitgeschreven tekst",
        "Schrijf bij 'transcript' wat er in de film gezegd wordt en te zien is. Zo kan iedereen de film "
        "volgen, ook met een schermlezer of zonder geluid.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    for story in report.stories:
        video = story.meta.get("video")
        if video is None:
            continue
        line = story.meta_line("video")

        def finding(code: str, message: str, story: Page = story, line: int | None = line) -> Finding:
            return Finding(code, FOUT, message, file=story.path, line=line, key="video")

        if not isinstance(video, dict) or not any(video.get(k) for k in SOURCES):
            yield finding(
                "video-onbekend",
                "Bij 'video' staat niet waar de film is. Schrijf 'youtube: ID', "
                "'vimeo: ID' of 'bestand: media/film.mp4'.",
            )
            continue
        for service, pattern in _IDS.items():
            if video.get(service) and not pattern.match(str(video[service]).strip()):
                yield finding(
                    "video-id-onbekend",
                    f"'{video[service]}' is geen geldige code van een film op "
                    f"{service}. Neem alleen de code uit het webadres over, "
                    "zoals 'dQw4w9WgXcQ' bij YouTube of '76979871' bij Vimeo.",
                )
        if isinstance(video.get("bestand"), str):
            path = inside(report.root, video["bestand"])
            if path is None or not os.path.isfile(path):
                yield finding(
                    "video-bestand-ontbreekt",
                    f"Het filmbestand '{video['bestand']}' is er niet. "
                    "Zet de film in de map media en schrijf het pad zoals "
                    "'media/film.mp4'.",
                )
            captions = video.get("ondertiteling")
            captions_path = inside(report.root, captions) if isinstance(captions, str) else None
            if captions_path is None or not os.path.isfile(captions_path):
                yield finding(
                    "video-ondertiteling-ontbreekt",
                    "Deze film heeft geen ondertiteling. Mensen die slecht horen kunnen hem dan niet "
                    "volgen. Maak een ondertitelbestand (WebVTT, bijvoorbeeld media/film.nl.vtt) en zet "
                    "het bij 'ondertiteling'.",
                )
        if not str(video.get("transcript") or "").strip():
            yield finding(
                "video-transcript-ontbreekt",
                "Deze film heeft geen uitgeschreven tekst. Schrijf bij 'transcript' wat er in de film "
                "gezegd wordt en wat er te zien is. Die tekst komt onder de film, voor wie hem niet "
                "kan zien of horen.",
            )
