"""Schemas at the edge: every unusable input gives a Dutch message with file, line and key, and exit 2;
natural short forms are accepted; dates written as text are dates."""

from __future__ import annotations

import builtins
import json
import os
from datetime import date
from pathlib import Path

import pytest
from conftest import run_kompas

from kompas_site.check import check_report
from kompas_site.load import load_report
from kompas_site.model import Toegestaan

STORY = "verhalen/gert-op-zichzelf.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def unusable(content: Path, capsys, *expected: str) -> str:
    """Run kompas check; it must stop with exit 2 and a Dutch message holding every expected text."""
    code, out, err = run_kompas("check", content, capsys=capsys)
    assert code == 2, (out, err)
    assert "kan niet gelezen worden" in err and "Traceback" not in err
    for text in expected:
        assert text in err, (text, err)
    return err


# --- encodings and files that cannot be read ------------------------------------------------------


@pytest.mark.parametrize("name", ["kompas.yml", "speerpunten.yml", "woordenlijst.yml"])
def test_a_data_file_in_latin_1_names_the_file_and_line(example, capsys, name):
    path = example / name
    if name == "woordenlijst.yml":
        path.write_text("ervaringsdeskundige: Iemand die zelf zorg kreeg.\ncliëntenraad: De raad.\n", encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    first = (
        next(i for i, line in enumerate(text.splitlines(), start=1) if not line.isascii()) if not text.isascii() else 1
    )
    if text.isascii():
        text = "# Geëxporteerd\n" + text
    path.write_bytes(text.encode("latin-1"))
    unusable(example, capsys, f"{name}, regel {first}", "niet als UTF-8 opgeslagen", "Sla het opnieuw op als 'UTF-8'")


@pytest.mark.parametrize("name", ["kompas.yml", "speerpunten.yml", "woordenlijst.yml"])
def test_a_data_file_in_utf_16_says_save_as_utf_8(example, capsys, name):
    path = example / name
    text = path.read_text(encoding="utf-8") if path.exists() else "zorgkantoor: Het kantoor dat zorg inkoopt.\n"
    path.write_bytes(text.encode("utf-16"))
    unusable(example, capsys, f"  {name}\n", "UTF-16", "'UTF-8'")


def test_a_page_in_utf_16_without_byte_order_mark(example, capsys):
    page = example / "01-over-ons" / "index.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("utf-16-le"))
    unusable(example, capsys, "01-over-ons/index.md", "UTF-16")


@pytest.fixture
def deny(monkeypatch):
    """Make a file or folder unreadable. The tests run as root, who may read anything, so the refusal is
    the one the operating system would give another user: PermissionError when it is opened."""
    denied: set[str] = set()
    real_open, real_read_bytes, real_scandir = builtins.open, Path.read_bytes, os.scandir

    def is_denied(path) -> bool:
        return os.path.realpath(path) in denied

    def fake_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and is_denied(file):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def fake_read_bytes(self):
        if is_denied(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def fake_scandir(path="."):
        if is_denied(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(Path, "read_bytes", fake_read_bytes)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    return lambda path: denied.add(os.path.realpath(path))


@pytest.mark.parametrize("name", ["kompas.yml", "speerpunten.yml", "01-over-ons/index.md"])
def test_an_unreadable_file_is_named(example, capsys, deny, name):
    deny(example / name)
    unusable(example, capsys, f"  {name}\n", "leesrechten")


def test_an_unreadable_subfolder_is_named_not_skipped(example, capsys, deny):
    deny(example / "04-leren")
    unusable(example, capsys, "  04-leren\n", "De map '04-leren' kan niet gelezen worden", "leesrechten")


# --- YAML that must never crash or hang ------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["01-over-ons/index.md", "kompas.yml", "speerpunten.yml", "woordenlijst.yml"],
)
def test_a_recursive_alias_is_refused_anywhere(example, capsys, where):
    path = example / where
    if where.endswith(".md"):
        edit(path, "title:", "title: &a [*a]\nold_title:")
        line = 2
    else:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(text + "lus: &a [*a]\n", encoding="utf-8")
        line = len(text.splitlines()) + 1
    unusable(example, capsys, f"{where}, regel {line}", "YAML-alias", "schrijf de waarde gewoon uit")


def test_an_alias_bomb_in_front_matter_is_refused(example, capsys):
    names = "abcdefghi"
    bomb = [f"{names[0]}: &{names[0]} [x,x,x,x,x,x,x,x,x]"] + [
        f"{name}: &{name} [" + ",".join([f"*{before}"] * 9) + "]" for before, name in zip(names, names[1:])
    ]
    page = example / "01-over-ons" / "index.md"
    page.write_text("---\n" + "\n".join(bomb) + "\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    unusable(example, capsys, "01-over-ons/index.md, regel 3", "sleutel 'b'", "YAML-alias")


def test_a_key_without_a_name(example, capsys):
    with open(example / "kompas.yml", "a", encoding="utf-8") as stream:
        stream.write("null: iets\n")
    line = line_of(example / "kompas.yml", "null: iets")
    err = unusable(example, capsys, f"kompas.yml, regel {line}", "sleutel zonder naam")
    assert "'None'" not in err


@pytest.mark.parametrize(
    "file,key",
    [("01-over-ons/index.md", "title"), ("kompas.yml", "verantwoordelijk"), ("speerpunten.yml", "titel")],
)
def test_a_key_written_twice_names_both_lines(example, capsys, file, key):
    path = example / file
    first = line_of(path, f"{key}:")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = lines[first - 1][: len(lines[first - 1]) - len(lines[first - 1].lstrip())]
    lines.insert(first, f"{indent}{key}: Nog een keer\n")
    path.write_text("".join(lines), encoding="utf-8")
    unusable(example, capsys, f"{file}, regel {first + 1}", f"De sleutel '{key}' staat twee keer", f"regel {first} en")


# --- dates -----------------------------------------------------------------------------------------


def test_a_quoted_publication_date_is_a_date(example, capsys):
    edit(example / "kompas.yml", "publicatiedatum: 2026-05-28", "publicatiedatum: '2026-05-20'")
    assert load_report(example).settings.editie.publicatiedatum == date(2026, 5, 20)
    code, out, _ = run_kompas("check", example, capsys=capsys)
    assert code == 0 and "publicatiedatum: 20 mei 2026" in out


@pytest.mark.parametrize(
    "written,expected",
    [
        ("2026-02-30", ["'2026-02-30'", "bestaat niet", "februari 2026 heeft geen dag 30"]),
        ("2026-13-01", ["bestaat niet", "er is geen maand 13"]),
        ("28-05-2026", ["dag-maand-jaar", "Schrijf jaar-maand-dag: 2026-05-28"]),
        ("2026-05-28 10:00:00", ["met een tijd", "Schrijf alleen de datum: 2026-05-28"]),
        ("volgende week", ["'volgende week' is geen datum", "jaar-maand-dag"]),
    ],
)
def test_a_publication_date_that_is_not_a_date_says_why(example, capsys, written, expected):
    edit(example / "kompas.yml", "publicatiedatum: 2026-05-28", f"publicatiedatum: {written}")
    line = line_of(example / "kompas.yml", "publicatiedatum")
    unusable(example, capsys, f"kompas.yml, regel {line}", "sleutel 'editie.publicatiedatum'", *expected)


def test_a_title_that_looks_like_an_impossible_date_is_just_text(example, capsys):
    edit(example / "01-over-ons" / "index.md", "title: Over De Wilgenhoeve", "title: 2025-13-45")
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code in (0, 1) and "Traceback" not in err
    assert load_report(example).page("01-over-ons/index.md").title == "2025-13-45"


def test_consent_dates_written_as_text_are_dates(example, capsys):
    story = example / STORY
    edit(story, "datum: 2026-02-10", "datum: '2026-02-10'")
    edit(story, "geldig_tot: 2027-12-31", 'geldig_tot: "2027-12-31"')
    consent = load_report(example).page(STORY).meta["toestemming"]
    assert consent["datum"] == date(2026, 2, 10) and consent["geldig_tot"] == date(2027, 12, 31)
    code, out, err = run_kompas("check", example, capsys=capsys)
    assert code == 0, out + err


@pytest.mark.parametrize(
    "written,expected",
    [
        ("2027-02-30", "februari 2027 heeft geen dag 30"),
        ("31-12-2027", "Schrijf jaar-maand-dag: 2027-12-31"),
        ("2027-12-31 12:00", "Schrijf alleen de datum: 2027-12-31"),
    ],
)
def test_a_consent_date_that_is_not_a_date_is_a_finding(example, written, expected):
    story = example / STORY
    edit(story, "geldig_tot: 2027-12-31", f"geldig_tot: {written}")
    [finding] = shape_findings(load_report(example))
    assert (finding.code, finding.severity, finding.file, finding.key) == (
        "kopregel-vorm",
        "fout",
        STORY,
        "toestemming.geldig_tot",
    )
    assert finding.line == line_of(story, "geldig_tot:") and expected in finding.message


# --- story short forms and shapes that cannot be used ------------------------------------------------


def shape_findings(report):
    return [f for f in check_report(report).findings if f.code == "kopregel-vorm"]


def _photos_as(story: Path, written: str) -> None:
    text = story.read_text(encoding="utf-8")
    start = text.index("fotos:\n")
    end = text.index("toestemming:")
    story.write_text(text[:start] + written + text[end:], encoding="utf-8")


@pytest.mark.parametrize("written", ["fotos: media/gert-keuken.jpg\n", "fotos: [media/gert-keuken.jpg]\n"])
def test_a_story_photo_as_a_short_form(example, capsys, written):
    story = example / STORY
    _photos_as(story, written)
    page = load_report(example).page(STORY)
    assert page.meta["fotos"] == [{"bestand": "media/gert-keuken.jpg"}]
    assert page.meta_lines[("fotos", 0, "bestand")] == line_of(story, "fotos:")
    code, out, _ = run_kompas("check", example, capsys=capsys)
    assert "[alt-ontbreekt]" in out and f"(regel {line_of(story, 'fotos:')})" in out
    build = example.parent / "site"
    assert (
        run_kompas("build", example, "-o", build, "--concept", capsys=capsys)[0] == 0
    )  # a photo without alt is a fout
    html = (build / "verhalen" / "gert-op-zichzelf" / "index.html").read_text(encoding="utf-8")
    assert "gert-keuken" in html


def test_a_single_domain_as_text(example, capsys):
    story = example / STORY
    edit(story, "domeinen: [zelfbepaling, deelname-aan-de-samenleving]", "domeinen: zelfbepaling")
    assert load_report(example).page(STORY).meta["domeinen"] == ["zelfbepaling"]
    build = example.parent / "site"
    assert run_kompas("build", example, "-o", build, capsys=capsys)[0] == 0
    html = (build / "verhalen" / "gert-op-zichzelf" / "index.html").read_text(encoding="utf-8")
    assert "Zelfbepaling" in html and ">z<" not in html


def test_a_story_photo_at_an_outside_address_is_a_finding_and_not_published(example):
    story = example / STORY
    edit(story, "  - bestand: media/gert-keuken.jpg", "  - bestand: https://example.org/gert.jpg")
    report = load_report(example)
    assert report.page(STORY).meta["fotos"] == []
    [finding] = shape_findings(report)
    assert finding.code == "kopregel-vorm" and finding.key == "fotos.bestand"
    assert finding.line == line_of(story, "bestand: https://") and "andere website" in finding.message


def test_a_transcript_that_is_a_list_is_a_finding(example):
    story = example / STORY
    edit(story, "citaat:", "video:\n  youtube: aqz-KE-bpKQ\n  transcript: [a, b]\ncitaat:")
    report = load_report(example)
    assert "transcript" not in report.page(STORY).meta["video"]
    [finding] = shape_findings(report)
    assert finding.key == "video.transcript" and finding.line == line_of(story, "transcript:")
    assert "één tekst" in finding.message


# --- toegestaan and site_url ---------------------------------------------------------------------------


def test_toegestaan_and_site_url_in_kompas_yml(example):
    with open(example / "kompas.yml", "a", encoding="utf-8") as stream:
        stream.write(
            "site_url: https://kwaliteit.example.org/\ntoegestaan:\n"
            "  - waarde: '801745913'\n    reden: Het RSIN van onze stichting.\n"
        )
    settings = load_report(example).settings
    assert settings.toegestaan == (Toegestaan("801745913", "Het RSIN van onze stichting."),)
    assert settings.site_url == "https://kwaliteit.example.org/"


def test_toegestaan_in_front_matter(example):
    edit(
        example / "01-over-ons" / "index.md",
        "title:",
        "toegestaan:\n  - waarde: NL91 ABNA 0417 1643 00\n    reden: Ons rekeningnummer.\ntitle:",
    )
    page = load_report(example).page("01-over-ons/index.md")
    assert page.meta["toegestaan"] == [Toegestaan("NL91 ABNA 0417 1643 00", "Ons rekeningnummer.")]


@pytest.mark.parametrize(
    "where,written,expected",
    [
        ("kompas.yml", "site_url: kwaliteit.example.org", ["sleutel 'site_url'", "https://"]),
        ("kompas.yml", "toegestaan:\n  - waarde: '801745913'", ["sleutel 'toegestaan.reden'", "hoort een 'reden'"]),
        ("kompas.yml", "toegestaan: 801745913", ["sleutel 'toegestaan'", "- waarde:"]),
        ("01-over-ons/index.md", "toegestaan:\n  - 801745913", ["sleutel 'toegestaan'", "- waarde:"]),
        (
            "01-over-ons/index.md",
            "toegestaan:\n  - waarde: x\n    reden: [a, b]",
            ["sleutel 'toegestaan.reden'", "één tekst"],
        ),
    ],
)
def test_a_wrong_toegestaan_or_site_url_names_file_line_and_key(example, capsys, where, written, expected):
    path = example / where
    if where.endswith(".md"):
        edit(path, "title:", written + "\ntitle:")
    else:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(written + "\n")
    last = written.splitlines()[-1]
    unusable(example, capsys, f"{where}, regel {line_of(path, last)}", *expected)


# --- profiles and JSON ---------------------------------------------------------------------------------


def test_a_broken_profile_names_its_file_and_key(monkeypatch, tmp_path, example, capsys):
    import shutil

    from kompas_site import profiles

    copy = tmp_path / "profiles"
    shutil.copytree(profiles.PROFILES_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    broken = copy / "gehandicaptenzorg-2023" / "kwaliteitsbeeld.yml"
    edit(broken, "  maand:", "  mand:")
    monkeypatch.setattr(profiles, "PROFILES_DIR", copy)
    profiles.kaders.cache_clear()
    try:
        err = unusable(example, capsys, f"{broken}, regel {line_of(broken, 'mand:')}", "sleutel 'deadline.mand'")
    finally:
        profiles.kaders.cache_clear()
    assert "KeyError" not in err and "kompas-site zelf" in err


def test_check_json_on_unusable_input_prints_json(example, capsys):
    edit(example / "kompas.yml", "publicatiedatum: 2026-05-28", "publicatiedatum: 2026-02-30")
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    assert code == 2
    [problem] = json.loads(out)["problemen"]
    assert problem["bestand"] == "kompas.yml" and problem["sleutel"] == "editie.publicatiedatum"
    assert (
        problem["regel"] == line_of(example / "kompas.yml", "publicatiedatum") and "bestaat niet" in problem["melding"]
    )


def test_an_unreadable_media_folder_is_named(example, capsys, deny):
    (example / "media" / "oud").mkdir()
    deny(example / "media" / "oud")
    unusable(example, capsys, "  media/oud\n", "De map 'media/oud' kan niet gelezen worden")
