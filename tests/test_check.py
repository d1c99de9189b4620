"""The checker against every profile: each required element, found or named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE as EXAMPLE_DIR
from conftest import run_kompas, set_onderdelen

from kompas_site import profiles
from kompas_site.check import check_report
from kompas_site.load import load_report

# (kader, soort, a year this edition reports on)
EDITIONS = [
    ("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025),
    ("gehandicaptenzorg-2023", "voortgangsbericht", 2024),
    ("generiek-kompas", "kwaliteitsbeeld", 2025),
    ("gehandicaptenzorg-2017", "kwaliteitsrapport", 2021),
]
ELEMENTS = [(k, s, j, o.id) for k, s, j in EDITIONS for o in profiles.kader(k).edities[s].onderdelen]

EXPECTED_IDS = {
    ("gehandicaptenzorg-2023", "kwaliteitsbeeld"): [
        "bouwsteen-1",
        "bouwsteen-2",
        "bouwsteen-3",
        "clientervaringen",
        "ervaringsverhalen",
        "speerpunten-terugblik",
        "speerpunten-vooruitblik",
        "betrokkenheid",
        "visitatie",
    ],
    ("gehandicaptenzorg-2023", "voortgangsbericht"): [
        "voortgang-doelen",
        "perspectief-clienten",
        "perspectief-professionals",
        "visitatie",
    ],
    ("generiek-kompas", "kwaliteitsbeeld"): [
        "beweging-kompas",
        "bouwsteen-1",
        "bouwsteen-2",
        "bouwsteen-3",
        "bouwsteen-4",
        "systematisch-werken",
        "clientervaringen-meting",
        "afstemming",
    ],
    ("gehandicaptenzorg-2017", "kwaliteitsrapport"): [
        "bouwsteen-1",
        "bouwsteen-2",
        "bouwsteen-3",
        "wat-gaat-goed",
        "wat-kan-beter",
        "verbeteracties",
        "besproken-met",
        "externe-visitatie",
    ],
}


def check(content: Path):
    return check_report(load_report(content))


def pages_naming(content: Path, element: str) -> list[Path]:
    return [p for p in content.rglob("*.md") if element in load_page_ids(p)]


def load_page_ids(path: Path) -> list[str]:
    import re

    match = re.search(r"^onderdelen: \[(.*)\]$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return [i.strip() for i in match.group(1).split(",") if i.strip()] if match else []


def element_findings(result, severities=("fout", "waarschuwing")):
    return {f.element for f in result.findings if f.element and f.severity in severities}


def test_profiles_use_exactly_the_element_ids_of_the_frameworks():
    for (kader, soort), ids in EXPECTED_IDS.items():
        profile = profiles.kader(kader).edities[soort]
        assert profile.ids == ids
        for onderdeel in profile.onderdelen:
            assert onderdeel.titel and onderdeel.vraagt and onderdeel.bron and onderdeel.handreiking
        handreikingen = [o.handreiking for o in profile.onderdelen]
        assert len(set(handreikingen)) == len(handreikingen)
        for page in profile.sjabloon:
            assert set(page.onderdelen) <= set(ids)
        assert {i for page in profile.sjabloon for i in page.onderdelen} == set(ids), "scaffold covers all"


@pytest.mark.parametrize("kader,soort,jaar", EDITIONS)
def test_a_complete_report_has_no_errors(filled_scaffold, kader, soort, jaar):
    result = check(filled_scaffold(kader, soort, jaar))
    assert [f for f in result.findings if f.severity in ("fout", "waarschuwing")] == []
    assert all(c.status == "gedekt" for c in result.coverage)


@pytest.mark.parametrize("kader,soort,jaar,element", ELEMENTS)
def test_removing_an_element_names_exactly_that_element(filled_scaffold, kader, soort, jaar, element):
    content = filled_scaffold(kader, soort, jaar)
    for page in pages_naming(content, element):
        set_onderdelen(page, [i for i in load_page_ids(page) if i != element])
    result = check(content)
    assert element_findings(result) == {element}
    finding = next(f for f in result.findings if f.element == element)
    onderdeel = profiles.kader(kader).edities[soort].onderdeel(element)
    if onderdeel.cyclus:  # the visitatie may be in the other edition of the cycle: a warning
        assert (finding.code, finding.severity) == ("visitatie-ontbreekt", "waarschuwing")
        assert "twee jaar" in finding.message
    else:
        assert (finding.code, finding.severity) == ("onderdeel-ontbreekt", "fout")
        assert f"onderdelen: [{element}]" in finding.message


@pytest.mark.parametrize("kader,soort,jaar,element", ELEMENTS)
@pytest.mark.parametrize(
    "placeholder", ["TODO: nog schrijven.", "Lorem ipsum dolor sit amet.", "[invullen]", "...", "guidance"]
)
def test_placeholder_text_is_named_as_not_filled_in(filled_scaffold, kader, soort, jaar, element, placeholder):
    content = filled_scaffold(kader, soort, jaar)
    page = pages_naming(content, element)[0]
    if placeholder == "guidance":
        placeholder = "> " + profiles.kader(kader).edities[soort].onderdeel(element).handreiking
    page.write_text(page.read_text(encoding="utf-8") + "\n" + placeholder + "\n", encoding="utf-8")
    result = check(content)
    named = [f for f in result.findings if f.element == element]
    assert [(f.code, f.severity, f.file) for f in named] == [
        ("onderdeel-niet-ingevuld", "fout", page.relative_to(content).as_posix())
    ]
    assert "invultekst" in named[0].message
    assert named[0].line == len(page.read_text(encoding="utf-8").splitlines())
    assert element_findings(result) == {element}


def test_a_page_that_only_lists_the_id_is_not_filled_in(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    page = pages_naming(content, "bouwsteen-2")[0]
    page.write_text(
        "---\ntitle: Ervaringen\nonderdelen: [bouwsteen-2]\n---\n\n## Kopjes tellen niet mee\n\n"
        "Nog maar tien woorden tekst op deze pagina, veel te weinig.\n",
        encoding="utf-8",
    )
    result = check(content)
    finding = next(f for f in result.findings if f.element == "bouwsteen-2")
    assert finding.code == "onderdeel-niet-ingevuld"
    assert "pas 11 woorden" in finding.message and "minstens 50" in finding.message
    assert finding.line == 3  # the onderdelen line


def test_unknown_element_id_lists_valid_ids_and_nearest_match(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    page = pages_naming(content, "bouwsteen-1")[0]
    set_onderdelen(page, ["bouwsteen-1", "bouwstene-3", "wat-gaat-goed"])
    result = check(content)
    unknown = [f for f in result.findings if f.code == "onderdeel-onbekend"]
    assert {f.element for f in unknown} == {"bouwstene-3", "wat-gaat-goed"}
    typo = next(f for f in unknown if f.element == "bouwstene-3")
    assert typo.severity == "fout" and "Bedoelt u 'bouwsteen-3'?" in typo.message
    assert "betrokkenheid" in typo.message and typo.line == 3 and typo.key == "onderdelen"


def write_goals(content: Path, yaml_text: str) -> None:
    (content / "speerpunten.yml").write_text(yaml_text, encoding="utf-8")


GOALS_OK = """speerpunten:
  - id: eigen-regie
    titel: Eigen regie
    bouwsteen: 1
    status: deels-behaald
    toelichting: Op zes van de tien locaties gelukt, elders te weinig vaste begeleiding.
  - id: samen-leren
    titel: Samen leren
    bouwsteen: 3
    status: nieuw
"""


def test_speerpunten_file_covers_look_back_and_ahead(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    write_goals(content, GOALS_OK)
    for element in ("speerpunten-terugblik", "speerpunten-vooruitblik"):
        for page in pages_naming(content, element):
            page.unlink()
    result = check(content)
    assert not result.has_errors
    coverage = {c.onderdeel.id: c for c in result.coverage}
    assert coverage["speerpunten-terugblik"].data == "speerpunten"
    assert coverage["speerpunten-vooruitblik"].data == "speerpunten"
    # Incomplete without a goal looking ahead:
    write_goals(content, GOALS_OK.replace("status: nieuw", "status: behaald\n    toelichting: Gelukt."))
    # The file only counts when it is complete, so neither element is covered now.
    assert element_findings(check(content)) == {"speerpunten-terugblik", "speerpunten-vooruitblik"}


@pytest.mark.parametrize(
    "change,code,line",
    [
        ("status: deels-behaald", "speerpunt-status-onbekend", 5),
        ("id: samen-leren", "speerpunt-dubbel", 7),
        ("toelichting: Op zes", "speerpunt-zonder-toelichting", 2),
        ("bouwsteen: 3", "speerpunt-bouwsteen-onbekend", 9),
    ],
)
def test_speerpunten_rules_name_the_goal(filled_scaffold, change, code, line):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    broken = {
        "status: deels-behaald": GOALS_OK.replace("status: deels-behaald", "status: deels-behald"),
        "id: samen-leren": GOALS_OK.replace("id: samen-leren", "id: eigen-regie"),
        "toelichting: Op zes": GOALS_OK.replace(
            "    toelichting: Op zes van de tien locaties gelukt, elders te weinig vaste begeleiding.\n", ""
        ),
        "bouwsteen: 3": GOALS_OK.replace("bouwsteen: 3", "bouwsteen: 7"),
    }[change]
    write_goals(content, broken)
    result = check(content)
    found = [f for f in result.findings if f.code == code]
    assert len(found) == 1 and found[0].severity == "fout" and found[0].file == "speerpunten.yml"
    assert found[0].line == line
    assert "eigen-regie" in found[0].message or "samen-leren" in found[0].message
    if code == "speerpunt-status-onbekend":
        assert "Bedoelt u 'deels-behaald'?" in found[0].message
    if code == "speerpunt-bouwsteen-onbekend":
        assert "4 Inzicht in kwaliteit" in found[0].message or "4 " in found[0].message


@pytest.mark.parametrize(
    "kader,soort,jaar,deadline",
    [
        ("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025, "2026-06-01"),
        ("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2023, "2024-06-01"),
        ("gehandicaptenzorg-2023", "voortgangsbericht", 2024, "2025-06-01"),
        ("generiek-kompas", "kwaliteitsbeeld", 2024, "2025-03-31"),
        ("gehandicaptenzorg-2017", "kwaliteitsrapport", 2021, "2022-06-01"),
    ],
)
def test_deadline_follows_framework_edition_and_year(filled_scaffold, kader, soort, jaar, deadline, capsys):
    content = filled_scaffold(kader, soort, jaar)
    code, out, _ = run_kompas("check", content, "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert code == 0 and data["deadline"] == deadline
    code, out, _ = run_kompas("check", content, capsys=capsys)
    assert "Uiterste datum:" in out


def test_edition_that_does_not_fit_the_year_warns(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    kompas = content / "kompas.yml"
    kompas.write_text(kompas.read_text(encoding="utf-8").replace("jaar: 2025", "jaar: 2024"), encoding="utf-8")
    finding = next(f for f in check(content).findings if f.code == "editie-past-niet-bij-jaar")
    assert finding.severity == "waarschuwing" and "voortgangsbericht" in finding.message
    assert finding.file == "kompas.yml" and finding.line == 8


def test_publication_after_the_deadline_warns(filled_scaffold):
    content = filled_scaffold("generiek-kompas", "kwaliteitsbeeld", 2024)
    kompas = content / "kompas.yml"
    text = kompas.read_text(encoding="utf-8")
    kompas.write_text(text.replace("publicatiedatum: 2025-03-31", "publicatiedatum: 2025-04-15"), encoding="utf-8")
    finding = next(f for f in check(content).findings if f.code == "publicatie-na-deadline")
    assert finding.severity == "waarschuwing"
    assert "15 april 2025" in finding.message and "31 maart 2025" in finding.message


def remove_element(content: Path, element: str) -> None:
    for page in pages_naming(content, element):
        set_onderdelen(page, [i for i in load_page_ids(page) if i != element])


def test_visitatie_recorded_in_the_other_edition_of_the_cycle(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    remove_element(content, "visitatie")
    kompas = content / "kompas.yml"
    kompas.write_text(kompas.read_text(encoding="utf-8") + "visitatie: in-voortgangsbericht\n", encoding="utf-8")
    result = check(content)
    assert element_findings(result) == set()
    assert next(c for c in result.coverage if c.onderdeel.id == "visitatie").status == "elders"
    # Saying it is in this edition while it is not: an error pointing at that line.
    kompas.write_text(
        kompas.read_text(encoding="utf-8").replace("in-voortgangsbericht", "in-kwaliteitsbeeld"), encoding="utf-8"
    )
    finding = next(f for f in check(content).findings if f.element == "visitatie")
    assert (finding.severity, finding.file, finding.key) == ("fout", "kompas.yml", "visitatie")


def test_stories_cover_ervaringsverhalen_only_with_a_client_story(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    remove_element(content, "ervaringsverhalen")
    story = content / "verhalen" / "noor.md"
    story.write_text("---\ntitle: Noor vertelt\nperspectief: professional\n---\n\nVerhaal.\n", encoding="utf-8")
    assert element_findings(check(content)) == {"ervaringsverhalen"}
    story.write_text(story.read_text(encoding="utf-8").replace("professional", "client"), encoding="utf-8")
    result = check(content)
    assert element_findings(result) == set()
    assert next(c for c in result.coverage if c.onderdeel.id == "ervaringsverhalen").data == "verhalen"


def test_fresh_scaffold_names_every_element_as_not_filled_in(tmp_path, capsys):
    for kader, soort, jaar in EDITIONS:
        target = tmp_path / f"{kader}-{soort}"
        assert run_kompas("new", target, "--kader", kader, "--soort", soort, "--jaar", jaar, capsys=capsys)[0] == 0
        code, out, _ = run_kompas("check", target, "--format", "json", capsys=capsys)
        data = json.loads(out)
        assert code == 1
        ids = EXPECTED_IDS[(kader, soort)]
        assert [o["status"] for o in data["onderdelen"]] == ["niet-ingevuld"] * len(ids)
        named = {f["element"] for f in data["findings"] if f["code"] == "onderdeel-niet-ingevuld"}
        assert named == set(ids)


def test_check_text_output_is_grouped_by_file(filled_scaffold, capsys):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    remove_element(content, "bouwsteen-3")
    write_goals(content, GOALS_OK.replace("status: nieuw", "status: klaar"))
    code, out, _ = run_kompas("check", content, capsys=capsys)
    assert code == 1
    assert "Het rapport als geheel\n  FOUT [onderdeel-ontbreekt]" in out
    assert "speerpunten.yml\n  FOUT (regel 10) [speerpunt-status-onbekend]" in out
    assert "✗ bouwsteen-3" in out and "2 fout(en)" in out


def test_a_story_card_naming_an_unknown_story_is_an_error(example):
    page = example / "02-zorgproces" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("[[verhaal: gert-op-zichzelf]]", "[[verhaal: gert-op-zichself]]"),
        encoding="utf-8",
    )
    finding = next(f for f in check(example).findings if f.code == "verhaal-onbekend")
    assert finding.severity == "fout" and finding.file == "02-zorgproces/index.md"
    assert "Bedoelt u 'gert-op-zichzelf'?" in finding.message
    assert "[[verhaal: gert-op-zichself]]" in page.read_text(encoding="utf-8").splitlines()[finding.line - 1]


def test_an_easy_read_page_that_is_too_hard_is_named(example):
    twin = example / "04-leren" / "index.begrijpelijk.md"
    hard = (Path(__file__).parent / "teksten" / "beleid.md").read_text(encoding="utf-8")
    twin.write_text(hard, encoding="utf-8")  # a policy text, with its own front matter
    findings = [f for f in check(example).findings if f.file == "04-leren/index.begrijpelijk.md"]
    verdict = next(f for f in findings if f.code == "begrijpelijk-te-moeilijk")
    assert verdict.severity == "waarschuwing"
    assert any(f.code == "zin-te-lang" and f.severity == "tip" and f.line for f in findings)
    # The example's own easy-read pages are easy enough.
    assert not [f for f in check(EXAMPLE_DIR).findings if f.code == "begrijpelijk-te-moeilijk"]


def test_easy_read_findings(filled_scaffold):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    # A part described on a page without an easy-read version.
    page = pages_naming(content, "bouwsteen-2")[0]
    page.with_name(page.name.removesuffix(".md") + ".begrijpelijk.md").unlink()
    # An empty twin, a second twin that differs only in capitals, an orphan, and a hard unexplained word.
    home_twin = content / "index.begrijpelijk.md"
    (content / "Index.Begrijpelijk.md").write_text("---\ntitle: Dubbel\n---\n\nTekst.\n", encoding="utf-8")
    (content / "weg.begrijpelijk.md").write_text("---\ntitle: Wees\n---\n\nTekst.\n", encoding="utf-8")
    twin = pages_naming(content, "bouwsteen-1")[0]
    twin = twin.with_name(twin.name.removesuffix(".md") + ".begrijpelijk.md")
    twin.write_text(
        "---\ntitle: Makkelijk\n---\n\nWe doen aan intervisie en casuïstiekbespreking. Dat is fijn.\n", encoding="utf-8"
    )
    findings = check(content).findings
    by_code = {f.code: f for f in findings}
    missing = by_code["onderdeel-zonder-begrijpelijk"]
    assert (missing.severity, missing.element, missing.file) == (
        "waarschuwing",
        "bouwsteen-2",
        page.relative_to(content).as_posix(),
    )
    assert by_code["begrijpelijk-dubbel"].file == "Index.Begrijpelijk.md"
    assert by_code["begrijpelijk-zonder-pagina"].file == "weg.begrijpelijk.md"
    word = by_code["woord-zonder-uitleg"]
    assert word.severity == "tip" and "casuïstiekbespreking" in word.message and word.line == 5
    assert not any(f.code == "woord-zonder-uitleg" and "intervisie" in f.message for f in findings)  # in the list
    home_twin.write_text("---\ntitle: Leeg\n---\n\n## Alleen een kop\n", encoding="utf-8")
    assert any(f.code == "begrijpelijk-leeg" and f.file == "index.begrijpelijk.md" for f in check(content).findings)
    # No easy-read version at all is an error.
    for path in content.rglob("*.md"):
        if path.name.lower().endswith(".begrijpelijk.md"):
            path.unlink()
    result = check(content)
    assert [f.severity for f in result.findings if f.code == "begrijpelijk-ontbreekt"] == ["fout"]


def test_a_link_to_a_page_that_does_not_exist_is_named(example):
    page = example / "02-zorgproces" / "index.md"
    text = page.read_text(encoding="utf-8")
    assert "](dilemma.md)" in text
    page.write_text(text.replace("](dilemma.md)", "](dilema.md)"), encoding="utf-8")
    finding = next(f for f in check(example).findings if f.code == "link-kapot")
    assert finding.severity == "waarschuwing" and finding.file == "02-zorgproces/index.md"
    assert "Bedoelt u 'dilemma.md'?" in finding.message
    assert "](dilema.md)" in page.read_text(encoding="utf-8").splitlines()[finding.line - 1]


def test_readability_of_unchanged_easy_read_pages_is_not_measured_again(example, tmp_path, monkeypatch):
    import kompas_site.check.rules.begrijpelijk as rule

    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    first = check(example).findings
    assert list((tmp_path / "cache" / "leesbaarheid").glob("*.json"))

    def not_again(*args, **kwargs):
        raise AssertionError("measured again")

    monkeypatch.setattr(rule, "analyse", not_again)
    assert check(example).findings == first
    twin = example / "04-leren" / "index.begrijpelijk.md"
    twin.write_text(twin.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="measured again"):
        check(example)


def test_a_broken_photo_is_named_before_the_build(example, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    (example / "media" / "kapot.jpg").write_bytes(b"geen foto")
    page = example / "01-over-ons" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![Een kapotte foto.](../media/kapot.jpg)\n", encoding="utf-8")
    finding = next(f for f in check(example).findings if f.code == "afbeelding-onbruikbaar")
    assert finding.severity == "fout" and finding.file == "01-over-ons/index.md"
    assert "media/kapot.jpg" in finding.message and "sla hem opnieuw op" in finding.message


def test_a_fresh_scaffold_also_names_its_placeholder_name_and_easy_read_text(tmp_path, capsys):
    target = tmp_path / "nieuw"
    run_kompas("new", target, "--kader", "generiek-kompas", "--soort", "kwaliteitsbeeld", "--jaar", 2025, capsys=capsys)
    findings = check(target).findings
    name = next(f for f in findings if f.code == "organisatie-naam-invullen")
    assert (name.file, name.line, name.severity) == ("kompas.yml", 3, "waarschuwing")
    assert any(f.code == "invultekst" and f.file == "index.begrijpelijk.md" for f in findings)


def test_a_page_with_a_reserved_name_is_an_error(example):
    from kompas_site.assemble import HOME, assemble
    from kompas_site.assemble.verhalen import OVERVIEW
    from kompas_site.model import RESERVED_PAGES

    site = assemble(check(example))
    generated = {g.source for g in site.generated} - {HOME, OVERVIEW} - site.listings
    assert {g for g in generated if not g.startswith("locaties/")} == set(RESERVED_PAGES)  # locaties/: a folder
    (example / "zoeken.md").write_text("---\ntitle: Zoek\n---\n\nTekst.\n", encoding="utf-8")
    finding = next(f for f in check(example).findings if f.code == "pagina-naam-gereserveerd")
    assert (finding.severity, finding.file) == ("fout", "zoeken.md")
