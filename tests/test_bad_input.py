"""Unusable input: a short Dutch message naming file, line and key; exit 2; the old site stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, run_kompas


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_missing_kompas(content: Path):
    (content / "kompas.yml").unlink()


def break_yaml_syntax(content: Path):
    replace(content / "kompas.yml", "  soort: kwaliteitsbeeld", "  soort: kwaliteitsbeeld: extra")


def break_wrong_type(content: Path):
    replace(content / "kompas.yml", "jaar: 2025", "jaar: twintig vijfentwintig")


def break_unknown_kader(content: Path):
    replace(content / "kompas.yml", "kader: gehandicaptenzorg-2023", "kader: gehandicaptenzorg-2032")


def break_unknown_soort(content: Path):
    replace(content / "kompas.yml", "soort: kwaliteitsbeeld", "soort: jaarverslag")


def break_front_matter(content: Path):
    page = content / "01-over-ons" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title:", "title: [Over ons", 1), encoding="utf-8")


def break_speerpunt_id(content: Path):
    path = content / "speerpunten.yml"
    text = path.read_text(encoding="utf-8")
    second = text.index("  - id:", text.index("  - id:") + 1)
    end = text.index("\n", second)
    path.write_text(
        text[:second] + "  - titel: Zonder id" + text[end:].replace("\n    titel:", "\n    oude_titel:", 1),
        encoding="utf-8",
    )


def break_control_character(content: Path):
    replace(content / "01-over-ons" / "index.md", "title:", "title: Over\x07")


def break_unquoted_phone(content: Path):
    with open(content / "kompas.yml", "a", encoding="utf-8") as stream:
        stream.write("contact:\n  telefoon: 0201234567\n")


CASES = {
    "kompas.yml ontbreekt": (break_missing_kompas, ["kompas.yml", "kompas new"], None),
    "YAML-fout": (break_yaml_syntax, ["kompas.yml, regel", "YAML-opmaak klopt niet", "dubbele punt"], "regel"),
    "verkeerd type": (break_wrong_type, ["kompas.yml, regel", "sleutel 'editie.jaar'", "jaartal"], "regel"),
    "onbekend kader": (
        break_unknown_kader,
        ["sleutel 'kader'", "Bedoelt u 'gehandicaptenzorg-2023'?", "'generiek-kompas'"],
        "regel",
    ),
    "onbekende soort": (break_unknown_soort, ["sleutel 'editie.soort'", "'voortgangsbericht'"], "regel"),
    "kapotte kop": (break_front_matter, ["01-over-ons/index.md, regel 2", "YAML-opmaak klopt niet"], "regel"),
    "onzichtbaar teken": (break_control_character, ["01-over-ons/index.md, regel 2", "onzichtbaar teken"], "regel"),
    "telefoon als getal": (break_unquoted_phone, ["sleutel 'contact.telefoon'", 'telefoon: "020-1234567"'], "regel"),
    "speerpunt zonder id": (break_speerpunt_id, ["speerpunten.yml, regel", "heeft geen 'id'"], "regel"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_a_dutch_message_and_exit_2(example, case, capsys):
    breaker, expected, _ = CASES[case]
    breaker(example)
    for verb in ("check", "build"):
        args = [verb, example] + (["-o", example.parent / "site"] if verb == "build" else [])
        code, out, err = run_kompas(*args, capsys=capsys)
        assert code == 2, (verb, out, err)
        assert "kan niet gelezen worden" in err
        for text in expected:
            assert text in err, (text, err)
        assert "Traceback" not in err


def test_bad_input_leaves_the_previous_site_in_place(example, tmp_path):
    site = tmp_path / "site"
    first = run_cli("build", example, "-o", site)
    assert first.returncode == 0, first.stderr
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    home = (site / "index.html").read_text(encoding="utf-8")
    break_yaml_syntax(example)
    second = run_cli("build", example, "-o", site)
    assert second.returncode == 2
    assert "Traceback" not in second.stderr and "kompas.yml, regel" in second.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert (site / "index.html").read_text(encoding="utf-8") == home
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_a_failing_engine_leaves_the_previous_site_and_no_staging_folder(example, tmp_path, capsys, monkeypatch):
    from mkdocs.structure.pages import Page

    site = tmp_path / "site"
    assert run_kompas("build", example, "-o", site, capsys=capsys)[0] == 0
    home = (site / "index.html").read_text(encoding="utf-8")
    (example / "nieuw.md").write_text("# Nieuw\n\nTekst.\n", encoding="utf-8")
    render = Page.render

    def fail_half_way(self, config, files):  # MkDocs itself fails on one page, after others were written
        if self.file.src_uri == "nieuw.md":
            raise RuntimeError("kapot")
        return render(self, config, files)

    monkeypatch.setattr(Page, "render", fail_half_way)
    code, _, err = run_kompas("build", example, "-o", site, capsys=capsys)
    assert code == 2 and "niet aangeraakt" in err
    assert (site / "index.html").read_text(encoding="utf-8") == home
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_unknown_command_options_are_explained_in_dutch(capsys):
    code, _, err = run_kompas(
        "new", "x", "--kader", "onbekend", "--soort", "kwaliteitsbeeld", "--jaar", "2025", capsys=capsys
    )
    assert code == 2 and "dit commando klopt niet" in err


def test_new_refuses_a_folder_that_is_not_empty(example, capsys):
    code, _, err = run_kompas(
        "new", example, "--kader", "generiek-kompas", "--soort", "kwaliteitsbeeld", "--jaar", "2025", capsys=capsys
    )
    assert code == 2 and "niet leeg" in err
