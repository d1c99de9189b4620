"""``kompas audit``: a page broken on purpose fails, bad input gets a Dutch message and exit 2.

The audit runs as an author would run it (``python -m kompas_site audit``), in its own process with
its own headless Chromium. The example site itself is audited in test_browser.py.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
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
        {
            "pagina": "/",
            "elementen": [
                {
                    "selector": "img",
                    "html": '<img src="foto.png" width="40" height="40">',
                    "vensters": ["320×640", "375×812", "1280×720"],  # at every window size
                }
            ],
        }
    ]
    assert report["vensters"] == ["320×640", "375×812", "1280×720"]
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


# -- a page that never finishes, and a redirect to another host ----------------------------------------

SLOW_BYTES = 12  # one byte every five seconds: a minute at most, then the server stops by itself

LOOP_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Vastlopend</title></head>
<body><main><h1>Een pagina die vastloopt</h1><p>Na het laden blijft een script bezig.</p></main>
<script src="lus.js"></script></body></html>
"""
LOOP_SCRIPT = "window.addEventListener('load', function () { setTimeout(function () { while (true) {} }, 0); });\n"

START_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Start</title></head>
<body><main><h1>Start</h1><ul>
<li><a href="traag.html">Een trage pagina</a></li>
<li><a href="lus.html">Een pagina die vastloopt</a></li>
<li><a href="weg.html">Een pagina die doorstuurt</a></li>
<li><a href="tweede.html">Een gewone pagina</a></li>
</ul></main></body></html>
"""


class _Servers:
    """Two servers on 127.0.0.1: the site, and 'another host' (another port) that notes every request."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        servers = self
        self.elsewhere_requests: list[str] = []

        class Site(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_page(self, body: str, kind: str = "text/html; charset=utf-8"):
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                path = self.path.split("?")[0]
                if path == "/traag.html":  # headers at once, then one byte every five seconds
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.end_headers()
                    import time

                    try:
                        for _ in range(SLOW_BYTES):
                            self.wfile.write(b" ")
                            self.wfile.flush()
                            time.sleep(5)
                    except OSError:  # the browser gave up
                        pass
                elif path == "/lus.html":
                    self.send_page(LOOP_PAGE)
                elif path == "/lus.js":
                    self.send_page(LOOP_SCRIPT, "text/javascript")
                elif path == "/weg.html":
                    self.send_response(302)
                    self.send_header("Location", servers.elsewhere + "overgenomen.html")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif path == "/tweede.html":
                    self.send_page(CLEAN)
                elif path in ("/", "/index.html"):
                    self.send_page(START_PAGE)
                else:
                    self.send_error(404)

        class Elsewhere(Site):
            def do_GET(self):
                servers.elsewhere_requests.append(self.path)
                self.send_page(CLEAN)

        self.site = ThreadingHTTPServer(("127.0.0.1", 0), Site)
        self.other = ThreadingHTTPServer(("127.0.0.1", 0), Elsewhere)
        for server in (self.site, self.other):
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.site.server_address[1]}/"
        self.elsewhere = f"http://127.0.0.1:{self.other.server_address[1]}/"

    def close(self):
        for server in (self.site, self.other):
            server.shutdown()
            server.server_close()


@pytest.fixture
def servers():
    started = _Servers()
    yield started
    started.close()


def run_audit(*args) -> subprocess.CompletedProcess:
    """The audit as an author runs it; a hang fails the test instead of blocking the suite."""
    return subprocess.run(
        [sys.executable, "-m", "kompas_site", "audit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_a_slow_page_an_endless_script_and_a_redirect_away_are_reported_not_waited_for(servers):
    result = run_audit(servers.url, "--format", "json", "--tijd-per-pagina", "4", "--venster", "1280x720")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    failed = {p["pagina"]: p["reden"] for p in report["niet_gecontroleerd"]}
    assert set(failed) == {"/traag.html", "/lus.html", "/weg.html"}, failed
    assert "na 4 seconden nog niet geladen" in failed["/traag.html"]
    assert "na 4 seconden nog steeds niet" in failed["/lus.html"] and "script" in failed["/lus.html"]
    assert failed["/weg.html"].startswith(f"de pagina stuurt door naar een andere server ({servers.elsewhere}")
    # the rest is still checked, after the page that hung
    assert {"/", "/tweede.html"} <= set(report["paginas"])
    # the other host is named like any outside request, and was never asked for its page
    assert {"url": servers.elsewhere + "overgenomen.html", "paginas": ["/weg.html"]} in report["verzoeken_naar_buiten"]
    assert servers.elsewhere_requests == []


def test_the_time_limit_is_said_in_dutch_in_the_text_report(servers):
    result = run_audit(servers.url, "--tijd-per-pagina", "2,5", "--venster", "320x640")
    assert result.returncode == 1, result.stderr
    assert "in een venster van 320×640 pixels" in result.stdout
    assert "/lus.html: de pagina reageerde na 2,5 seconden nog steeds niet" in result.stdout
    assert "3 pagina's niet gecontroleerd" in result.stdout


def test_a_start_address_that_redirects_to_another_host_is_not_audited(servers):
    result = run_audit(servers.url + "weg.html")
    assert result.returncode == 2, result.stdout
    assert "stuurt door naar een andere server" in result.stderr and servers.elsewhere in result.stderr
    assert servers.elsewhere_requests == [] and result.stdout == ""


def test_a_start_address_that_trickles_is_reported_not_waited_for(servers):
    result = run_audit(servers.url + "traag.html", "--tijd-per-pagina", "3", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [p["pagina"] for p in report["niet_gecontroleerd"]] == ["/traag.html"]
    assert "na 3 seconden nog niet geladen" in report["niet_gecontroleerd"][0]["reden"]


@pytest.mark.parametrize("form", ["file://{site}/index.html", "file://{site}", "file:{site}/"])
def test_a_file_address_gets_the_folder_to_give_instead(tmp_path, form):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(CLEAN, encoding="utf-8")
    result = run_cli("audit", form.format(site=site.as_posix()))
    assert result.returncode == 2, result.stdout
    assert "adres van een bestand op deze computer" in result.stderr
    assert f"\n  kompas audit {site}\n" in result.stderr
    # and that advice works
    assert run_cli("audit", site).returncode == 0


@pytest.mark.parametrize(
    "option, wrong", [("--tijd-per-pagina", "0"), ("--tijd-per-pagina", "lang"), ("--venster", "320")]
)
def test_wrong_options_are_explained(option, wrong, tmp_path):
    result = run_cli("audit", tmp_path, option, wrong)
    assert result.returncode == 2
    assert f"'{wrong}' is geen" in result.stderr and "Traceback" not in result.stderr
