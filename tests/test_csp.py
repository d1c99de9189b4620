"""The Content-Security-Policy of every page (only the site itself; the hashes of exactly the inline scripts
a page has; the film player frame only where a film facade is), checked on the HTML and in Chromium; and
soft hyphens in long words of headings of the full version, never in the easy-read version.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser_helpers import FAKE_DUTCH_VOICE, SIZES, guarded_context
from bs4 import BeautifulSoup
from conftest import ROOT, copy_example, run_cli

from kompas_site.audit import serve_folder
from kompas_site.render.csp import with_csp

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SHY = "\u00ad"
LONG_HEADING = "Personeelsvertegenwoordigingsverkiezingen en cliëntervaringsonderzoeksresultaten"
YOUTUBE = """video:
  youtube: aqz-KE-bpKQ
  titel: Moreel beraad in vijf minuten
  transcript: |
    Noor legt uit hoe het team samen een lastige keuze bespreekt.
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(page_html: str) -> dict[str, list[str]]:
    """The page's policy, read as a browser does: the content of its CSP meta, by directive."""
    metas = BeautifulSoup(page_html, "html.parser").select('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, metas
    parts = [part.split() for part in metas[0]["content"].split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script a browser runs, found by another parser than the one under test."""
    doc = BeautifulSoup(page_html, "html.parser")
    return [s.string or "" for s in doc.find_all("script") if not s.has_attr("src") and s.get("type") is None]


PAGE = (
    "<!doctype html>\r\n<html lang=nl><head><meta charset=utf-8><title>T</title>"
    "<script>var a = 1;</script>\r\n"
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="assets/x.js"></script>'
    "<link rel=stylesheet href=assets/s.css></head>"
    "<body><h1>Kop</h1><script>\r\nvar b = '</scr' + 'ipt>';\r\n</script>"
    '<button onclick="alert(1)">x</button></body></html>'
)


def test_the_policy_allows_only_the_site_and_exactly_the_inline_scripts_of_the_page():
    result = with_csp(PAGE)
    policy = directives(result)
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    # one hash per inline script that runs; the JSON data block and the script file need none; the
    # browser hashes the text after turning CR LF into LF
    expected = [sha256("var a = 1;"), sha256("\nvar b = '</scr' + 'ipt>';\n")]
    assert policy["script-src"] == ["'self'", *expected]
    # nothing lets an inline script or an event handler (onclick=) run without its hash
    assert not {"'unsafe-inline'", "'unsafe-hashes'", "'unsafe-eval'", "*", "data:"} & set(policy["script-src"])
    assert "'unsafe-hashes'" not in result
    # the policy comes before everything that loads or runs, right after the charset (within 1024 bytes)
    head = result[result.index("<head>") :]
    assert head.startswith("<head><meta charset=utf-8><meta http-equiv=")
    assert result.index("Content-Security-Policy") < min(result.index("<script"), result.index("<link"))
    assert result.replace(re.search(r"<meta http-equiv=[^>]*>", result).group(0), "") == PAGE  # nothing else
    assert with_csp(result) == result  # again: the same single policy


def test_a_page_with_many_inline_scripts_keeps_its_charset_in_the_first_1024_bytes():
    page = "<!doctype html><html><head><meta charset=utf-8>" + "".join(f"<script>v{i}()</script>" for i in range(40))
    result = with_csp(page)
    assert len(directives(result)["script-src"]) == 41
    assert result.encode().index(b"<meta charset=utf-8>") < 1024


def test_only_a_page_with_a_film_facade_may_open_the_players_frame():
    youtube = '<div class="kompas-video" data-kompas-video data-embed="https://www.youtube-nocookie.com/embed/x">'
    vimeo = '<div data-kompas-video data-embed="https://player.vimeo.com/video/1"></div>'
    page = "<html><head></head><body>{}</body></html>"
    assert directives(with_csp(page.format(youtube)))["frame-src"] == ["https://www.youtube-nocookie.com"]
    assert directives(with_csp(page.format(vimeo)))["frame-src"] == ["https://player.vimeo.com"]
    both = directives(with_csp(page.format(youtube + vimeo)))["frame-src"]
    assert both == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    # an embed address of another host (the sanitiser removes those) opens nothing
    other = '<div data-kompas-video data-embed="https://www.youtube.com.evil.example/embed/x"></div>'
    assert directives(with_csp(page.format(other)))["frame-src"] == ["'none'"]
    assert directives(with_csp(page.format("<p data-embed='https://player.vimeo.com/video/1'>")))["frame-src"] == [
        "'none'"
    ]


# -- the built example: every page ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The example with a YouTube facade in a story, and a page (Windows line endings) and its easy-read
    twin with a heading of long Dutch compounds."""
    from test_video import add_video

    base = tmp_path_factory.mktemp("csp")
    content = base / "content"
    copy_example(content)
    add_video(content / "verhalen" / "begeleider-noor.md", YOUTUBE)
    (content / "04-leren" / "medezeggenschap.md").write_bytes(
        (
            f"---\r\ntitle: '{LONG_HEADING}'\r\n---\r\n\r\n# {LONG_HEADING}\r\n\r\n"
            "## Ondernemingsraadsvergaderingen `instellingenbestand`\r\n\r\n"
            "De ondernemingsraad en de cliëntenraad praten mee over de medezeggenschapsregeling.\r\n"
        ).encode()
    )
    (content / "04-leren" / "medezeggenschap.begrijpelijk.md").write_bytes(
        b"---\r\ntitle: Meepraten\r\n---\r\n\r\n# Personeelsvertegenwoordigingsverkiezingen\r\n\r\n"
        b"De raad praat mee. Dat is goed.\r\n"
    )
    out = base / "site"
    result = run_cli("build", content, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def html_pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_every_built_page_has_a_policy_with_the_hash_of_each_of_its_inline_scripts(site):
    pages = html_pages(site)
    assert "404.html" in pages and len(pages) > 30
    films = 0
    for name, page in pages.items():
        policy = directives(page)
        assert policy["script-src"] == ["'self'", *dict.fromkeys(sha256(s) for s in inline_scripts(page))], name
        assert len(policy["script-src"]) >= 2, name  # Material and our theme write inline scripts
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], name
        head = page[page.index("<head>") : page.index("</head>")]
        assert head.index("Content-Security-Policy") < min(head.find(t) % len(head) for t in ("<script", "<link"))
        facade = BeautifulSoup(page, "html.parser").select_one('[data-kompas-video][data-embed^="https://www.youtube"]')
        assert policy["frame-src"] == (["https://www.youtube-nocookie.com"] if facade else ["'none'"]), name
        films += bool(facade)
    assert "data-kompas-video" in pages["verhalen/begeleider-noor/index.html"] and films == 2


def test_long_headings_get_soft_hyphens_in_the_full_version_only(site):
    full = (site / "leren" / "medezeggenschap" / "index.html").read_text(encoding="utf-8")
    doc = BeautifulSoup(full, "html.parser")
    h1 = doc.select_one("article h1")
    assert (
        h1.get_text()
        == "Per\xadso\xadneels\xadver\xadte\xadgen\xadwoor\xaddi\xadgings\xadver\xadkie\xadzin\xadgen"
        + (" en cli\xadënt\xader\xadva\xadrings\xadon\xadder\xadzoeks\xadre\xadsul\xadta\xadten")
    )
    h2 = doc.select_one("article h2")
    assert h2.get_text().startswith("On\xadder\xadne\xadmings\xadraads\xadver\xadga\xadde\xadrin\xadgen ")
    assert h2.select_one("code").get_text() == "instellingenbestand"  # code stays as written
    # only heading text: attributes, the menu, the title and the body text keep the words whole
    assert SHY not in "".join(str(v) for el in doc.find_all(True) for v in el.attrs.values())
    assert SHY not in doc.title.get_text() and "medezeggenschapsregeling" in doc.select_one("article").get_text()
    assert full.count(SHY) == h1.get_text().count(SHY) + h2.get_text().count(SHY)
    easy = [
        p
        for p in site.joinpath("begrijpelijk").rglob("*.html")
        if "Personeelsvertegenwoordigingsverkiezingen" in p.read_text()
    ]
    assert len(easy) == 1
    assert SHY not in easy[0].read_text(encoding="utf-8")
    for page in site.joinpath("begrijpelijk").rglob("*.html"):
        assert SHY not in page.read_text(encoding="utf-8"), page
    index = (site / "zoeken" / "index.json").read_text(encoding="utf-8")
    assert SHY not in json.loads(index).__repr__() and "Personeelsvertegenwoordigingsverkiezingen" in index


# -- in Chromium ----------------------------------------------------------------------------------------

WATCH_CSP = """(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
})();"""
SETTLE = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))"


def csp_context(browser, base_url: str, outside: list[str], console: list[str], **options):
    """A context that blocks other hosts, serves the film player from a stub, and writes down every CSP
    violation (the event and the console message)."""
    context = guarded_context(browser, base_url, outside, **options)
    context.add_init_script(WATCH_CSP)
    context.route(  # registered last, so asked first: no request reaches the real player
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p id=speler>Speler</p>"),
    )
    context.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    return context


def violations(page) -> list[str]:
    page.evaluate(SETTLE)
    return page.evaluate("() => window.__csp")


@pytest.fixture(scope="module")
def base_url(site):
    with serve_folder(site) as url:
        yield url


def test_no_page_violates_its_policy_at_any_of_the_three_sizes(browser, site, base_url):
    outside: list[str] = []
    console: list[str] = []
    context = csp_context(browser, base_url, outside, console, viewport=SIZES[0])
    page = context.new_page()
    found = []
    for name in html_pages(site):
        if name == "404.html":
            continue
        path = name.removesuffix("index.html")
        for size in SIZES:
            page.set_viewport_size(size)
            page.goto(urljoin(base_url, path), wait_until="load")
            seen = violations(page)
            if seen:
                found.append((path, size["width"], seen))
    context.close()
    assert found == [] and console == []
    assert outside == []


def test_search_filter_read_aloud_and_film_work_under_the_policy(browser, base_url):
    outside: list[str] = []
    console: list[str] = []
    context = csp_context(browser, base_url, outside, console, viewport=SIZES[1])
    context.add_init_script(FAKE_DUTCH_VOICE)
    page = context.new_page()

    page.goto(urljoin(base_url, "zoeken/"), wait_until="load")
    page.fill("#kompas-zoekterm", "moestuin")
    page.press("#kompas-zoekterm", "Enter")
    page.locator(".kompas-zoeken__resultaten li a").first.wait_for()
    assert "gevonden" in page.locator(".kompas-zoeken__status").inner_text()
    assert violations(page) == []

    page.goto(urljoin(base_url, "verhalen/"), wait_until="load")
    cards = page.locator(".kompas-verhalen .kompas-verhaal-kaart")
    assert page.is_visible("form[data-kompas-filter]") and cards.count() == 5
    page.select_option("select[name=perspectief]", "verwant")
    assert page.locator(".kompas-verhalen .kompas-verhaal-kaart:not([hidden])").count() == 1
    assert page.locator(".kompas-verhalen-filter__aantal").inner_text() == "1 verhaal"
    assert violations(page) == []

    page.goto(urljoin(base_url, "begrijpelijk/"), wait_until="load")
    button = page.locator("[data-kompas-voorlezen] button").first
    assert page.is_visible("[data-kompas-voorlezen]")
    button.click()
    assert page.evaluate("() => window.__gesproken.length") > 0
    assert violations(page) == []

    page.goto(urljoin(base_url, "verhalen/begeleider-noor/"), wait_until="load")
    assert page.locator("iframe").count() == 0
    page.locator(".kompas-video__start").click()
    frame = page.locator("iframe.kompas-video__speler")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    player = page.frame_locator("iframe.kompas-video__speler").locator("#speler")
    player.wait_for(timeout=5000)  # the player frame loads (from the stub): the policy lets it in
    assert violations(page) == []
    context.close()
    assert console == [] and outside == []


@pytest.mark.parametrize("prefix", ["/kwaliteitsbeeld/2025/", "/"])
def test_the_not_found_page_works_under_its_policy_at_any_depth(browser, site, prefix):
    from test_browser import _SubFolderServer

    server = _SubFolderServer(site, prefix)
    outside: list[str] = []
    console: list[str] = []
    try:
        home = server.origin + prefix
        context = csp_context(browser, home, outside, console, viewport=SIZES[0])
        page = context.new_page()
        for missing in ("bestaat-niet", "zorgproces/oud-adres/", "a/b/c/d/e/f/pagina.html"):
            for size in SIZES:
                page.set_viewport_size(size)
                assert page.goto(home + missing, wait_until="load").status == 404
                page.wait_for_function("() => window.kompasNietGevonden === true")
                # the site's own style sheet applies, and Material's script runs (it marks <html> "js")
                assert page.evaluate(
                    "() => [...document.styleSheets].some(s => s.href && s.href.endsWith('kompas.css') &&"
                    " s.cssRules.length > 0)"
                )
                page.wait_for_function("() => document.documentElement.classList.contains('js')")
                assert violations(page) == [], (missing, size)
        context.close()
    finally:
        server.close()
    assert console == [] and outside == []


def test_script_that_slipped_into_a_page_is_blocked(browser, site, tmp_path):
    """Should a script, an event handler, a frame or an outside image ever get past the sanitiser into
    a page, the page's policy (computed before, as the build does) stops them."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "over-ons" / "index.html"
    slipped = (
        '<script>window.__ran = true;</script><button id="slip" onclick="window.__clicked = true">x</button>'
        '<img src="https://example.org/pixel.png" alt=""><iframe src="https://www.youtube-nocookie.com/embed/x">'
        "</iframe></article>"
    )
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</article>", slipped, 1), encoding="utf-8")
    outside: list[str] = []
    console: list[str] = []
    with serve_folder(copy) as base_url:
        context = csp_context(browser, base_url, outside, console, viewport=SIZES[2])
        page = context.new_page()
        page.goto(urljoin(base_url, "over-ons/"), wait_until="load")
        page.click("#slip")
        seen = violations(page)
        assert page.evaluate("() => [window.__ran, window.__clicked]") == [None, None]
        assert {v.split()[0] for v in seen} == {"script-src-elem", "script-src-attr", "img-src", "frame-src"}, seen
        context.close()
    assert outside == []  # the browser did not even ask


def test_a_long_heading_at_320_pixels_breaks_with_a_hyphen(browser, site, base_url):
    """Screenshots (test-artifacts/screenshots/lange-kop-csp-*.png) for people to look at; the heading
    breaks only where a soft hyphen is (its lines end in a word part, never in the middle of a syllable)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / ".gitignore").write_text("# screenshots of the browser tests; not kept in git\n*\n")
    outside: list[str] = []
    console: list[str] = []
    context = csp_context(browser, base_url, outside, console, viewport=SIZES[0])
    page = context.new_page()
    for path, name in (("leren/medezeggenschap/", "vol"), ("begrijpelijk/leren/medezeggenschap/", "makkelijk")):
        page.goto(urljoin(base_url, path), wait_until="load")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.screenshot(path=str(SCREENSHOTS / f"lange-kop-csp-{name}-320.png"), full_page=True)
    page.goto(urljoin(base_url, "leren/medezeggenschap/"), wait_until="load")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    laid_out = page.evaluate(LINE_BREAKS)
    assert laid_out.count("|") >= 3, laid_out
    # every line ends after a space or at a soft hyphen (shown as "-"), never inside a syllable
    assert {before for before in re.findall(r"(.)\|", laid_out)} <= {" ", SHY}, laid_out.replace(SHY, "-")
    context.close()
    assert console == [] and outside == []


# The text of the page's h1 as laid out, with "|" where a new line starts.
LINE_BREAKS = """() => {
  const h1 = document.querySelector('article h1');
  const walker = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
  let top = null, text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (rects.length) {
        // at a line break, a character's box may also be an empty one at the end of the line before
        const box = [...rects].reduce((a, b) => (b.width > a.width ? b : a));
        const y = Math.round(box.top);
        if (top !== null && y > top + 2) text += '|';
        top = y;
      }
      text += node.data[i];
    }
  }
  return text;
}"""
