"""`kompas uitleg` and the README's table of codes come from the rules' own declarations."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, run_kompas

from kompas_site.check import check_report
from kompas_site.check.registry import Code, Rule, UndeclaredCode, run_rules
from kompas_site.check.rules import RULES, all_codes
from kompas_site.load import load_report


def test_every_code_is_declared_once_with_a_dutch_title_and_explanation():
    codes = [c.code for c in all_codes()]
    assert len(codes) == len(set(codes))
    for code in all_codes():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code.code)
        assert code.title and code.explanation and code.title != code.explanation


def test_the_readme_table_is_the_registry(capsys):
    code, out, _ = run_kompas("uitleg", "--format", "markdown", capsys=capsys)
    assert code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert out.strip() in readme
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", readme, re.MULTILINE)
    assert listed == [c.code for c in all_codes()]


def test_listing_as_json(capsys):
    code, out, _ = run_kompas("uitleg", "--format", "json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data[0].keys() == {"code", "severity", "title"}
    assert {d["code"] for d in data} == {c.code for c in all_codes()}


def test_one_code_is_explained_with_an_example(capsys):
    code, out, _ = run_kompas("uitleg", "toestemming-ontbreekt", capsys=capsys)
    assert code == 0
    assert out.startswith("toestemming-ontbreekt (fout)")
    assert "geldig_tot: 2027-12-31" in out


def test_an_unknown_code_gets_the_nearest_and_exit_2(capsys):
    code, _, err = run_kompas("uitleg", "link-kaput", capsys=capsys)
    assert code == 2
    assert "Bedoelt u 'link-kapot'?" in err


def test_the_example_gives_only_declared_codes(example):
    result = check_report(load_report(example))
    declared = {c.code: c.severity for c in all_codes()}
    for finding in result.findings:
        assert declared[finding.code] == finding.severity


def test_a_rule_that_gives_an_undeclared_code_is_caught(example):
    ctx = object()
    sneaky = Rule("sneaky", (Code("iets", "tip", "t", "e"),), lambda ctx: [Code("anders", "tip", "t", "e")("x")])
    with pytest.raises(UndeclaredCode):
        run_rules([sneaky], ctx)  # type: ignore[arg-type]
    wrong_severity = Rule("wrong", (Code("iets", "tip", "t", "e"),), lambda ctx: [Code("iets", "fout", "t", "e")("x")])
    with pytest.raises(UndeclaredCode):
        run_rules([wrong_severity], ctx)  # type: ignore[arg-type]


def test_every_rule_module_declares_codes_and_one_check_function():
    for rule in RULES:
        assert rule.codes, rule.name
        assert rule.check.__name__ == "check", rule.name
