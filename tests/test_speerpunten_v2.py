"""Speerpunten v2: several bouwstenen or none, target and result, owner, period, a page to read more, the
status 'gestopt', the cycle from plan to next step; the page as blocks grouped by status; the easy-read twin."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import copy_example, run_kompas

from kompas_site.check import check_report
from kompas_site.load.report import load_report

GOALS = """speerpunten:
  - id: vaste-gezichten
    titel: Vaste gezichten op elke groep
    bouwsteen: [1, 3]
    status: doorgezet
    toelichting: Op vier van de zes groepen lukte het.
    doel: Minder dan 10% invalkrachten.
    resultaat: 14% invalkrachten.
    eigenaar: Manager HR
    periode: 2024 en 2025
    pagina: 05-speerpunten/terugblik.md
    geleerd: Een maatje helpt meer dan een map.
    vervolg: Invalkrachten krijgen een vaste groep.
  - id: hele-organisatie
    titel: Iedereen kent de klachtenregeling
    status: nieuw
    toelichting: Veel verwanten wisten niet waar ze terecht konden.
  - id: app-gestopt
    titel: Meelezen via een app
    bouwsteen: 1
    status: gestopt
    toelichting: De app was te moeilijk; we kozen voor papier.
  - id: plan-in-beeld
    titel: Het plan in beeld
    bouwsteen: "1"
    status: behaald
    toelichting: Op alle locaties.
  - id: samen-leren
    titel: Samen leren
    bouwsteen: 3
    status: behaald
    toelichting: In elk team.
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    copy_example(folder)
    (folder / "speerpunten.yml").write_bytes(GOALS.replace("\n", "\r\n").encode("utf-8"))  # Windows line endings
    kompas = folder / "kompas.yml"  # other goals than the example's: not the sequel of its 2023 edition
    kompas.write_text(re.sub(r"^vorige_editie:.*\n", "", kompas.read_text(encoding="utf-8"), flags=re.M), "utf-8")
    return folder


def build(content, tmp_path, capsys) -> tuple[BeautifulSoup, BeautifulSoup]:
    out = tmp_path / "site"
    code, stdout, _ = run_kompas("build", content, "-o", out, capsys=capsys)
    assert code == 0, stdout
    read = lambda path: BeautifulSoup((out / path).read_text(encoding="utf-8"), "html.parser")  # noqa: E731
    return read("speerpunten/index.html"), read("begrijpelijk/speerpunten/index.html")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).replace("\xad", "").split())


def test_every_field_shows_in_its_goal_block(content, tmp_path, capsys):
    full, _ = build(content, tmp_path, capsys)
    block = full.select_one("article.kompas-speerpunt#vaste-gezichten")
    assert block["aria-labelledby"] == "vaste-gezichten-titel"
    assert text(block.select_one("h3#vaste-gezichten-titel")) == "Vaste gezichten op elke groep"
    facts = dict(zip([text(d) for d in block.select("dt")], [d for d in block.select("dd")], strict=True))
    assert [a["href"] for a in facts["Bouwstenen"].select("a")] == [
        "../waar-vind-ik-wat/#bouwsteen-1",
        "../waar-vind-ik-wat/#bouwsteen-3",
    ]
    assert " en " in text(facts["Bouwstenen"])
    assert text(facts["Eigenaar"]) == "Manager HR" and text(facts["Periode"]) == "2024 en 2025"
    steps = [text(li) for li in block.select("ol.kompas-cyclus > li")]
    assert steps == [
        "Gepland Doel: Minder dan 10% invalkrachten.",
        "Gedaan Resultaat: 14% invalkrachten. Op vier van de zes groepen lukte het.",
        "Geleerd Een maatje helpt meer dan een map.",
        "Volgende stap Invalkrachten krijgen een vaste groep.",
    ]
    more = block.select_one(".kompas-speerpunt__meer a")
    assert text(more) == "Terugblik op onze verbeterpunten"
    assert (tmp_path / "site/speerpunten" / more["href"] / "index.html").is_file()
    # The bouwsteen links land on a heading of "Waar vind ik wat?".
    waar = BeautifulSoup((tmp_path / "site/waar-vind-ik-wat/index.html").read_text(encoding="utf-8"), "html.parser")
    assert waar.select_one("h2#bouwsteen-1") and waar.select_one("h2#bouwsteen-3")


def test_organisation_wide_and_stopped_goals(content, tmp_path, capsys):
    full, _ = build(content, tmp_path, capsys)
    wide = full.select_one("#hele-organisatie")
    assert "Geen: dit doel is voor de hele organisatie" in text(wide.select_one("dl"))
    assert text(wide.select_one(".kompas-speerpunt__waarom")).startswith("Waarom dit doel: Veel verwanten")
    assert not wide.select("ol.kompas-cyclus")  # only steps with content: a new goal has none here
    stopped = full.select_one("#app-gestopt")
    assert text(stopped.select_one(".kompas-speerpunt__status")) == "Gestopt"
    assert (
        text(stopped.select_one(".kompas-speerpunt__waarom"))
        == "Waarom we stoppen: De app was te moeilijk; we kozen voor papier."
    )


def test_goals_are_grouped_by_status_with_a_count_in_words(content, tmp_path, capsys):
    full, _ = build(content, tmp_path, capsys)
    headings = [text(h) for h in full.select("article h2")]
    assert headings[:4] == [  # in the example's own word (woorden: speerpunten: verbeterpunten)
        "Behaald: twee verbeterpunten",
        "Doorgezet: één verbeterpunt",
        "Nieuw: één verbeterpunt",
        "Gestopt: één verbeterpunt",
    ]
    assert "Er zijn vijf verbeterpunten:" in text(full)
    groups = {
        h["id"]: [a["id"] for a in h.find_all_next("article") if a.find_previous("h2") == h]
        for h in full.select("article h2")
    }
    assert groups["status-behaald"] == ["plan-in-beeld", "samen-leren"]
    assert [a["href"] for a in full.select(".md-content ul a[href^='#status-']")] == [
        "#status-behaald",
        "#status-doorgezet",
        "#status-nieuw",
        "#status-gestopt",
    ]


def test_status_is_a_word_beside_a_hidden_icon_of_its_own_shape(content, tmp_path, capsys):
    full, easy = build(content, tmp_path, capsys)
    shapes = {}
    for block in full.select("article.kompas-speerpunt"):
        status = block.select_one(".kompas-speerpunt__status")
        icon = status.select_one("svg")
        assert icon["aria-hidden"] == "true" and icon.get("focusable") == "false"
        assert text(status)  # the word is there, not only the picture
        shapes[text(status)] = str(icon)
    assert len(set(shapes.values())) == len(shapes)  # each status its own drawing
    assert all(s.select_one("svg[aria-hidden='true']") for s in easy.select(".kompas-speerpunt__status"))


def test_easy_read_twin_lists_goals_in_easy_words(content, tmp_path, capsys):
    full, easy = build(content, tmp_path, capsys)
    assert [text(h) for h in easy.select("article h2")][:4] == ["Gelukt", "We gaan door", "Nieuw", "Gestopt"]
    block = easy.select_one("section#vaste-gezichten")
    assert "Dit willen we: Minder dan 10% invalkrachten." in text(block)  # doorgezet: still ahead
    assert "Dit is er gebeurd: 14% invalkrachten." in text(block)
    assert "Dit doen we nu: Invalkrachten krijgen een vaste groep." in text(block)
    assert block.select_one("a")["href"] == "../../speerpunten/#vaste-gezichten"
    # the pages switch to each other
    assert full.select_one(".kompas-wissel a")["href"] == "../begrijpelijk/speerpunten/"
    assert easy.select_one(".kompas-wissel a")["href"] == "../../speerpunten/"


def test_the_example_v1_style_goals_still_build(tmp_path, capsys):
    folder = tmp_path / "content"
    copy_example(folder)
    path = folder / "speerpunten.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    v2_keys = (
        "    doel:",
        "    resultaat:",
        "    eigenaar:",
        "    periode:",
        "    pagina:",
        "    geleerd:",
        "    vervolg:",
    )
    v1 = [line.replace("bouwsteen: [1, 3]", "bouwsteen: 3") for line in lines if not line.startswith(v2_keys)]
    path.write_text("\n".join(v1) + "\n", encoding="utf-8")
    full, _ = build(folder, tmp_path, capsys)
    assert len(full.select("article.kompas-speerpunt")) == 9
    assert all(len(a.select("ol.kompas-cyclus li")) <= 1 for a in full.select("article.kompas-speerpunt"))


def findings(content, yaml_text: str) -> list:
    (content / "speerpunten.yml").write_text(yaml_text, encoding="utf-8")
    return check_report(load_report(content)).findings


@pytest.mark.parametrize(
    "change,code,line,words",
    [
        ("bouwsteen: [1, 3]", "speerpunt-bouwsteen-onbekend", 4, ["bouwsteen 9", "Bedoelt u bouwsteen 4?", "1 Het"]),
        ("bouwsteen: 9", "speerpunt-bouwsteen-onbekend", 4, ["bouwsteen 9", "Bedoelt u bouwsteen 4?"]),
        (
            "pagina: 05-speerpunten/terugblik.md",
            "speerpunt-pagina-onbekend",
            11,
            ["Bedoelt u '05-speerpunten/terugblik.md'?"],
        ),
        ("toelichting: De app", "speerpunt-zonder-toelichting", 18, ["is gestopt", "waarom"]),
    ],
)
def test_bad_input_is_an_error_with_file_line_and_nearest(content, change, code, line, words):
    broken = {
        "bouwsteen: [1, 3]": GOALS.replace("bouwsteen: [1, 3]", "bouwsteen: [1, 9]"),
        "bouwsteen: 9": GOALS.replace("bouwsteen: [1, 3]", "bouwsteen: 9"),
        "pagina: 05-speerpunten/terugblik.md": GOALS.replace("terugblik.md", "terugblk.md"),
        "toelichting: De app": GOALS.replace("    toelichting: De app was te moeilijk; we kozen voor papier.\n", ""),
    }[change]
    found = [f for f in findings(content, broken) if f.code == code]
    assert len(found) == 1, found
    assert (found[0].severity, found[0].file, found[0].line) == ("fout", "speerpunten.yml", line)
    for word in words:
        assert word in found[0].message


def test_a_page_written_in_other_ways_is_found(content):
    for written in (
        "05-speerpunten/terugblik",
        "/05-speerpunten/terugblik.md",
        "./05-speerpunten/terugblik.md",
        "05-speerpunten/terugblik.md#kop",
    ):
        found = findings(content, GOALS.replace("pagina: 05-speerpunten/terugblik.md", f"pagina: {written}"))
        assert not [f for f in found if f.code == "speerpunt-pagina-onbekend"], written


def test_a_bouwsteen_that_is_no_number_names_the_forms(content, capsys):
    (content / "speerpunten.yml").write_text(
        GOALS.replace("bouwsteen: [1, 3]", "bouwsteen: [een, 3]"), encoding="utf-8"
    )
    code, out, err = run_kompas("check", content, capsys=capsys)
    assert code != 0
    out += err
    assert "speerpunten.yml" in out and "regel 4" in out and "'bouwsteen: [1, 3]'" in out


def test_easy_read_says_what_we_want_for_new_goals_and_why_a_goal_stopped(content, tmp_path, capsys):
    goals = GOALS.replace(
        "    status: behaald\n    toelichting: Op alle locaties.",
        "    status: behaald\n    toelichting: Op alle locaties.\n    doel: Elk plan met plaatjes.",
    ).replace("    status: nieuw\n", "    status: nieuw\n    doel: Iedereen weet waar hij terecht kan.\n")
    (content / "speerpunten.yml").write_text(goals, encoding="utf-8")
    _, easy = build(content, tmp_path, capsys)
    assert "Dit willen we: Iedereen weet waar hij terecht kan." in text(easy.select_one("section#hele-organisatie"))
    assert "Dit wilden we: Elk plan met plaatjes." in text(easy.select_one("section#plan-in-beeld"))
    stopped = text(easy.select_one("section#app-gestopt"))
    assert "Waarom we stoppen: De app was te moeilijk; we kozen voor papier." in stopped
    assert "Waarom we stoppen" not in text(easy.select_one("section#samen-leren"))
