"""Films in stories: captions and transcript for an own file; a facade that loads YouTube only on click."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLE, run_cli

from kompas_site.check import check_report
from kompas_site.load import load_report

YOUTUBE = """video:
  youtube: aqz-KE-bpKQ
  titel: Moreel beraad in vijf minuten
  transcript: |
    Noor legt uit hoe het team samen een lastige keuze bespreekt.
"""


def add_video(story: Path, block: str) -> None:
    text = story.read_text(encoding="utf-8")
    head, rest = text[4:].split("\n---\n", 1)
    story.write_text("---\n" + head + "\n" + block + "---\n" + rest, encoding="utf-8")


@pytest.fixture
def site_with_facade(example, tmp_path) -> Path:
    add_video(example / "verhalen" / "begeleider-noor.md", YOUTUBE)
    out = tmp_path / "site"
    result = run_cli("build", example, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def test_own_film_has_captions_and_a_transcript(tmp_path):
    out = tmp_path / "site"
    assert run_cli("build", EXAMPLE, "-o", out).returncode == 0
    story = out / "verhalen" / "filmgroep" / "index.html"
    doc = BeautifulSoup(story.read_text(encoding="utf-8"), "html.parser")
    video = doc.select_one("article video")
    assert video.has_attr("controls") and not video.has_attr("autoplay")
    track = video.select_one("track")
    assert (track["kind"], track["srclang"]) == ("captions", "nl")
    for src in (video.select_one("source")["src"], track["src"]):
        assert (story.parent / src).resolve().is_file()
    transcript = doc.select_one("details.kompas-transcript")
    assert "Wij zijn de filmgroep van De Kweektuin." in transcript.get_text()


def test_facade_html_names_no_other_host_in_any_src(site_with_facade):
    doc = BeautifulSoup(
        (site_with_facade / "verhalen" / "begeleider-noor" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    facade = doc.select_one("[data-kompas-video]")
    assert facade is not None and not doc.select("iframe")
    for element in doc.find_all(src=True):
        assert not urlparse(element["src"]).netloc, element
    assert "youtube-nocookie.com/embed/aqz-KE-bpKQ" in facade["data-embed"]
    assert "wordt hij geladen van YouTube" in facade.get_text()
    assert "Noor legt uit" in doc.select_one("details.kompas-transcript").get_text()


@pytest.mark.parametrize(
    "block,code",
    [
        ("video:\n  bestand: media/filmgroep.mp4\n  transcript: Tekst.\n", "video-ondertiteling-ontbreekt"),
        ("video:\n  youtube: aqz-KE-bpKQ\n", "video-transcript-ontbreekt"),
        (
            "video:\n  bestand: media/weg.mp4\n  ondertiteling: media/filmgroep.nl.vtt\n  transcript: T.\n",
            "video-bestand-ontbreekt",
        ),
        (
            "video:\n  bestand: ../../etc/passwd\n  ondertiteling: media/filmgroep.nl.vtt\n  transcript: T.\n",
            "video-bestand-ontbreekt",
        ),
        ("video:\n  youtube: https://www.youtube.com/watch?v=x\n  transcript: T.\n", "video-id-onbekend"),
        ("video:\n  titel: Geen bron\n", "video-onbekend"),
    ],
)
def test_video_findings(example, block, code):
    add_video(example / "verhalen" / "begeleider-noor.md", block)
    findings = [f for f in check_report(load_report(example)).findings if f.code.startswith("video")]
    assert [(f.code, f.severity, f.file, f.key) for f in findings] == [
        (code, "fout", "verhalen/begeleider-noor.md", "video")
    ]
    assert findings[0].line is not None
