"""kwaliteitsbeeld.json: the machine-readable summary at the root of every built site, its JSON Schema, the
hash of the build's content, and the reader that refuses a version it does not know."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, copy_example, run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site import pipeline
from kompas_site.assemble.summary import bouwstenen
from kompas_site.errors import ContentError
from kompas_site.load.summary import FILE, SCHEMA_VERSION, read_summary, read_summary_file, schema_path


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(content folder, site) of one build of a copy of the example."""
    base = tmp_path_factory.mktemp("samenvatting")
    content = base / "content"
    copy_example(content)
    code = run_kompas("build", content, "-o", base / "site")[0]
    assert code == 0
    return content, base / "site"


def test_the_summary_is_published_at_the_root_and_follows_its_schema(built):
    content, site = built
    data = json.loads((site / FILE).read_text(encoding="utf-8"))
    validator().validate(data)
    assert data["schema_versie"] == SCHEMA_VERSION == 1
    assert data["organisatie"]["naam"] == "Stichting De Wilgenhoeve"
    assert data["kader"]["id"] == "gehandicaptenzorg-2023"
    assert data["editie"] == {
        "soort": "kwaliteitsbeeld",
        "naam": "Kwaliteitsbeeld",
        "jaar": 2025,
        "publicatiedatum": "2026-05-28",
    }
    assert data["uiterste_datum"] == "2026-06-01"
    assert data["concept"] is False
    assert data["gemaakt_met"]["programma"] == "kompas-site"
    # every address in it is a page of the built site
    urls = [p["url"] for item in data["onderdelen"] for p in item["paginas"]]
    urls += [p["url"] for p in data["paginas"].values()]
    urls += [p["url"] for p in data["begrijpelijk"]] + [p["uitgebreide_versie"]["url"] for p in data["begrijpelijk"]]
    assert urls and all((site / url / "index.html").is_file() for url in urls), urls
    ids = {item["id"]: item for item in data["onderdelen"]}
    assert ids["bouwsteen-1"]["status"] == "gedekt"
    assert "zorgproces/" in [p["url"] for p in ids["bouwsteen-1"]["paginas"]]
    goals = {g["id"]: g for g in data["speerpunten"]}
    assert goals["eigen-regie-ondersteuningsplan"]["bouwstenen"] == [1]
    assert goals["eigen-regie-ondersteuningsplan"]["status"] == "behaald"
    easy = {p["url"]: p for p in data["begrijpelijk"]}
    assert easy["begrijpelijk/"]["uitgebreide_versie"]["url"] == "./"
    assert easy["begrijpelijk/"]["voldoet"] is True and easy["begrijpelijk/"]["metingen"]["woorden"] > 50
    assert data["hash"].startswith("sha256:") and len(data["hash"]) == len("sha256:") + 64


def test_the_readability_figures_are_those_of_kompas_leesbaarheid(built, capsys):
    content, site = built
    data = json.loads((site / FILE).read_text(encoding="utf-8"))
    code, out, _ = run_kompas(
        "leesbaarheid", content / "02-zorgproces" / "index.begrijpelijk.md", "--json", capsys=capsys
    )
    measured = json.loads(out)
    entry = next(p for p in data["begrijpelijk"] if p["url"] == "begrijpelijk/zorgproces/")
    assert entry["metingen"] == measured["metingen"]
    assert entry["voldoet"] == measured["voldoet"]
    assert data["leesbaarheid_grenzen"] == measured["grenzen"]


def test_same_content_gives_the_same_hash_anywhere_and_a_change_gives_another(built, tmp_path):
    content, site = built
    published = json.loads((site / FILE).read_text(encoding="utf-8"))["hash"]
    copy = tmp_path / "elders" / "rapport"
    shutil.copytree(content, copy)  # another place, other file times: the same content
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert pipeline.run(copy).summary["hash"] == published
    assert pipeline.run(content).summary["hash"] == published

    page = copy / "02-zorgproces" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ondersteuningsplan", "plan", 1), encoding="utf-8")
    changed = pipeline.run(copy).summary["hash"]
    assert changed != published

    photo = next(iter(pipeline.run(copy).images.values()))  # a photo a page shows
    with open(photo, "ab") as stream:
        stream.write(b"\0")
    assert pipeline.run(copy).summary["hash"] not in (published, changed)

    settings_file = copy / "kompas.yml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace("Raad van Bestuur", "Raad van bestuur"))
    assert pipeline.run(copy).summary["hash"] not in (published, changed)  # in every page's footer

    speerpunten = copy / "speerpunten.yml"
    speerpunten.write_text(speerpunten.read_text(encoding="utf-8").replace("status: behaald", "status: doorgezet", 1))
    again = pipeline.run(copy).summary
    assert again["hash"] not in (published, changed)
    validator().validate(again)


def test_a_draft_build_says_so_and_has_another_hash(built):
    content, site = built
    draft = pipeline.run(content, draft=True).summary
    assert draft["concept"] is True
    assert draft["hash"] != json.loads((site / FILE).read_text(encoding="utf-8"))["hash"]


def test_with_site_url_every_address_is_also_absolute(example):
    settings_file = example / "kompas.yml"
    settings_file.write_text(
        settings_file.read_text(encoding="utf-8").replace("\n", "\r\n")
        + 'site_url: "https://kwaliteit.example.org/2025"\r\n',
        encoding="utf-8",
    )
    data = pipeline.run(example).summary
    validator().validate(data)
    assert data["site_adres"] == "https://kwaliteit.example.org/2025/"
    assert data["paginas"]["start"]["adres"] == "https://kwaliteit.example.org/2025/"
    assert data["paginas"]["speerpunten"]["adres"] == "https://kwaliteit.example.org/2025/speerpunten/"
    for item in data["onderdelen"]:
        for page in item["paginas"]:
            assert page["adres"] == "https://kwaliteit.example.org/2025/" + page["url"]


def test_a_report_without_speerpunten_or_easy_read_still_has_a_valid_summary(example):
    (example / "speerpunten.yml").unlink()
    for twin in example.rglob("*.begrijpelijk.md"):
        twin.unlink()
    data = pipeline.run(example, draft=True).summary
    validator().validate(data)
    assert data["speerpunten"] == [] and data["begrijpelijk"] == []


def test_a_goal_may_have_one_bouwsteen_several_or_none():
    assert bouwstenen(2) == [2]
    assert bouwstenen([1, 3]) == [1, 3]
    assert bouwstenen(None) == []
    assert bouwstenen(True) == []


def test_the_mkdocs_plugin_publishes_the_same_summary(built, tmp_path):
    content, site = built
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(content, tmp_path / "content")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    by_plugin = json.loads((tmp_path / "s" / FILE).read_text(encoding="utf-8"))
    assert by_plugin == json.loads((site / FILE).read_text(encoding="utf-8"))


# -- reading a summary -----------------------------------------------------------------------------


def test_the_reader_reads_what_the_build_published(built):
    _, site = built
    data = read_summary_file(site / FILE)
    assert data["organisatie"]["naam"] == "Stichting De Wilgenhoeve"


@pytest.mark.parametrize("version", [2, 0, "1", None, True, 1.5, [1]])
def test_an_unknown_schema_versie_is_refused_in_dutch(built, tmp_path, version):
    _, site = built
    data = json.loads((site / FILE).read_text(encoding="utf-8"))
    data["schema_versie"] = version
    path = tmp_path / FILE
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        read_summary_file(path)
    message = str(refused.value)
    assert "schema_versie" in message and "kan alleen schema_versie 1 lezen" in message
    assert str(path) in message
    if version == 2:
        assert "nieuwere kompas-site" in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{niet af", "geen leesbare JSON"),
        ("[1, 2]", "geen 'schema_versie'"),
        ('{"schema_versie": 1}', "ontbreekt 'organisatie'"),
        ("", "geen leesbare JSON"),
        ("[" * 100_000, "geen leesbare JSON"),
    ],
)
def test_a_file_that_is_no_summary_is_refused_in_dutch(text, words):
    with pytest.raises(ContentError) as refused:
        read_summary(text, "https://example.org/kwaliteitsbeeld.json")
    assert words in str(refused.value)


def test_a_missing_file_or_a_folder_is_refused_in_dutch(tmp_path):
    with pytest.raises(ContentError, match="bestaat niet"):
        read_summary_file(tmp_path / "weg.json")
    with pytest.raises(ContentError, match="is een map"):
        read_summary_file(tmp_path)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(), lambda c: st.lists(c, max_size=3))
)
def test_any_schema_versie_but_1_is_refused(version):
    if version == 1 and not isinstance(version, bool):
        return
    text = json.dumps(
        {"schema_versie": version, "organisatie": {}, "kader": {}, "editie": {}, "speerpunten": [], "hash": ""}
    )
    with pytest.raises(ContentError, match="schema_versie"):
        read_summary(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_whatever_a_server_sends_is_read_or_refused_in_dutch(raw):
    try:
        data = read_summary(raw, "https://example.org/kwaliteitsbeeld.json")
    except ContentError as refused:
        assert "kan niet gebruikt worden" in str(refused)
    else:
        assert data["schema_versie"] == 1


def test_every_field_of_the_schema_is_documented_in_dutch():
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    undocumented = []

    def walk(node: dict, where: str) -> None:
        for name, field in node.get("properties", {}).items():
            if "description" not in field:
                undocumented.append(f"{where}.{name}")
            walk(field, f"{where}.{name}")
            if isinstance(field.get("items"), dict):
                walk(field["items"], f"{where}.{name}[]")

    walk(schema, "")
    for name, definition in schema.get("$defs", {}).items():
        walk(definition, f"$defs.{name}")
    assert undocumented == []
