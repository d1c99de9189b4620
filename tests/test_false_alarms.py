"""The checker blocks only what is wrong, and names what is wrong that it used to let through."""

from __future__ import annotations

import json
import re

from conftest import ROOT, run_cli, run_kompas


def findings(example, capsys, code=None):
    _, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    found = json.loads(out)["findings"]
    return [f for f in found if code is None or f["code"] == code]


def test_a_part_that_is_only_a_table_of_scores_is_not_yet_written_up(example, capsys):
    page = example / "03-ervaringen" / "resultaten.md"
    head = re.match(r"^---\n.*?\n---\n", page.read_text(encoding="utf-8"), re.DOTALL).group(0)
    rows = "\n".join(
        f"| Vraag {n} over wonen, werk, vrije tijd en begeleiding | {70 + n}% | {60 + n}% |" for n in range(20)
    )
    page.write_text(head + "\n# Resultaten\n\n| Vraag | Cliënten | Verwanten |\n| --- | --- | --- |\n" + rows + "\n")
    found = findings(example, capsys, "onderdeel-niet-ingevuld")
    assert [f["file"] for f in found] == ["03-ervaringen/resultaten.md"]
    assert "tabellen niet meegeteld" in found[0]["message"]


def test_a_publication_date_before_the_reporting_year_is_a_fout(example, capsys):
    settings = example / "kompas.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"publicatiedatum: .*", "publicatiedatum: 2016-05-28", text), encoding="utf-8")
    found = findings(example, capsys, "publicatiedatum-voor-verslagjaar")
    assert len(found) == 1 and found[0]["severity"] == "fout" and found[0]["file"] == "kompas.yml"
    assert "28 mei 2016" in found[0]["message"] and found[0]["line"]


def test_consent_given_after_it_ends_is_named(example, capsys):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    text = story.read_text(encoding="utf-8")
    text = re.sub(r"(\n\s+datum: ).*", r"\g<1>2028-03-01", text, count=1)
    story.write_text(text, encoding="utf-8")
    found = [f for f in findings(example, capsys, "toestemming-ontbreekt") if "omgedraaid" in f["message"]]
    assert (
        len(found) == 1
        and found[0]["file"] == "verhalen/gert-op-zichzelf.md"
        and found[0]["key"] == "toestemming.datum"
    )


def test_a_heading_inside_a_code_block_is_not_the_title(example, tmp_path, capsys):
    (example / "installatie.md").write_text(
        "```sh\n# installeer eerst\npip install x\n```\n\nTekst.\n", encoding="utf-8"
    )
    assert run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)[0] == 0
    html = (tmp_path / "site" / "installatie" / "index.html").read_text(encoding="utf-8")
    assert "<title>Installatie" in html and "<title>installeer eerst" not in html


def test_an_unknown_command_is_explained_without_repeating_kompas():
    done = run_cli("bouw", cwd=ROOT)
    assert done.returncode == 2
    assert "onbekende opdracht 'bouw'" in done.stderr and "Zie 'kompas --help'" in done.stderr
    assert "kompas kompas" not in done.stderr


def test_the_synthetic_benchmark_explains_itself():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "synthetic.py"), "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "usage" in done.stdout and "Traceback" not in done.stderr


def test_the_organisations_own_name_is_not_a_hard_word_in_the_check(example, capsys):
    settings = example / "kompas.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("Stichting De Wilgenhoeve", "Stichting Qwaxiborium"))
    twin = next(example.rglob("*.begrijpelijk.md"))
    body = twin.read_text(encoding="utf-8")
    twin.write_text(body + "\nQwaxiborium helpt je graag. Dat is fijn.\n", encoding="utf-8")
    tips = [f for f in findings(example, capsys) if f["file"] == twin.relative_to(example).as_posix()]
    assert not any("Qwaxiborium" in f["message"] for f in tips)
    settings.write_text(text, encoding="utf-8")  # another name: now it is a hard word
    tips = [f for f in findings(example, capsys) if f["file"] == twin.relative_to(example).as_posix()]
    assert any("Qwaxiborium" in f["message"] for f in tips)


def test_an_empty_or_impossibly_long_story_photo_is_a_finding_not_a_crash(example, capsys):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    original = story.read_text(encoding="utf-8")
    for photo in ("''", "media/" + "x" * 300 + ".jpg"):
        story.write_text(re.sub(r"fotos:\n(?:  .*\n)+", f"fotos: {photo}\n", original, count=1), encoding="utf-8")
        code, out, err = run_kompas("check", example, capsys=capsys)
        assert code == 1 and "Traceback" not in out + err


def test_the_scaffolds_own_instructions_left_on_a_page_are_placeholder_text(filled_scaffold, capsys):
    content = filled_scaffold("generiek-kompas", "kwaliteitsbeeld", 2025)
    home = content / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8")
        + "\nVertel hier in een paar zinnen voor wie dit rapport is, hoe u het samen met cliënten, naasten en "
        "medewerkers hebt gemaakt, en waar de lezer het beste kan beginnen.\n",
        encoding="utf-8",
    )
    found = [f for f in findings(content, capsys) if f["code"] in ("invultekst", "onderdeel-niet-ingevuld")]
    assert [f["file"] for f in found] == ["index.md"] and "handreiking" in found[0]["message"]


def test_a_publication_date_in_the_reporting_year_is_a_warning(example, capsys):
    settings = example / "kompas.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"publicatiedatum: .*", "publicatiedatum: '2025-03-20'", text), encoding="utf-8")
    found = findings(example, capsys, "publicatiedatum-in-verslagjaar")
    assert len(found) == 1 and found[0]["severity"] == "waarschuwing" and "2026" in found[0]["message"]


def test_a_link_to_a_folder_is_told_to_link_to_its_page(example, capsys):
    page = example / "01-over-ons" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[Ons zorgproces](../02-zorgproces/)\n", encoding="utf-8")
    [found] = findings(example, capsys, "link-kapot")
    assert "gaat naar een map" in found["message"] and "../02-zorgproces/index.md" in found["message"]


def test_domains_in_a_framework_without_domains_are_named(filled_scaffold, capsys):
    content = filled_scaffold("generiek-kompas", "kwaliteitsbeeld", 2025)
    (content / "verhalen").mkdir(exist_ok=True)
    (content / "verhalen" / "jan.md").write_text(
        "---\ntitle: Jan\nperspectief: professional\ndomeinen: [zelfbepaling]\n---\n\nTekst.\n", encoding="utf-8"
    )
    [found] = findings(content, capsys, "verhaal-domeinen-niet-in-kader")
    assert "kent geen domeinen" in found["message"] and found["line"] == 4 and found["severity"] == "waarschuwing"


def test_help_is_in_dutch():
    done = run_cli("check", "--help", cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("gebruik: kompas check")
    assert "opties:" in done.stdout and "toon deze uitleg en stop" in done.stdout
    assert "usage" not in done.stdout and "show this help" not in done.stdout
