"""Meelezen: who read along (``meegelezen:``, its checks and the ``[[meegelezen]]`` list), and the writing aid
that the preview shows on every easy-read page (and a published build never does)."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_cli, run_kompas

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


def test_a_reading_date_in_the_future_is_refused_with_file_line_and_key(example):
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    write_twin(example, f"meegelezen:\n  - door: Cliëntenraad\n    datum: {tomorrow}\n")
    (problem,) = load_problems(example)
    assert problem.file == TWIN
    assert problem.line == 5
    assert "meegelezen" in (problem.key or "") and "datum" in (problem.key or "")
    assert "toekomst" in problem.message and tomorrow in problem.message


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("in maart", "geen datum"),
        ("'12-03-2026'", "jaar-maand-dag"),
        ("2026-02-30", "bestaat niet"),
        ("2026-03-12 14:00", "met een tijd"),
    ],
)
def test_a_reading_date_that_is_not_a_date_says_what_to_write(example, written, said):
    write_twin(example, f"meegelezen:\n  - door: Cliëntenraad\n    datum: {written}\n")
    (problem,) = load_problems(example)
    assert (problem.file, problem.line) == (TWIN, 5)
    assert said in problem.message


def test_a_reading_without_date_or_reader_and_an_unknown_key_are_named(example):
    write_twin(example, "meegelezen:\n  - door: Cliëntenraad\n")
    (problem,) = load_problems(example)
    assert problem.file == TWIN and "datum" in problem.message
    write_twin(example, "meegelezen:\n  - datum: 2026-03-01\n")
    (problem,) = load_problems(example)
    assert "door" in problem.message
    write_twin(example, "meegelezen:\n  - door: Cliëntenraad\n    datm: 2026-03-01\n")
    problems = load_problems(example)
    assert any("datum" in p.message for p in problems)  # the nearest valid key


def test_the_whole_command_stops_with_a_dutch_message_on_a_future_date(example):
    write_twin(example, "meegelezen:\n  door: Cliëntenraad\n  datum: 2999-01-01\n")
    result = run_cli("check", example)
    assert result.returncode != 0
    assert "toekomst" in result.stderr + result.stdout
    assert TWIN in result.stderr + result.stdout


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
    (problem,) = load_problems(example)
    assert "client" in (problem.key or "") and "ja of nee" in problem.message


def test_the_organisations_own_word_for_clients_counts(example):
    yml = example / "kompas.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8") + "\nwoorden:\n  clienten: deelnemers\n  client: deelnemer\n", encoding="utf-8"
    )
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
