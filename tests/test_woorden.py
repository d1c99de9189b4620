"""The organisation's own words ('woorden:' in kompas.yml) reach every generated text."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import EASY_PROSE, EXAMPLE, copy_example, run_kompas
from hypothesis import given
from hypothesis import strategies as st

from kompas_site.check import check_report
from kompas_site.easyread.woordenlijst import glossary
from kompas_site.load import load_report
from kompas_site.woorden import DEFAULT, Woorden, capitalised, singular

KOMPAS = """organisatie:
  naam: Stichting Het Anker
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025
woorden:
  clienten: bewoners
  speerpunten: verbeterpunten
locaties:
  - id: de-linde
    naam: Woonlocatie De Linde
    plaats: Haverdijk
    regio: Noord
  - id: het-veer
    naam: Woonlocatie Het Veer met een heel lange naam die op een telefoon moet afbreken
    plaats: Molenbeek
eerdere_edities:
  - titel: Kwaliteitsbeeld 2023
    url: https://www.example.org/kwaliteitsbeeld-2023
    jaar: 2023
"""
# The authors' own text uses neither word: whatever shows one, kompas-site wrote it.
PROSE = (
    "Dit jaar keken we samen met bewoners, naasten en medewerkers naar wat goed ging en wat beter kan. "
    "We hielden gesprekken op elke locatie en lazen de verslagen van de teams terug. Daaruit kwamen drie "
    "lessen: vaste gezichten maken het verschil, plannen werken pas als iemand ze zelf begrijpt, en teams "
    "leren het meest als ze samen terugkijken. Dat nemen we mee naar het komende jaar."
)
GOALS = """speerpunten:
  - id: vaste-gezichten
    titel: Vaste gezichten op elke groep
    bouwsteen: [1, 3]
    status: doorgezet
    locaties: [de-linde]
    doel: Elke groep heeft vijf vaste begeleiders.
    resultaat: Vier van de zes groepen.
    toelichting: Op vier van de zes groepen lukte het.
  - id: samen-leren
    titel: Samen leren
    status: nieuw
    pagina: voorwoord.md
  - id: avonden
    titel: Meer te doen in de avond
    bouwsteen: 2
    status: niet-behaald
    locaties: [het-veer]
    toelichting: Er kwamen te weinig vrijwilligers.
"""
FIGURES = """titel: Wat bewoners zeggen
bron: Ons onderzoek van 2025, 120 gesprekken met bewoners
eenheid: procent
grafiek: staaf
reeksen:
  - naam: Bewoners
    n: 120
rijen:
  - label: Ik voel me veilig
    waarden: [89]
    makkelijk: voelen zich veilig
  - label: Ik voel me thuis
    waarden: [72]
"""
# Easy words the sector's glossary explains, in the organisation's words (bewonersraad, verbeterpunten).
EASY_WORDS = (
    "De bewonersraad las dit kwaliteitsbeeld. Zij praten mee over ons werk. "
    "We kozen samen drie verbeterpunten. Daar werken we hard aan."
)
SOFT_HYPHEN = "\xad"
SECTOR = re.compile(r"cli[eë]nt|speerpunt", re.IGNORECASE)


def write_report(root):
    """A report that uses every generated part: locations, figures, a signed foreword, a story card with its
    location, an easy-read version with explained words. Some files as others write them: Windows line
    endings, quoted dates."""
    root.mkdir()
    (root / "kompas.yml").write_text(KOMPAS, encoding="utf-8")
    (root / "speerpunten.yml").write_text(GOALS, encoding="utf-8")
    (root / "cijfers").mkdir()
    (root / "cijfers" / "ervaringen.yml").write_text(FIGURES, encoding="utf-8")
    (root / "index.md").write_text(
        f"---\ntitle: Ons jaar\nonderdelen: [clientervaringen, speerpunten-terugblik]\nlocaties: [de-linde]\n---\n\n{PROSE}\n\n[[cijfers: ervaringen]]\n\n"
        "[[verhaal: anna]]\n",
        encoding="utf-8",
    )
    (root / "index.begrijpelijk.md").write_text(
        f"---\ntitle: Ons jaar\n---\n\n{EASY_PROSE.replace('cliënten', 'bewoners')}\n\n{EASY_WORDS}\n\n"
        "[[cijfers: ervaringen]]\n",
        encoding="utf-8",
    )
    (root / "voorwoord.md").write_bytes(
        (
            "---\ntitle: Voorwoord\ndoor: Marloes, voorzitter van de bewonersraad\nlocaties: [het-veer]\n"
            "ondertekening:\n  - naam: Annelies Verhoef\n    functie: bestuurder\n  - naam: Marloes\n---\n\n"
            f"{PROSE}\n"
        )
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    (root / "verhalen").mkdir()
    (root / "verhalen" / "anna.md").write_text(
        "---\ntitle: Anna woont zelf\nperspectief: client\nbouwsteen: 1\nlocaties: [de-linde, het-veer]\n"
        "cijfers: [ervaringen]\n"
        'toestemming:\n  datum: "2026-01-10"\n  geldig_tot: 2027-12-31\n  vastgelegd_door: teamleider\n---\n\n'
        f"{PROSE}\n",
        encoding="utf-8",
    )
    (root / "verhalen" / "ben.md").write_text(
        "---\ntitle: Ben kookt\nperspectief: verwant\nlocaties: [het-veer]\n"
        "toestemming:\n  datum: 2026-01-10\n  geldig_tot: 2027-12-31\n  vastgelegd_door: teamleider\n---\n\n"
        f"{PROSE}\n",
        encoding="utf-8",
    )


def visible_texts(page: BeautifulSoup) -> list[str]:
    """What a reader sees or hears: the text, the <title>, and labels in attributes. The draft banner holds
    the checker's messages to the authors (which name the kader's own terms, 'onderdelen: [clientervaringen]'):
    it is never published."""
    for banner in page.select(".kompas-concept"):
        banner.decompose()
    texts = [page.get_text(" ")]
    for tag in page.find_all(True):
        texts += [str(tag.get(a)) for a in ("aria-label", "alt", "title", "placeholder") if tag.get(a)]
    return [text.replace(SOFT_HYPHEN, "") for text in texts]  # headings break long words: 'Speer\xadpunten'


def test_no_generated_text_names_clients_or_speerpunten(tmp_path, capsys):
    content = tmp_path / "content"
    write_report(content)
    out = tmp_path / "site"
    code, stdout, stderr = run_kompas("build", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, stdout + stderr
    pages = sorted(out.rglob("*.html"))
    names = {path.relative_to(out).as_posix() for path in pages}
    assert {
        "begrijpelijk/woordenlijst/index.html",
        "begrijpelijk/speerpunten/index.html",
        "locaties/index.html",
        "locaties/de-linde/index.html",
        "locaties/het-veer/index.html",
        "verhalen/index.html",
        "voorwoord/index.html",
        "waar-vind-ik-wat/index.html",
    } <= names
    found = {}
    for path in pages:
        for text in visible_texts(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            for match in SECTOR.finditer(text):
                found.setdefault(path.relative_to(out).as_posix(), set()).add(
                    text[max(0, match.start() - 40) : match.end() + 40]
                )
    assert found == {}
    index = (
        json.loads((out / "zoeken" / "index.json").read_text(encoding="utf-8"))
        if (out / "zoeken" / "index.json").exists()
        else None
    )
    if index is not None:
        labels = [f"{entry.get('t', '')} {entry.get('x', '')}" for entry in index]  # the addresses may keep theirs
        assert not [label for label in labels if SECTOR.search(label)]
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Alle verbeterpunten" in home.get_text()
    goals = BeautifulSoup((out / "speerpunten" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert goals.title.get_text().startswith("Alle verbeterpunten")
    assert "Doorgezet: één verbeterpunt" in goals.get_text(" ")
    story = BeautifulSoup((out / "verhalen" / "anna" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Verteld door een bewoner" in story.get_text(" ")
    # Every generated part is really there, so the search above looked at it.
    glossary = read(out, "begrijpelijk/woordenlijst/index.html")
    entries = {
        h2.get_text(" ", strip=True).replace(SOFT_HYPHEN, ""): h2.find_next_sibling("p").get_text(" ", strip=True)
        for h2 in glossary.select("article h2")
    }
    assert entries["Verbeterpunt"] == "Iets wat de organisatie beter wil maken. Daar werkt ze extra hard aan."
    assert entries["Bewonersraad"].startswith("Een groep bewoners en familieleden.")
    easy = read(out, "begrijpelijk/index.html")
    notes = [n.get_text(" ", strip=True) for n in easy.select(".kompas-uitleg")]
    assert any(n.startswith("Verbeterpunt") for n in notes) and any(n.startswith("Bewonersraad") for n in notes)
    assert [t.get_text() for t in easy.select(".kompas-term")] == ["bewonersraad", "kwaliteitsbeeld", "verbeterpunten"]
    assert "9 van de 10 bewoners voelen zich veilig." in easy.get_text(" ")
    veer = read(out, "locaties/het-veer/index.html").get_text(" ").replace(SOFT_HYPHEN, "")
    assert "Verbeterpunten" in veer and "Meer te doen in de avond" in veer and "Verteld door een bewoner" in veer
    assert read(out, "voorwoord/index.html").select(".kompas-ondertekening li")
    assert read(out, "index.html").select("figure, .kompas-cijfers")


def read(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_sector_words_in_kader_texts_become_the_organisations_words():
    woorden = Woorden("deelnemers", "deelnemer", "verbeterpunten", "verbeterpunt")
    assert woorden.apply("Speerpunten: terugblik") == "Verbeterpunten: terugblik"
    assert woorden.apply("samen met de cliëntenraad") == "samen met de deelnemersraad"
    assert woorden.apply("Uitkomsten van het onderzoek naar cliëntervaringen") == (
        "Uitkomsten van het onderzoek naar ervaringen van deelnemers"
    )
    assert woorden.apply("elke cliënt, alle Cliënten") == "elke deelnemer, alle Deelnemers"
    assert DEFAULT.apply("Speerpunten van cliënten") == "Speerpunten van cliënten"


@given(st.text(alphabet=st.characters(categories=("Ll", "Lu")), min_size=1, max_size=30))
def test_any_plural_word_is_handled(word):
    plural = word.lower()
    one = singular(plural)
    assert isinstance(one, str) and one  # never empty, never a crash
    assert capitalised(plural) == plural[:1].upper() + plural[1:]  # only the first letter changes
    woorden = Woorden(plural, one, plural, one)
    text = woorden.apply("Speerpunten voor cliënten: elk speerpunt telt.")
    assert text.startswith(capitalised(plural))
    assert f"voor {plural}:" in text and f"elk {one} telt." in text


def test_the_built_in_glossary_speaks_the_organisations_words():
    woorden = Woorden("bewoners", "bewoner", "verbeterpunten", "verbeterpunt")
    terms = {t.term: t for t in glossary({}, {}, woorden)}
    assert terms["verbeterpunt"].vormen == ("verbeterpunten",)
    assert terms["verbeterpunt"].pattern.search("Onze Verbeterpunten voor 2026")
    assert terms["bewonersraad"].vormen == ("bewonersraden",)
    assert terms["bewonersraad"].uitleg.startswith("Een groep bewoners en familieleden.")
    # The name of the survey stays (it is not one word in the organisation's language); its explanation changes.
    assert terms["cliëntervaringsonderzoek"].uitleg == "Een onderzoek waarin we bewoners vragen hoe zij de zorg vinden."
    assert not [t.term for t in terms.values() if SECTOR.search(t.uitleg)]
    # An own explanation of the organisation's word wins over the built-in one.
    own = {t.term: t for t in glossary({"verbeterpunt": "Iets wat we beter willen doen."}, {}, woorden)}
    assert own["verbeterpunt"].uitleg == "Iets wat we beter willen doen."
    assert "verbeterpunten" in own["verbeterpunt"].vormen
    assert [t.uitleg for t in glossary({}, {})] == [t.uitleg for t in glossary({}, {}, DEFAULT)]
    assert "verbeterpunt" not in {t.term for t in glossary({}, {})}


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("deelnemers", "deelnemer"),
        ("bewoners", "bewoner"),
        ("verbeterpunten", "verbeterpunt"),
        ("verbeterdoelen", "verbeterdoel"),
        ("actiepunten", "actiepunt"),
        ("leerdoelen", "leerdoel"),
        ("cliënten", "cliënt"),
        ("jongeren", "jongere"),
        ("kinderen", "kind"),
        ("kleinkinderen", "kleinkind"),
        ("ouderen", "oudere"),
        ("gasten", "gast"),
        ("leden", "lid"),
        ("familieleden", "familielid"),
        ("mensen", "mens"),
        ("naasten", "naaste"),
        ("jeugdigen", "jeugdige"),
        ("ervaringsdeskundigen", "ervaringsdeskundige"),
        ("bouwstenen", "bouwsteen"),
        ("huurders", "huurder"),
        ("collega's", "collega"),
        ("bedden", "bed"),
        ("Bewoners", "Bewoner"),
        (" deelnemers ", "deelnemer"),
    ],
)
def test_singular_of_common_words(plural, expected):
    assert singular(plural) == expected


@given(st.text(min_size=1, max_size=40))
def test_singular_never_crashes_nor_returns_nothing(plural):
    one = singular(plural)
    assert isinstance(one, str) and one
    assert len(one) <= max(len(plural.strip()), len(plural))


@given(
    st.text(alphabet=st.characters(categories=("Ll",)), min_size=1, max_size=20),
    st.text(alphabet=st.characters(categories=("Ll", "Zs")), min_size=1, max_size=20),
)
def test_any_own_words_give_a_glossary_in_those_words(clienten, speerpunten):
    woorden = Woorden(clienten, singular(clienten), speerpunten, singular(speerpunten))
    terms = glossary({}, {}, woorden)
    assert all(t.term.strip() and t.uitleg for t in terms)
    if not SECTOR.search(clienten + speerpunten):
        assert not [t.uitleg for t in terms if SECTOR.search(t.uitleg)]


# -- the example says 'verbeterpunten' -----------------------------------------------------------------

SPEERPUNT = re.compile(r"speerpunt", re.IGNORECASE)


@pytest.mark.parametrize(
    "edition", [EXAMPLE, EXAMPLE.parent / "voorbeelden" / "wilgenhoeve-2023"], ids=["2025", "2023"]
)
def test_the_example_never_says_speerpunt_where_readers_see_it(edition, tmp_path, capsys):
    """Both editions of the example set 'speerpunten: verbeterpunten': what kompas-site generates and what the
    authors wrote use that word alone (file names, folders, ids and addresses keep 'speerpunten')."""
    assert "speerpunten: verbeterpunten" in (edition / "kompas.yml").read_text(encoding="utf-8")
    out = tmp_path / "site"
    code, stdout, stderr = run_kompas("build", edition, "-o", out, capsys=capsys)
    assert code == 0, stdout + stderr
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 15 and (out / "404.html") in pages
    found = {}
    for path in pages:
        for text in visible_texts(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")):
            for match in SPEERPUNT.finditer(text):
                found.setdefault(path.relative_to(out).as_posix(), set()).add(
                    " ".join(text[max(0, match.start() - 40) : match.end() + 40].split())
                )
    assert found == {}
    index = json.loads((out / "zoeken" / "index.json").read_text(encoding="utf-8"))
    assert len(index) > 15
    searched = [f"{entry['t']} {entry.get('x', '')}".replace(SOFT_HYPHEN, "") for entry in index]
    assert [text[:80] for text in searched if SPEERPUNT.search(text)] == []
    assert any("verbeterpunt" in text for text in searched)
    # The own word is really there: in the menu (the overview and the folder '…-speerpunten' as a section),
    # as the overview page's title and heading, and in the easy-read glossary.
    home = read(out, "index.html")
    menu = [a.get_text(" ", strip=True).replace(SOFT_HYPHEN, "") for a in home.select("nav.md-nav--primary a")]
    assert "Alle verbeterpunten" in menu and "Verbeterpunten" in menu
    overview = read(out, "speerpunten/index.html")
    assert overview.title.get_text().startswith("Alle verbeterpunten")
    assert overview.select_one("article h1").get_text(strip=True).replace(SOFT_HYPHEN, "") == "Alle verbeterpunten"
    glossary = read(out, "begrijpelijk/woordenlijst/index.html")
    terms = [h2.get_text(" ", strip=True).replace(SOFT_HYPHEN, "") for h2 in glossary.select("article h2")]
    assert "Verbeterpunt" in terms


def _settings(tmp_path, woorden: str):
    from kompas_site.load.settings import load_settings

    (tmp_path / "kompas.yml").write_bytes(
        (KOMPAS.split("woorden:")[0] + "woorden:\n" + woorden + "locaties:" + KOMPAS.split("locaties:")[1])
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    return load_settings(tmp_path)


@pytest.mark.parametrize(
    ("woorden", "expected"),
    [
        (
            "  clienten: Deelnemers\n  speerpunten: Verbeterpunten\n",
            ("deelnemers", "deelnemer", "verbeterpunten", "verbeterpunt", "deelnemersraad"),
        ),
        ("  clienten: kinderen\n  speerpunten: doelen\n", ("kinderen", "kind", "doelen", "doel", "kinderraad")),
        ("  clienten: jongeren\n", ("jongeren", "jongere", "speerpunten", "speerpunt", "jongerenraad")),
        ("  clienten: ouderen\n", ("ouderen", "oudere", "speerpunten", "speerpunt", "ouderenraad")),
        ("  clienten: mensen\n", ("mensen", "mens", "speerpunten", "speerpunt", "raad van mensen")),
        (
            "  clienten: mensen\n  clientenraad: Medezeggenschapsraad\n",
            ("mensen", "mens", "speerpunten", "speerpunt", "medezeggenschapsraad"),
        ),
        (
            "  clienten: NAH-cliënten\n  client: NAH-cliënt\n",
            ("NAH-cliënten", "NAH-cliënt", "speerpunten", "speerpunt", "NAH-cliëntenraad"),
        ),
        (
            "  clienten: cliënten en naasten\n",
            ("cliënten en naasten", "cliënt", "speerpunten", "speerpunt", "raad van cliënten en naasten"),
        ),
    ],
)
def test_own_words_are_lower_case_in_a_sentence_and_name_the_council(tmp_path, woorden, expected):
    w = _settings(tmp_path, woorden).woorden
    assert (w.clienten, w.client, w.speerpunten, w.speerpunt, w.clientenraad) == expected
    assert w.apply("De Cliëntenraad") == "De " + capitalised(expected[4])


def test_several_words_without_a_singular_are_a_warning_with_an_example(tmp_path):
    from kompas_site.check.rules import woorden as rule

    folder = tmp_path / "content"
    copy_example(folder)
    kompas = folder / "kompas.yml"
    text = kompas.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^woorden:\n(  .*\n)*", "", text) + "woorden:\n  clienten: cliënten en naasten\n"
    kompas.write_text(text, encoding="utf-8")
    found = [f for f in check_report(load_report(folder)).findings if f.code == rule.ENKELVOUD.code]
    assert len(found) == 1
    assert found[0].severity == "waarschuwing" and found[0].key == "woorden.clienten"
    assert found[0].line == len(text.splitlines())
    assert "client: cliënt of naaste" in found[0].message
    kompas.write_text(text + "  client: cliënt of naaste\n", encoding="utf-8")
    assert not [f for f in check_report(load_report(folder)).findings if f.code == rule.ENKELVOUD.code]


@given(
    st.sampled_from(["doelen", "verbeterpunten", "aandachtspunten", "punten", "speerpunten", "ambities"]),
    st.sampled_from(["kinderen", "mensen", "deelnemers", "bewoners", "jongeren", "cliënten"]),
)
def test_no_glossary_entry_explains_a_word_by_itself(speerpunten, clienten):
    woorden = Woorden(clienten, singular(clienten), speerpunten, singular(speerpunten))
    own = {w.casefold() for w in (woorden.client, woorden.clienten, woorden.speerpunt, woorden.speerpunten)}
    own.add(woorden.clientenraad.casefold())
    for term in (t for t in glossary({}, {}, woorden) if t.term.casefold() in own):
        first = term.uitleg.split(".")[0].casefold()
        assert not re.search(rf"\b{re.escape(term.term.casefold())}\b", first), (term.term, term.uitleg)
