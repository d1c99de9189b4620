"""The organisation's own words ('woorden:' in kompas.yml) reach every generated text."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from conftest import EASY_PROSE, run_kompas
from hypothesis import given
from hypothesis import strategies as st

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
    toelichting: Op vier van de zes groepen lukte het.
  - id: samen-leren
    titel: Samen leren
    status: nieuw
"""
SECTOR = re.compile(r"cli[eë]nt|speerpunt", re.IGNORECASE)


def write_report(root):
    root.mkdir()
    (root / "kompas.yml").write_text(KOMPAS, encoding="utf-8")
    (root / "speerpunten.yml").write_text(GOALS, encoding="utf-8")
    (root / "index.md").write_text(f"---\ntitle: Ons jaar\n---\n\n{PROSE}\n", encoding="utf-8")
    (root / "index.begrijpelijk.md").write_text(
        f"---\ntitle: Ons jaar\n---\n\n{EASY_PROSE.replace('cliënten', 'bewoners')}\n", encoding="utf-8"
    )
    (root / "verhalen").mkdir()
    (root / "verhalen" / "anna.md").write_text(
        "---\ntitle: Anna woont zelf\nperspectief: client\nbouwsteen: 1\n"
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
    return texts


def test_no_generated_text_names_clients_or_speerpunten(tmp_path, capsys):
    content = tmp_path / "content"
    write_report(content)
    out = tmp_path / "site"
    code, stdout, stderr = run_kompas("build", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, stdout + stderr
    pages = sorted(out.rglob("*.html"))
    assert len(pages) >= 8
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
