"""Every plain-text field and every page body holds a script, an event handler, an outside image and a
Markdown image injection: the site built with --concept runs none of them, asks nothing of another host,
and shows the text as text, on a phone and on a desktop."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml
from browser_helpers import guarded_context
from bs4 import BeautifulSoup
from conftest import copy_example

from kompas_site.audit import serve_folder
from kompas_site.check import check_report
from kompas_site.cli import main
from kompas_site.load import load_report

EVIL = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <img src=https://example.org/a.png> "
    "x](https://example.org/b.png) ![y"
)
VISIBLE = "<script>alert(1)</script>"  # how the start of EVIL must read on the page
SIZES = [{"width": 320, "height": 640}, {"width": 375, "height": 812}, {"width": 1280, "height": 720}]


def _hostile_content(tmp_path):
    content = tmp_path / "content"
    copy_example(content)
    settings = yaml.safe_load((content / "kompas.yml").read_text(encoding="utf-8"))
    settings["organisatie"]["naam"] = "De Wilgenhoeve " + EVIL
    settings["verantwoordelijk"] = "Raad van Bestuur " + EVIL
    (content / "kompas.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    goals = yaml.safe_load((content / "speerpunten.yml").read_text(encoding="utf-8"))
    for goal in goals["speerpunten"]:
        goal["titel"] += " " + EVIL
        goal["toelichting"] += " " + EVIL
    (content / "speerpunten.yml").write_text(yaml.safe_dump(goals, allow_unicode=True), encoding="utf-8")
    (content / "woordenlijst.yml").write_text(
        yaml.safe_dump({"dagbesteding": "Werk overdag. " + EVIL, "zorg " + EVIL: "Hulp."}, allow_unicode=True),
        encoding="utf-8",
    )
    for page in content.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        head, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL).groups()
        meta = yaml.safe_load(head) or {}
        meta["title"] = (meta.get("title") or page.stem) + " " + EVIL
        meta["description"] = 'Beschrijving" onmouseover="alert(3)" ' + EVIL
        if "citaat" in meta:
            meta["citaat"] += " " + EVIL
        for foto in meta.get("fotos") or []:
            foto["alt"] = "Foto " + EVIL
        if isinstance(meta.get("video"), dict):
            meta["video"]["titel"] = "Film " + EVIL
            meta["video"]["transcript"] = "Eerste alinea " + EVIL
        body += (
            "\n\n" + EVIL + "\n\n<script>alert(4)</script>\n\n<img src=x onerror=alert(5)>\n\n"
            "![Buiten](https://example.org/c.png)\n\n<iframe src=https://example.org/></iframe>\n"
        )
        page.write_text(
            "---\r\n" + yaml.safe_dump(meta, allow_unicode=True).replace("\n", "\r\n") + "---\r\n" + body,
            encoding="utf-8",
        )
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    try:
        tmp = tmp_path_factory.mktemp("injection")
        content = _hostile_content(tmp)
        assert main(["build", str(content), "-o", str(tmp / "site"), "--concept"]) == 0
    finally:
        monkeypatch.undo()
    return content, tmp / "site"


def test_outside_resources_in_pages_are_fouts(hostile_site):
    content, _ = hostile_site
    findings = [f for f in check_report(load_report(content)).findings if f.code == "extern-geladen"]
    files = {f.file for f in findings}
    assert {"index.md", "verhalen/gert-op-zichzelf.md", "index.begrijpelijk.md"} <= files
    assert all(f.severity == "fout" and f.line for f in findings)


def test_no_script_runs_nothing_loads_from_elsewhere_and_text_stays_text(hostile_site, browser):
    _, site = hostile_site
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 30
    for html in pages:  # nothing of the injection reached the HTML as markup
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert not [t.name for t in soup.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)], html
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()], html
        assert not soup.select("iframe, object, embed, img[src*='example.org'], source[srcset*='example.org']"), html

    def soup_of(path):
        return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")

    story = soup_of("verhalen/gert-op-zichzelf")  # each field shows exactly as written, where it belongs
    assert VISIBLE in story.select_one(".kompas-citaat").get_text()
    assert story.select_one(".kompas-verhaal-foto")["alt"] == "Foto " + EVIL
    assert any(VISIBLE in block.get_text() for block in soup_of("speerpunten").select(".kompas-cyclus__tekst"))
    assert "Raad van Bestuur " + VISIBLE in soup_of(".").select_one(".kompas-feiten").get_text()
    assert "Werk overdag. " + VISIBLE in soup_of("begrijpelijk/woordenlijst").get_text()
    dialogs, outside = [], []
    with serve_folder(site) as base:
        for size in SIZES:
            context = guarded_context(browser, base, outside, viewport=size)
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            for html in pages:
                path = html.relative_to(site).as_posix().removesuffix("index.html")
                response = page.goto(urljoin(base, path), wait_until="load")
                assert response is not None and response.ok, path
                shown = page.inner_text("body")
                assert VISIBLE in shown, path  # the title, at least, shows the script as text
                assert page.locator("img[src*='example.org'], iframe, script:not([src]):text('alert')").count() == 0
            context.close()
    assert dialogs == []
    assert outside == []
