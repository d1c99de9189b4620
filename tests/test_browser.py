"""The example site in a real browser (Debian's Chromium, headless): WCAG 2.2 AA by axe-core,
nothing from other hosts, keyboard, zoom, small screens, and screenshots to look at.

Both versions are covered: the full pages and the easy-read pages under begrijpelijk/. The site is
built once, one browser serves every test; `kompas audit` itself runs once, as an author runs it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser_helpers import (
    DESKTOP,
    FAKE_DUTCH_VOICE,
    FOCUS,
    MARK_INTERACTIVE,
    PHONE,
    SIZES,
    guarded_context,
    tab_through,
    tab_until,
)
from conftest import EXAMPLE, ROOT, copy_example, run_cli

from kompas_site.audit import serve_folder
from kompas_site.audit.axe import run_axe

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    result = run_cli("build", EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pages(example_site) -> list[str]:
    """Every page of the example, as its address from the site root ('/', '/begrijpelijk/', ...)."""
    found = []
    for html in sorted(example_site.rglob("*.html")):
        rel = html.relative_to(example_site).as_posix()
        found.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return found


@pytest.fixture(scope="session")
def content_pages(pages) -> list[str]:
    return [p for p in pages if p != "/404.html"]


@pytest.fixture(scope="session")
def base_url(example_site):
    with serve_folder(example_site) as url:
        yield url


@pytest.fixture
def outside() -> list[str]:
    """Requests to other hosts during one test: there must be none."""
    seen: list[str] = []
    yield seen
    assert seen == [], f"verzoeken naar andere servers: {seen}"


@pytest.fixture
def desktop(browser, base_url, outside):
    context = guarded_context(browser, base_url, outside, viewport=DESKTOP)
    yield context.new_page()
    context.close()


def open_page(page, base_url: str, path: str) -> None:
    response = page.goto(urljoin(base_url, path.lstrip("/")), wait_until="load")
    assert response is not None and response.ok, path


# -- kompas audit over the whole site -------------------------------------------------------------


@pytest.fixture(scope="session")
def site_audit(example_site) -> tuple[int, dict]:
    result = run_cli("audit", example_site, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def readable(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['regel']} ({v['impact']}): "
        + "; ".join(f"{p['pagina']} {[e['selector'] for e in p['elementen']]}" for p in v["paginas"])
        for v in violations
    )


def test_kompas_audit_passes_on_the_example(site_audit, content_pages):
    code, report = site_audit
    assert report["schendingen"] == [], readable(report["schendingen"])
    assert report["niet_gecontroleerd"] == []
    assert code == 0 and report["ok"] is True
    # every page was checked, the full ones and the easy-read ones
    assert set(content_pages) <= set(report["paginas"])
    assert any(p.startswith("/begrijpelijk/") for p in report["paginas"])
    assert any(not p.startswith("/begrijpelijk/") for p in report["paginas"])


def test_no_page_asks_anything_of_another_host(site_audit):
    _, report = site_audit
    assert report["verzoeken_naar_buiten"] == []


def test_the_audit_looks_at_three_window_sizes(site_audit):
    """The side menu's links were too small to tap at 1280×720 only: every size is checked."""
    _, report = site_audit
    assert report["vensters"] == [f"{v['width']}×{v['height']}" for v in SIZES]


# -- keyboard ----------------------------------------------------------------------------------


def test_skip_link_takes_the_keyboard_into_the_content(desktop, base_url, content_pages):
    for path in content_pages:
        open_page(desktop, base_url, path)
        desktop.keyboard.press("Tab")
        skip = desktop.evaluate(FOCUS)
        assert skip and skip["text"] == "Ga naar inhoud", (path, skip)
        # hidden until it has focus, then it fades in
        desktop.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
        skip = desktop.evaluate(FOCUS)
        assert skip["shown"] and skip["ring"], (path, "de link 'Ga naar inhoud' is niet te zien als hij focus heeft")
        desktop.keyboard.press("Enter")
        landed = desktop.evaluate(FOCUS)
        assert landed and landed["inMain"], (path, landed)
        # the next Tab reaches something in the content, with a visible focus ring
        desktop.keyboard.press("Tab")
        after = desktop.evaluate(FOCUS)
        assert after and after["inMain"] and after["ring"], (path, after)


def representative(content_pages: list[str]) -> dict[str, str]:
    stories = [p for p in content_pages if p.startswith("/verhalen/") and p != "/verhalen/"]
    easy = [p for p in content_pages if p.startswith("/begrijpelijk/") and p != "/begrijpelijk/"]
    assert stories, "het voorbeeld heeft geen verhalen (verhalen/...)"
    assert easy, "het voorbeeld heeft geen begrijpelijke pagina's naast de startpagina"
    return {"start": "/", "verhaal": stories[0], "begrijpelijk": easy[0], "begrijpelijk-start": "/begrijpelijk/"}


def test_every_control_is_reachable_with_tab_and_shows_focus(desktop, base_url, content_pages):
    for name, path in representative(content_pages).items():
        open_page(desktop, base_url, path)
        count = desktop.evaluate(MARK_INTERACTIVE)
        visited = tab_through(desktop)
        reached = {f["key"] for f in visited if f["key"] is not None}
        missing = desktop.evaluate(
            "keys => [...document.querySelectorAll('[data-kompas-test]')]"
            ".filter(el => !keys.includes(el.dataset.kompasTest))"
            ".map(el => el.outerHTML.slice(0, 120))",
            sorted(reached),
        )
        assert missing == [], (name, path, f"{len(missing)} van {count} niet te bereiken met Tab")
        no_ring = [f["html"] for f in visited if not f["ring"]]
        assert no_ring == [], (name, path, "focus niet te zien op", no_ring)
        invisible = [f["html"] for f in visited if not f["shown"]]
        assert invisible == [], (name, path, "Tab komt op iets dat niet te zien is", invisible)


def test_the_switch_between_versions_works_with_the_keyboard(desktop, base_url, content_pages):
    switched = 0
    for path in content_pages:
        open_page(desktop, base_url, path)
        target = desktop.evaluate(
            "() => { const a = document.querySelector('.kompas-wissel a'); return a && [a.href, a.innerText.trim()]; }"
        )
        if target is None:
            continue
        href, label = target
        assert label in ("Makkelijk lezen", "Uitgebreide versie"), (path, label)
        assert (label == "Uitgebreide versie") == path.startswith("/begrijpelijk/"), (path, label)
        # keyboard only: the skip link, then Tab to the switch
        desktop.keyboard.press("Tab")
        desktop.keyboard.press("Enter")
        tab_until(desktop, lambda focus, label=label: focus["text"] == label and focus["inMain"], limit=50)
        with desktop.expect_navigation():
            desktop.keyboard.press("Enter")
        assert desktop.url == href, (path, desktop.url, href)
        back = desktop.evaluate(
            "() => { const a = document.querySelector('.kompas-wissel a'); return a && [a.href, a.innerText.trim()]; }"
        )
        assert back and back[1] != label, (path, "de andere versie heeft geen wissel terug", back)
        # a twin links back to its own page; a page without one goes to the home page of the other version
        homes = (base_url, urljoin(base_url, "begrijpelijk/"))
        assert back[0] == urljoin(base_url, path.lstrip("/")) or href in homes, (path, href, back)
        switched += 1
    assert switched >= 2, "geen enkele pagina heeft een wissel tussen de versies"


def test_read_aloud_works_with_the_keyboard_where_present(browser, base_url, content_pages, outside):
    """The "Lees voor" buttons show only where the device has a Dutch voice: here a fake one."""
    context = guarded_context(browser, base_url, outside, viewport=DESKTOP)
    context.add_init_script(FAKE_DUTCH_VOICE)
    page = context.new_page()
    for path in content_pages:
        open_page(page, base_url, path)
        if not page.evaluate("() => !!document.querySelector('[data-kompas-voorlezen]')"):
            continue
        assert page.is_visible("[data-kompas-voorlezen]"), (path, "voorlezen blijft verborgen met een Nederlandse stem")
        _, violations = run_axe(page)
        assert violations == [], (path, [v["id"] for v in violations])
        inside = "document.activeElement.closest('[data-kompas-voorlezen]')"
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # the skip link
        for _ in range(50):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => !!{inside}"):
                break
        else:
            raise AssertionError((path, "de knop Lees voor is niet te bereiken met Tab"))
        page.keyboard.press("Enter")
        spoken = page.evaluate("() => window.__gesproken")
        assert spoken, (path, "Enter op de knop leest niets voor")
        assert page.evaluate(f"() => !!{inside}"), (path, "de focus verdwijnt uit de voorleesknoppen")
    context.close()


# -- zoom and small screens ------------------------------------------------------------------------


def too_wide(page) -> list[int] | None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return widths if widths[0] > widths[1] else None


def test_no_horizontal_scrolling_at_any_of_the_three_sizes(browser, base_url, content_pages, outside):
    """Each page loaded once, then looked at in each window size (WCAG 1.4.10 at 320 px)."""
    context = guarded_context(browser, base_url, outside, viewport=SIZES[0])
    page = context.new_page()
    found = []
    for path in content_pages:
        page.set_viewport_size(SIZES[0])
        open_page(page, base_url, path)
        for size in SIZES:
            page.set_viewport_size(size)
            widths = too_wide(page)
            if widths:
                found.append((path, f"{size['width']}×{size['height']}", widths))
    context.close()
    assert found == [], "de pagina scrolt zijwaarts"


def test_no_horizontal_scrolling_at_200_percent_zoom(browser, base_url, content_pages, outside):
    context = guarded_context(browser, base_url, outside, viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    found = []
    for path in content_pages:
        open_page(page, base_url, path)
        widths = too_wide(page)
        if widths:
            found.append((path, widths))
    context.close()
    assert found == [], "200% zoom: de pagina scrolt zijwaarts"


# -- screenshots -------------------------------------------------------------------------------------


def test_screenshots_for_people_to_look_at(browser, base_url, content_pages, outside):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / ".gitignore").write_text(
        "# screenshots of the browser tests; not kept in git\n*\n", encoding="utf-8"
    )
    chosen = representative(content_pages)
    del chosen["begrijpelijk-start"]
    for width in (320, 375, 1280):
        context = guarded_context(browser, base_url, outside, viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, path in chosen.items():
            open_page(page, base_url, path)
            page.evaluate("() => document.fonts.ready.then(() => true)")
            target = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000, target
        context.close()


# -- set-up: the browser tests run everywhere the README's test command runs -------------------------


def test_ci_runs_the_readme_test_command_which_installs_chromium():
    top = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ")[0]
    commands = re.findall(r"```sh\n(.*?)\n```", top, re.DOTALL)
    assert len(commands) == 2, "de README begint met precies twee set-up-commando's"
    assert commands[1] == "sh scripts/test-setup.sh && python -m pytest"
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    setup = (ROOT / "scripts" / "test-setup.sh").read_text(encoding="utf-8")
    missing = re.search(r'if \[ ! -x /usr/bin/chromium \]; then\n\s+PACKAGES="chromium"\n', setup)
    assert missing and "apt-get install -y $PACKAGES" in setup  # Debian's Chromium when it is missing
    assert 'pip install -e ".[test]"' in setup and "playwright install" not in setup


def test_video_facade_loads_the_player_only_after_a_click_with_the_keyboard(browser, tmp_path):
    from test_video import YOUTUBE, add_video

    content = tmp_path / "content"
    copy_example(content)
    add_video(content / "verhalen" / "begeleider-noor.md", YOUTUBE)
    site = tmp_path / "site"
    assert run_cli("build", content, "-o", site).returncode == 0
    outside: list[str] = []
    with serve_folder(site) as base_url:
        context = guarded_context(browser, base_url, outside, viewport=DESKTOP)
        page = context.new_page()
        page.goto(urljoin(base_url, "verhalen/begeleider-noor/"), wait_until="networkidle")
        assert outside == [] and page.locator("iframe").count() == 0
        button = page.locator(".kompas-video__start")
        assert button.is_visible()
        for _ in range(200):  # reach it with Tab, press Enter
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('kompas-video__start')"):
                break
        else:
            pytest.fail("the play button cannot be reached with Tab")
        page.keyboard.press("Enter")
        frame = page.locator("iframe.kompas-video__speler")
        frame.wait_for(state="attached")
        assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
        assert frame.get_attribute("title") == "Moreel beraad in vijf minuten"
        for _ in range(100):  # the player's request comes only now (and is blocked here)
            if any("youtube-nocookie.com" in url for url in outside):
                break
            page.wait_for_timeout(100)
        assert any("youtube-nocookie.com" in url for url in outside), outside
        context.close()


def test_search_loads_its_index_only_on_the_search_page_and_works_with_the_keyboard(desktop, base_url):
    requested: list[str] = []
    desktop.on("request", lambda request: requested.append(request.url))
    open_page(desktop, base_url, "/")
    desktop.wait_for_load_state("networkidle")
    assert not [u for u in requested if "index.json" in u or "search" in u], requested
    open_page(desktop, base_url, "/zoeken/")
    assert not [u for u in requested if "zoeken/index.json" in u]  # not before the reader searches
    tab_until(desktop, lambda focus: 'id="kompas-zoekterm"' in focus["html"])
    desktop.keyboard.type("moestuin")
    desktop.keyboard.press("Enter")
    results = desktop.locator(".kompas-zoeken__resultaten li a")
    results.first.wait_for()
    assert results.count() >= 2 and "gevonden" in desktop.locator(".kompas-zoeken__status").inner_text()
    assert [u for u in requested if u.endswith("zoeken/index.json")]
    results.first.focus()
    desktop.keyboard.press("Enter")
    desktop.wait_for_load_state("load")
    assert "moestuin" in desktop.locator("article").inner_text().lower()


# -- a large report: the shortened menu and the listings ------------------------------------------


def test_the_menu_of_a_long_section_passes_axe_and_works_with_keyboard_and_phone(browser, tmp_path):
    """A folder of 20 pages: the menu shows the neighbours and "Alle 20 pagina's", which leads to the
    listing; on a phone the same link is in the menu drawer."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    content, site = tmp_path / "content", tmp_path / "site"
    generate(content, 60)
    assert run_cli("build", content, "-o", site).returncode == 0
    page_path = sorted((site / "bouwsteen-1").glob("*/index.html"))[10].parent.relative_to(site).as_posix() + "/"
    outside: list[str] = []
    with serve_folder(site) as base_url:
        for viewport in (DESKTOP, PHONE):
            context = guarded_context(browser, base_url, outside, viewport=viewport)
            page = context.new_page()
            for path in (page_path, "bouwsteen-1/alle-paginas/"):
                open_page(page, base_url, path)
                _, violations = run_axe(page)
                assert violations == [], (path, viewport, [v["id"] for v in violations])
            open_page(page, base_url, page_path)
            more = page.locator(".kompas-menu__meer a")
            assert re.fullmatch(r"Alle \d+ pagina's", more.inner_text().strip())
            if viewport is PHONE:
                assert more.bounding_box()["x"] < 0  # in the closed drawer, beside the screen
                page.locator("label.md-header__button[for=__drawer]").click()
                page.wait_for_function(
                    "() => document.querySelector('.kompas-menu__meer a').getBoundingClientRect().x >= 0"
                )
                more.click()
            else:
                tab_until(page, lambda focus: focus["text"].startswith("Alle "))
                page.keyboard.press("Enter")
            page.wait_for_url("**/bouwsteen-1/alle-paginas/")
            assert page.locator("article h1").inner_text().startswith("Alle pagina's")
            context.close()
    assert outside == []


# -- the page for an address that does not exist ------------------------------------------------------


class _SubFolderServer:
    """The built site under /kwaliteitsbeeld/2025/ on 127.0.0.1, with 404.html (status 404) for every
    address that does not exist, as web servers are set up to do."""

    def __init__(self, site: Path, prefix: str):
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def translate_path(self, path):
                clean = path.split("?")[0].split("#")[0]
                if not clean.startswith(prefix):
                    return str(site / "bestaat-niet")
                return str(site / clean[len(prefix) :].lstrip("/"))

            def send_head(self):
                target = Path(self.translate_path(self.path))
                if target.is_dir() and not (target / "index.html").is_file() or not target.exists():
                    body = (site / "404.html").read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return None
                return super().send_head()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


LINKS_IN_PAGE = "() => [...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => !h.includes('#'))"


@pytest.mark.parametrize("prefix", ["/kwaliteitsbeeld/2025/", "/"])
def test_the_not_found_page_works_at_any_depth_in_a_sub_folder(browser, example_site, prefix):
    server = _SubFolderServer(example_site, prefix)
    outside: list[str] = []
    try:
        home = server.origin + prefix
        context = guarded_context(browser, home, outside, viewport=SIZES[0])
        page = context.new_page()
        for missing in ("bestaat-niet", "zorgproces/oud-adres/", "a/b/c/d/e/f/pagina.html"):
            for size in SIZES:
                page.set_viewport_size(size)
                response = page.goto(home + missing, wait_until="load")
                assert response.status == 404
                # every link on the page (menu, header, the suggestions) leads to a page of this site
                for link in set(page.evaluate(LINKS_IN_PAGE)):
                    assert link.startswith(home), (missing, link)
                    assert context.request.get(link).status == 200, (missing, link)
                # the site's own style sheet is applied: the menu links are tap-sized (kompas.css)
                assert page.evaluate(
                    "() => [...document.styleSheets].some(s => s.href && s.href.startsWith("
                    f"{json.dumps(home)} + 'assets/stylesheets/kompas.css') && s.cssRules.length > 0)"
                ), (missing, size)
                _, violations = run_axe(page)
                assert violations == [], (missing, size, [v["id"] for v in violations])
                assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
        with page.expect_navigation():
            page.get_by_role("link", name="De startpagina van het kwaliteitsbeeld").click()
        assert page.url == home and page.title() == "Stichting De Wilgenhoeve · Kwaliteitsbeeld 2025"
        context.close()
    finally:
        server.close()
    assert outside == []


def test_without_javascript_the_not_found_page_still_links_home_at_the_domain_root(browser, example_site):
    server = _SubFolderServer(example_site, "/")
    try:
        context = browser.new_context(java_script_enabled=False, viewport=SIZES[0])
        page = context.new_page()
        page.goto(server.origin + "/zorgproces/oud/adres/", wait_until="load")
        home = page.get_by_role("link", name="De startpagina van het kwaliteitsbeeld")
        assert context.request.get(server.origin + home.get_attribute("href")).status == 200
        context.close()
    finally:
        server.close()


LONG_HEADING = "Personeelsvertegenwoordigingsverkiezingen en cliëntervaringsonderzoeksresultaten"


def test_a_long_heading_fits_at_320_pixels_with_dutch_hyphenation(browser, tmp_path):
    """A heading of long Dutch compounds: Dutch hyphenation is asked for (lang="nl", hyphens: auto),
    nothing sticks out at 320 px, and easy-read body text keeps no hyphenation. Screenshots at 320 and
    1280 px for people to look at."""
    content = tmp_path / "content"
    copy_example(content)
    page_file = content / "04-leren" / "medezeggenschap.md"
    page_file.write_bytes(
        (
            f"---\r\ntitle: '{LONG_HEADING}'\r\n---\r\n\r\n# {LONG_HEADING}\r\n\r\n"
            "## Ondernemingsraadsvergaderingen\r\n\r\nDe ondernemingsraad en de cliëntenraad praten mee.\r\n"
        ).encode()
    )
    site = tmp_path / "site"
    assert run_cli("build", content, "-o", site).returncode == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []
    with serve_folder(site) as base_url:
        context = guarded_context(browser, base_url, outside, viewport=SIZES[0])
        page = context.new_page()
        for size in (SIZES[0], SIZES[2]):
            page.set_viewport_size(size)
            open_page(page, base_url, "/leren/medezeggenschap/")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.screenshot(path=str(SCREENSHOTS / f"lange-kop-{size['width']}.png"), full_page=True)
            assert too_wide(page) is None, size
            heading = page.evaluate(
                "() => { const h = document.querySelector('article h1'); const s = getComputedStyle(h);"
                " return {lang: h.closest('[lang]').lang, hyphens: s.hyphens, right: h.getBoundingClientRect().right,"
                " inside: h.scrollWidth <= h.clientWidth}; }"
            )
            assert heading["lang"] == "nl" and heading["hyphens"] == "auto", heading
            assert heading["inside"] and heading["right"] <= size["width"], (size, heading)
        open_page(page, base_url, "/begrijpelijk/")
        easy = page.evaluate(
            "() => [...document.querySelectorAll('.kompas-begrijpelijk p, .kompas-begrijpelijk li')]"
            ".map(el => getComputedStyle(el).hyphens)"
        )
        assert easy and set(easy) == {"none"}, easy
        context.close()
    assert outside == []
