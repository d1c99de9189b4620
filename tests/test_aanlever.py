"""``kompas aanlever``: the delivery card, and the look at the public address against a real local web
server (127.0.0.1) serving a built site: the same build, a changed one, none at all."""

from __future__ import annotations

import copy
import functools
import json
import shutil
import socket
import threading
from dataclasses import replace
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import copy_example, run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site import pipeline, profiles
from kompas_site.commands.aanlever import as_text, base_url, card, edition_address

NO_UPLOAD = "kompas-site levert niets aan"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def serve():
    """Serve a folder on 127.0.0.1 at a free port; returns its base address. Stopped after the test."""
    servers = []

    def start(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("aanlever")
    content = base / "content"
    copy_example(content)
    assert run_kompas("build", content, "-o", base / "site")[0] == 0
    return content, base / "site"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free again once closed: nothing listens there


def test_the_card_without_url_gives_the_answers_and_says_nothing_is_uploaded(built, capsys):
    content, _ = built
    code, out, err = run_kompas("aanlever", content, capsys=capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert NO_UPLOAD in text and "portaal van uw gegevensmakelaar" in text
    assert "Vragenlijst Kwaliteitsbeeld Gehandicaptenzorg (ISID000166), verslagjaar 2025" in text
    assert "INID023497 Is er een openbaar kwaliteitsbeeld over 2025? Antwoord: ja" in text
    assert "INID023498" in text and "--url" in text
    assert "Uiterste datum: 1 juni 2026." in text
    assert "upload" not in text.replace("er is geen bestand om te uploaden", "")  # never claims to upload


def test_the_same_build_online_matches(built, serve, capsys):
    content, site = built
    url = serve(site)
    code, out, err = run_kompas("aanlever", content, "--url", url.rstrip("/"), capsys=capsys)
    text = " ".join(out.split())
    assert code == 0, out + err
    assert f"Antwoord: {url}" in text
    assert "Het adres antwoordt." in text and "de hash klopt" in text
    assert "blijft jarenlang openbaar" in text and "ander adres bij 'site_url'" not in text
    assert "Klaar om aan te leveren" in text


def test_an_address_other_than_site_url_is_pointed_out(example, capsys):
    settings_file = example / "kompas.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8") + "site_url: https://kwaliteit.example.org/\n")
    code, out, _ = run_kompas("aanlever", example, capsys=capsys)
    assert code == 0 and "Antwoord: https://kwaliteit.example.org/" in out
    code, out, _ = run_kompas("aanlever", example, "--url", f"http://127.0.0.1:{closed_port()}/", capsys=capsys)
    assert code == 1
    assert "in kompas.yml staat een ander adres bij 'site_url': https://kwaliteit.example.org/" in " ".join(out.split())


def test_a_changed_report_does_not_match_what_is_online(built, serve, tmp_path, capsys):
    content, site = built
    url = serve(site)
    changed = tmp_path / "content"
    shutil.copytree(content, changed)
    page = changed / "02-zorgproces" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin die er later bij kwam.\n", encoding="utf-8")
    code, out, err = run_kompas("aanlever", changed, "--url", url, capsys=capsys)
    text = " ".join(out.split())
    assert code == 1, out
    assert "de hash verschilt" in text and "Bouw de site opnieuw" in text
    assert "Online staat: kwaliteitsbeeld 2025 van Stichting De Wilgenhoeve." in text
    assert "Klaar om aan te leveren" not in text and "Traceback" not in err


def test_another_report_online_is_named(built, serve, tmp_path, capsys):
    content, site = built
    other = tmp_path / "site"
    shutil.copytree(site, other)
    data = json.loads((other / "kwaliteitsbeeld.json").read_text(encoding="utf-8"))
    data["organisatie"]["naam"] = "Zorggroep Elders"
    data["hash"] = "sha256:" + "0" * 64
    (other / "kwaliteitsbeeld.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run_kompas("aanlever", content, "--url", serve(other), capsys=capsys)
    assert code == 1
    assert "van Zorggroep Elders" in " ".join(out.split())


def test_a_closed_port_does_not_answer(built, capsys):
    content, _ = built
    code, out, err = run_kompas("aanlever", content, "--url", f"http://127.0.0.1:{closed_port()}/2025/", capsys=capsys)
    text = " ".join(out.split())
    assert code == 1
    assert "Het adres antwoordt niet: de server weigert de verbinding" in text
    assert "Traceback" not in out + err


def test_a_site_without_the_summary_or_with_an_unknown_version(built, serve, tmp_path, capsys):
    content, site = built
    old = tmp_path / "oud"
    shutil.copytree(site, old)
    (old / "kwaliteitsbeeld.json").unlink()
    code, out, _ = run_kompas("aanlever", content, "--url", serve(old), capsys=capsys)
    text = " ".join(out.split())
    assert code == 1
    assert "Het adres antwoordt." in text and "Er staat geen kwaliteitsbeeld.json" in text and "(404)" in text

    (old / "kwaliteitsbeeld.json").write_text('{"schema_versie": 7}', encoding="utf-8")
    code, out, _ = run_kompas("aanlever", content, "--url", serve(old), capsys=capsys)
    assert code == 1
    assert "schema_versie 7" in out and "nieuwere kompas-site" in " ".join(out.split())


def test_format_json_parses(built, serve, capsys):
    content, site = built
    url = serve(site)
    code, out, _ = run_kompas("aanlever", content, "--url", url, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 0
    assert data["vragenlijst"] == {"naam": "Vragenlijst Kwaliteitsbeeld Gehandicaptenzorg", "code": "ISID000166"}
    answers = {a["code"]: a["antwoord"] for a in data["antwoorden"]}
    assert answers == {"INID023497": "ja", "INID023498": url}
    assert data["verslagjaar"] == 2025 and data["uiterste_datum"] == "2026-06-01"
    assert data["dagen_tot_uiterste_datum"] == (date(2026, 6, 1) - date.today()).days
    assert data["controle"]["antwoordt"] is True and data["controle"]["hash_klopt"] is True
    assert data["hash"] == json.loads((site / "kwaliteitsbeeld.json").read_text(encoding="utf-8"))["hash"]
    assert data["klaar"] is True and NO_UPLOAD in data["aanleveren"]


def test_a_report_with_errors_cannot_be_delivered_yet(example, capsys):
    for twin in example.rglob("*.begrijpelijk.md"):
        twin.unlink()  # no easy-read version at all: a fout
    code, out, _ = run_kompas("aanlever", example, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 1
    assert data["fouten"] >= 1 and data["antwoorden"][0]["antwoord"] is None
    assert "kompas check" in data["antwoorden"][0]["toelichting"]


@pytest.mark.parametrize("url", ["ftp://example.org/", "www.example.org", "https://", "https://exa mple.org/", ""])
def test_an_address_that_is_no_web_address_is_refused(example, url, capsys):
    code, _, err = run_kompas("aanlever", example, "--url", url, capsys=capsys)
    assert code == 2
    assert "is geen webadres" in err and "Traceback" not in err


def test_unusable_content_gives_exit_2(tmp_path, capsys):
    code, _, err = run_kompas("aanlever", tmp_path, capsys=capsys)
    assert code == 2 and "kompas.yml" in err


def test_base_url_keeps_a_sub_path_and_ends_in_a_slash():
    assert base_url(" https://www.example.nl/kwaliteitsbeeld/2025 ") == "https://www.example.nl/kwaliteitsbeeld/2025/"
    assert base_url("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/"


# -- the card itself, on given dates and frameworks -------------------------------------------------------


@pytest.fixture(scope="module")
def example_build(built):
    return pipeline.run(built[0])


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (date(2026, 5, 29), "U heeft nog 3 dagen."),
        (date(2026, 5, 31), "U heeft nog 1 dag."),
        (date(2026, 6, 1), "Dat is vandaag."),
        (date(2026, 6, 3), "Die is 2 dagen voorbij. Volgens kompas.yml verscheen het rapport op 28 mei 2026, op tijd."),
    ],
)
def test_days_left_or_late(example_build, today, words):
    data = card(example_build.result, example_build.summary, None, today, None)
    assert data["dagen_tot_uiterste_datum"] == (date(2026, 6, 1) - today).days
    assert words in " ".join(as_text(data, "content").split())


def test_a_voortgangsbericht_answers_no_and_another_framework_has_no_codes(example_build):
    result = copy.copy(example_build.result)
    result.editie = result.kader.edities["voortgangsbericht"]
    report = copy.copy(result.report)
    report.settings = replace(report.settings, editie=replace(report.settings.editie, soort="voortgangsbericht"))
    result.report = report
    data = card(result, example_build.summary, "https://example.org/", date(2026, 1, 1), None)
    assert data["antwoorden"][0]["antwoord"] == "nee" and "geen kwaliteitsbeeld" in data["antwoorden"][0]["toelichting"]

    other = copy.copy(example_build.result)
    other.kader = profiles.kader("generiek-kompas")
    data = card(other, example_build.summary, None, date(2026, 1, 1), None)
    assert data["vragenlijst"] is None and all(a["code"] is None for a in data["antwoorden"])
    assert "kent kompas-site niet" in " ".join(as_text(data, "content").split())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_as_url_is_a_web_address_or_refused(text):
    url = base_url(text)
    assert url is None or (url.split("://", 1)[0].lower() in ("http", "https") and url.endswith("/"))


def test_another_edition_online_names_the_address_to_give_instead(built, serve, tmp_path, capsys):
    content, site = built
    archive = tmp_path / "archief" / "kwaliteitsbeeld" / "2023"
    shutil.copytree(site, archive)
    data = json.loads((archive / "kwaliteitsbeeld.json").read_text(encoding="utf-8"))
    data["editie"]["jaar"] = 2023
    data["hash"] = "sha256:" + "1" * 64
    (archive / "kwaliteitsbeeld.json").write_text(json.dumps(data), encoding="utf-8")
    base = serve(tmp_path / "archief")
    code, out, err = run_kompas("aanlever", content, "--url", base + "kwaliteitsbeeld/2023/", capsys=capsys)
    text = " ".join(out.split())
    assert code == 1 and "Traceback" not in err
    assert "Online staat: kwaliteitsbeeld 2023" in text
    assert "adres van een andere editie" in text and "Bouw de site opnieuw" not in text
    assert f"waarschijnlijk {base}kwaliteitsbeeld/2025/" in text


def test_the_edition_address_keeps_the_base_and_takes_the_year():
    assert edition_address("https://x.nl/kb/2023/", 2023, 2025) == "https://x.nl/kb/2025/"
    assert edition_address("https://x.nl/kb/", 2023, 2025) == "https://x.nl/kb/2025/"
    assert edition_address("https://x.nl/kb/2025", 2023, 2025) == "https://x.nl/kb/2025/"
    assert edition_address("https://x.nl/", None, 2025) == "https://x.nl/2025/"
