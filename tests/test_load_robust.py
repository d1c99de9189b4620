"""Property: whatever YAML, front matter and Markdown an author writes, ``kompas check`` answers with exit 0,
1 or 2 and a message, never a traceback.

Hypothesis writes the files: wrong types, other encodings, aliases, control characters, huge and empty
values. A small report (kompas.yml, a home page, a story, speerpunten.yml, woordenlijst.yml) gets one of
them swapped for the generated one.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import run_kompas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KOMPAS = """organisatie:
  naam: Stichting Proef
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025
  publicatiedatum: 2026-05-28
"""
HOME = "---\ntitle: Home\n---\n\nDit is ons kwaliteitsbeeld.\n"
STORY = """---
title: Gert
perspectief: client
domeinen: [zelfbepaling]
toestemming:
  datum: 2026-02-10
  geldig_tot: 2027-12-31
  vastgelegd_door: teamleider
---

Gert vertelt.
"""
SPEERPUNTEN = "speerpunten:\n  - id: eigen-regie\n    titel: Eigen regie\n    bouwsteen: 1\n    status: behaald\n"
WOORDENLIJST = "zorgkantoor: Het kantoor dat zorg inkoopt.\n"
FILES = {
    "kompas.yml": KOMPAS,
    "index.md": HOME,
    "verhalen/gert.md": STORY,
    "speerpunten.yml": SPEERPUNTEN,
    "woordenlijst.yml": WOORDENLIJST,
}

# Values of every kind YAML can carry, plus the ones that tripped the loader before.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["", " ", "2026-02-30", "2025-13-45", "2026-05-28 10:00:00", "28-05-2026", "0201234567", "~"]),
    st.dates().map(str),
    st.just("x" * 20000),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
)
KEYS = [
    "title", "onderdelen", "toegestaan", "fotos", "domeinen", "video", "toestemming", "perspectief", "bouwsteen",
    "organisatie", "kader", "editie", "contact", "site_url", "speerpunten", "id", "titel", "jaar", "datum", "null",
]  # fmt: skip
mappings = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), values, max_size=6)


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# YAML as text: dumped data, known troublemakers (aliases, impossible dates, odd keys), odd characters.
RAW = [
    "title: &a [*a]\n",
    "title: 2025-13-45\n",
    "datum: 2026-02-30\n",
    KOMPAS.replace("2026-05-28", "2026-02-30"),
    KOMPAS.replace("2026-05-28", "2026-05-28 10:00:00"),
    STORY.split("---")[1].replace("2027-12-31", "2027-12-32"),
    "null: x\n~: y\n",
    "a: &a [x, x]\nb: [*a, *a]\n",
    "base: &b {naam: X}\norganisatie:\n  <<: *b\n",
    "title: *nergens\n",
    "? [a, b]\n: c\n",
    "title: x\ntitle: y\n",
    ": leeg\n",
    "[" * 300 + "]" * 300 + "\n",
]
yaml_texts = st.one_of(
    mappings.map(_dump),
    values.map(_dump),
    st.sampled_from(RAW),
    st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t\x00\x07\x85\u2028\ufeff\u00e9%@`,?")), max_size=80),
)
encodings = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le", "latin-1", "utf-8-sig"])
markdown = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["# Kop\n\n```\n# geen titel\n```\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "[[verhaal: gert]]\n"]),
    st.just("woord " * 20000),
)


def _write(path: Path, text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    path.write_bytes(data)


def _check(files: dict[str, tuple[str, str]], capsys) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kompas-prop-"))
    try:
        for name, text in FILES.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        for name, (text, encoding) in files.items():
            _write(folder / name, text, encoding)
        for arguments in (["check", folder], ["check", folder, "--format", "json"]):
            code, out, err = run_kompas(*arguments, capsys=capsys)
            assert code in (0, 1, 2), (code, out[-2000:], err[-2000:])
            assert "Traceback" not in out + err
            assert out.strip() or err.strip()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(name=st.sampled_from(["kompas.yml", "speerpunten.yml", "woordenlijst.yml"]), text=yaml_texts, enc=encodings)
def test_any_data_file_gives_an_answer_not_a_traceback(capsys, name, text, enc):
    _check({name: (text, enc)}, capsys)


@PROPERTY
@given(
    name=st.sampled_from(["index.md", "verhalen/gert.md"]),
    front=yaml_texts,
    body=markdown,
    enc=encodings,
)
def test_any_page_gives_an_answer_not_a_traceback(capsys, name, front, body, enc):
    _check({name: ("---\n" + front + "---\n\n" + body, enc)}, capsys)


@PROPERTY
@given(story=mappings, body=markdown)
def test_any_story_front_matter_gives_an_answer_not_a_traceback(capsys, story, body):
    base = yaml.safe_load(STORY.split("---")[1])
    base.update(story)
    _check({"verhalen/gert.md": ("---\n" + _dump(base) + "---\n\n" + body, "utf-8")}, capsys)


def _build(files: dict[str, tuple[str, str]], capsys) -> None:
    """The same generated content through `kompas build --concept`: an answer, never a traceback, and a
    site whenever the input could be used."""
    folder = Path(tempfile.mkdtemp(prefix="kompas-prop-"))
    try:
        content, site = folder / "content", folder / "site"
        for name, text in FILES.items():
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_text(text, encoding="utf-8")
        for name, (text, encoding) in files.items():
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            _write(content / name, text, encoding)
        code, out, err = run_kompas("build", content, "-o", site, "--concept", capsys=capsys)
        assert code in (0, 2), (code, out[-2000:], err[-2000:])
        assert "Traceback" not in out + err
        assert (code == 0) == (site / "index.html").is_file()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


BUILDS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@BUILDS
@given(name=st.sampled_from(["index.md", "verhalen/gert.md"]), front=yaml_texts, body=markdown, enc=encodings)
def test_any_page_builds_or_is_refused_in_dutch(capsys, name, front, body, enc):
    _build({name: ("---\n" + front + "---\n\n" + body, enc)}, capsys)


@BUILDS
@given(story=mappings, body=markdown)
def test_any_story_builds_or_is_refused_in_dutch(capsys, story, body):
    base = yaml.safe_load(STORY.split("---")[1])
    base.update(story)
    _build({"verhalen/gert.md": ("---\n" + _dump(base) + "---\n\n" + body, "utf-8")}, capsys)
