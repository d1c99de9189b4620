"""What a new user's trial found in figure sets: Dutch numbers YAML reads differently (1.234, 84,4), the
easy-read sentences of trend and count sets, and the checker's hints. Tests build real content folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site.check import check_report
from kompas_site.load import load_report

PERSONEEL = """titel: Personeel in 2024 en 2025
bron: Personeelsadministratie, jaarverslag 2025
eenheid: {eenheid}
grafiek: staaf
reeksen:
  - naam: "2024"
  - naam: "2025"
rijen:
  - label: Medewerkers in vaste dienst
    waarden: [271, 286]
  - label: Invalkrachten
    waarden: [{waarde}, "1.412"]
  - label: Verzuim
    waarden: ["7,2", "6,8"]
"""


def findings(content: Path, code: str) -> list:
    return [f for f in check_report(load_report(content)).findings if f.code == code]


def write_set(content: Path, name: str, text: str, newline: str = "\n") -> None:
    (content / "cijfers" / f"{name}.yml").write_bytes(text.replace("\n", newline).encode("utf-8"))


@pytest.mark.parametrize("eenheid", ["aantal", "euro", "dagen", "uren"])
def test_a_number_with_three_decimals_outside_percentages_is_a_thousands_separator(example, eenheid):
    write_set(example, "personeel", PERSONEEL.format(eenheid=eenheid, waarde="1.234"), "\r\n")
    found = findings(example, "cijfers-onleesbaar")
    assert len(found) == 1
    problem = found[0]
    assert problem.severity == "fout"
    assert (problem.file, problem.line, problem.key) == ("cijfers/personeel.yml", 12, "rijen.waarden")
    assert "1234" in problem.message and '"1.234"' in problem.message and "1,234" in problem.message


@pytest.mark.parametrize("waarde", ["1.5", "12.25", "1234", '"1.234"', "0.5"])
def test_other_numbers_and_a_quoted_thousands_separator_are_fine(example, waarde):
    write_set(example, "personeel", PERSONEEL.format(eenheid="aantal", waarde=waarde))
    assert findings(example, "cijfers-onleesbaar") == []


def test_in_a_percentage_set_three_decimals_are_not_questioned(example):
    text = PERSONEEL.format(eenheid="procent", waarde="1.234").replace('"1.412"', "2").replace('"2025"\n', '"2025"\n')
    write_set(example, "personeel", text.replace('"2024"', '"2024"\n    n: 40').replace('"2025"', '"2025"\n    n: 40'))
    assert findings(example, "cijfers-onleesbaar") == []


def test_quoted_dutch_numbers_are_read_as_in_a_csv(example):
    write_set(example, "personeel", PERSONEEL.format(eenheid="aantal", waarde='"1.234"'))
    figures = load_report(example).cijfers["personeel"]
    assert [r.waarden for r in figures.rijen] == [(271.0, 286.0), (1234.0, 1412.0), (7.2, 6.8)]
    (example / "cijfers" / "personeel.csv").write_text(
        "Onderwerp;2024;2025\nInvalkrachten;1.234;1.412\nVerzuim;7,2;6,8\n", encoding="utf-8"
    )
    write_set(example, "personeel", "titel: Personeel\nbron: AFAS\neenheid: aantal\ncsv: personeel.csv\n")
    from_csv = load_report(example).cijfers["personeel"]
    assert [r.waarden for r in from_csv.rijen] == [(1234.0, 1412.0), (7.2, 6.8)]


def test_a_decimal_comma_in_a_yaml_list_gets_a_hint(example):
    write_set(
        example,
        "plannen",
        "titel: Plannen op tijd besproken\nbron: ECD\neenheid: procent\nreeksen:\n  - naam: Deelnemers\n    n: 80\n"
        "rijen:\n  - label: De Esdoorn\n    waarden: [84,4]\n",
    )
    found = findings(example, "cijfers-rij")
    assert len(found) == 1
    assert "[84,4]" in found[0].message and "84.4" in found[0].message and '"84,4"' in found[0].message
    assert found[0].line == 9


def test_too_few_values_get_no_comma_hint(example):
    write_set(
        example,
        "plannen",
        "titel: Plannen\nbron: ECD\neenheid: aantal\nreeksen:\n  - naam: A\n  - naam: B\n"
        "rijen:\n  - label: De Esdoorn\n    waarden: [84]\n",
    )
    (found,) = findings(example, "cijfers-rij")
    assert "komma" not in found.message


# -- easy-read sentences -------------------------------------------------------------------------------------

TREND = """titel: Zo veilig voelen deelnemers zich
bron: Onderzoeken 2019 tot 2025
eenheid: procent
grafiek: lijn
{makkelijk}reeksen:
  - naam: Cliënten (deelnemers)
    n: 188
rijen:
  - label: "2019"
    waarden: [71]
  - label: "2025"
    waarden: [91]
"""


def easy_sentences(content: Path, name: str, source: str = "02-zorgproces/index.begrijpelijk.md") -> list[str]:
    from bs4 import BeautifulSoup
    from markdown import Markdown

    from kompas_site.pipeline import run

    twin = content / source
    twin.write_text(twin.read_text(encoding="utf-8") + f"\n[[cijfers: {name}]]\n", encoding="utf-8")
    build = run(content)
    html = Markdown(extensions=["attr_list", "md_in_html"]).convert(build.pages[source].markdown)
    soup = BeautifulSoup(build.finish_html(source, html), "html.parser")
    block = soup.find("div", class_="kompas-cijfers-makkelijk")
    return [p.get_text() for p in block.find_all("p") if "id" in p.attrs]


def test_a_trend_in_easy_read_is_short_sentences_with_the_authors_verb(example):
    write_set(example, "trend", TREND.format(makkelijk="makkelijk: voelen zich veilig\n"))
    assert easy_sentences(example, "trend") == [
        "9 van de 10 cliënten (deelnemers) voelen zich veilig. Dat was in 2025. In 2019 waren dat er 7 van de 10. "
        "Nu zijn het er meer."
    ]


def test_a_trend_without_makkelijk_still_makes_a_sentence_and_gets_a_tip(example):
    write_set(example, "trend", TREND.format(makkelijk=""))
    assert easy_sentences(example, "trend") == [
        "In 2025 was het cijfer 9 van de 10 cliënten (deelnemers). In 2019 waren dat er 7 van de 10. "
        "Nu zijn het er meer."
    ]
    (tip,) = findings(example, "cijfers-makkelijk")
    assert tip.severity == "tip" and tip.file == "cijfers/trend.yml" and "makkelijk:" in tip.message


def test_a_count_in_easy_read_is_a_sentence_not_a_label_with_brackets(example):
    text = PERSONEEL.format(eenheid="aantal", waarde="1234").replace("Invalkrachten", "Invalkrachten (uren per maand)")
    text = text.replace(
        "    waarden: [271, 286]\n", "    waarden: [271, 286]\n    makkelijk: mensen werken in vaste dienst\n"
    )
    write_set(example, "personeel", text)
    sentences = easy_sentences(example, "personeel")
    assert sentences == [
        "271 mensen werken in vaste dienst in 2024.",
        "286 mensen werken in vaste dienst in 2025.",
        "Het cijfer bij ‘Invalkrachten (uren per maand)’ is 1.234 in 2024.",
        "Het cijfer bij ‘Invalkrachten (uren per maand)’ is 1.412 in 2025.",
        "Verzuim in 2024: 7,2.",
        "Verzuim in 2025: 6,8.",
    ]
    (tip,) = findings(example, "cijfers-makkelijk")
    assert "'Invalkrachten (uren per maand)' en 'Verzuim'" in tip.message


def test_no_tip_when_every_row_has_makkelijk_or_the_set_is_not_on_an_easy_read_page(example):
    write_set(example, "trend", TREND.format(makkelijk=""))
    page = example / "02-zorgproces" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[cijfers: trend]]\n", encoding="utf-8")
    assert findings(example, "cijfers-makkelijk") == []
    write_set(example, "trend", TREND.format(makkelijk="makkelijk: voelen zich veilig\n"))
    twin = example / "02-zorgproces" / "index.begrijpelijk.md"
    twin.write_text(twin.read_text(encoding="utf-8") + "\n[[cijfers: trend]]\n", encoding="utf-8")
    assert findings(example, "cijfers-makkelijk") == []


_words = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=40).filter(
    lambda t: t.strip(" .:") and t == t.strip() and not t.endswith((".", ":"))
)


def _nested_brackets(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char == "("
        if depth > 1:
            return True
        depth -= char == ")" and depth > 0
    return False


def _flat(text: str) -> bool:
    """Brackets that open before they close, one level deep at most (or none at all)."""
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0 or depth > 1:
            return False
    return depth == 0


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(min_value=0, max_value=100_000, allow_nan=False),
    label=_words,
    makkelijk=st.none() | _words,
    who=st.none() | st.sampled_from(["2024", "Cliënten", "Verwanten (ouders)", "2023-2024"]),
    eenheid=st.sampled_from(["aantal", "euro", "dagen", "gesprekken"]),
)
def test_every_count_sentence_is_a_sentence_with_the_authors_words(value, label, makkelijk, who, eenheid):
    from kompas_site.assemble.cijfers import count_sentence

    sentence = count_sentence(value, eenheid, label, makkelijk, who)
    assert sentence.endswith(".") and sentence[:1] == sentence[:1].upper()
    own = makkelijk if makkelijk else label
    written = own.strip().rstrip(".:")
    assert written[1:] in sentence and (written[:1] in sentence or written[:1].upper() in sentence)
    if all(_flat(text) for text in (own, who or "")):  # the author's own brackets are theirs
        assert not _nested_brackets(sentence)


@settings(max_examples=200, deadline=None)
@given(
    percents=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), min_size=1, max_size=5),
    naam=st.sampled_from(["Cliënten", "Cliënten (deelnemers)", "Verwanten", "NPS-groep"]),
    makkelijk=st.none() | _words,
)
def test_every_trend_sentence_names_the_year_and_uses_makkelijk(percents, naam, makkelijk):
    from kompas_site.assemble.cijfers import trend_sentence
    from kompas_site.model import Cijferset, Reeks, Rij

    rows = tuple(Rij(str(2019 + 2 * i), (p,), None, i + 1) for i, p in enumerate(percents))
    figures = Cijferset("t", "cijfers/t.yml", "Trend", None, "procent", "lijn", (Reeks(naam, 40),), rows)
    sentence, filled = trend_sentence(figures, 0, percents[-1], rows[-1].label, makkelijk)
    assert rows[-1].label in sentence and 0 <= filled <= 10
    assert not _nested_brackets(sentence) and sentence.endswith(".")
    if makkelijk:
        assert makkelijk.strip().rstrip(".").casefold() in sentence.casefold()
    if len(rows) > 1:
        assert f"In {rows[0].label} waren dat er" in sentence


# -- messages ------------------------------------------------------------------------------------------------


def test_a_value_outside_a_fixed_list_is_said_in_dutch_with_the_nearest(example):
    write_set(example, "personeel", PERSONEEL.format(eenheid="aantal", waarde="1234").replace("staaf", "taart"))
    (problem,) = findings(example, "cijfers-onleesbaar")
    assert problem.message == (
        "'grafiek' moet een van deze zijn: 'staaf', 'lijn' of 'geen' (nu staat er 'taart'). Bedoelt u 'staaf'?"
    )
    assert (problem.line, problem.key) == (4, "grafiek")


def test_a_fixed_list_in_a_profile_schema_is_said_in_dutch():
    from kompas_site.load.schemas import JarenSchema, validate
    from kompas_site.load.yamlsource import parse_yaml

    doc = parse_yaml("van: 2024\ntot: 2028\nritme: oneve\n", "profiel.yml")
    schema, (problem,) = validate(JarenSchema, doc.data, doc)
    assert schema is None and " or " not in problem.message
    assert problem.message.startswith("'ritme' moet een van deze zijn: 'elk', 'even' of 'oneven'")
    assert problem.message.endswith("Bedoelt u 'oneven'?") and problem.line == 3


def test_an_example_in_a_finding_keeps_its_lines_in_the_text_output(example, capsys):
    from conftest import run_kompas

    write_set(example, "personeel", PERSONEEL.format(eenheid="procent", waarde="12").replace('"1.412"', "13"))
    _, out, _ = run_kompas("check", example, capsys=capsys)
    block = out[out.index("[cijfers-n]") :]
    assert "\n      reeksen:\n        - naam: 2024\n          n: 214\n" in block
    assert "zoals:\n\n      reeksen:" in block


def test_a_story_with_a_list_of_bouwstenen_is_told_a_story_has_one(example):
    story = next((example / "verhalen").glob("*.md"))
    text = story.read_text(encoding="utf-8")
    text = text.replace("---\n", "---\nbouwsteen: [1, 3]\n", 1) if "bouwsteen:" not in text else text
    import re as _re

    text = _re.sub(r"(?m)^bouwsteen:.*$", "bouwsteen: [1, 3]", text)
    story.write_text(text, encoding="utf-8")
    (problem,) = findings(example, "verhaal-bouwsteen-onbekend")
    assert (
        "Een verhaal hoort bij één bouwsteen" in problem.message and "verbeterpunten" in problem.message
    )  # the example's own word
    assert "'bouwsteen: 1'" in problem.message and "bestaat niet" not in problem.message


def test_key_figures_written_as_a_mapping_give_one_message_with_the_list(example):
    from kompas_site.errors import ContentError

    kompas = example / "kompas.yml"
    text = kompas.read_text(encoding="utf-8")
    import re as _re

    text = (
        _re.sub(r"(?ms)^kerncijfers:\n(?:  .*\n|\n)*", "", text)
        + "kerncijfers:\n  deelnemers: 312\n  medewerkers: 286\n"
    )
    kompas.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_report(example)
    (problem,) = caught.value.problems
    assert problem.key == "kerncijfers"
    assert "kerncijfers:\n  - label: deelnemers\n    waarde: 312\n  - label: medewerkers\n    waarde: 286" in (
        problem.message
    )


def test_a_csv_saved_by_excel_in_windows_1252_is_read(example):
    (example / "cijfers" / "tevredenheid.csv").write_bytes(
        "Vraag;Cliënten;Verwanten\r\nIk voel me veilig;91,5;88\r\nIk kies zelf – echt;79;\r\n".encode("cp1252")
    )
    write_set(
        example,
        "tevredenheid",
        "titel: Tevredenheid\nbron: Onderzoek 2025\neenheid: procent\ncsv: tevredenheid.csv\n"
        "reeksen:\n  - naam: Cliënten\n    n: 188\n  - naam: Verwanten\n    n: 121\n",
    )
    figures = load_report(example).cijfers["tevredenheid"]
    assert figures.usable and [r.label for r in figures.rijen] == ["Ik voel me veilig", "Ik kies zelf – echt"]
    assert [r.naam for r in figures.reeksen] == ["Cliënten", "Verwanten"]
    assert figures.rijen[0].waarden == (91.5, 88.0)
    assert not findings(example, "cijfers-csv")
