"""Hard words in the easy-read version: first use explained, links and headings left alone."""

from __future__ import annotations

import json

from conftest import run_kompas

from kompas_site.easyread.woordenlijst import Term, explain_terms, glossary

TERMS = [
    Term("bouwsteen", "Een deel van de afspraken.", ("bouwstenen",)),
    Term("PDCA", "Vier stappen."),
    Term("raad van bestuur", "De baas."),
    Term("raad", "Een groep."),
]


def test_first_use_is_marked_and_explained_under_its_paragraph():
    md = "# Bouwsteen in de titel\n\nDe bouwstenen zijn drie.\nEen bouwsteen is klein.\n\nNog een bouwsteen.\n"
    out, explained = explain_terms(md, TERMS)
    lines = out.split("\n")
    assert lines[0] == "# Bouwsteen in de titel"  # headings are left alone
    assert lines[2] == 'De <strong class="kompas-term">bouwstenen</strong> zijn drie.'
    assert lines[3] == "Een bouwsteen is klein."
    assert lines[5].startswith('<p class="kompas-uitleg" role="note"><span class="kompas-uitleg__woord">Bouwsteen')
    assert "Nog een bouwsteen." in out and [t.term for t in explained] == ["bouwsteen"]


def test_links_code_and_acronyms_in_other_case_are_not_touched():
    md = "Zie [de bouwsteen](bouwsteen.md) en `bouwsteen` en pdca.\n\nDe raad van bestuur en de raad.\n"
    out, explained = explain_terms(md, TERMS)
    assert "[de bouwsteen](bouwsteen.md)" in out and "`bouwsteen`" in out and "pdca." in out
    assert (
        '<strong class="kompas-term">raad van bestuur</strong> en de <strong class="kompas-term">raad</strong>' in out
    )
    assert {t.term for t in explained} == {"raad van bestuur", "raad"}


def test_the_organisation_can_replace_and_add_words():
    terms = {t.term: t for t in glossary({"Bouwsteen": "Onze eigen uitleg.", "De Esdoorn": "Een woonlocatie."})}
    assert terms["Bouwsteen"].uitleg == "Onze eigen uitleg." and terms["Bouwsteen"].vormen == ("bouwstenen",)
    assert "bouwsteen" not in terms and terms["De Esdoorn"].anchor == "de-esdoorn"


def test_a_woordenlijst_word_without_explanation_is_named(example, capsys):
    (example / "woordenlijst.yml").write_text("Esdoorn: Een woonlocatie.\nmoreel beraad:\n", encoding="utf-8")
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    finding = next(f for f in json.loads(out)["findings"] if f["code"] == "woordenlijst-zonder-uitleg")
    assert code == 0 and finding["severity"] == "waarschuwing"
    assert (finding["file"], finding["line"]) == ("woordenlijst.yml", 2) and "'moreel beraad'" in finding["message"]
    (example / "woordenlijst.yml").write_text("Esdoorn:\n  - een lijst\n", encoding="utf-8")
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code == 2 and "woordenlijst.yml, regel 1" in err


def _soup(site, path):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_own_words_blank_words_and_the_glossary_page_in_a_real_build(example, tmp_path, capsys):
    """Written the way an author writes it: Windows line endings, a blank word, an own word with its
    forms, an own word with its plural found by itself, and a word the report never uses."""
    (example / "woordenlijst.yml").write_bytes(
        b"'': leeg\r\n"
        b"kookclublid:\r\n  uitleg: Iemand die meedoet aan de kookclub.\r\n  vormen: [kookclubleden]\r\n"
        b"deelnemer: Iemand die meedoet aan de dagbesteding.\r\n"
        b"De Zonnebloem: Een huis dat in dit verslag niet voorkomt.\r\n"
    )
    twin = example / "03-ervaringen" / "index.begrijpelijk.md"
    twin.write_text(
        twin.read_text(encoding="utf-8") + "\nDe kookclubleden vertelden het ook. De deelnemers ook.\n",
        encoding="utf-8",
    )
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    blank = [
        f
        for f in json.loads(out)["findings"]
        if f["code"] == "woordenlijst-zonder-uitleg" and "zonder woord" in f["message"]
    ]
    assert code == 0 and len(blank) == 1
    assert (blank[0]["file"], blank[0]["line"]) == ("woordenlijst.yml", 1) and "leeg" in blank[0]["message"]

    site = tmp_path / "site"
    code, _, err = run_kompas("build", example, "-o", site, capsys=capsys)
    assert code == 0, err
    for html in (site / "begrijpelijk").rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        assert '<strong class="kompas-term"></strong>' not in text, html
        assert '<span class="kompas-uitleg__woord"></span>' not in text and ": leeg</p>" not in text, html
    page = _soup(site, "begrijpelijk/ervaringen")
    marked = [m.get_text(strip=True) for m in page.select(".kompas-term")]
    assert "kookclubleden" in marked and "deelnemers" in marked  # the form given, and the plural found by itself

    glossary = _soup(site, "begrijpelijk/woordenlijst")
    listed = {h.get_text(strip=True) for h in glossary.select("article h2")}
    assert {"Kookclublid", "Deelnemer", "Ervaringsdeskundige", "Bouwsteen"} <= listed  # Bouwsteen: only in a title
    assert "De Zonnebloem" not in listed and "Wlz" not in listed and "Onvrijwillige zorg" not in listed
    assert "" not in listed


def test_own_words_with_forms_are_checked_for_their_shape(example, capsys):
    (example / "woordenlijst.yml").write_text(
        "deelnemer:\n  uitleg: Iemand die meedoet.\n  meervoud: deelnemers\n", encoding="utf-8"
    )
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code == 2 and "woordenlijst.yml, regel 1" in err and "'meervoud'" in err and "vormen" in err
    (example / "woordenlijst.yml").write_text(
        "deelnemer:\n  uitleg: Iemand die meedoet.\n  vormen: deelnemers\n", encoding="utf-8"
    )
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    assert code == 0  # one form as plain text is fine
    (example / "woordenlijst.yml").write_text("deelnemer:\n  vormen: [deelnemers]\n", encoding="utf-8")
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    assert any(f["code"] == "woordenlijst-zonder-uitleg" for f in json.loads(out)["findings"])


def test_plurals_of_own_words():
    terms = {t.term: t for t in glossary({"speerpunt": "Een doel.", "bouwsteen": "Een deel.", "De Esdoorn": "Huis."})}
    assert "speerpunten" in terms["speerpunt"].vormen and "bouwstenen" in terms["bouwsteen"].vormen
    assert terms["De Esdoorn"].vormen == ()  # a name never changes
    out, _ = explain_terms("Twee verbeterpunten.\n", glossary({"verbeterpunt": "Iets dat beter moet."}))
    assert '<strong class="kompas-term">verbeterpunten</strong>' in out
