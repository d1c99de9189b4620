"""What a new user's trial found in figure sets: Dutch numbers YAML reads differently (1.234, 84,4), the
easy-read sentences of trend and count sets, and the checker's hints. Tests build real content folders."""

from __future__ import annotations

from pathlib import Path

import pytest

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
