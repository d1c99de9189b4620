"""Locations, earlier editions and unlinked attachments: the pages and links they give in the built site,
and the errors for what is written wrong (with file and line)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLE, copy_example, run_kompas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas_site.assemble.locaties import regions
from kompas_site.model import Locatie

LOCATIES = """locaties:
  - id: de-esdoorn
    naam: Woonlocatie De Esdoorn
    plaats: Haverdijk
    regio: Noord
  - id: de-molenhof
    naam: Woonlocatie De Molenhof
    plaats: Molenbeek
    regio: Zuid
  - id: het-anker
    naam: Dagbesteding Het Anker met een heel lange naam die op een telefoon moet afbreken
    plaats: Zandvoort aan de Waterkant
"""


def kompas_yml(example: Path, extra: str) -> int:
    """kompas.yml without the example's own locaties and eerdere_edities, plus ``extra``; the number of
    lines before ``extra``."""
    text = (EXAMPLE / "kompas.yml").read_text(encoding="utf-8")
    text = text.split("locaties:")[0]
    (example / "kompas.yml").write_text(text + extra, encoding="utf-8")
    return len(text.splitlines())


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def article(site: Path, path: str):
    return html(site, path).select_one("article")


def check_json(folder: Path, capsys) -> tuple[int, dict]:
    code, out, _ = run_kompas("check", folder, "--format", "json", capsys=capsys)
    return code, json.loads(out)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example with three locations (two regions, one without) built once."""
    root = tmp_path_factory.mktemp("locaties")
    content = root / "content"
    copy_example(content)
    kompas_yml(
        content,
        LOCATIES + "eerdere_edities:\n  - titel: Kwaliteitsrapport 2019\n    bestand: "
        "bijlagen/kwaliteitsrapport-2019.pdf\n  - titel: Kwaliteitsbeeld 2023\n    url: https://www.example.org/kb-2023\n",
    )
    story = content / "verhalen" / "moeder-van-samira.md"
    text = story.read_text(encoding="utf-8").replace("---\n", "---\nlocaties: [de-molenhof, het-anker]\n", 1)
    story.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # Windows line endings
    (content / "bijlagen" / "oude-notulen.pdf").write_bytes(
        (content / "bijlagen" / "kwaliteitsrapport-2019.pdf").read_bytes()
    )
    (content / "bijlagen" / "Begroting concept.xlsx").write_bytes(b"PK\x03\x04rest")
    site = root / "site"
    code, _, _ = run_kompas("build", content, "-o", site)
    assert code == 0
    return site


def test_each_location_has_a_page_with_its_pages_stories_and_goals(built):
    esdoorn = article(built, "locaties/de-esdoorn/index.html")
    text = esdoorn.get_text(" ", strip=True)
    assert esdoorn.find("h1").get_text(strip=True) == "Woonlocatie De Esdoorn"
    assert "Plaats: Haverdijk" in text and "Regio: Noord" in text
    links = {a.get_text(" ", strip=True): a["href"] for a in esdoorn.select("a")}
    assert links["Filmavond op De Esdoorn"] == "../../verhalen/filmavond/"  # the story (front matter: one id)
    assert links["Meer te doen in de avond en het weekend"] == "../../speerpunten/#avond-en-weekend"  # the goal
    assert "(status: nieuw)" in text
    assert esdoorn.select_one(".kompas-verhaal-kaart")  # the story as its card
    molenhof = article(built, "locaties/de-molenhof/index.html")
    links = {a.get_text(" ", strip=True): a["href"] for a in molenhof.select("a")}
    assert links["Een dilemma: vrijheid en veiligheid"] == "../../zorgproces/dilemma/"  # a page
    assert "Filmavond op De Esdoorn" not in links
    anker = article(built, "locaties/het-anker/index.html").get_text(" ", strip=True)
    assert "Regio" not in anker


def test_the_overview_groups_by_region_and_is_in_the_menu_and_on_home(built):
    overview = article(built, "locaties/index.html")
    assert "pagina's, verhalen en verbeterpunten" in overview.get_text(" ", strip=True)  # Settings.woorden
    headings = [h.get_text(strip=True) for h in overview.find_all("h2")]
    assert headings == ["Noord", "Zuid", "Overige locaties"]
    other = overview.find("h2", string="Overige locaties").find_next("ul")
    assert other.find("a")["href"] == "het-anker/"
    home = html(built, "index.html")
    assert home.select_one("article a[href='locaties/']").get_text(strip=True) == "Locaties"
    menu = [a.get_text(" ", strip=True) for a in home.select("nav a")]
    assert "Locaties" in menu


def test_story_cards_name_the_locations(built):
    overview = article(built, "verhalen/index.html")
    card = next(c for c in overview.select(".kompas-verhaal-kaart") if "Samira" in c.get_text())
    assert card.select_one(".kompas-kaart-locatie").get_text(strip=True) == (
        "Locaties: Woonlocatie De Molenhof, Molenbeek; Dagbesteding Het Anker met een heel lange naam die op een telefoon "
        "moet afbreken, Zandvoort aan de Waterkant"
    )


def test_earlier_editions_on_home_as_download_and_link(built):
    home = article(built, "index.html")
    heading = home.find("h3", id="eerdere-edities")
    items = heading.find_next("ul").find_all("li")
    pdf, web = items[0].find("a"), items[1].find("a")
    assert pdf["href"] == "bijlagen/kwaliteitsrapport-2019.pdf"
    assert pdf.get_text(" ", strip=True).startswith("Kwaliteitsrapport 2019 (pdf, ")
    assert (built / "bijlagen" / "kwaliteitsrapport-2019.pdf").is_file()
    assert web["href"] == "https://www.example.org/kb-2023"


def test_unlinked_attachments_stay_off_the_site_and_one_tip_names_them(built):
    assert not (built / "bijlagen" / "oude-notulen.pdf").exists()
    assert not (built / "bijlagen" / "Begroting concept.xlsx").exists()


def test_the_tip_names_every_unlinked_attachment(example, capsys):
    (example / "bijlagen" / "oude-notulen.pdf").write_bytes(b"%PDF-1.4")
    (example / "bijlagen" / "Begroting concept.xlsx").write_bytes(b"PK\x03\x04rest")
    (example / "notities.txt").write_text("privé", encoding="utf-8")
    _, result = check_json(example, capsys)
    tips = [f for f in result["findings"] if f["code"] == "niet-gepubliceerd"]
    assert len(tips) == 1
    message = tips[0]["message"]
    assert "'bijlagen/Begroting concept.xlsx' en 'bijlagen/oude-notulen.pdf'" in message
    assert "Link ernaar vanaf een pagina" in message
    assert "'notities.txt'" in message.split("Ook deze")[1]
    assert "kwaliteitsrapport-2019" not in message  # an earlier edition is used


def test_an_unknown_location_is_an_error_with_file_line_and_the_nearest_id(example, capsys):
    page = example / "02-zorgproces" / "dilemma.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[de-molenhof]", "[de-molenhoff]"), encoding="utf-8")
    goals = example / "speerpunten.yml"
    goals.write_text(goals.read_text(encoding="utf-8").replace("[de-esdoorn, de-molenhof]", "[esdoorn]"), "utf-8")
    line = goals.read_text(encoding="utf-8").splitlines().index("    locaties: [esdoorn]") + 1
    code, result = check_json(example, capsys)
    assert code == 1
    found = {(f["file"], f["line"]): f for f in result["findings"] if f["code"] == "locatie-onbekend"}
    assert set(found) == {("02-zorgproces/dilemma.md", 4), ("speerpunten.yml", line)}
    assert all(f["severity"] == "fout" for f in found.values())
    assert "Bedoelt u 'de-molenhof'?" in found[("02-zorgproces/dilemma.md", 4)]["message"]
    assert "Bedoelt u 'de-esdoorn'?" in found[("speerpunten.yml", line)]["message"]


@pytest.mark.parametrize(
    "extra, line, words",
    [
        (LOCATIES + "  - id: de-esdoorn\n    naam: Tweede\n    plaats: Elders\n", 22, "twee keer"),
        ("locaties:\n  - id: De Esdoorn\n    naam: X\n    plaats: Y\n", 11, "'de-esdoorn'"),
        (
            "eerdere_edities:\n  - titel: Rapport 2019\n    bestand: bijlagen/kwaliteitsrapport-2019.pdf\n"
            "    url: https://www.example.org/2019\n",
            11,
            "zowel 'bestand' als 'url'",
        ),
        ("eerdere_edities:\n  - titel: Rapport 2019\n    jaar: '2019'\n", 11, "geen 'bestand' en geen 'url'"),
    ],
)
def test_what_kompas_yml_gets_wrong_is_an_error_with_line(example, capsys, extra, line, words):
    line += kompas_yml(example, extra) - 9  # the lines are counted as if 9 came before 'locaties:'
    code, out, err = run_kompas("check", example, capsys=capsys)
    assert code == 2
    assert f"kompas.yml, regel {line}" in out + err and words in out + err


def test_a_missing_edition_file_is_an_error_with_the_nearest_file(example, capsys):
    before = kompas_yml(
        example, "eerdere_edities:\n  - titel: Rapport 2019\n    bestand: bijlagen/kwaliteitsrapport-2109.pdf\n"
    )
    code, result = check_json(example, capsys)
    assert code == 1
    finding = next(f for f in result["findings"] if f["code"] == "eerdere-editie-bestand")
    assert (finding["file"], finding["line"], finding["severity"]) == ("kompas.yml", before + 3, "fout")
    assert "Bedoelt u 'bijlagen/kwaliteitsrapport-2019.pdf'?" in finding["message"]


def test_an_untagged_edition_pdf_gets_the_accessibility_warning(example, capsys):
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(example / "bijlagen" / "kwaliteitsrapport-2019.pdf")
    _, result = check_json(example, capsys)
    finding = next(f for f in result["findings"] if f["code"] == "pdf-niet-toegankelijk")
    lines = (example / "kompas.yml").read_text(encoding="utf-8").splitlines()
    assert (finding["file"], finding["line"]) == (
        "kompas.yml",
        lines.index("    bestand: bijlagen/kwaliteitsrapport-2019.pdf") + 1,
    )


def test_the_example_has_no_warnings_for_its_edition_pdf(example, capsys):
    _, result = check_json(example, capsys)
    assert not [f for f in result["findings"] if f["severity"] in ("fout", "waarschuwing")]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(["Noord", "Zuid", "Oost", None]), st.text(min_size=1, max_size=8)), max_size=8)
)
def test_every_location_is_in_exactly_one_group_in_the_author_order(places):
    locaties = tuple(Locatie(f"loc-{n}", naam, "Plaats", regio) for n, (regio, naam) in enumerate(places))
    groups = regions(locaties)
    listed = [loc for _, items in groups for loc, _ in items]
    assert sorted(listed, key=lambda loc: loc.id) == sorted(locaties, key=lambda loc: loc.id)
    if any(loc.regio for loc in locaties):
        titles = [title for title, _ in groups]
        assert len(titles) == len(set(titles))
        assert ("Overige locaties" in titles) == any(loc.regio is None for loc in locaties)
    else:
        assert [title for title, _ in groups] == ([None] if locaties else [None])


def test_an_own_locaties_folder_is_fine_until_kompas_yml_lists_locations(example, capsys):
    kompas_yml(example, "")  # no locaties, no earlier editions
    for written in [*example.rglob("*.md"), example / "speerpunten.yml"]:
        text = written.read_text(encoding="utf-8")
        written.write_text(re.sub(r"(?m)^[ \t]*locaties:.*\n", "", text), encoding="utf-8")
    (example / "07-locaties").mkdir()
    (example / "07-locaties" / "index.md").write_text("# Onze locaties\n\nWaar we wonen en werken.\n", "utf-8")
    code, result = check_json(example, capsys)
    assert not [f for f in result["findings"] if f["code"] == "pagina-naam-gereserveerd"], result["findings"]
    assert code == 0
    kompas_yml(example, LOCATIES)
    code, result = check_json(example, capsys)
    reserved = [f for f in result["findings"] if f["code"] == "pagina-naam-gereserveerd"]
    assert code == 1 and [f["file"] for f in reserved] == ["07-locaties/index.md"]
    assert "'onze-locaties'" in reserved[0]["message"]
