"""House style: organisatie.logo in the header (SVG published as a sanitised copy) and organisatie.huiskleur
as the theme's colour, darkened where it would not keep WCAG contrast."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser_helpers import SIZES
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site.audit import serve_folder
from kompas_site.dutch import getal
from kompas_site.media import kleur
from kompas_site.media.svg import SvgError, sanitise_svg
from tests.conftest import copy_example, run_cli

LIGHT = "#ffe14d"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0a7c8c"/></svg>'


def _content(tmp_path: Path, colour: str | None = LIGHT, logo: str | None = "media/logo.svg") -> Path:
    content = tmp_path / "content"
    copy_example(content)
    text = (content / "kompas.yml").read_text(encoding="utf-8")
    text = re.sub(r"^  (logo|huiskleur):.*\n", "", text, flags=re.MULTILINE)
    extra = (f"  logo: {logo}\n" if logo else "") + (f'  huiskleur: "{colour}"\n' if colour else "")
    text = text.replace("organisatie:\n", "organisatie:\n" + extra, 1).replace("\n", "\r\n")  # Windows lines
    (content / "kompas.yml").write_bytes(text.encode("utf-8"))
    return content


def _said(result) -> str:
    """What the command printed, with its line wrapping undone."""
    return " ".join((result.stdout + result.stderr).split())


def _set(content: Path, key: str, written: str) -> None:
    text = (content / "kompas.yml").read_text(encoding="utf-8")
    text = re.sub(rf"^  {key}:.*$", f"  {key}: {written}", text, count=1, flags=re.MULTILINE)
    (content / "kompas.yml").write_text(text, encoding="utf-8")


# -- contrast ---------------------------------------------------------------------------------------


def test_contrast_follows_wcag():
    assert kleur.contrast("#000000") == pytest.approx(21)
    assert kleur.contrast("#ffffff") == pytest.approx(1)
    assert kleur.contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the known lightest grey with 4.5:1
    assert kleur.parse(" #ABC ") == "#aabbcc"
    assert kleur.parse("#12345") is None and kleur.parse("blauw") is None


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 0xFFFFFF))
def test_derived_shade_always_has_text_contrast_on_every_light_surface(value):
    colour = f"#{value:06x}"
    shade = kleur.accessible(colour)
    assert all(kleur.contrast(shade, surface) >= 4.5 for surface in kleur.SURFACES)
    if kleur.lowest_contrast(colour) >= 4.5:
        assert shade == colour  # a colour that is good enough is used as it is


def test_derived_shade_keeps_the_hue():
    shade = kleur.accessible("#f5d000")  # a yellow becomes a dark yellow (olive), not grey or brown-red
    r, g, b = (int(shade[i : i + 2], 16) for i in (1, 3, 5))
    assert r > b and g > b and abs(r - g) < 40


# -- SVG sanitising ---------------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://x.example"/></foreignObject>',
    '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
    '<image href="https://tracker.example/p.png"/>',
    '<use href="https://x.example/s.svg#a"/>',
    '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="data:image/svg+xml,&lt;svg/&gt;"/>',
    '<rect onclick="alert(1)" onload="alert(2)" width="1" height="1"/>',
    '<rect style="fill:url(https://x.example/a.svg#g)" fill="url(//x.example/g)" width="1" height="1"/>',
    "<style>@import url(https://x.example/a.css);</style>",
    "<style>rect{background:url(https://x.example/t.png)}</style>",
    "<style>rect{fill:\\75 rl(https://x.example)}</style>",
    '<animate attributeName="href" to="javascript:alert(1)"/>',
    '<set attributeName="onmouseover" to="alert(1)"/>',
]
DANGER = re.compile(
    r"script|foreignObject|javascript|https?:|//x\.|data:|@import|\bon\w+=|<image|<a\b|animate|<set", re.I
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=5), st.sampled_from(["", "<g>", '<g id="a">']))
def test_hostile_svg_loses_everything_that_runs_or_loads(parts, wrapper):
    inner = "".join(parts)
    body = f"{wrapper}{inner}</g>" if wrapper else inner
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{body}<circle r="3"/></svg>'
    clean = sanitise_svg(svg.encode("utf-8"))
    assert not DANGER.search(clean.replace("http://www.w3.org/2000/svg", "")), clean
    assert "<circle" in clean and 'viewBox="0 0 10 10"' in clean  # the drawing itself stays


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_anything_that_is_not_an_svg_is_refused_or_cleaned(data):
    try:
        clean = sanitise_svg(data)
    except SvgError:
        return
    assert clean.startswith("<svg") and not DANGER.search(clean.replace("http://www.w3.org/2000/svg", ""))


def test_svg_with_entities_is_refused():
    bomb = b'<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>'
    with pytest.raises(SvgError, match="DTD"):
        sanitise_svg(bomb)
    with pytest.raises(SvgError, match="geen SVG"):
        sanitise_svg(b"<html><body>logo</body></html>")


# -- the built site --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def light_site(tmp_path_factory) -> tuple[Path, Path, str]:
    tmp = tmp_path_factory.mktemp("huisstijl")
    content = _content(tmp)
    (content / "media" / "logo.svg").write_text(
        SVG.replace("<rect", '<script>alert(1)</script><rect onclick="alert(1)"'), encoding="utf-8"
    )
    out = tmp / "site"
    result = run_cli("build", content, "-o", out)
    assert result.returncode == 0, result.stderr
    return content, out, result.stdout + result.stderr


def test_logo_in_header_of_full_and_easy_read_pages(light_site):
    _, out, _ = light_site
    for page in ("index.html", "begrijpelijk/index.html", "404.html"):
        soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
        logo = soup.select_one("header .md-logo img.kompas-logo")
        assert logo is not None, page
        assert logo["alt"] == ""  # decorative: the link around it is named by the site's name
        assert soup.select_one("header .md-logo")["aria-label"].startswith("Stichting De Wilgenhoeve")
    published = (out / "assets" / "huisstijl" / "logo.svg").read_text(encoding="utf-8")
    assert "<rect" in published and "script" not in published and "onclick" not in published
    assert not (out / "media" / "logo.svg").exists()  # only the sanitised copy is published


def test_light_colour_becomes_an_accessible_shade_with_a_tip(light_site):
    _, out, _ = light_site
    shade = kleur.accessible(LIGHT)
    css = (out / "assets" / "stylesheets" / "huisstijl.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {shade};" in css and f"--md-typeset-a-color: {shade};" in css
    assert LIGHT not in css.split("*/", 1)[1]
    for page in ("index.html", "begrijpelijk/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        links = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
        assert links[-1].endswith("assets/stylesheets/huisstijl.css"), links  # after ours: its colours win
    output = _said(run_cli("check", light_site[0]))
    assert "huiskleur-aangepast" in output
    ratio = getal(kleur.lowest_contrast(shade), 1, beyond=4.5)
    assert f"Uw huiskleur {LIGHT} heeft als kleur van links en knoppen op wit en de lichte vlakken" in output
    assert f"een contrast van 1,2:1; de site gebruikt daarom {shade} ({ratio}:1)" in output


def test_colour_with_contrast_is_used_as_is_and_no_tip(tmp_path):
    content = _content(tmp_path, colour="#0a6f7d")
    result = run_cli("check", content)
    assert result.returncode == 0 and "huiskleur-aangepast" not in result.stdout


def test_png_logo_is_re_encoded_without_metadata(tmp_path):
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    content = _content(tmp_path, logo="media/Logo Wilgenhoeve.PNG")
    info = PngInfo()
    info.add_text("Author", "Jan Jansen, 06-12345678")
    Image.new("RGB", (1200, 600), "#0a7c8c").save(content / "media" / "Logo Wilgenhoeve.PNG", pnginfo=info)
    out = tmp_path / "site"
    result = run_cli("build", content, "-o", out)
    assert result.returncode == 0, result.stderr
    published = out / "assets" / "huisstijl" / "logo.png"
    with Image.open(published) as image:
        assert image.height <= 192 and "Author" not in image.info
    assert b"Jan Jansen" not in published.read_bytes()


# -- bad input -----------------------------------------------------------------------------------


def test_missing_logo_is_a_fout_with_line_and_nearest_image(tmp_path):
    content = _content(tmp_path, logo="media/logo.svgg")
    result = run_cli("check", content)
    said = _said(result)
    assert result.returncode == 1
    assert "logo-ontbreekt" in said and "Bedoelt u 'media/logo.svg'?" in said
    assert "FOUT (regel 2) [logo-ontbreekt]" in said  # the logo's line


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("media/logo.png", b"dit is geen plaatje", "geen PNG-afbeelding"),
        ("media/logo.gif", b"GIF89a", "SVG, PNG, JPG of WebP"),
        ("media/logo.svg", b"<svg><rect></svg>", "geen leesbare SVG"),
        ("media/logo.svg", b"<html><body/></html>", "geen SVG-tekening"),
    ],
)
def test_logo_that_is_not_an_image_is_a_fout(tmp_path, name, data, reason):
    content = _content(tmp_path, logo=name)
    (content / name).write_bytes(data)
    result = run_cli("check", content)
    assert result.returncode == 1, result.stdout
    assert "FOUT (regel 2) [logo-geen-afbeelding]" in _said(result) and reason in _said(result)


@pytest.mark.parametrize("written", ["blauw", '"#12345"', "'#ggg'", "12"])
def test_colour_that_is_not_a_colour_is_a_fout_with_line(tmp_path, written):
    content = _content(tmp_path)
    _set(content, "huiskleur", written)
    result = run_cli("check", content)
    assert result.returncode == 2
    assert "kompas.yml, regel 3 · sleutel 'organisatie.huiskleur'" in _said(result)
    assert "geen kleur" in _said(result)


def test_unquoted_colour_read_as_comment_says_to_quote_it(tmp_path):
    content = _content(tmp_path)
    _set(content, "huiskleur", "#0a7c8c")
    result = run_cli("check", content)
    text = _said(result)
    assert result.returncode == 2
    assert "aanhalingstekens" in text and 'huiskleur: "#0a7c8c"' in text and "kompas.yml, regel 3" in text


# -- in a real browser -----------------------------------------------------------------------------

TITLE_BOX = """() => {
  const title = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const logo = document.querySelector('.md-header__button.md-logo img');
  const box = el => el ? el.getBoundingClientRect() : null;
  return {title: box(title), logo: box(logo), text: title ? title.textContent.trim() : '',
          scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
          clipped: title ? title.scrollWidth > title.clientWidth + 1 : true};
}"""


def test_light_colour_passes_the_audit_at_three_sizes(light_site):
    """A deliberately light house colour: the derived shade keeps every page clean under axe."""
    _, out, _ = light_site
    result = run_cli("audit", out, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0, report.get("overtredingen")
    assert report["vensters"] == ["320×640", "375×812", "1280×720"]
    assert len(report["paginas"]) > 10


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_logo_never_pushes_the_title_out(browser, light_site, size):
    _, out, _ = light_site
    with serve_folder(out) as url:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        for path in ("", "begrijpelijk/"):
            page.goto(url + path, wait_until="load")
            box = page.evaluate(TITLE_BOX)
            assert box["logo"] is not None and box["logo"]["width"] > 0, path
            assert box["scroll"] <= box["width"], f"{path} scrolt zijwaarts op {size}"
            title = box["title"]
            assert title is not None and "Wilgenhoeve" in box["text"]
            assert title["left"] >= 0 and title["right"] <= size["width"], f"{path}: titel valt buiten beeld"
            assert title["left"] >= box["logo"]["right"], f"{path}: logo over de titel"
            assert not box["clipped"], f"{path}: titel afgekapt op {size}"
        context.close()
