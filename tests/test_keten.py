"""The chain of goals: every goal the previous edition announced comes back, or is closed on purpose."""

from __future__ import annotations

import json
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, copy_example, run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site import pipeline
from kompas_site.check.context import CheckContext
from kompas_site.check.rules import keten
from kompas_site.model import Editie, Organisatie, Report, Settings, Speerpunt, VorigeEditie, VorigSpeerpunt

PREVIOUS_EXAMPLE = ROOT / "voorbeelden" / "wilgenhoeve-2023"
GOALS_2023 = """speerpunten:
  - id: vaste-gezichten
    titel: Vaste gezichten op elke groep
    bouwsteen: 3
    status: nieuw
    toelichting: Cliënten noemen dit het belangrijkst.
  - id: eigen-plan
    titel: Cliënten maken hun plan zelf mee
    bouwsteen: 1
    status: doorgezet
    toelichting: Op de helft van de locaties lukt het al.
  - id: contactpersoon
    titel: Een vaste contactpersoon voor verwanten
    bouwsteen: 1
    status: behaald
    toelichting: Elke locatie heeft er nu een.
"""
GOALS_2025 = """speerpunten:
  - id: vaste-gezichten
    titel: Vaste gezichten op elke groep
    bouwsteen: 3
    status: deels-behaald
    toelichting: Op vier van de zes groepen lukte het.
  - id: eigen-plan
    titel: Cliënten maken hun plan zelf mee
    bouwsteen: 1
    status: behaald
    toelichting: Negen van de tien cliënten waren bij hun gesprek.
"""


def codes(build: pipeline.Build, prefix: tuple[str, ...] = ("speerpunt-verdwenen", "speerpunt-id", "vorige-")) -> list:
    return [f for f in build.result.findings if f.code.startswith(prefix)]


@pytest.fixture
def editions(filled_scaffold, tmp_path) -> tuple[Path, Path]:
    """(2023, 2025): two complete kwaliteitsbeelden of one organisation; 2025 names 2023 as its previous edition."""
    folders = []
    for year, goals in ((2023, GOALS_2023), (2025, GOALS_2025)):
        made = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", year)
        folder = made.rename(tmp_path / f"kwaliteitsbeeld-{year}")
        (folder / "speerpunten.yml").write_text(goals, encoding="utf-8")
        folders.append(folder)
    set_previous(folders[1], "../kwaliteitsbeeld-2023")
    return folders[0], folders[1]


def set_previous(folder: Path, value: str) -> None:
    kompas = folder / "kompas.yml"
    text = re.sub(r"^vorige_editie:.*\n", "", kompas.read_text(encoding="utf-8"), flags=re.MULTILINE)
    kompas.write_text(text + f"vorige_editie: {value}\n", encoding="utf-8")


def test_every_announced_goal_back_passes_and_the_page_names_the_previous_entry(editions):
    _, current = editions
    build = pipeline.run(current)
    assert codes(build) == []
    page = build.pages["speerpunten.md"].markdown
    assert "In het vorige kwaliteitsbeeld (2023):" in page
    assert "Vaste gezichten op elke groep" in page and "(status: nieuw)" in page
    assert "<a href=" not in page.split("In het vorige kwaliteitsbeeld (2023):", 1)[1].split("</p>", 1)[0]  # no address


def test_a_goal_that_silently_disappears_is_a_fout_naming_it_and_the_previous_edition(editions, capsys):
    _, current = editions
    goals = current / "speerpunten.yml"
    goals.write_text(GOALS_2025.split("  - id: eigen-plan")[0], encoding="utf-8")  # 'eigen-plan' is gone
    build = pipeline.run(current)
    [finding] = codes(build)
    assert (finding.code, finding.severity, finding.file) == ("speerpunt-verdwenen", "fout", "speerpunten.yml")
    assert "'eigen-plan' (Cliënten maken hun plan zelf mee)" in finding.message
    assert "het kwaliteitsbeeld over 2023" in finding.message and "'doorgezet'" in finding.message
    code, out, _ = run_kompas("check", current, capsys=capsys)
    assert code == 1 and "speerpunt-verdwenen" in out


def test_a_goal_closed_on_purpose_passes_and_one_that_was_done_may_go(editions):
    _, current = editions
    goals = current / "speerpunten.yml"
    goals.write_text(
        GOALS_2025.split("  - id: eigen-plan")[0]
        + "  - id: eigen-plan\n    titel: Cliënten maken hun plan zelf mee\n    status: gestopt\n"
        "    toelichting: We stoppen hiermee omdat het nu overal vanzelf gaat.\n",
        encoding="utf-8",
    )
    assert codes(pipeline.run(current)) == []  # 'contactpersoon' was behaald in 2023: it need not come back


def test_no_speerpunten_file_at_all_names_every_announced_goal(editions):
    _, current = editions
    (current / "speerpunten.yml").unlink()
    found = sorted(re.search(r"'([a-z-]+)'", f.message).group(1) for f in codes(pipeline.run(current)))
    assert found == ["eigen-plan", "vaste-gezichten"]


def test_a_reused_id_with_another_title_and_bouwsteen_is_a_fout_a_reworded_goal_is_not(editions):
    _, current = editions
    goals = current / "speerpunten.yml"
    goals.write_text(
        GOALS_2025.replace(
            "titel: Vaste gezichten op elke groep\n    bouwsteen: 3", "titel: Moreel beraad\n    bouwsteen: 2"
        ),
        encoding="utf-8",
    )
    [finding] = codes(pipeline.run(current))
    assert finding.code == "speerpunt-id-andere-betekenis" and finding.severity == "fout"
    assert "'Moreel beraad'" in finding.message and "'Vaste gezichten op elke groep'" in finding.message
    assert finding.line == 2 and finding.key == "id"
    goals.write_text(GOALS_2025.replace("Vaste gezichten op elke groep", "Vaste gezichten op iedere groep"), "utf-8")
    assert codes(pipeline.run(current)) == []
    goals.write_text(GOALS_2025.replace("bouwsteen: 3", "bouwsteen: [3, 4]"), encoding="utf-8")
    assert codes(pipeline.run(current)) == []


@pytest.mark.parametrize(
    "value, words",
    [
        ("../bestaat-niet", ["bestaat niet", "../kwaliteitsbeeld-2023"]),
        (".", ["de map van dit rapport zelf"]),
        ("../kwaliteitsbeeld-2023/speerpunten.yml", ["geen leesbare JSON"]),
        ("https://www.example.org/kwaliteitsbeeld-2023/", ["--haal-vorige", "op internet"]),
    ],
)
def test_a_previous_edition_that_cannot_be_used_is_a_fout_on_its_line(editions, value, words):
    _, current = editions
    set_previous(current, value)
    [finding] = codes(pipeline.run(current))
    assert (finding.code, finding.severity, finding.file, finding.key) == (
        "vorige-editie-onbruikbaar",
        "fout",
        "kompas.yml",
        "vorige_editie",
    )
    assert finding.line == len((current / "kompas.yml").read_text(encoding="utf-8").splitlines())
    for word in words:
        assert word in finding.message


def test_a_broken_previous_report_is_named_with_its_first_problem(editions):
    previous, current = editions
    (previous / "kompas.yml").write_text("organisatie:\n  naam: X\nkader: gehandicaptenzorg-2023\n", encoding="utf-8")
    [finding] = codes(pipeline.run(current))
    assert finding.code == "vorige-editie-onbruikbaar"
    assert "Het vorige rapport in '../kwaliteitsbeeld-2023' kan niet gelezen worden" in finding.message
    assert "kompas check ../kwaliteitsbeeld-2023" in finding.message


def test_a_summary_with_an_unknown_schema_version_is_refused_with_what_to_do(editions, tmp_path):
    _, current = editions
    future = tmp_path / "kwaliteitsbeeld.json"
    future.write_text(json.dumps({"schema_versie": 99, "organisatie": {}}), encoding="utf-8")
    set_previous(current, str(future))
    [finding] = codes(pipeline.run(current))
    assert finding.code == "vorige-editie-onbruikbaar"
    assert "schema_versie 99" in finding.message and "Werk kompas-site bij" in finding.message


def test_another_organisation_or_a_later_year_is_a_fout(editions):
    previous, current = editions
    kompas = previous / "kompas.yml"
    text = kompas.read_text(encoding="utf-8")
    kompas.write_text(text.replace("Stichting Testzorg", "Stichting Andere Zorg"), encoding="utf-8")
    [finding] = codes(pipeline.run(current))
    assert finding.code == "vorige-editie-andere-organisatie"
    assert "'Stichting Andere Zorg'" in finding.message and "'Stichting Testzorg'" in finding.message
    kompas.write_text(text.replace("jaar: 2023", "jaar: 2025"), encoding="utf-8")
    [finding] = codes(pipeline.run(current))
    assert finding.code == "vorige-editie-niet-eerder" and "over 2025" in finding.message


def test_a_published_summary_links_each_goal_to_its_address_and_is_fetched_only_when_asked(editions, tmp_path, capsys):
    previous, current = editions
    kompas = previous / "kompas.yml"
    kompas.write_text(
        kompas.read_text(encoding="utf-8") + "site_url: https://kwaliteit.example.nl/2023/\n", encoding="utf-8"
    )
    site = tmp_path / "site-2023"
    assert run_kompas("build", previous, "-o", site)[0] == 0
    # a path to the summary file, with Windows separators and a quoted value, in a kompas.yml with CRLF endings
    relative = "..\\site-2023\\kwaliteitsbeeld.json"
    set_previous(current, f'"{relative.replace(chr(92), chr(92) * 2)}"')
    crlf = current / "kompas.yml"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    build = pipeline.run(current)
    assert codes(build) == []
    assert (
        'href="https://kwaliteit.example.nl/2023/speerpunten/#vaste-gezichten"'
        in build.pages["speerpunten.md"].markdown
    )
    # the same file at a web address: a fout without --haal-vorige, read with it
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        set_previous(current, f"http://127.0.0.1:{server.server_address[1]}/")
        code, out, _ = run_kompas("check", current, capsys=capsys)
        assert code == 1 and "vorige-editie-onbruikbaar" in out and "--haal-vorige" in out
        code, out, _ = run_kompas("check", current, "--haal-vorige", capsys=capsys)
        assert code == 0, out
        set_previous(current, f"http://127.0.0.1:{server.server_address[1]}/weg/")
        code, out, _ = run_kompas("check", current, "--haal-vorige", capsys=capsys)
        assert code == 1 and "foutcode 404" in out
    finally:
        server.shutdown()
        server.server_close()


# -- the example ----------------------------------------------------------------------------------


def test_the_example_chain_passes_and_removing_an_announced_goal_gives_the_fout(tmp_path):
    assert codes(pipeline.run(EXAMPLE)) == []
    copy = tmp_path / "content"
    copy_example(copy)
    goals = copy / "speerpunten.yml"
    text = goals.read_text(encoding="utf-8")
    start = text.index("  - id: minder-onvrijwillige-zorg")
    goals.write_text(text[:start] + text[text.index("  - id: clientportaal-meelezen") :], encoding="utf-8")
    [finding] = codes(pipeline.run(copy))
    assert finding.code == "speerpunt-verdwenen"
    assert "'minder-onvrijwillige-zorg' (Minder onvrijwillige zorg)" in finding.message
    assert "het kwaliteitsbeeld over 2023" in finding.message


def test_the_examples_stored_summary_is_that_of_the_2023_example():
    """content/ keeps the 2023 edition's published kwaliteitsbeeld.json; it must say what voorbeelden/ builds."""
    stored = json.loads((EXAMPLE / "vorige-editie" / "kwaliteitsbeeld-2023.json").read_text(encoding="utf-8"))
    fresh = pipeline.run(PREVIOUS_EXAMPLE).summary
    for key in ("organisatie", "kader", "editie", "speerpunten"):
        assert stored[key] == fresh[key], key
    assert codes(pipeline.run(PREVIOUS_EXAMPLE)) == []
    assert not pipeline.run(PREVIOUS_EXAMPLE).has_errors


# -- the rule over any set of goals ---------------------------------------------------------------

STATUSES = ("behaald", "deels-behaald", "niet-behaald", "doorgezet", "nieuw", "gestopt")


@settings(max_examples=60, deadline=None)
@given(
    old=st.lists(st.tuples(st.sampled_from(STATUSES), st.booleans()), min_size=0, max_size=8),
    extra=st.integers(min_value=0, max_value=3),
)
def test_exactly_the_announced_goals_that_are_missing_are_reported(old, extra):
    """Goal n of the previous edition has a status and comes back (True) or not; new goals are added."""
    previous = VorigeEditie(
        "../vorige",
        "Stichting Testzorg",
        "gehandicaptenzorg-2023",
        "voortgangsbericht",
        2024,
        tuple(VorigSpeerpunt(f"doel-{n}", f"Doel nummer {n}", (1,), status) for n, (status, _) in enumerate(old)),
    )
    current = [
        Speerpunt(f"doel-{n}", f"Doel nummer {n}", (1,), "behaald", "Gelukt.")
        for n, (_, back) in enumerate(old)
        if back
    ] + [Speerpunt(f"nieuw-{n}", f"Een nieuw doel {n}", (2,), "nieuw", "") for n in range(extra)]
    report = Report(
        Path("."),
        Settings(Organisatie("Stichting Testzorg"), "gehandicaptenzorg-2023", Editie("kwaliteitsbeeld", 2025)),
        [],
        current,
        vorige=previous,
    )
    ctx = CheckContext.__new__(CheckContext)
    ctx.report = report
    found = sorted(f.message.split("'")[1] for f in keten.check(ctx))
    expected = sorted(
        f"doel-{n}" for n, (status, back) in enumerate(old) if status in ("nieuw", "doorgezet") and not back
    )
    assert found == expected
