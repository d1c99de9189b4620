"""The bundled example, built end to end: the pages a reader sees carry what they should."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EXAMPLE, ROOT, run_cli


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    result = run_cli("build", EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    assert f"De website staat in {out}" in result.stdout
    return out


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def settings() -> dict:
    return yaml.safe_load((EXAMPLE / "kompas.yml").read_text(encoding="utf-8"))


def test_example_meets_the_content_promise():
    pages = [p for p in EXAMPLE.rglob("*.md") if not p.name.endswith(".begrijpelijk.md")]
    stories = list((EXAMPLE / "verhalen").glob("*.md"))
    assert len(pages) - len(stories) >= 12
    perspectives = {
        yaml.safe_load(s.read_text(encoding="utf-8").split("---")[1]).get("perspectief")
        for s in stories
        if not s.name.endswith(".begrijpelijk.md")
    }
    assert {"client", "verwant", "professional"} <= perspectives
    goals = yaml.safe_load((EXAMPLE / "speerpunten.yml").read_text(encoding="utf-8"))["speerpunten"]
    assert {g["status"] for g in goals} == {"behaald", "deels-behaald", "niet-behaald", "doorgezet", "nieuw"}
    assert any(isinstance(g.get("bouwsteen"), list) and len(g["bouwsteen"]) == 2 for g in goals)
    assert any("bouwsteen" not in g for g in goals)  # one goal for the whole organisation
    used = {key for g in goals for key in g}
    assert {"doel", "resultaat", "eigenaar", "periode", "pagina", "geleerd", "vervolg"} <= used
    twins = {p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*.begrijpelijk.md")}
    assert "index.begrijpelijk.md" in twins
    for text in (p.read_text(encoding="utf-8") for p in EXAMPLE.rglob("*.md")):
        assert "lorem ipsum" not in text.lower() and "TODO" not in text


def test_home_page_shows_organisation_framework_edition_and_year(site):
    home = page(site, "index.html")
    facts = home.select_one(".kompas-feiten").get_text(" ", strip=True)
    s = settings()
    assert s["organisatie"]["naam"] in facts
    assert "Kwaliteitskompas Gehandicaptenzorg 2023–2028" in facts
    assert f"Kwaliteitsbeeld over {s['editie']['jaar']}" in facts
    links = {a.get_text(strip=True): a["href"] for a in home.select(".kompas-feiten a")}
    assert links["Alle verbeterpunten"] == "speerpunten/"  # the example says verbeterpunten
    assert links["Waar vind ik wat?"] == "waar-vind-ik-wat/"
    assert home.html["lang"] == "nl"


def test_speerpunten_overview_is_a_block_per_goal(site):
    goals = yaml.safe_load((EXAMPLE / "speerpunten.yml").read_text(encoding="utf-8"))["speerpunten"]
    blocks = page(site, "speerpunten/index.html").select("article.kompas-speerpunt")
    assert sorted(b["id"] for b in blocks) == sorted(g["id"] for g in goals)
    assert sorted(b.select_one("h3").get_text(strip=True).replace("\xad", "") for b in blocks) == sorted(
        g["titel"] for g in goals
    )
    statuses = {b.select_one(".kompas-speerpunt__status").get_text(strip=True) for b in blocks}
    assert statuses == {"Behaald", "Deels behaald", "Niet behaald", "Doorgezet", "Nieuw"}
    assert not page(site, "speerpunten/index.html").select("article table")


def test_waar_vind_ik_wat_links_every_element_to_its_pages(site):
    doc = page(site, "waar-vind-ik-wat/index.html")
    headings = [h.get_text(strip=True) for h in doc.select("article h2")]
    assert len(headings) == 9
    text = doc.get_text(" ", strip=True)
    assert "Uiterste datum van publicatie: 1 juni 2026" in text
    assert "Nog niet" not in text
    for link in doc.select("article li a"):
        target = (site / "waar-vind-ik-wat" / link["href"]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), link["href"]


def test_navigation_follows_the_authors_folders_without_number_prefixes(site):
    home = page(site, "index.html")
    items = home.select("nav.md-nav--primary > ul > li")
    nav_titles = [li.select_one(".md-nav__link").get_text(" ", strip=True) for li in items]
    assert nav_titles[:2] == [home.select_one("article h1").get_text(strip=True), "Waar vind ik wat?"]
    assert "Bouwsteen 1: het zorgproces" in nav_titles and "Ervaringsverhalen" in nav_titles
    assert nav_titles[-1] == "Alle verbeterpunten"
    # A folder with only an index page is one item, not a section holding itself.
    visitatie = next(li for li in items if "Verslag van de visitatie" in li.get_text())
    assert visitatie.select_one("nav") is None
    assert (site / "zorgproces" / "index.html").is_file()
    assert not any(re.match(r"\d", p.relative_to(site).parts[0]) for p in html_pages(site))


def test_easy_read_twins_are_published_and_linked_both_ways(site):
    home = page(site, "index.html")
    switch = home.select_one(".kompas-wissel a")
    assert switch.get_text(strip=True) == "Makkelijk lezen" and switch["href"] == "begrijpelijk/"
    twin = page(site, "begrijpelijk/index.html")
    back = twin.select_one(".kompas-wissel a")
    assert back.get_text(strip=True) == "Uitgebreide versie" and back["href"] == "../"
    assert (site / "begrijpelijk" / "zorgproces" / "index.html").is_file()


def test_source_data_and_consent_records_are_not_published(site):
    assert not list(site.rglob("*.yml")) and not list(site.rglob("*.yaml"))
    for html in html_pages(site):
        text = html.read_text(encoding="utf-8")
        assert "vastgelegd_door" not in text and "toestemming:" not in text


def test_no_page_requests_another_host_and_all_links_work_from_a_sub_path(site):
    for html in html_pages(site):
        doc = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("source", "srcset"),
            ("iframe", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in doc.find_all(tag):
                value = element.get(attr)
                if value:
                    assert not urlparse(value).netloc, f"{html}: {tag} loads {value}"
                    assert not value.startswith("/"), f"{html}: {value} breaks under a sub-path"
        for a in doc.find_all("a", href=True):
            assert not a["href"].startswith("/"), f"{html}: link {a['href']} breaks under a sub-path"
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")


def test_production_build_has_no_draft_banner_but_concept_build_has(site, tmp_path):
    assert not any(page(site, p.relative_to(site).as_posix()).select(".kompas-concept") for p in html_pages(site))
    out = tmp_path / "concept"
    result = run_cli("build", EXAMPLE, "-o", out, "--concept")
    assert result.returncode == 0, result.stderr
    banner = page(out, "index.html").select_one(".kompas-concept")
    assert "Concept: nog niet publiceren" in banner.get_text()


def test_mkdocs_build_strict_passes_at_the_repository_root(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s" / "speerpunten" / "index.html").is_file()


def test_mkdocs_build_strict_fails_on_a_fout(example, tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for page in example.rglob("*.md"):  # no page covers betrokkenheid any more
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("onderdelen: [betrokkenheid]", "onderdelen: []"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "onderdeel-ontbreekt" in result.stderr and "betrokkenheid" in result.stderr


def test_easy_read_pages_have_their_own_layout_menu_and_read_aloud(site):
    twin = page(site, "begrijpelijk/zorgproces/index.html")
    assert twin.select_one(".kompas-begrijpelijk") is not None
    menu = [a.get_text(strip=True) for a in twin.select("nav.kompas-menu a")]
    assert menu[-2:] == ["Onze verbeterpunten", "Moeilijke woorden"]
    assert len(menu) == len(list(EXAMPLE.rglob("*.begrijpelijk.md"))) + 2
    assert twin.select_one("nav.kompas-menu a[aria-current=page]").get_text(strip=True) == twin.h1.get_text(strip=True)
    voorlezen = twin.select_one("[data-kompas-voorlezen]")
    assert voorlezen.has_attr("hidden")  # shown by the script only where the browser can speak
    assert [b.get_text(strip=True) for b in voorlezen.select("button")] == ["Lees voor", "Pauze", "Stop"]
    assert twin.select_one('script[src$="voorlezen.js"]') and twin.select_one('link[href$="begrijpelijk.css"]')
    fonts = site / "assets" / "fonts" / "atkinson-hyperlegible"
    assert (fonts / "atkinson-hyperlegible-latin-400-normal.woff2").is_file() and (fonts / "OFL.txt").is_file()
    # The full pages do not load the easy-read font or script.
    assert not page(site, "zorgproces/index.html").select('link[href$="begrijpelijk.css"]')


def test_hard_words_are_explained_at_their_first_use_and_listed_in_the_glossary(site):
    twin = page(site, "begrijpelijk/zorgproces/index.html")
    marked = [m.get_text(strip=True).lower() for m in twin.select(".kompas-term")]
    assert "ondersteuningsplan" in marked and len(marked) == len(set(marked))  # only the first use
    first = twin.select_one(".kompas-term")
    note = first.find_parent("p").find_next_sibling("p")
    assert "kompas-uitleg" in note["class"] and note["role"] == "note"
    assert note.select_one(".kompas-uitleg__woord").get_text(strip=True).lower() == first.get_text(strip=True).lower()
    glossary = page(site, "begrijpelijk/woordenlijst/index.html")
    terms = {h["id"]: h.get_text(strip=True) for h in glossary.select("article h2")}
    assert terms["ondersteuningsplan"] == "Ondersteuningsplan" and "bouwsteen" in terms and "visitatie" in terms
    assert glossary.select_one(".kompas-begrijpelijk") is not None
    # The full version is not changed.
    assert not page(site, "zorgproces/index.html").select(".kompas-term")


def test_story_overview_cards_and_story_pages(site):
    overview = page(site, "verhalen/index.html")
    cards = overview.select(".kompas-verhalen .kompas-verhaal-kaart")
    stories = [p for p in (EXAMPLE / "verhalen").glob("*.md") if not p.name.endswith(".begrijpelijk.md")]
    assert len(cards) == len(stories) >= 4
    assert {c["data-perspectief"] for c in cards} == {"client", "verwant", "professional"}
    # One story has its own film with captions, one a film on YouTube behind a facade.
    assert page(site, "verhalen/filmgroep/index.html").select_one("article video track[kind=captions]")
    assert page(site, "verhalen/filmavond/index.html").select_one("[data-kompas-video]")
    for card in cards:  # every card links to its story page, which exists
        href = card.select_one(".kompas-kaart-titel a")["href"]
        assert (site / "verhalen" / href / "index.html").is_file()
    form = overview.select_one("form[data-kompas-filter]")
    assert form.has_attr("hidden")  # without JavaScript all stories simply show
    # A card placed by an author with one line: [[verhaal: gert-op-zichzelf]]
    card = page(site, "zorgproces/index.html").select_one("article .kompas-verhaal-kaart")
    assert card.select_one(".kompas-kaart-titel a")["href"] == "../verhalen/gert-op-zichzelf/"
    story = page(site, "verhalen/gert-op-zichzelf/index.html")
    assert "Ik kies nu zelf wat ik eet." in story.select_one(".kompas-citaat").get_text()
    assert story.select_one(".kompas-verhaal-kop img")["alt"] == "Gert snijdt groente in zijn nieuwe keuken."
    assert "Verteld door een cliënt" in story.select_one(".kompas-labels").get_text()
    assert "2027-12-31" not in str(story) and "vastgelegd" not in str(story)  # consent is never published


def test_photos_are_published_only_as_processed_variants(site):
    originals = [
        p
        for p in site.rglob("*")
        if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
        and p.parts[len(site.parts)] not in ("afbeeldingen", "assets")
    ]
    assert originals == []  # the original photos never reach the site
    doc = page(site, "zorgproces/index.html")
    pictures = doc.select("article picture")
    assert pictures, "photos are shown as <picture>"
    first = pictures[0]
    assert first.select_one("source")["type"] == "image/webp"
    assert len(first.select_one("source")["srcset"].split(",")) == 3
    img = first.select_one("img")
    assert img["alt"] == "Drie mensen koken samen in de keuken van een woonlocatie."
    assert img["width"] == "1600" and img["height"] == "1067" and not img.has_attr("loading")
    assert pictures[-1].select_one("img")["loading"] == "lazy"  # below the fold
    for name in img["srcset"].replace(",", " ").split()[::2]:
        assert (site / "zorgproces" / name).resolve().is_file()


def test_a_photo_with_location_data_is_published_without_it(example, tmp_path):
    from PIL import Image

    photo = Image.new("RGB", (1200, 800), (120, 160, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the camera on its side
    exif[0x9286] = "Bewoner Kees, kamer 12"  # a comment that must not be published
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (5.0, 7.0, 0.0)})
    photo.save(example / "media" / "gps.jpg", exif=exif)
    index = example / "01-over-ons" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n![Een tuin met moestuinbakken.](../media/gps.jpg)\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    result = run_cli("build", example, "-o", out)
    assert result.returncode == 0, result.stderr
    published = sorted((out / "afbeeldingen").glob("gps-*"))
    assert {p.suffix for p in published} == {".jpg", ".webp"}
    for path in published:
        data = path.read_bytes()
        assert b"Exif" not in data and b"Kees" not in data
        with Image.open(path) as image:
            assert not image.getexif() and image.height > image.width  # upright, nothing else kept
    assert not list(out.rglob("gps.jpg"))


def test_picture_beside_text_rows_in_easy_read_pages(site):
    row = page(site, "begrijpelijk/zorgproces/index.html").select_one(".kompas-rij")
    assert row.select_one(".kompas-rij__beeld img")["alt"].startswith("Drie mensen koken samen")
    assert row.select_one(".kompas-rij__tekst p").get_text(strip=True).startswith("Bij De Wilgenhoeve doen we")


def test_switch_and_menu_links_work_when_hosted_under_a_sub_path(site, tmp_path):
    import functools
    import threading
    import urllib.request
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urljoin

    hosted = tmp_path / "www" / "kwaliteitsbeeld" / "2025"
    shutil.copytree(site, hosted)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/kwaliteitsbeeld/2025/"
    try:
        checked = 0
        for html in html_pages(site):
            rel = html.relative_to(site).as_posix().removesuffix("index.html")
            url = urljoin(base, rel)
            doc = BeautifulSoup(urllib.request.urlopen(url).read(), "html.parser")
            links = doc.select(".kompas-wissel a, nav.kompas-menu a") + doc.select("link[rel=stylesheet]")
            for link in links:
                target = urljoin(url, link["href"])
                assert target.startswith(base), (url, link["href"])
                assert urllib.request.urlopen(target).status == 200, target
                checked += 1
        assert checked > 50
    finally:
        server.shutdown()


def test_no_published_image_carries_the_camera_data_of_the_example_photos(site):
    from PIL import Image

    with Image.open(EXAMPLE / "media" / "gert-keuken.jpg") as source:
        assert source.getexif().get_ifd(0x8825), "the example shows a source photo with GPS"
    published = list((site / "afbeeldingen").iterdir())
    assert len(published) >= 6 * 2
    for path in published:
        data = path.read_bytes()
        assert b"Exif" not in data and b"Voorbeeldtelefoon" not in data and b"SN-00472211" not in data
        with Image.open(path) as image:
            assert not image.getexif()


def test_search_index_sits_beside_the_search_page_only(site):
    import json

    index = json.loads((site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    titles = {entry["t"] for entry in index}
    assert {"Over De Wilgenhoeve", "Alle verbeterpunten", "Gert gaat op zichzelf wonen"} <= titles
    for entry in index:
        assert (site / "zoeken" / entry["u"] / "index.html").resolve().is_file(), entry["u"]
    assert any(entry["b"] for entry in index)  # easy-read pages can be found too
    assert not page(site, "index.html").select("form[name=search]")
    assert not (site / "search").exists()
