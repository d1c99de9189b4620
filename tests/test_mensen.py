"""The people in a report: who wrote a page (``door``), who signs it (``ondertekening``), who made a photo
(``fotograaf``/``bron``), and how a story was recorded (``bron``, ``opgetekend_door``, ``pseudoniem``, a
photo's own ``toestemming``, which is checked and never published)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLE, copy_example, run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site.assemble.fotobron import credit_photos
from kompas_site.check import check_report
from kompas_site.errors import ContentError
from kompas_site.load import load_report

ADVIES = "01-over-ons/advies-clientenraad"
NOOR = "verhalen/begeleider-noor.md"
NOOR_CONSENT = ("persoonlijk begeleider van Dennis", "2026-02-05", "2028-02-05", "5 februari 2026", "5 februari 2028")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The example, with the people fields also written as other authors write them, built once."""
    root = tmp_path_factory.mktemp("mensen")
    content = root / "content"
    copy_example(content)
    # an easy-read twin without its own 'door' (shows its page's), and one page signed by one person,
    # written without the list's dash, with Windows line endings and quoted values
    (content / f"{ADVIES}.begrijpelijk.md").write_text(
        "---\ntitle: Wat vindt de Cliëntenraad?\n---\n\nDe Cliëntenraad las alles. Wij vinden het goed.\n",
        encoding="utf-8",
    )
    (content / "01-over-ons" / "brief.md").write_bytes(
        b'---\r\ntitle: "Een brief van de Raad van Toezicht"\r\ndoor: "Pieter-Jan van den Berg-Oudshoorn, '
        b'voorzitter van de Raad van Toezicht"\r\nondertekening:\r\n  naam: "Pieter-Jan van den Berg-Oudshoorn"\r\n'
        b"---\r\n\r\nWij lazen dit kwaliteitsbeeld met aandacht. Het is een eerlijk verhaal.\r\n\r\n"
        b'Een foto in een zin: ![Een appel.](../media/moestuin.jpg){ bron="Archief De Wilgenhoeve" } zo.\r\n'
    )
    (content / "01-over-ons" / "notities.txt").write_text("los bestand dat niet gepubliceerd wordt\n")
    edit(
        content / "verhalen" / "gert-op-zichzelf.md",
        "    alt: Gert snijdt",
        "    bron: Gemeente Molenbeek\n    alt: Gert snijdt",
    )
    out = root / "site"
    code, _, _ = run_kompas("build", content, "-o", out)
    assert code == 0
    return out


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def easy_page(site: Path, twin_source: str) -> BeautifulSoup:
    """The easy-read page built from a twin: found by its title, wherever the site puts it."""
    for file in site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        h1 = soup.find("article").find("h1") if soup.find("article") else None
        if h1 and h1.get_text(strip=True) == twin_source:
            return soup
    raise AssertionError(f"no page with title {twin_source!r}")


def after_title(soup: BeautifulSoup):
    return soup.find("article").find("h1").find_next_sibling()


# --- door: under the title -------------------------------------------------------------------------------


def test_door_is_shown_right_under_the_title_on_full_and_easy_read_pages(site):
    full = after_title(page(site, "over-ons/advies-clientenraad"))
    assert full.name == "p" and "kompas-door" in full["class"]
    assert full.get_text() == "Door Marloes, voorzitter van de Cliëntenraad"
    easy = after_title(easy_page(site, "Wat vindt de Cliëntenraad?"))
    assert easy.get_text() == "Door Marloes, voorzitter van de Cliëntenraad"
    long = after_title(page(site, "over-ons/brief"))
    assert long.get_text() == "Door Pieter-Jan van den Berg-Oudshoorn, voorzitter van de Raad van Toezicht"


def test_a_page_without_door_has_no_author_line(site):
    assert page(site, "over-ons/voorwoord").select(".kompas-door") == []


# --- ondertekening: under the text ------------------------------------------------------------------------


def signers(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    [block] = soup.select('section[aria-label="Ondertekening"]')
    found = []
    for li in block.find_all("li"):
        function = li.select_one(".kompas-ondertekening__functie")
        found.append((li.select_one(".kompas-ondertekening__naam").get_text(), function and function.get_text()))
    return found


def test_the_signed_foreword_shows_each_name_and_function_under_the_text(site):
    soup = page(site, "over-ons/voorwoord")
    assert signers(soup) == [
        ("Annelies Verhoef", "voorzitter Raad van Bestuur"),
        ("Johan Mulder", "lid Raad van Bestuur"),
    ]
    block = soup.select_one(".kompas-ondertekening")
    assert block.find_previous_sibling("p").get_text().startswith("Dit kwaliteitsbeeld schreven we samen")
    assert block.find_next_sibling() is None  # the last thing in the text
    assert "Namens" not in block.get_text()


def test_the_advice_is_signed_and_one_signer_may_be_written_without_a_list(site):
    assert signers(page(site, "over-ons/advies-clientenraad")) == [
        ("Marloes", "voorzitter Cliëntenraad"),
        ("Hans van Dijk", "secretaris Cliëntenraad"),
    ]
    assert signers(page(site, "over-ons/brief")) == [("Pieter-Jan van den Berg-Oudshoorn", None)]


# --- photo credits -------------------------------------------------------------------------------------------


def test_a_markdown_photo_gets_its_credit_as_a_caption(site):
    soup = page(site, "over-ons")
    [figure] = soup.select("figure.kompas-foto")
    assert figure.find("picture") is not None and figure.find("img")["alt"].startswith("Een moestuin")
    assert figure.find("figcaption").get_text() == "Foto: Fotogroep De Kweektuin"
    assert not soup.find(attrs={"fotograaf": True})


def test_a_photo_inside_a_sentence_gets_its_credit_right_after_it(site):
    soup = page(site, "over-ons/brief")
    credit = soup.select_one(".kompas-foto-bron")
    assert credit.get_text() == "Bron: Archief De Wilgenhoeve"
    assert credit.find_previous_sibling().name == "picture"
    assert credit.parent.name == "p" and not soup.find(attrs={"bron": True})


def test_story_photos_carry_their_credit(site):
    noor = page(site, "verhalen/begeleider-noor").select_one(".kompas-verhaal-kop figure.kompas-foto")
    assert noor.find("img")["alt"].startswith("Begeleider Noor") and noor.find("picture")
    assert noor.find("figcaption").get_text() == "Foto: Fotogroep De Kweektuin"
    gert = page(site, "verhalen/gert-op-zichzelf").select_one(".kompas-verhaal-kop figcaption")
    assert gert.get_text() == "Bron: Gemeente Molenbeek"
    assert page(site, "verhalen/filmgroep").select("figure.kompas-foto") == []  # a photo without credit: none


# --- stories as they were recorded ------------------------------------------------------------------------------


def test_a_story_says_where_it_comes_from_who_wrote_it_down_and_that_the_name_is_changed(site):
    head = page(site, "verhalen/filmavond").select_one(".kompas-verhaal-kop")
    assert [line.strip() for line in head.select_one(".kompas-verhaal-herkomst").stripped_strings] == [
        "Opgetekend door Femke, begeleider op De Esdoorn",
        "Bron: Uit het verhalenboek 'Thuis op De Esdoorn' (2025)",
    ]
    assert head.select_one(".kompas-pseudoniem").get_text() == (
        "De naam in dit verhaal is veranderd. We gebruiken een andere naam om de privacy te beschermen."
    )
    other = page(site, "verhalen/gert-op-zichzelf")
    assert other.select(".kompas-pseudoniem, .kompas-verhaal-herkomst") == []


def test_a_photos_consent_is_never_published(site):
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".json", ".js", ".txt", ".xml"):
            text = file.read_text(encoding="utf-8", errors="replace")
            for value in NOOR_CONSENT:
                assert value not in text, (file, value)
    assert not (site / "over-ons" / "notities.txt").exists()


# --- a photo's own consent: same checks as the story's ----------------------------------------------------------


def consent_findings(content: Path):
    codes = ("toestemming-ontbreekt", "toestemming-verlopen", "kopregel-vorm")
    return [f for f in check_report(load_report(content)).findings if f.code in codes]


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "old,new,code,key,line,words",
    [
        (
            "      vastgelegd_door: persoonlijk begeleider van Dennis\n",
            "",
            "toestemming-ontbreekt",
            "fotos.toestemming.vastgelegd_door",
            "    toestemming:  #",
            "ontbreekt 'vastgelegd_door'",
        ),
        (
            "geldig_tot: 2028-02-05",
            "geldig_tot: 2026-05-01",
            "toestemming-verlopen",
            "fotos.toestemming.geldig_tot",
            "geldig_tot: 2026-05-01",
            "1 mei 2026",
        ),
        (
            "datum: 2026-02-05",
            "datum: 05-02-2026",
            "kopregel-vorm",
            "fotos.toestemming.datum",
            "datum: 05-02-2026",
            "jaar-maand-dag",
        ),
        (
            "datum: 2026-02-05",
            "datum: '2028-03-01'",
            "toestemming-ontbreekt",
            "fotos.toestemming.datum",
            "datum: '2028-03-01'",
            "omgedraaid",
        ),
        (
            "    toestemming:  # Dennis",
            "    toestemming: ja  # Dennis",
            "toestemming-ontbreekt",
            "fotos.toestemming",
            "toestemming: ja",
            "drie",
        ),
    ],
)
def test_a_photos_own_consent_is_checked_like_the_storys(example, old, new, code, key, line, words):
    story = example / NOOR
    edit(story, old, new)
    if new.startswith("    toestemming: ja"):  # the record's lines are now under nothing: take them out
        text = story.read_text(encoding="utf-8").split("\n")
        at = next(i for i, t in enumerate(text) if "toestemming: ja" in t)
        story.write_text("\n".join(text[: at + 1] + text[at + 4 :]), encoding="utf-8")
    [finding] = consent_findings(example)
    assert (finding.code, finding.severity, finding.file, finding.key) == (code, "fout", NOOR, key)
    assert finding.line == line_of(story, line)
    assert words in finding.message
    if code != "kopregel-vorm":
        assert "media/noor-werk.jpg" in finding.message


def test_the_example_report_has_no_consent_findings():
    assert consent_findings(EXAMPLE) == []


# --- bad input: a fout with file, line, key and the nearest valid key ---------------------------------------


def problems_of(content: Path, file: str, old: str, new: str):
    edit(content / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_report(content)
    [problem] = caught.value.problems
    assert problem.file == file
    return problem


def finding_of(content: Path, file: str, old: str, new: str):
    """Who wrote or signed a page, written in a shape that cannot be used: a finding (kopregel-vorm), the bad
    part left out, and the rest of the report still checked."""
    edit(content / file, old, new)
    [finding] = [f for f in check_report(load_report(content)).findings if f.code == "kopregel-vorm"]
    assert finding.file == file and finding.severity == "fout"
    return finding


def test_ondertekening_that_is_not_a_list_of_people(example):
    problem = finding_of(example, f"{ADVIES}.md", "ondertekening:\n", "ondertekening: de hele raad\nweg:\n")
    assert problem.key == "ondertekening" and problem.line == 5
    assert "- naam:" in problem.message and "functie:" in problem.message


def test_a_signer_without_naam(example):
    problem = finding_of(example, f"{ADVIES}.md", "  - naam: Hans van Dijk\n    functie:", "  - functie:")
    assert problem.key == "ondertekening.naam" and problem.line == 8
    assert "'naam'" in problem.message


def test_a_signer_with_an_unknown_key_gets_the_nearest(example):
    problem = finding_of(example, f"{ADVIES}.md", "    functie: secretaris", "    funktie: secretaris")
    assert problem.key == "ondertekening.funktie" and problem.line == 9
    assert "'functie'" in problem.message


def test_pseudoniem_misschien(example):
    problem = problems_of(example, "verhalen/filmavond.md", "pseudoniem: true", "pseudoniem: misschien")
    assert problem.key == "pseudoniem" and problem.line == line_of(example / "verhalen/filmavond.md", "pseudoniem:")
    assert "ja of nee" in problem.message and "misschien" in problem.message


def test_an_unknown_key_in_a_photo_entry_gets_the_nearest(example):
    problem = problems_of(example, NOOR, "    fotograaf: Fotogroep", "    fotgraaf: Fotogroep")
    assert problem.key == "fotos.fotgraaf" and problem.line == line_of(example / NOOR, "fotgraaf:")
    assert "Bedoelt u 'fotograaf'" in problem.message or "'fotograaf'" in problem.message


def test_door_must_be_one_text(example):
    problem = finding_of(example, f"{ADVIES}.md", "door: Marloes, voorzitter van de Cliëntenraad", "door: [Marloes]")
    assert problem.key == "door" and problem.line == 3


# --- credits as text, whatever the name -----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60), st.sampled_from(["fotograaf", "bron"]), st.booleans())
def test_any_credit_is_shown_as_text(name, key, alone):
    img = f'<img alt="Een foto." {key}="{escape(name, quote=True)}" src="media/x.jpg" />'
    html = f"<p>{img}</p>" if alone else f"<p>Tekst {img} meer tekst.</p>"
    soup = BeautifulSoup(credit_photos(html), "html.parser")
    shown = " ".join(name.split())
    caption = soup.find("figcaption") if alone else soup.select_one(".kompas-foto-bron")
    if not shown:
        assert caption is None and soup.find("img")[key] == name  # nothing to show: left as it was
        return
    label = "Foto" if key == "fotograaf" else "Bron"
    assert caption.get_text() == f"{label}: {shown}"
    assert soup.find("img")["alt"] == "Een foto." and not soup.find("img").has_attr(key)
    assert len(soup.find_all("img")) == 1 and soup.find("script") is None


@pytest.mark.parametrize(
    "file,old,new,key",
    [
        (f"{ADVIES}.md", "door: Marloes,", "door: Marloes (06-12345678),", "door"),
        (
            f"{ADVIES}.md",
            "functie: secretaris Cliëntenraad",
            "functie: secretaris, bel 06-12345678",
            "ondertekening: functie",
        ),
        (NOOR, "fotograaf: Fotogroep De Kweektuin", "fotograaf: Jan, 06-12345678", "fotos: fotograaf"),
        (
            "verhalen/filmavond.md",
            "opgetekend_door: Femke,",
            "opgetekend_door: Femke (femke@example.nl),",
            "opgetekend_door",
        ),
    ],
)
def test_personal_data_in_the_people_fields_is_found(example, file, old, new, key):
    edit(example / file, old, new)
    [finding] = [f for f in check_report(load_report(example)).findings if f.code == "persoonsgegevens"]
    assert (finding.file, finding.severity) == (file, "fout")
    assert key in finding.message or finding.key == key.split(":")[0]
    assert finding.line == line_of(example / file, new)
