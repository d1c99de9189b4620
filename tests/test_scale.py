"""What keeps a large report light and its build linear (issue 7), on small reports so the tests are fast.

- A page's menu does not list every page: it shows the way to the page and, in a long section, the pages
  around it with a link to the section's listing, which lists every page in parts.
- No page carries a list that grows with the report (story overview, "Waar vind ik wat?").
- mkdocs serve draws again only the pages whose input changed, and does draw every page that did.
- The checker warns about a folder or a page too long for readers.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import generate

from kompas_site.assemble.menu import WINDOW
from kompas_site.check import check_report
from kompas_site.load import load_report
from kompas_site.model import LISTING_PART_SIZE, LONG_SECTION

PAGES = 160  # 52 or 53 pages in each of three folders: a long section with a listing of two parts
FOLDER = "bouwsteen-2"


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, Path]:
    content = tmp_path_factory.mktemp("groot") / "content"
    generate(content, PAGES)
    out = content.parent / "site"
    result = run_cli("build", content, "-o", out)
    assert result.returncode == 0, result.stderr
    return content, out


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def menu_links(soup: BeautifulSoup) -> list:
    """The menu's links, without the page's own table of contents that Material nests in it."""
    return [
        a
        for a in soup.select("nav.md-nav--primary a.md-nav__link")
        if not a.find_parent("nav", class_="md-nav--secondary")
    ]


def resolve(site: Path, page_path: str, href: str) -> Path:
    """The file an href of the page at ``page_path`` (e.g. 'a/b/index.html') points to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href.split("#")[0]))
    path = site / target
    return path / "index.html" if path.is_dir() else path


def folder_pages(site: Path) -> list[str]:
    """The content pages of the long folder, as output paths."""
    return sorted(
        str(p.relative_to(site))
        for p in (site / FOLDER).glob("*/index.html")
        if not p.parent.name.startswith("alle-paginas")
    )


def test_a_page_in_a_long_section_shows_its_neighbours_and_a_link_to_all_pages(large):
    _, site = large
    pages = folder_pages(site)
    assert len(pages) > LISTING_PART_SIZE  # the listing has more than one part
    middle = pages[len(pages) // 2]
    soup = html(site, middle)
    links = menu_links(soup)
    total = sum(1 for _ in site.rglob("index.html"))
    assert len(links) < 25 < total, [a.get_text(strip=True) for a in links]
    current = soup.select('nav.md-nav--primary a[aria-current="page"]')
    assert len(current) == 1 and resolve(site, middle, current[0]["href"]) == site / middle
    section = current[0].find_parent("ul", class_="kompas-menu__onder")
    entries = section.find_all("li", recursive=False)
    assert len(entries) == 2 * WINDOW + 2  # the page, three before, three after, and "Alle ... pagina's"
    more = entries[-1].find("a")
    assert more.get_text(strip=True) == f"Alle {len(pages)} pagina's"
    assert resolve(site, middle, more["href"]).is_file()
    for link in links:  # every menu link leads to a page of the site
        assert resolve(site, middle, link["href"]).is_file(), link["href"]


def test_the_listing_of_a_long_section_names_every_page_once_in_parts(large):
    _, site = large
    pages = folder_pages(site)
    listed = []
    parts = sorted((site / FOLDER).glob("alle-paginas*/index.html"))
    assert len(parts) == -(-len(pages) // LISTING_PART_SIZE)
    for part in parts:
        rel = str(part.relative_to(site))
        soup = html(site, rel)
        items = soup.select("article ul")[0].find_all("a")
        assert len(items) <= LISTING_PART_SIZE
        listed += [str(resolve(site, rel, a["href"]).relative_to(site)) for a in items]
        other_parts = soup.find("h2", string="Alle delen van deze lijst").find_next("ul").find_all("a")
        assert len(other_parts) == len(parts) - 1
        assert soup.select_one('nav.md-nav--primary a[aria-current="page"]').get_text(strip=True).startswith("Alle ")
    assert sorted(listed) == pages


def test_no_page_lists_the_whole_report(large):
    """The heaviest pages are the overviews: they stay bounded however large the report is."""
    content, site = large
    stories = len(list((content / "verhalen").glob("*.md")))
    assert stories > 10
    top_level = len(menu_links(html(site, "index.html")))
    biggest = max(len(menu_links(html(site, str(p.relative_to(site))))) for p in site.rglob("index.html"))
    assert biggest <= top_level + 2 * WINDOW + 2, biggest  # the top level and one long section, opened
    waar = html(site, "waar-vind-ik-wat/index.html")
    assert f"Alle {stories} ervaringsverhalen" in waar.get_text()
    assert len(waar.select('article a[href^="../verhalen/"]')) == 10 + 1  # ten stories and the overview


def test_a_folder_without_index_page_gets_a_generated_one(example, tmp_path):
    for name in ("een", "twee"):
        (example / "09-teams").mkdir(exist_ok=True)
        (example / "09-teams" / f"{name}.md").write_text(
            f"---\ntitle: Team {name}\n---\n\n# Team {name}\n\nOver dit team.\n", encoding="utf-8"
        )
    out = tmp_path / "site"
    result = run_cli("build", example, "-o", out)
    assert result.returncode == 0, result.stderr
    soup = html(out, "teams/index.html")
    assert soup.select_one("article h1").get_text(strip=True) == "Teams"
    assert [a.get_text(strip=True) for a in soup.select("article li a")] == ["Team een", "Team twee"]
    home_menu = [a.get_text(strip=True) for a in menu_links(html(out, "index.html"))]
    assert "Teams" in home_menu and "Team een" not in home_menu  # a closed section: only its name


def test_a_long_folder_and_a_very_long_page_get_a_warning(example):
    folder = example / "09-locaties"
    folder.mkdir()
    for number in range(LONG_SECTION + 1):
        (folder / f"{number:03d}-locatie.md").write_text(f"# Locatie {number}\n\nTekst.\n", encoding="utf-8")
    (example / "lang.md").write_text("# Lang\n\n" + "Een zin met woorden erin. " * 2100 + "\n", encoding="utf-8")
    findings = check_report(load_report(example)).findings
    folder_finding = next(f for f in findings if f.code == "map-te-lang")
    assert (folder_finding.severity, folder_finding.file) == ("waarschuwing", "09-locaties/")
    assert f"{LONG_SECTION + 1} pagina's en submappen" in folder_finding.message
    page_finding = next(f for f in findings if f.code == "pagina-te-lang")
    assert page_finding.file == "lang.md" and "10.502 woorden" in page_finding.message  # the heading counts too


class ServeBuilds:
    """Builds the way mkdocs serve does after each saved file: in one process, into one folder, with
    the same plugin instance, as a "dirty" build."""

    def __init__(self, content: Path, site_dir: Path):
        import contextlib

        from mkdocs.config import load_config

        from kompas_site.render.mkdocs_engine import quiet_mkdocs
        from kompas_site.render.siteconfig import config_file

        self.stack = contextlib.ExitStack()  # ends with the test's process; restores what it changed
        self.stack.enter_context(quiet_mkdocs())
        self.config_file = self.stack.enter_context(config_file(content, concept=True))
        self.site_dir = site_dir
        self.load_config = load_config
        self.first = self.config()
        self.first.plugins.on_startup(command="serve", dirty=True)

    def config(self):
        return self.load_config(config_file=self.config_file, site_dir=str(self.site_dir))

    def build(self) -> dict[str, int]:
        """Build, and return the modification time of every page's HTML."""
        from mkdocs.commands.build import build

        config = self.first if self.first is not None else self.config()
        self.first = None
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        return {str(p.relative_to(self.site_dir)): p.stat().st_mtime_ns for p in self.site_dir.rglob("*.html")}


def drawn_again(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """Pages written again (MkDocs always writes 404.html: one page, not one per report page)."""
    return {page for page, mtime in after.items() if before.get(page) != mtime and page != "404.html"}


def test_serve_draws_again_only_the_pages_whose_input_changed(example, tmp_path, monkeypatch):
    import markdown

    serve = ServeBuilds(example, tmp_path / "serve")
    first = serve.build()
    assert len(first) > 30
    # Nothing changed: no page is drawn, no Markdown is converted.
    conversions = []
    original = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda self, text: conversions.append(1) or original(self, text))
    second = serve.build()
    assert drawn_again(first, second) == set() and conversions == []

    # One page's text: that page only.
    page = example / "02-zorgproces" / "dilemma.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe alinea met Meetwoord.\n", encoding="utf-8")
    third = serve.build()
    assert drawn_again(second, third) == {"zorgproces/dilemma/index.html"} and len(conversions) == 1
    assert "Meetwoord" in (tmp_path / "serve" / "zorgproces" / "dilemma" / "index.html").read_text(encoding="utf-8")

    # A title shows in every menu: every page is drawn again, with the new title.
    page.write_text(page.read_text(encoding="utf-8").replace('title: "', 'title: "Nieuw: ', 1), encoding="utf-8")
    fourth = serve.build()
    assert drawn_again(third, fourth) == set(first) - {"404.html"}
    assert "Nieuw:" in (tmp_path / "serve" / "zorgproces" / "ondersteuningsplan" / "index.html").read_text(
        encoding="utf-8"
    )

    # A deleted page disappears from the preview.
    page.unlink()
    serve.build()
    assert not (tmp_path / "serve" / "zorgproces" / "dilemma" / "index.html").exists()


def test_serve_draws_again_the_easy_read_pages_when_the_woordenlijst_changes(example, tmp_path):
    serve = ServeBuilds(example, tmp_path / "serve")
    first = serve.build()
    (example / "woordenlijst.yml").write_text("team: Een groep mensen die samen werken.\n", encoding="utf-8")
    changed = drawn_again(first, serve.build())
    assert changed and all(page.startswith("begrijpelijk/") for page in changed)


def test_a_page_loads_only_the_scripts_and_styles_it_needs(large):
    """The first view of a page is the same whatever the size of the report: no search index, no
    palette stylesheet, and the story filter and video scripts only where they are used."""
    _, site = large
    page = folder_pages(site)[0]
    soup = html(site, page)
    scripts = [s["src"].rsplit("/", 1)[-1] for s in soup.select("script[src]")]
    assert len(scripts) == 1 and scripts[0].startswith("bundle.")
    styles = [s["href"].rsplit("/", 1)[-1] for s in soup.select('link[rel="stylesheet"]')]
    assert not any(name.startswith("palette") for name in styles), styles
    overview = [s["src"] for s in html(site, "verhalen/index.html").select("script[src]")]
    assert any(src.endswith("verhalen.js") for src in overview)


def test_a_later_part_of_the_story_overview_opens_the_stories_in_the_menu(example, tmp_path):
    from kompas_site.assemble import assemble
    from kompas_site.assemble.verhalen import STORIES_PER_PART

    story = next((example / "verhalen").glob("gert*.md")).read_text(encoding="utf-8")
    for number in range(STORIES_PER_PART):
        (example / "verhalen" / f"kopie-{number:02d}.md").write_text(story, encoding="utf-8")
    site = assemble(check_report(load_report(example)))
    part = "verhalen/deel-2.md"
    assert part in {g.source for g in site.generated}
    stories = next(e for e in site.menu.entries(part) if e.source == "verhalen/index.md")
    assert stories.open and stories.children
    shown = [e.source for e in stories.children if not e.more]  # the stories around this part's first
    first_of_part = sorted(s.path for s in load_report(example).stories)[STORIES_PER_PART]
    assert first_of_part in shown and shown[0] != sorted(s.path for s in load_report(example).stories)[0]


def test_menu_edge_cases_long_top_level_nested_folders_without_index(example, tmp_path):
    """A long top level keeps home, search and speerpunten; nested folders without index.md get a
    listing that names their subfolders; exactly one link is the current page."""
    for number in range(20):
        (example / f"{number + 10:02d}-los-{number}.md").write_text(f"# Los {number}\n\nTekst.\n", encoding="utf-8")
    for sub in ("a", "b"):
        (example / "30-mappen" / sub).mkdir(parents=True)
        (example / "30-mappen" / sub / "x.md").write_text(f"# Pagina in {sub}\n\nTekst.\n", encoding="utf-8")
    out = tmp_path / "site"
    result = run_cli("build", example, "-o", out)
    assert result.returncode == 0, result.stderr
    listing = html(out, "mappen/index.html")
    assert [a.get_text(strip=True) for a in listing.select("article li a")] == ["A", "B"]
    for path in ("los-12/index.html", "mappen/index.html", "mappen/a/index.html", "mappen/a/x/index.html"):
        soup = html(out, path)
        titles = [a.get_text(strip=True) for a in menu_links(soup)]
        assert {"Waar vind ik wat?", "Zoeken", "Alle verbeterpunten"} <= set(titles), (path, titles)  # own word
        assert any(t.startswith("Alle ") and t.endswith("pagina's") for t in titles), (path, titles)
        assert len(soup.select('nav.md-nav--primary a[aria-current="page"]')) == 1, path
        for link in menu_links(soup):
            assert resolve(out, path, link["href"]).is_file(), (path, link["href"])


def test_the_draft_banner_lists_the_findings_of_its_own_page(example, tmp_path):
    """Every page shows the totals; the findings themselves on the page they are about, so an edit that
    moves a finding to another line redraws that page only in mkdocs serve."""
    page = example / "02-zorgproces" / "dilemma.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [de oude pagina](bestaat-niet.md).\n", encoding="utf-8")
    out = tmp_path / "site"
    result = run_cli("build", example, "-o", out, "--concept")
    assert result.returncode == 0, result.stderr
    own = html(out, "zorgproces/dilemma/index.html").select_one(".kompas-concept")
    other = html(out, "zorgproces/ondersteuningsplan/index.html").select_one(".kompas-concept")
    assert "bestaat-niet.md" in own.get_text() and "Meldingen over deze pagina (1)" in own.get_text()
    assert "bestaat-niet.md" not in other.get_text() and "Alle 1 melding ziet u met" in other.get_text()

    serve = ServeBuilds(example, tmp_path / "serve")
    first = serve.build()
    page.write_text(page.read_text(encoding="utf-8").replace("\nZie [de oude", "\n\nZie [de oude"), encoding="utf-8")
    assert drawn_again(first, serve.build()) == {"zorgproces/dilemma/index.html"}


def test_a_build_with_nothing_changed_is_skipped_and_any_change_builds_again(example, tmp_path):
    out = tmp_path / "site"

    def build(*extra: str) -> str:
        result = run_cli("build", example, "-o", out, *extra)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "De website staat in" in build()
    home = out / "index.html"
    before = home.stat().st_mtime_ns
    assert "Er is niets veranderd sinds de vorige build" in build()
    assert home.stat().st_mtime_ns == before
    page = example / "02-zorgproces" / "dilemma.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    assert "De website staat in" in build()  # the content changed
    assert "niets veranderd" in build()
    (out / "zorgproces" / "dilemma" / "index.html").unlink()
    assert "De website staat in" in build()  # the site was changed by hand
    assert (out / "zorgproces" / "dilemma" / "index.html").is_file()
    assert "CONCEPT" in build("--concept")  # other options


def test_a_page_without_title_has_the_menu_title_everywhere(example, tmp_path):
    (example / "02-zorgproces" / "05-zonder-titel.md").write_text("Tekst zonder kop.\n", encoding="utf-8")
    out = tmp_path / "site"
    assert run_cli("build", example, "-o", out, "--concept").returncode == 0
    soup = html(out, "zorgproces/zonder-titel/index.html")
    assert soup.title.get_text().startswith("Zonder titel - ")
    assert soup.select_one("article h1").get_text(strip=True) == "Zonder titel"
    assert "Zonder titel" in [a.get_text(strip=True) for a in menu_links(soup)]
