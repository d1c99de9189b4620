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
