"""Figure sets (cijfers/*.yml and their CSV): the chart, its table, the easy-read form, key figures, the
link with stories, and every checker finding. Tests build real content folders and read the built HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site.assemble.cijfers import van_de_tien
from kompas_site.check import check_report
from kompas_site.load import load_report
from kompas_site.pipeline import run

VEILIGHEID = """titel: Wat cliënten en verwanten zeggen over veiligheid
bron: Cliëntervaringsonderzoek 2025
eenheid: procent
grafiek: staaf
reeksen:
  - naam: Cliënten
    n: 214
  - naam: Verwanten
    n: 167
rijen:
  - label: Ik voel me veilig waar ik woon
    waarden: [89, 87]
    makkelijk: voelen zich veilig waar ze wonen
  - label: Ik weet wie mijn vaste begeleider is
    waarden: [88, null]
  - label: Ik heb genoeg te doen
    waarden: ['8,5', 83.4]
"""


def findings(content: Path, code: str) -> list:
    return [f for f in check_report(load_report(content)).findings if f.code == code]


def page_html(content: Path, source: str) -> BeautifulSoup:
    build = run(content)
    page = build.pages[source]
    from markdown import Markdown

    html = Markdown(extensions=["attr_list", "md_in_html", "tables"]).convert(page.markdown)
    return BeautifulSoup(build.finish_html(source, html), "html.parser")


@pytest.fixture
def with_figures(example: Path) -> Path:
    (example / "cijfers" / "veiligheid.yml").write_text(VEILIGHEID, encoding="utf-8")
    page = example / "02-zorgproces" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[cijfers: veiligheid]]\n", encoding="utf-8")
    twin = example / "02-zorgproces" / "index.begrijpelijk.md"
    twin.write_text(twin.read_text(encoding="utf-8") + "\n[[ cijfers : veiligheid ]]\n", encoding="utf-8")
    return example


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- the built site ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from conftest import EXAMPLE

    out = tmp_path_factory.mktemp("cijfers") / "site"
    code, _, _ = run_kompas("build", EXAMPLE, "-o", out)
    assert code == 0
    return out


def test_the_example_shows_its_survey_as_a_chart_with_every_value_in_the_table(built):
    soup = BeautifulSoup(
        (built / "ervaringen" / "resultaten" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    figure = soup.find("figure", id="cijfers-ervaringen")
    svg = figure.find("svg")
    assert svg.find("script") is None and not svg.find_all(attrs={"style": True})
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title", id=title_id).get_text().startswith("Wat cliënten en verwanten")
    assert "Staafdiagram in procenten" in svg.find("desc", id=desc_id).get_text()
    texts = [t.get_text() for t in svg.find_all("text")]
    assert "89% Cliënten" in texts and "Ik voel me veilig waar ik woon" in texts
    import yaml

    data = yaml.safe_load((Path(__file__).parent.parent / "content" / "cijfers" / "ervaringen.yml").read_text("utf-8"))
    rows = {tr.th.get_text(): [td.get_text() for td in tr.find_all("td")] for tr in figure.table.tbody.find_all("tr")}
    for rij in data["rijen"]:
        expected = ["niet gevraagd" if v is None else f"{v}%" for v in rij["waarden"]]
        assert rows[rij["label"]] == expected
    headers = [th.get_text(" ") for th in figure.table.thead.find_all("th")]
    assert headers[1:] == ["Cliënten 214 mensen", "Verwanten 167 mensen"]
    assert "in procenten" in figure.table.caption.get_text()
    bron = figure.find("p", class_="kompas-cijfers__bron").get_text()
    assert bron.startswith("Bron: Cliëntervaringsonderzoek 2025") and "cliënten 214 en verwanten 167" in bron
    # the story it illustrates, and back
    story_link = figure.find("p", class_="kompas-cijfers__verhalen").a
    assert story_link["href"] == "../../verhalen/gert-op-zichzelf/"
    story = BeautifulSoup((built / "verhalen" / "gert-op-zichzelf" / "index.html").read_text("utf-8"), "html.parser")
    back = story.find("p", class_="kompas-verhaal-cijfers").a
    assert back["href"] == "../../ervaringen/resultaten/#cijfers-ervaringen"
    assert not (built / "cijfers").exists()  # data, never published


def test_every_bar_and_line_has_3_to_1_contrast_against_the_chart_background(built):
    soup = BeautifulSoup(
        (built / "ervaringen" / "resultaten" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    charts = soup.find_all("svg", class_="kompas-grafiek")
    assert len(charts) == 2
    for svg in charts:
        background = svg.find("rect")["fill"]
        marks = svg.find_all("rect")[1:] + svg.find_all("polyline")
        assert marks
        for mark in marks:
            colour = mark.get("fill") if mark.name == "rect" else mark["stroke"]
            assert contrast(colour, background) >= 3, colour


def test_a_trend_over_years_has_the_years_as_axis_labels_and_says_it_went_up(built):
    soup = BeautifulSoup(
        (built / "ervaringen" / "resultaten" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    svg = soup.find("figure", id="cijfers-veiligheid-trend").svg
    texts = [t.get_text() for t in svg.find_all("text")]
    assert all(year in texts for year in ("2019", "2021", "2023", "2025"))
    desc = svg.desc.get_text()
    assert "Cliënten: gestegen van 81% in 2019 naar 89% in 2025" in desc
    assert len(svg.find_all("polyline")) == 2


def test_the_easy_read_page_gets_sentences_with_ten_figures(built):
    html = (built / "begrijpelijk" / "ervaringen" / "resultaten" / "index.html").read_text(encoding="utf-8")
    block = BeautifulSoup(html, "html.parser").find("div", class_="kompas-cijfers-makkelijk")
    rows = block.find_all("div", class_="kompas-cijfers-makkelijk__rij")
    assert [r.p.get_text() for r in rows] == [
        "9 van de 10 cliënten voelen zich veilig waar ze wonen. Dat was in 2025. In 2019 waren dat er 8 van de 10. "
        "Nu zijn het er meer.",
        "Bijna 9 van de 10 verwanten voelen zich veilig waar ze wonen. Dat was in 2025. In 2019 waren dat er 8 van "
        "de 10. Nu zijn het er meer.",
    ]
    for row in rows:
        svg = row.svg
        assert svg["aria-labelledby"] == row.p["id"]
        assert len(svg.find_all("g", fill="#1f5c99")) == 9 and len(svg.find_all("g")) == 10


def test_key_figures_are_on_the_home_page_in_dutch_notation(built):
    soup = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text(" ", strip=True) for li in soup.find("section", class_="kompas-kerncijfers").find_all("li")]
    assert items[0] == "1.240 cliënten op 31 december 2025"
    assert "42 locaties" in items


# -- the blocks from content written in other ways --------------------------------------------------------


def test_a_figure_set_from_a_csv_with_windows_line_endings_and_dutch_numbers(example):
    folder = example / "cijfers"
    (folder / "personeel.csv").write_bytes(
        "\ufeffJaar;Verloop;Ziekte\r\n2023;12,5;6,1\r\n2024;11;\r\n2025;9,8;5,4\r\n".encode()
    )
    (folder / "personeel.yml").write_text(
        "titel: Verloop en ziekte\r\nbron: Personeelsadministratie\r\neenheid: procent\r\ngrafiek: lijn\r\n"
        "csv: personeel.csv\r\nreeksen:\r\n  - naam: Verloop\r\n    n: 1385\r\n  - naam: Ziekte\r\n    n: 1385\r\n",
        encoding="utf-8",
    )
    figures = load_report(example).cijfers["personeel"]
    assert figures.usable
    assert [r.label for r in figures.rijen] == ["2023", "2024", "2025"]
    assert figures.rijen[1].waarden == (11.0, None)
    assert [r.n for r in figures.reeksen] == [1385, 1385]
    page = example / "04-leren" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[cijfers: personeel]]\n", encoding="utf-8")
    soup = page_html(example, "04-leren/index.md")
    cells = [td.get_text() for td in soup.find("figure", id="cijfers-personeel").tbody.find_all("td")]
    assert cells == ["12,5%", "6,1%", "11%", "niet gevraagd", "9,8%", "5,4%"]
    assert "Verloop: gedaald van 12,5% in 2023 naar 9,8% in 2025" in soup.find("desc").get_text()


def test_a_hostile_label_stays_text_in_the_chart_the_table_and_the_easy_read_form(with_figures):
    path = with_figures / "cijfers" / "veiligheid.yml"
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quote"'
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("Ik weet wie mijn vaste begeleider is", hostile.replace('"', '\\"'))
        .replace("label: " + hostile.replace('"', '\\"'), 'label: "' + hostile.replace('"', '\\"') + '"'),
        encoding="utf-8",
    )
    for source in ("02-zorgproces/index.md", "02-zorgproces/index.begrijpelijk.md"):
        soup = page_html(with_figures, source)
        assert soup.find("script") is None and soup.find("img", src="x") is None
        assert not soup.find_all(attrs={"onerror": True})
        text = soup.get_text()
        assert "<script>alert(1)</script>" in text


def test_an_easy_read_twin_gets_the_sentence_from_makkelijk_or_the_label(with_figures):
    soup = page_html(with_figures, "02-zorgproces/index.begrijpelijk.md")
    sentences = [p.get_text() for p in soup.select(".kompas-cijfers-makkelijk__rij p")]
    assert sentences == [
        "9 van de 10 cliënten voelen zich veilig waar ze wonen.",
        "Bijna 9 van de 10 verwanten voelen zich veilig waar ze wonen.",
        "9 van de 10 cliënten zeggen: ‘Ik weet wie mijn vaste begeleider is’.",
        "1 van de 10 cliënten zeggen: ‘Ik heb genoeg te doen’.",
        "Ruim 8 van de 10 verwanten zeggen: ‘Ik heb genoeg te doen’.",
    ]
    filled = [len(svg.find_all("g", fill="#1f5c99")) for svg in soup.select(".kompas-cijfers-makkelijk__rij svg")]
    assert filled == [9, 9, 9, 1, 8]
    assert soup.find("figure") is None  # the easy-read form, not the chart


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_the_easy_read_rounding_rule(percent):
    words, filled = van_de_tien(percent)
    tenths = percent / 10
    assert 0 <= filled <= 10 and abs(filled - tenths) <= 0.5 + 1e-9
    number = int(re.search(r"\d+", words).group())
    if words.startswith("minder dan"):
        assert filled == 0 and number == 1 and 0 < percent < 5
    elif words.startswith("bijna"):
        assert number == filled and (filled * 10 - percent >= 3 or (filled == 10 and percent < 100))
    elif words.startswith("ruim"):
        assert number == filled and percent - filled * 10 >= 3
    else:
        assert words == str(filled) and abs(filled * 10 - percent) < 3
        assert (filled < 10 or percent == 100) and (filled > 0 or percent == 0)


@pytest.mark.parametrize(
    ("percent", "words"),
    [
        (89, "9"),
        (87, "bijna 9"),
        (83, "ruim 8"),
        (85, "bijna 9"),
        (96, "bijna 10"),
        (100, "10"),
        (3, "minder dan 1"),
        (0, "0"),
    ],
)
def test_the_rounding_rule_on_the_numbers_readers_meet(percent, words):
    assert van_de_tien(percent)[0] == words


# -- the checker -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "code", "severity", "line"),
    [
        (("waarden: [89, 87]", "waarden: [189, 87]"), "cijfers-procent", "fout", 12),
        (("waarden: [89, 87]", "waarden: [89]"), "cijfers-rij", "fout", 12),
        (("bron: Cliëntervaringsonderzoek 2025\n", ""), "cijfers-bron", "fout", 1),
        (("    n: 167\n", ""), "cijfers-n", "fout", 5),
        (("n: 167", "n: 7"), "cijfers-kleine-groep", "waarschuwing", 8),
        (("grafiek: staaf", "grafiek: taart"), "cijfers-onleesbaar", "fout", 4),
        (("waarden: [89, 87]", "waarden: [89, veel]"), "cijfers-onleesbaar", "fout", 12),
        (("reeksen:", "reeks:"), "cijfers-onleesbaar", "fout", 5),
    ],
)
def test_a_figure_set_with_a_mistake_gets_its_finding_with_file_and_line(with_figures, change, code, severity, line):
    path = with_figures / "cijfers" / "veiligheid.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    found = findings(with_figures, code)
    assert len(found) == 1, found
    assert found[0].severity == severity and found[0].file == "cijfers/veiligheid.yml" and found[0].line == line


def test_a_misspelt_key_gets_the_nearest_valid_one(with_figures):
    path = with_figures / "cijfers" / "veiligheid.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("reeksen:", "reeksn:"), encoding="utf-8")
    assert "Bedoelt u 'reeksen'?" in findings(with_figures, "cijfers-onleesbaar")[0].message


def test_a_csv_that_cannot_be_read_is_an_error_with_its_line(example):
    (example / "cijfers" / "kapot.csv").write_text('Vraag;A\nveilig;89\n"open;8\nnog;1\n', encoding="utf-8")
    (example / "cijfers" / "kapot.yml").write_text(
        "titel: Kapot\nbron: Test\neenheid: aantal\ncsv: kapot.csv\n", encoding="utf-8"
    )
    found = findings(example, "cijfers-csv")
    assert [(f.severity, f.file) for f in found] == [("fout", "cijfers/kapot.csv")]
    assert found[0].line == 3
    (example / "cijfers" / "kapot.csv").write_text("Vraag;A\nveilig;89\nopen;heel veel\n", encoding="utf-8")
    found = findings(example, "cijfers-csv")
    assert found[0].line == 3 and "heel veel" in found[0].message
    (example / "cijfers" / "kapot.csv").unlink()
    assert "bestaat niet" in findings(example, "cijfers-csv")[0].message


def test_an_unknown_figure_set_names_the_nearest_and_a_set_nobody_shows_gets_a_tip(with_figures):
    page = with_figures / "02-zorgproces" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[[cijfers: veiligheid]]", "[[cijfers: veilighied]]"))
    found = findings(with_figures, "cijfers-onbekend")
    assert len(found) == 1 and found[0].severity == "fout" and found[0].file == "02-zorgproces/index.md"
    assert "Bedoelt u 'veiligheid'?" in found[0].message
    assert "[[cijfers: veilighied]]" in page.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    twin = with_figures / "02-zorgproces" / "index.begrijpelijk.md"
    twin.write_text(twin.read_text(encoding="utf-8").replace("[[ cijfers : veiligheid ]]", ""), encoding="utf-8")
    unused = findings(with_figures, "cijfers-ongebruikt")
    assert [(f.severity, f.file) for f in unused] == [("tip", "cijfers/veiligheid.yml")]


def test_a_chart_with_too_many_rows_gets_a_tip_and_a_table_only_does_not(with_figures):
    path = with_figures / "cijfers" / "veiligheid.yml"
    rows = "".join(f"  - label: Vraag {i}\n    waarden: [50, 50]\n" for i in range(11))
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")
    assert [f.severity for f in findings(with_figures, "cijfers-te-groot")] == ["tip"]
    path.write_text(path.read_text(encoding="utf-8").replace("grafiek: staaf", "grafiek: geen"), encoding="utf-8")
    assert findings(with_figures, "cijfers-te-groot") == []
    soup = page_html(with_figures, "02-zorgproces/index.md")
    assert soup.find("figure", id="cijfers-veiligheid").svg is None  # table only
    assert len(soup.find("figure", id="cijfers-veiligheid").tbody.find_all("tr")) == 14


def test_a_story_naming_an_unknown_figure_set_is_an_error(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    story.write_text(story.read_text(encoding="utf-8").replace("cijfers: [ervaringen]", "cijfers: [ervaring]"))
    found = findings(example, "cijfers-onbekend")
    assert len(found) == 1 and found[0].file == "verhalen/gert-op-zichzelf.md" and found[0].key == "cijfers"
    assert "Bedoelt u 'ervaringen'?" in found[0].message
