"""The page "Waar vind ik wat?" stays small when many pages describe one element; every page stays reachable."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import PROSE, run_kompas

PAGES = 300


def _links(site: Path, html: Path) -> set[str]:
    """The pages a page links to, as paths of index.html files under the site."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    here = html.parent.relative_to(site).as_posix()
    found = set()
    for a in soup.select("article a[href]"):
        href = urlsplit(a["href"])
        if href.scheme or href.netloc or not href.path:
            continue
        target = posixpath.normpath(posixpath.join(here, unquote(href.path)))
        found.add(posixpath.join(target, "index.html") if not target.endswith(".html") else target)
    return found


def test_an_element_with_300_pages(example, tmp_path, capsys):
    for n in range(1, PAGES + 1):
        folder = example / f"{7 + n // 50:02d}-locatie-{n // 50}"
        folder.mkdir(exist_ok=True)
        (folder / f"woongroep-{n:03d}.md").write_bytes(
            (
                f"---\r\ntitle: 'Woongroep {n} van locatie De Lange Naam Van Een Heel Grote Woonvoorziening'\r\n"
                f"onderdelen: [bouwsteen-1]\r\n---\r\n\r\n{PROSE}\r\n"
            ).encode()
        )
    site = tmp_path / "site"
    code, _, err = run_kompas("build", example, "-o", site, capsys=capsys)
    assert code == 0, err

    page = site / "waar-vind-ik-wat" / "index.html"
    assert page.stat().st_size < 40_000
    linked = _links(site, page)
    own = {p for p in linked if "woongroep-" in p}
    assert 0 < len(own) <= 5
    # The pages with an easy-read twin come first among the pages named for bouwsteen 1.
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    section = next(h for h in soup.select("article h2") if "zorgproces" in h.get_text().lower())
    names = [li.get_text(strip=True) for li in section.find_next("ul").select("li")]
    assert names[0] == "Bouwsteen 1: het zorgproces" and f"Alle {PAGES + 3} pagina's over dit onderdeel" in names

    # Every page that describes bouwsteen 1 is reachable through the listing and its parts.
    listings = sorted(p for p in linked if p.startswith("waar-vind-ik-wat/"))
    assert listings == ["waar-vind-ik-wat/bouwsteen-1/index.html"]
    seen, todo = set(), list(listings)
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for target in _links(site, site / current):
            if target.startswith("waar-vind-ik-wat/"):
                todo.append(target)
    parts = sorted(seen)
    assert len(parts) == 7  # 303 pages in parts of 50
    reached = set().union(*(_links(site, site / p) for p in parts))
    written = {f"{p.parent.name[3:]}/{p.stem}/index.html" for p in example.rglob("woongroep-*.md")}
    assert written <= reached
    for part in parts:
        assert (site / part).stat().st_size < 40_000
