"""``kompas audit``: a page broken on purpose fails, bad input gets a Dutch message and exit 2.

The audit runs as an author would run it (``python -m kompas_site audit``), in its own process with
its own headless Chromium. The example site itself is audited in test_browser.py.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from conftest import run_cli

from kompas_site.audit import serve_folder

OUTSIDE_SCRIPT = "https://cdn.example.com/volg-mij.js"

BROKEN = f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Een kapotte pagina</title>
  <script src="{OUTSIDE_SCRIPT}"></script>
</head>
<body>
  <main>
    <h1>Een kapotte pagina</h1>
    <img src="foto.png" width="40" height="40">
    <p style="color: #b0b0b0; background: #ffffff">Lichtgrijze tekst op wit is slecht te lezen.</p>
    <p><a href="tweede.html">Naar de tweede pagina</a></p>
  </main>
</body>
</html>
"""

CLEAN = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Een goede pagina</title></head>
<body><main><h1>Een goede pagina</h1><p>Hier is niets mis mee.</p>
<p><a href="index.html">Terug naar het begin</a></p></main></body>
</html>
"""


@pytest.fixture
def broken_site(tmp_path) -> Path:
    site = tmp_path / "kapot"
    site.mkdir()
    (site / "index.html").write_text(BROKEN, encoding="utf-8")
    (site / "tweede.html").write_text(CLEAN, encoding="utf-8")
    return site


def rules(report: dict) -> dict[str, dict]:
    return {v["regel"]: v for v in report["schendingen"]}


def test_a_page_broken_on_purpose_fails_the_audit(broken_site):
    result = run_cli("audit", broken_site, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert sorted(report["paginas"]) == ["/", "/tweede.html"]
    found = rules(report)
    # the image without alt text, on the page where it is, with the element named
    assert found["image-alt"]["impact"] == "critical"
    assert found["image-alt"]["paginas"] == [
        {"pagina": "/", "elementen": [{"selector": "img", "html": '<img src="foto.png" width="40" height="40">'}]}
    ]
    assert "alt-tekst" in found["image-alt"]["uitleg"]
    assert "1.1.1" in found["image-alt"]["wcag"]
    # the light grey text, with the contrast it has and the contrast it needs
    [contrast] = found["color-contrast"]["paginas"]
    assert contrast["pagina"] == "/"
    assert "Lichtgrijze tekst" in contrast["elementen"][0]["html"]
    assert "nodig 4,5:1" in contrast["elementen"][0]["detail"]
    # the script from another server: seen (and blocked), with the page that asked for it
    assert report["verzoeken_naar_buiten"] == [{"url": OUTSIDE_SCRIPT, "paginas": ["/"]}]
    # the clean page has nothing
    assert all(p["pagina"] != "/tweede.html" for v in report["schendingen"] for p in v["paginas"])


def test_the_text_report_speaks_dutch_to_a_quality_officer(broken_site):
    result = run_cli("audit", broken_site)
    assert result.returncode == 1, result.stderr
    text = result.stdout
    assert "Gecontroleerd: 2 pagina's in Chromium" in text
    assert "2 problemen met toegankelijkheid" in text
    assert "[image-alt] zeer ernstig, WCAG 1.1.1" in text
    assert "Een afbeelding heeft geen tekstalternatief" in text
    assert "[color-contrast] ernstig" in text
    assert "tekstkleur #b0b0b0 op achtergrond #ffffff" in text
    assert "1 verzoek naar een andere server" in text and OUTSIDE_SCRIPT in text
    assert text.rstrip().endswith(
        "Niet in orde: 2 problemen met toegankelijkheid op 1 pagina, 1 verzoek naar andere servers."
    )
    assert "Traceback" not in result.stderr


def test_a_url_is_audited_by_following_its_links(broken_site):
    with serve_folder(broken_site) as base_url:
        result = run_cli("audit", base_url, "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert sorted(report["paginas"]) == ["/", "/tweede.html"]
    assert {"image-alt", "color-contrast"} <= set(rules(report))
    assert report["verzoeken_naar_buiten"] == [{"url": OUTSIDE_SCRIPT, "paginas": ["/"]}]


def test_a_clean_site_passes(tmp_path):
    site = tmp_path / "goed"
    site.mkdir()
    (site / "index.html").write_text(CLEAN, encoding="utf-8")
    result = run_cli("audit", site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Geen problemen gevonden: alle 1 pagina's" not in result.stdout  # no odd plural
    assert "Geen problemen gevonden" in result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bad_input_cases(tmp_path: Path) -> dict[str, tuple[list, dict, list[str]]]:
    empty = tmp_path / "leeg"
    empty.mkdir()
    (empty / "notities.txt").write_text("geen website", encoding="utf-8")
    page = tmp_path / "pagina.html"
    page.write_text(CLEAN, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(CLEAN, encoding="utf-8")
    return {
        "map zonder html": ([empty], {}, ["geen webpagina's", "kompas build"]),
        "map bestaat niet": ([tmp_path / "bestaat-niet"], {}, ["bestaat niet", "kompas build"]),
        "een bestand": ([page], {}, ["geen map"]),
        "geen browser": (
            [site],
            {"KOMPAS_CHROMIUM": str(tmp_path / "geen-chromium")},
            ["bestaat niet of kan niet gestart worden", "apt-get install chromium"],
        ),
        "adres antwoordt niet": ([f"http://127.0.0.1:{free_port()}/"], {}, ["geeft geen antwoord"]),
    }


@pytest.mark.parametrize(
    "case", ["map zonder html", "map bestaat niet", "een bestand", "geen browser", "adres antwoordt niet"]
)
def test_bad_input_gives_a_dutch_message_and_exit_2(tmp_path, monkeypatch, case):
    args, env, expected = bad_input_cases(tmp_path)[case]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run_cli("audit", *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("kompas audit: ")
    for text in expected:
        assert text in result.stderr, (text, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_missing_browser_on_the_usual_place_is_explained(monkeypatch, tmp_path):
    from kompas_site.audit import AuditError, browser

    monkeypatch.delenv("KOMPAS_CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "chromium"))
    monkeypatch.setattr(browser, "OTHER_NAMES", ())
    with pytest.raises(AuditError, match="(?s)Er is geen Chromium-browser gevonden.*apt-get install chromium"):
        browser.find_chromium()
