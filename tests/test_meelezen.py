"""Meelezen: who read along (``meegelezen:``, its checks and the ``[[meegelezen]]`` list), and the writing aid
that the preview shows on every easy-read page (and a published build never does)."""

from __future__ import annotations

import os
import re
import subprocess
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_example, run_cli, run_kompas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas_site.check import check_report
from kompas_site.errors import ContentError
from kompas_site.load import load_report

TWIN = "04-leren/index.begrijpelijk.md"
HOW_WE_MADE_THIS = "01-over-ons/zo-maakten-we-dit.md"


def write_twin(content: Path, front: str, body: str = "Wij lazen alles. Het is goed.\n", rel: str = TWIN) -> Path:
    path = content / rel
    path.write_text(f"---\ntitle: Leren\n{front}---\n\n{body}", encoding="utf-8")
    return path


def findings(content: Path, code: str, file: str = TWIN) -> list:
    return [f for f in check_report(load_report(content)).findings if f.code == code and f.file == file]


def load_problems(content: Path) -> list:
    with pytest.raises(ContentError) as caught:
        load_report(content)
    return caught.value.problems


def set_mtime(path: Path, day: date) -> None:
    stamp = time.mktime(datetime(day.year, day.month, day.day, 12).timetuple())
    os.utime(path, (stamp, stamp))


# -- the example ------------------------------------------------------------------------------------


def test_every_easy_read_page_of_the_example_was_read_by_the_client_council(example):
    report = load_report(example)
    assert report.twins
    for twin in report.twins:
        readings = twin.meta.get("meegelezen")
        assert readings, twin.path
        assert all(date(2025, 1, 1) <= r["datum"] < date.today() for r in readings), twin.path
    result = check_report(report)
    assert not [f for f in result.findings if f.code == "niet-meegelezen"]
    assert not [f for f in result.findings if f.severity in ("fout", "waarschuwing")]


# -- bad input: at the edge, with file, line and key ------------------------------------------------


def test_a_reading_date_in_the_future_is_a_finding_with_file_line_and_key(example):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    write_twin(example, f"meegelezen:\n  - door: Cliëntenraad\n    datum: {tomorrow}\n")
    (problem,) = findings(example, "kopregel-vorm")
    assert problem.severity == "fout"
    assert problem.line == 5
    assert "meegelezen" in (problem.key or "") and "datum" in (problem.key or "")
    assert "toekomst" in problem.message and tomorrow in problem.message
    # the reading is left out: the page counts as not read along
    assert findings(example, "niet-meegelezen")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("in maart", "geen datum"),
        ("14 april 2026", "jaar-maand-dag"),
        ("'12-03-2026'", "jaar-maand-dag"),
        ("2026-02-30", "bestaat niet"),
        ("2026-03-12 14:00", "met een tijd"),
    ],
)
def test_a_reading_date_that_is_not_a_date_says_what_to_write(example, written, said):
    write_twin(example, f"meegelezen:\n  - door: Cliëntenraad\n    datum: {written}\n")
    (problem,) = findings(example, "kopregel-vorm")
    assert problem.line == 5
    assert said in problem.message


def test_a_reading_without_date_or_reader_and_an_unknown_key_are_named(example):
    write_twin(example, "meegelezen:\n  - door: Cliëntenraad\n")
    (problem,) = findings(example, "kopregel-vorm")
    assert "datum" in problem.message
    write_twin(example, "meegelezen:\n  - datum: 2026-03-01\n")
    (problem,) = findings(example, "kopregel-vorm")
    assert "door" in problem.message
    write_twin(example, "meegelezen:\n  - door: Cliëntenraad\n    datm: 2026-03-01\n")
    problems = findings(example, "kopregel-vorm")
    assert any("datum" in p.message for p in problems)  # the nearest valid key


def test_only_the_bad_reading_is_left_out_the_good_one_counts(example):
    write_twin(
        example,
        "meegelezen:\n  - door: Team De Wilg\n    datum: 14 april 2026\n"
        "  - door: Cliëntenraad\n    datum: 2026-03-12\n",
    )
    (problem,) = findings(example, "kopregel-vorm")
    assert problem.line == 5
    twin = next(t for t in load_report(example).twins if t.path == TWIN)
    assert twin.meta["meegelezen"] == [{"door": "Cliëntenraad", "datum": date(2026, 3, 12), "client": False}]
    assert not findings(example, "niet-meegelezen")


def test_a_bad_reading_date_no_longer_stops_the_command(example):
    write_twin(example, "meegelezen:\n  door: Cliëntenraad\n  datum: 14 april 2026\n")
    result = run_cli("check", example)
    out = result.stderr + result.stdout
    assert result.returncode == 1, out  # findings of severity fout, not 'kan niet gelezen worden' (2)
    assert "kopregel-vorm" in out and TWIN in out and "jaar-maand-dag" in out
    assert "niet-meegelezen" in out


@pytest.mark.parametrize(
    ("front", "key", "line"),
    [
        ("ondertekening: Anna de Vries\n", "ondertekening", 3),
        ("ondertekening:\n  - functie: voorzitter\n", "ondertekening", 4),
        ("door: [Marloes, Kees]\n", "door", 3),
        ("locaties: {wilgenlaan: ja}\n", "locaties", 3),
    ],
)
def test_bad_people_and_places_are_findings_and_left_out(example, front, key, line):
    write_twin(example, front)
    (problem,) = findings(example, "kopregel-vorm")
    assert problem.key is not None and problem.key.startswith(key)
    assert problem.line == line
    twin = next(t for t in load_report(example).twins if t.path == TWIN)
    assert not twin.meta.get(key)


def test_a_bad_title_still_stops_the_page_and_names_the_reading_too(example):
    write_twin(example, "title: [a, b]\nmeegelezen:\n  - door: Cliëntenraad\n    datum: morgen\n")
    problems = load_problems(example)
    assert {p.key.split(".")[0] for p in problems if p.key} >= {"title", "meegelezen"}


def test_windows_line_endings_quoted_dates_and_one_reading_without_a_list(example):
    (example / TWIN).write_bytes(
        b'---\r\ntitle: Leren\r\nmeegelezen:\r\n  door: "Cli\xc3\xabntenraad"\r\n  datum: "2026-03-12"\r\n---\r\n\r\n'
        b"Wij lazen alles. Het is goed.\r\n"
    )
    report = load_report(example)
    twin = next(t for t in report.twins if t.path == TWIN)
    assert twin.meta["meegelezen"] == [{"door": "Cliëntenraad", "datum": date(2026, 3, 12), "client": False}]


# -- the checker ------------------------------------------------------------------------------------


def test_an_easy_read_page_nobody_read_is_a_warning(example):
    write_twin(example, "")
    (finding,) = findings(example, "niet-meegelezen")
    assert finding.severity == "waarschuwing"
    assert "meegelezen" in finding.message and "Cliëntenraad" in finding.message


def test_readers_from_outside_the_client_side_are_not_enough(example):
    write_twin(example, "meegelezen:\n  - door: Team Wilgenhof\n    datum: 2026-03-12\n")
    (finding,) = findings(example, "niet-meegelezen")
    assert finding.line == 3
    assert "Team Wilgenhof" in finding.message and "client: true" in finding.message


@pytest.mark.parametrize(
    "door",
    [
        "CLIËNTENRAAD",
        "de cliëntenraad van De Kweektuin",
        "Clientenraad",
        "twee cliënten van De Wilg",
        "Ervaringsdeskundige Ans",
        "Centrale medezeggenschap",
    ],
)
def test_the_client_side_is_found_in_the_name_in_any_capitals(example, door):
    write_twin(example, f"meegelezen:\n  - door: {door}\n    datum: 2026-03-12\n")
    assert not findings(example, "niet-meegelezen")


def test_an_explicit_client_flag_counts(example):
    write_twin(example, "meegelezen:\n  - door: Marloes en Ahmed\n    datum: 2026-03-12\n    client: true\n")
    assert not findings(example, "niet-meegelezen")
    write_twin(example, "meegelezen:\n  - door: Marloes en Ahmed\n    datum: 2026-03-12\n    client: misschien\n")
    (problem,) = findings(example, "kopregel-vorm")
    assert "client" in (problem.key or "") and "ja of nee" in problem.message


def test_the_organisations_own_word_for_clients_counts(example):
    yml = example / "kompas.yml"
    text = re.sub(r"(?m)^woorden:\n(?:[ ].*\n)+", "", yml.read_text(encoding="utf-8"))  # the example's own words
    yml.write_text(text + "\nwoorden:\n  clienten: deelnemers\n  client: deelnemer\n", encoding="utf-8")
    write_twin(example, "meegelezen:\n  - door: Deelnemersraad\n    datum: 2026-03-12\n")
    assert not findings(example, "niet-meegelezen")
    write_twin(example, "")
    (finding,) = findings(example, "niet-meegelezen")
    assert "deelnemersraad" in finding.message


def test_a_page_changed_after_its_last_reading_gets_a_tip(example):
    path = write_twin(
        example,
        "meegelezen:\n  - door: Cliëntenraad\n    datum: 2026-03-12\n  - door: Team De Wilg\n    datum: 2026-02-01\n",
    )
    set_mtime(path, date(2026, 3, 20))
    (tip,) = findings(example, "gewijzigd-na-meelezen")
    assert tip.severity == "tip" and tip.line == 3
    assert "20 maart 2026" in tip.message and "12 maart 2026" in tip.message and "Cliëntenraad" in tip.message
    set_mtime(path, date(2026, 3, 12))  # the same day: nothing to say
    assert not findings(example, "gewijzigd-na-meelezen")
    set_mtime(path, date(2026, 1, 5))
    assert not findings(example, "gewijzigd-na-meelezen")


def test_any_page_may_record_readings_and_gets_the_tip_too(example):
    page = example / "04-leren" / "teamreflectie.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", "---\nmeegelezen:\n  - door: OR\n    datum: 2026-01-10\n", 1), "utf-8")
    set_mtime(page, date(2026, 2, 1))
    assert findings(example, "gewijzigd-na-meelezen", "04-leren/teamreflectie.md")
    assert not findings(example, "niet-meegelezen", "04-leren/teamreflectie.md")  # not an easy-read page


# -- the generated list -----------------------------------------------------------------------------


def built(content: Path, out: Path) -> Path:
    code, _, _ = run_kompas("build", content, "-o", out)
    assert code == 0
    return out


def readers_items(site: Path, output: str) -> list:
    soup = BeautifulSoup((site / output).read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="wie-lazen-welke-paginas-mee")
    return heading.find_next("ul").find_all("li", recursive=False)


def test_the_list_names_every_page_that_was_read_with_a_link_and_dutch_dates(example, tmp_path):
    site = built(example, tmp_path / "site")
    items = readers_items(site, "over-ons/zo-maakten-we-dit/index.html")
    assert len(items) == len(load_report(example).twins)
    texts = [li.get_text(" ", strip=True) for li in items]
    made = next(t for t in texts if t.startswith("Zo maakten we dit"))
    assert "(makkelijke versie)" in made
    assert "Cliëntenraad op 14 april 2026 en Marloes en Ahmed" in made and "21 april 2026" in made
    for li in items:
        link = li.find("a")["href"]
        target = (site / "over-ons" / "zo-maakten-we-dit" / link).resolve() / "index.html"
        assert target.is_file(), link
    assert "[[meegelezen]]" not in (site / "over-ons/zo-maakten-we-dit/index.html").read_text(encoding="utf-8")


def test_the_list_in_a_page_with_windows_line_endings_and_a_title_with_markup(example, tmp_path):
    (example / "01-over-ons" / "lezers.md").write_bytes(
        b"---\r\ntitle: Lezers\r\n---\r\n\r\nZo lazen we mee:\r\n\r\n  [[ Meegelezen ]]  \r\n\r\nEinde.\r\n"
    )
    write_twin(example, 'meegelezen:\n  - door: "Cliëntenraad <b>*vet*</b>"\n    datum: 2026-03-12\n')
    site = built(example, tmp_path / "site")
    html = (site / "over-ons/lezers/index.html").read_text(encoding="utf-8")
    assert "[[" not in html
    soup = BeautifulSoup(html, "html.parser")
    items = [li.get_text(" ", strip=True) for li in soup.find("article").find_all("li")]
    assert any("Cliëntenraad <b>*vet*</b> op 12 maart 2026" in t for t in items)
    assert not soup.find("article").find("b")


def test_without_any_readings_the_list_says_so(example, tmp_path):
    for twin in example.rglob("*.begrijpelijk.md"):
        text = twin.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        head = "\n".join(line for line in head.split("\n") if not line.startswith(("meegelezen", "  ", "    ")))
        twin.write_text(head + "\n---\n" + body, encoding="utf-8")
    site = built(example, tmp_path / "site")
    html = (site / "over-ons/zo-maakten-we-dit/index.html").read_text(encoding="utf-8")
    assert "Nog niemand heeft een pagina meegelezen." in html


# -- the writing aid: in the preview only ------------------------------------------------------------

VISITATIE = "begrijpelijk/visitatie/index.html"
HARD = "werd daarna door de drie bezoekers samen met ons besproken"
# An easy-read page written the way people write: Windows line endings, a hard sentence across a link and
# bold text, a hard word nobody explained, a word the woordenlijst explains, a heading, code and a table.
AID_TWIN = (
    "---\r\ntitle: Leren\r\nmeegelezen:\r\n  - door: Cliëntenraad\r\n    datum: 2026-03-12\r\n---\r\n\r\n"
    "## Wat deden we?\r\n\r\n"
    "Wij praten veel met elkaar. Dat is fijn.\r\n\r\n"
    "Het [verslag](index.md) van de **teams** werd in het voorjaar door alle begeleiders en de cliëntenraad "
    "samen uitgebreid besproken in drie lange bijeenkomsten.\r\n\r\n"
    "Wij bespreken casuïstiek met elkaar. Ook de visitatie hielp ons.\r\n\r\n"
    "- Een korte zin.\r\n- Nog een korte zin.\r\n\r\n"
    "| Kop | Cel |\r\n| --- | --- |\r\n| Een tabel met veel woorden die samen geen zin zijn | x |\r\n\r\n"
    "Code: `werd besproken` blijft code.\r\n"
)


def build_with(content: Path, out: Path, preview: bool) -> Path:
    from kompas_site import pipeline
    from kompas_site.render.mkdocs_engine import build_site

    out.mkdir(parents=True)
    return build_site(pipeline.run(content, preview=preview), out)


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("voorbeeld")
    content = root / "content"
    copy_example(content)
    (content / TWIN).write_bytes(AID_TWIN.encode("utf-8"))
    return build_with(content, root / "site", preview=True)


def soup_of(site: Path, output: str) -> BeautifulSoup:
    return BeautifulSoup((site / output).read_text(encoding="utf-8"), "html.parser")


def test_the_preview_marks_the_hard_sentence_of_the_example_with_its_reason(preview_site):
    soup = soup_of(preview_site, VISITATIE)
    marks = soup.select("mark.kompas-zin")
    assert marks
    assert HARD in " ".join(m.get_text() for m in marks)
    first = marks[0]
    assert first["tabindex"] == "0"
    assert "te lang: 28 woorden" in first["data-kompas-hint"]
    assert "lijdende vorm: 'werd … besproken'" in first["data-kompas-hint"]
    note = soup.find(id=first["aria-describedby"])
    assert note is not None and "te lang: 28 woorden" in note.get_text()
    assert note.find_parent("a") is None  # the reason is never part of a link's name
    assert note.find_parent("p") is first.find_parent("p")
    # the sentence runs across a link: the link keeps its address and its text is marked inside it
    link = soup.find("a", string=lambda s: s and "verslag van de bezoekers" in s) or first.find_next("a")
    assert link["href"].endswith("visitatie/") and link.find("mark")


def test_the_summary_box_gives_the_numbers_and_the_verdict(preview_site):
    box = soup_of(preview_site, VISITATIE).select_one(".kompas-schrijfhulp")
    text = box.get_text(" ", strip=True)
    assert "Makkelijk genoeg" in text and "Moeilijke zinnen: 1" in text and "woorden per zin" in text
    assert box.find_previous("h1") is not None  # under the title, not before it


def test_hard_words_without_explanation_are_underlined_and_explained_ones_are_not(preview_site):
    soup = soup_of(preview_site, "begrijpelijk/leren/index.html")
    words = [m.get_text() for m in soup.select("mark.kompas-woord")]
    assert words == ["casuïstiek"]
    word = soup.select_one("mark.kompas-woord")
    assert "woordenlijst.yml" in word["data-kompas-hint"]
    assert word.find_parent("mark", class_="kompas-zin") is not None
    text = soup.select_one(".kompas-schrijfhulp").get_text(" ", strip=True)
    assert "Moeilijke woorden zonder uitleg: 1" in text and "casuïstiek" in text and "woordenlijst.yml" in text
    assert "visitatie" not in words  # the sector's woordenlijst explains it


def test_only_running_text_is_marked_never_headings_tables_code_or_attributes(preview_site):
    soup = soup_of(preview_site, "begrijpelijk/leren/index.html")
    for mark in soup.select("mark"):
        assert not mark.find_parent(["h1", "h2", "h3", "table", "code", "pre", "nav"])
    assert soup.find("code").get_text() == "werd besproken"
    sentence = " ".join(m.get_text() for m in soup.select("mark.kompas-zin"))
    assert "werd in het voorjaar door alle begeleiders" in sentence
    long_marks = [m for m in soup.select("mark.kompas-zin[tabindex]")]
    assert any(m["data-kompas-hint"].startswith("te lang: 22 woorden; lijdende vorm: 'werd") for m in long_marks)
    # the glossary's own markup (cliëntenraad) splits the sentence: each piece is marked, only the first is a stop
    assert len(soup.select("mark.kompas-zin")) > len(long_marks)
    assert all("<mark" not in str(v) for tag in soup.find_all(True) for v in tag.attrs.values())


def test_a_page_that_is_not_easy_enough_says_why_in_the_box(tmp_path, example):
    write_twin(
        example,
        "meegelezen:\n  - door: Cliëntenraad\n    datum: 2026-03-12\n",
        "Het beleid wordt door de organisatie in samenspraak met alle betrokken partijen zorgvuldig "
        "geëvalueerd en vervolgens in de verschillende overlegstructuren uitgebreid besproken.\n",
    )
    soup = soup_of(build_with(example, tmp_path / "site", preview=True), "begrijpelijk/leren/index.html")
    oordeel = soup.select_one(".kompas-schrijfhulp__oordeel").get_text(" ", strip=True)
    assert oordeel.startswith("Nog niet makkelijk genoeg:") and "woorden lang" in oordeel


@pytest.mark.parametrize("concept", [False, True])
def test_a_published_or_concept_build_has_none_of_it(example, tmp_path, concept):
    (example / TWIN).write_bytes(AID_TWIN.encode("utf-8"))
    out = tmp_path / "site"
    code, _, _ = run_kompas("build", example, "-o", out, *(["--concept"] if concept else []))
    assert code == 0
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "data-kompas-hint" not in text and "kompas-schrijfhulp" not in text and "kompas-hint" not in text


def test_the_preview_fingerprint_differs_from_a_build(example):
    from kompas_site import pipeline

    plain, preview = pipeline.run(example), pipeline.run(example, preview=True)
    assert preview.draft and preview.preview and not plain.preview
    assert all(plain.fingerprints[s] != preview.fingerprints[s] for s in plain.fingerprints)


# -- the marks over any Markdown (Hypothesis) ----------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "wij",
        "de",
        "zorg",
        "werd",
        "besproken",
        "gedaan",
        "casuïstiek",
        "begeleiders",
        "organisatieontwikkeling",
        "kwaliteitsverbetering",
        "fijn",
        "huis",
        "R&D",
        "e-mail",
        "zo'n",
        "12",
        "1,5",
        "a<b",
        "café",
    ]
)


def _inline(draw) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=6))
    text = " ".join(words)
    kind = draw(st.sampled_from(["plain", "bold", "em", "link", "code", "abbr"]))
    if kind == "bold":
        return f"**{text}**"
    if kind == "em":
        return f"*{text}*"
    if kind == "link":
        return f"[{text}](https://example.org/{draw(st.sampled_from(['x', 'wij', 'werd-besproken']))})"
    if kind == "code":
        return f"`{text}`"
    if kind == "abbr":
        return f'<abbr title="{text}">{words[0]}</abbr>'
    return text


@st.composite
def markdown_pages(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 5))):
        pieces = [_inline(draw) for _ in range(draw(st.integers(1, 8)))]
        line = " ".join(pieces) + draw(st.sampled_from([".", "!", "?", "", ". Kort."]))
        kind = draw(st.sampled_from(["p", "li", "quote", "h2"]))
        blocks.append({"p": line, "li": f"- {line}", "quote": f"> {line}", "h2": f"## {line}"}[kind])
    return "\n\n".join(blocks) + "\n"


def _render(markdown_text: str) -> str:
    import markdown

    from kompas_site.render.siteconfig import MARKDOWN_EXTENSIONS

    return markdown.markdown(
        markdown_text, extensions=list(MARKDOWN_EXTENSIONS), extension_configs=dict(MARKDOWN_EXTENSIONS)
    )


def _fold_text(text: str) -> str:
    return " ".join("".join(c.lower() if c.isalnum() else " " for c in text).split())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_pages())
def test_marks_never_change_the_text_links_or_tags_of_any_markdown(markdown_text):
    from kompas_site.assemble.schrijfhulp import writing_aid
    from kompas_site.sanitise import sanitise_html

    before = sanitise_html(_render(markdown_text))
    after = writing_aid(before, markdown_text, 1, (), frozenset())
    old, new = BeautifulSoup(before, "html.parser"), BeautifulSoup(after, "html.parser")
    for added in new.select(".kompas-hint, .kompas-schrijfhulp"):
        added.decompose()
    for mark in new.select("mark"):
        mark.unwrap()
    # what a reader sees, every link's address and every other tag are exactly as before
    assert new.get_text() == old.get_text()
    assert [a.get("href") for a in new.find_all("a")] == [a.get("href") for a in old.find_all("a")]
    assert [t.name for t in new.find_all(True)] == [t.name for t in old.find_all(True)]
    marked = BeautifulSoup(after, "html.parser")
    for mark in marked.select("mark"):
        assert not mark.find_parent(["h2", "code", "mark"]) or "kompas-woord" in mark["class"]
    # each hard sentence that was found is marked whole: its marks spell its words, and it has one stop
    stops = marked.select("mark.kompas-zin[tabindex]")
    for stop in stops:
        note = marked.find(id=stop["aria-describedby"])
        assert note is not None and stop["data-kompas-hint"] in note.get_text()
        parts = [m for m in marked.select("mark.kompas-zin") if m["data-kompas-hint"] == stop["data-kompas-hint"]]
        assert parts[0] is stop or stop in parts
    box = marked.select_one(".kompas-schrijfhulp").get_text(" ")
    assert "Moeilijke zinnen:" in box


def test_a_hard_sentence_across_markup_is_marked_in_parts_that_spell_it():
    from kompas_site.assemble.schrijfhulp import writing_aid
    from kompas_site.easyread.readability import analyse

    text = (
        "Het **verslag** van de [teams](https://example.org/werd-besproken) werd in het voorjaar door alle "
        "begeleiders en de raad samen heel uitgebreid besproken in drie lange avonden.\n"
    )
    html = writing_aid(_render(text), text, 1, (), frozenset())
    soup = BeautifulSoup(html, "html.parser")
    (sentence,) = analyse(text).hard_sentences
    marks = soup.select("mark.kompas-zin")
    assert len(marks) == 5
    assert _fold_text("".join(m.get_text() for m in marks)) == _fold_text(sentence.text)
    assert soup.find("a")["href"] == "https://example.org/werd-besproken"
    assert len(soup.select("mark[tabindex]")) == 1


# -- a real preview, in a real browser --------------------------------------------------------------------

NEW_HARD = (
    "Daarna werd het hele verslag door de bezoekers en door ons nog een keer heel zorgvuldig samen "
    "doorgelezen en goedgekeurd."
)


def _serving(command: list[str], port: int):
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_kompas_serve_shows_the_aid_to_keyboard_screen_and_axe_and_updates_on_save(example, browser):
    from browser_helpers import FOCUS, SIZES, guarded_context, tab_until
    from test_serve import fetch, free_port, serve_command

    from kompas_site.audit.axe import run_axe

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = _serving(serve_command("kompas", example, port), port)
    try:
        assert "data-kompas-hint" in fetch(base + "begrijpelijk/visitatie/")
        assert "data-kompas-hint" not in fetch(base + "visitatie/")  # the full version is no easy-read page
        outside: list[str] = []
        for size in SIZES:
            context = guarded_context(browser, base, outside, viewport=size)
            page = context.new_page()
            page.goto(base + "begrijpelijk/visitatie/")
            stop = page.locator("mark.kompas-zin[tabindex='0']").first
            assert stop.is_visible()
            note = page.locator(f"#{stop.get_attribute('aria-describedby')}")
            assert note.is_visible() and "te lang: 28 woorden" in note.inner_text()
            assert page.locator(".kompas-schrijfhulp").is_visible()
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= size["width"], f"the page scrolls sideways at {size['width']} px"
            for box in (note.bounding_box(), page.locator(".kompas-schrijfhulp").bounding_box()):
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
            seen = tab_until(page, lambda focus: "kompas-zin" in focus["html"])
            focus = seen[-1]
            assert focus["ring"] and focus["shown"] and focus["inMain"]
            assert page.evaluate(FOCUS)["tag"] == "mark"
            _, violations = run_axe(page)
            assert violations == [], [v["id"] for v in violations]
            context.close()
        assert outside == []

        twin = example / "06-visitatie" / "index.begrijpelijk.md"
        twin.write_text(twin.read_text(encoding="utf-8") + f"\n{NEW_HARD}\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while True:
            soup = BeautifulSoup(fetch(base + "begrijpelijk/visitatie/"), "html.parser")
            if len(soup.select("mark.kompas-zin[tabindex]")) == 2:
                break
            assert time.monotonic() < deadline, "the aid did not follow the edit"
            time.sleep(0.5)
        assert "Moeilijke zinnen: 2" in soup.select_one(".kompas-schrijfhulp").get_text(" ")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


def test_mkdocs_serve_with_the_plugin_shows_the_aid_too(example):
    from test_serve import fetch, free_port, serve_command

    port = free_port()
    server = _serving(serve_command("mkdocs", example, port), port)
    try:
        soup = BeautifulSoup(fetch(f"http://127.0.0.1:{port}/begrijpelijk/visitatie/"), "html.parser")
        assert soup.select_one("mark.kompas-zin[data-kompas-hint][tabindex]") is not None
        assert soup.select_one(".kompas-schrijfhulp") is not None
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


def test_a_fresh_copy_of_the_report_gets_no_changed_after_reading_tips(example):
    """A checkout or copy writes every file within moments: those times do not say anyone changed a text."""
    pages = sorted(example.rglob("*.md"))
    moment = time.time()
    for number, page in enumerate(pages):
        os.utime(page, (moment + number / 100, moment + number / 100))
    every = [f for f in check_report(load_report(example)).findings if f.code == "gewijzigd-na-meelezen"]
    assert every == []
    edited = next(p for p in pages if p.name.endswith(".begrijpelijk.md"))
    os.utime(edited, (moment + 3600, moment + 3600))  # an hour later: somebody changed this one
    found = [f for f in check_report(load_report(example)).findings if f.code == "gewijzigd-na-meelezen"]
    assert [f.file for f in found] == [edited.relative_to(example).as_posix()]


def test_the_preview_keeps_working_and_its_banner_names_the_bad_reading(example):
    from kompas_site.pipeline import run

    write_twin(example, "meegelezen:\n  - door: Cliëntenraad\n    datum: 14 april 2026\n")
    build = run(example, preview=True)  # what kompas serve and mkdocs serve run on every save
    assert TWIN in build.pages
    said = build.banner(TWIN)["meldingen"]
    assert any("14 april 2026" in m["tekst"] and m["waar"] == f"{TWIN}:5" for m in said)
