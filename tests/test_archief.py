"""``kompas archief``: editions under their year, stable addresses, a notice on older editions, the editions page."""

from __future__ import annotations

import json
import posixpath
import re
import shlex
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_example, run_cli, run_kompas

from kompas_site.audit import serve_folder

PREVIOUS_EXAMPLE = ROOT / "voorbeelden" / "wilgenhoeve-2023"
NOTICE = re.compile(r"<div class=\"kompas-editie\" data-kompas-editie>.*?</div>", re.DOTALL)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> tuple[Path, Path]:
    """Copies of the example's two editions; the 2023 one also names an older report that is only online."""
    base = tmp_path_factory.mktemp("edities")
    old, new = base / "wilgenhoeve 2023", base / "content"
    shutil.copytree(PREVIOUS_EXAMPLE, old)
    copy_example(new)
    kompas = old / "kompas.yml"
    kompas.write_text(
        kompas.read_text(encoding="utf-8")
        + "eerdere_edities:\n  - titel: Kwaliteitsrapport 2021\n    url: https://www.example.org/rapport-2021\n"
        "    jaar: 2021\n  - titel: Kwaliteitsrapport 2019\n    url: https://www.example.org/rapport-2019\n",
        encoding="utf-8",
    )
    return old, new


@pytest.fixture(scope="module")
def archives(folders, tmp_path_factory) -> tuple[Path, dict[str, bytes], Path]:
    """(an archive of 2023 alone, its files, then the same archive after adding 2025)."""
    old, new = folders
    out = tmp_path_factory.mktemp("uitvoer") / "archief"
    code, out_text, err = run_kompas("archief", out, old)
    assert code == 0, err
    before = tree(out)
    code, _, err = run_kompas("archief", out, new, old)  # any order: newest first on the editions page
    assert code == 0, err
    return out, before, out


def test_each_edition_lives_under_its_year_with_its_own_summary(archives):
    _, _, out = archives
    for year in ("2023", "2025"):
        assert (out / year / "index.html").is_file()
        summary = json.loads((out / year / "kwaliteitsbeeld.json").read_text(encoding="utf-8"))
        assert summary["editie"]["jaar"] == int(year)
    assert (out / ".kompas-site").is_file()


def test_adding_an_edition_changes_no_older_page_except_its_notice(archives):
    _, before, out = archives
    after = tree(out)
    old_files = {path for path in before if path.startswith("2023/")}
    assert old_files == {path for path in after if path.startswith("2023/")}  # no address went or came
    pages = sorted(path for path in old_files if path.endswith(".html"))
    assert len(pages) > 15
    for path in pages:
        old_html, new_html = before[path].decode(), after[path].decode()
        assert not NOTICE.search(old_html), path  # the newest edition carries no notice
        assert NOTICE.search(new_html), path
        assert NOTICE.sub("", new_html) == old_html, path
    # the summary keeps the edition's own hash: the notice is not the edition's content
    assert before["2023/kwaliteitsbeeld.json"] == after["2023/kwaliteitsbeeld.json"]


def test_the_notice_on_every_older_page_links_to_the_newest_edition(archives):
    _, _, out = archives
    for page in (out / "2023").rglob("index.html"):
        notice = soup(page).select_one("[data-kompas-editie]")
        assert notice is not None, page
        text = " ".join(notice.get_text(" ", strip=True).split())
        folder = posixpath.dirname(page.relative_to(out).as_posix())
        target = posixpath.normpath(posixpath.join(folder, notice.a["href"]))
        if folder.startswith("2023/begrijpelijk"):  # easy words, to the newest easy-read home
            assert text == "Er is een nieuw verslag. Dat verslag is van 2025. Lees het nieuwe verslag .", text
            assert target == "2025/begrijpelijk", (page, notice.a["href"])
            assert (out / target / "index.html").is_file()
        else:
            assert text == "Dit is het kwaliteitsbeeld over 2023. Er is een nieuwere versie: Kwaliteitsbeeld 2025 .", (
                text
            )
            assert target == "2025", (page, notice.a["href"])
    assert list((out / "2023" / "begrijpelijk").rglob("index.html"))
    assert not soup(out / "2025" / "index.html").select("[data-kompas-editie]")


def test_the_editions_page_links_to_the_statement_and_takes_the_house_colour(archives):
    _, _, out = archives
    page = soup(out / "index.html")
    footer = page.select_one("footer")
    assert footer is not None and footer.a.get_text(strip=True) == "Toegankelijkheid"
    assert footer.a["href"] == "2025/toegankelijkheid/" and (out / "2025" / "toegankelijkheid" / "index.html").is_file()
    sheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert "2025/assets/stylesheets/huisstijl.css" in sheets, sheets
    assert "--md-primary-fg-color" in (out / "2025" / "assets" / "stylesheets" / "huisstijl.css").read_text("utf-8")
    assert "var(--archief-kleur)" in (out / "archief.css").read_text(encoding="utf-8")


def test_the_goals_of_the_newer_edition_link_to_the_older_entries_inside_the_archive(archives):
    _, _, out = archives
    page = soup(out / "2025" / "speerpunten" / "index.html")
    links = page.select(".kompas-speerpunt__vorige a")
    assert len(links) == 6
    old_ids = {a["id"] for a in soup(out / "2023" / "speerpunten" / "index.html").select("article.kompas-speerpunt")}
    for link in links:
        assert link.find_parent("p").get_text().startswith("In het vorige kwaliteitsbeeld (2023):")
        href, anchor = link["href"].split("#")
        assert posixpath.normpath(posixpath.join("2025/speerpunten", href)) == "2023/speerpunten"
        assert anchor in old_ids


def test_the_editions_page_lists_every_edition_newest_first_and_the_file_and_url_only_ones(archives):
    _, _, out = archives
    page = soup(out / "index.html")
    assert page.html["lang"] == "nl" and page.title.get_text() == "Alle edities van Stichting De Wilgenhoeve"
    editions = page.select(".archief-editie")
    assert [e.select_one("a")["href"] for e in editions] == ["2025/", "2023/"]
    facts = dict(
        zip([d.get_text() for d in editions[1].select("dt")], [d.get_text() for d in editions[1].select("dd")])
    )
    assert facts["Soort"] == "Kwaliteitsbeeld" and facts["Jaar"] == "2023"
    assert facts["Organisatie"] == "Stichting De Wilgenhoeve" and facts["Gepubliceerd"] == "30 mei 2024"
    assert "nieuwste" in editions[0].get_text()
    earlier = [(a.get_text(), a["href"], a.parent.get_text()) for a in page.select(".archief-eerdere a")]
    # the 2019 report is in two editions' kompas.yml (a file in 2025, an address in 2023); the one over
    # 2023 named in 2025's kompas.yml is on this site, so it is not listed again
    titles = [t for t, _, _ in earlier]
    assert titles[:2] == ["Kwaliteitsrapport 2021", "Kwaliteitsrapport 2019"]
    assert "Kwaliteitsbeeld 2023" not in titles
    pdf = next(href for title, href, _ in earlier if href.endswith(".pdf"))
    assert (out / pdf).is_file() and pdf == "2025/bijlagen/kwaliteitsrapport-2019.pdf"
    assert ("Kwaliteitsrapport 2021", "https://www.example.org/rapport-2021") in [(t, h) for t, h, _ in earlier]
    assert any("(pdf, " in text for _, _, text in earlier)
    assert 'http-equiv="Content-Security-Policy"' in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "archief.css").is_file()


def test_two_editions_of_one_year_are_refused_and_the_archive_is_untouched(archives, folders, tmp_path, capsys):
    old, new = folders
    _, _, out = archives
    kept = tree(out)
    twin = tmp_path / "nog een 2023"
    shutil.copytree(old, twin)
    code, _, err = run_kompas("archief", out, new, old, twin, capsys=capsys)
    assert code == 2
    assert "Er zijn twee edities over 2023" in err and "onder hetzelfde kader" in err
    assert "niet aangeraakt" in err
    kompas = twin / "kompas.yml"
    other_kader = kompas.read_text(encoding="utf-8").replace("gehandicaptenzorg-2023", "generiek-kompas")
    kompas.write_text(other_kader.replace("visitatie: in-voortgangsbericht\n", ""), encoding="utf-8")
    code, _, err = run_kompas("archief", out, new, old, twin, capsys=capsys)
    assert code == 2 and "onder verschillende kaders" in err and "eigen archief" in err
    code, _, err = run_kompas("archief", out, new, new, capsys=capsys)
    assert code == 2 and "twee keer" in err
    assert tree(out) == kept


def test_an_edition_with_errors_or_a_wrong_output_folder_leaves_the_archive_as_it_was(
    archives, folders, tmp_path, capsys
):
    old, new = folders
    _, _, out = archives
    kept = tree(out)
    broken = tmp_path / "kapot"
    shutil.copytree(new, broken)
    goals = broken / "speerpunten.yml"
    text = goals.read_text(encoding="utf-8")
    goals.write_text(text.replace("  - id: minder-onvrijwillige-zorg", "  - id: iets-anders", 1), encoding="utf-8")
    code, _, err = run_kompas("archief", out, old, broken, capsys=capsys)
    assert code == 1 and "speerpunt-verdwenen" in err and "niet aangeraakt" in err
    assert tree(out) == kept
    own = tmp_path / "eigen map"
    own.mkdir()
    (own / "notities.txt").write_text("van de auteur", encoding="utf-8")
    code, _, err = run_kompas("archief", own, old, capsys=capsys)
    assert code == 2 and "niet door kompas-site gemaakt" in err
    assert (own / "notities.txt").read_text(encoding="utf-8") == "van de auteur"
    code, _, err = run_kompas("archief", old / "site", old, capsys=capsys)
    assert code == 2 and "binnen de map met uw rapport" in err
    advice = " ".join(err.split())
    assert f"kompas archief archief-site {shlex.quote(str(old))}" in advice and "-o site" not in advice  # beside


def test_the_archive_passes_the_audit_at_three_widths(archives):
    _, _, out = archives
    result = run_cli("audit", out, "--format", "json")
    report = json.loads(result.stdout)
    assert report["schendingen"] == [], json.dumps(report["schendingen"], ensure_ascii=False)[:3000]
    assert report["niet_gecontroleerd"] == [] and report["verzoeken_naar_buiten"] == []
    assert result.returncode == 0 and report["ok"] is True
    pages = set(report["paginas"])
    assert {"/", "/2023/", "/2025/", "/2023/speerpunten/", "/2025/speerpunten/"} <= pages
    assert report["vensters"] == ["320×640", "375×812", "1280×720"]


def test_aanlever_finds_the_archived_edition_the_same_as_its_own_build(archives, folders, capsys):
    """The address given to the Zorginstituut is the edition's place in the archive: the delivery card must
    recognise it as this build, although inside the archive its goals link to the older edition."""
    out, _, _ = archives
    _, new = folders
    with serve_folder(out) as url:
        code, text, err = run_kompas("aanlever", new, "--url", url + "2025/", "--format", "json", capsys=capsys)
        card = json.loads(text)
        assert code == 0, text + err
        assert card["controle"]["hash_klopt"] is True
        changed = new / "01-over-ons" / "index.md"
        original = changed.read_text(encoding="utf-8")
        changed.write_text(original + "\nEen nieuwe zin na het publiceren.\n", encoding="utf-8")
        try:
            code, text, _ = run_kompas("aanlever", new, "--url", url + "2025/", "--format", "json", capsys=capsys)
        finally:
            changed.write_text(original, encoding="utf-8")
        assert code == 1 and json.loads(text)["controle"]["hash_klopt"] is False
