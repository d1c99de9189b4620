"""What a new-user trial found in the Word export, the easy-read text and the published HTML: the easy-read
goals in the Word file, one sentence per line, links to '.md' pages in the author's own HTML."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from browser_helpers import SIZES
from bs4 import BeautifulSoup
from conftest import copy_example, run_cli, run_kompas
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas_site.audit import serve_folder
from kompas_site.pipeline import run

SPEERPUNTEN_MAKKELIJK = "begrijpelijk/speerpunten.md"


def export(example: Path, tmp_path: Path, capsys) -> docx.document.Document:
    target = tmp_path / "makkelijk.docx"
    code, _, err = run_kompas("export", "--docx", example, "-o", target, capsys=capsys)
    assert code == 0, err
    return docx.Document(str(target))


def paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, " ".join(p.text.split())) for p in document.paragraphs if p.text.strip()]


# -- 1. the easy-read goals are in the Word file -----------------------------------------------------------


def test_every_easy_read_goal_is_in_the_word_file_in_order_with_its_parts(example, tmp_path, capsys):
    page = run(example).pages[SPEERPUNTEN_MAKKELIJK]
    soup = BeautifulSoup(page.markdown, "html.parser")
    titles = [" ".join(h.get_text().split()) for h in soup.select("h3.kompas-speerpunt__titel")]
    parts = [" ".join(p.get_text().split()) for p in soup.select("section.kompas-speerpunt p") if p.find("strong")]
    assert len(titles) >= 5 and parts  # the example has goals, some with 'Dit willen we' and more
    found = paragraphs(export(example, tmp_path, capsys))
    texts = [text for _, text in found]
    # every title, as a heading, in the order of the page
    headings = [text for style, text in found if style.startswith("Heading")]
    positions = [headings.index(title) for title in titles]
    assert positions == sorted(positions)
    assert all(style == "Heading 3" for style, text in found if text in titles)
    # 'Dit willen we: ...', 'Dit is er gebeurd: ...', 'Dit doen we nu: ...' with their text, in order
    at = [texts.index(part) for part in parts]
    assert at == sorted(at)
    assert any(part.startswith("Dit willen we:") for part in parts)
    document = export(example, tmp_path / "2", capsys)
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "Dit willen we:" in bold
    # the status icon is a drawing hidden from screen readers: not in the file; the status word is
    assert not any("<svg" in text or "viewBox" in text for text in texts)
    assert "Gelukt" in texts


def test_no_heading_is_written_twice_and_each_page_title_once(example, tmp_path, capsys):
    found = paragraphs(export(example, tmp_path, capsys))
    for (style, text), (next_style, next_text) in zip(found, found[1:], strict=False):
        if style.startswith("Heading") and next_style.startswith("Heading"):
            assert text != next_text, text
    titles = [text for style, text in found if style == "Heading 1"]
    for title in ("Onze verbeterpunten", "Moeilijke woorden"):
        assert sum(1 for _, text in found if text == title) == 1, title
        assert title in titles


def test_the_authors_own_html_block_comes_out_as_headings_paragraphs_and_lists(example, tmp_path, capsys):
    twin = example / "04-leren/index.begrijpelijk.md"
    text = twin.read_text(encoding="utf-8")
    twin.write_text(
        text + '\n<div class="kader">\n<h2>Wat moet je <em>weten</em>?</h2>\n'
        '<p><svg aria-hidden="true"><text>ICOON</text></svg>Lees dit <b>eerst</b>.</p>\n'
        "<ul><li>Punt een &amp; twee</li><li>Punt drie</li></ul>\n</div>\n",
        encoding="utf-8",
    )
    found = paragraphs(export(example, tmp_path, capsys))
    at = found.index(("Heading 2", "Wat moet je weten?"))
    assert found[at + 1 : at + 4] == [
        ("Normal", "Lees dit eerst."),
        ("List Bullet", "Punt een & twee"),
        ("List Bullet", "Punt drie"),
    ]
    assert not any("ICOON" in text for _, text in found)


# -- 2. one sentence per line, in easy-read pages ----------------------------------------------------------

LEREN = "04-leren/index.begrijpelijk.md"


def test_the_examples_sentence_lines_break_on_the_site_on_paper_and_in_word(example, tmp_path, capsys):
    build = run(example)
    assert "Jij wilt goede begeleiders.<br>\nDaarom" in build.pages[LEREN].markdown
    # the author's own text, which the readability check reads, is as written
    twin = next(t for t in build.report.twins if t.path == LEREN)
    assert "<br>" not in twin.body
    # the site
    out = tmp_path / "site"
    code, _, err = run_kompas("build", example, "-o", out, capsys=capsys)
    assert code == 0, err
    soup = BeautifulSoup((out / build.pages[LEREN].output).read_text(encoding="utf-8"), "html.parser")
    paragraph = next(p for p in soup.find_all("p") if p.get_text().startswith("Jij wilt"))
    assert len(paragraph.find_all("br")) == 3
    assert " ".join(paragraph.get_text(" ").split()) == (
        "Jij wilt goede begeleiders. Daarom blijven onze begeleiders leren. Soms op een cursus. "
        "Maar vooral in hun werk, van elkaar."
    )
    # the paper booklet reads the same page text
    from kompas_site.paper.documents import _markdown

    assert _markdown(build.pages[LEREN].markdown).count("<br") >= 3
    # the Word file: one paragraph with a line break after each sentence, no extra space
    document = export(example, tmp_path, capsys)
    para = next(p for p in document.paragraphs if p.text.startswith("Jij wilt"))
    assert para.text == (
        "Jij wilt goede begeleiders.\nDaarom blijven onze begeleiders leren.\nSoms op een cursus.\n"
        "Maar vooral in hun werk, van elkaar."
    )


def test_hard_wrapped_prose_lists_code_tables_and_headings_are_left_alone():
    from kompas_site.assemble.begrijpelijk import sentence_lines

    text = (
        "Een zin die doorloopt\nop de volgende regel.\nEn dan de tweede.\n\n"
        "- Een punt.\n- Nog een punt.\n\n"
        "```\nprint('a.')\nprint('b.')\n```\n\n"
        "    ingesprongen code.\n    nog meer.\n\n"
        "| Wat. | Hoeveel |\n|---|---|\n| Koffie. | 3 |\n\n"
        "Kop met punt.\n=============\n\n"
        '<div class="kader">\nIn HTML.\nNog in HTML.\n</div>\n\n'
        '!!! note "Let op:"\n    Dit is een melding.\n\n'
        'Zij zei: "Ja."\r\nDe laatste regel.\r\n'
    )
    out = sentence_lines(text)
    assert out.replace("<br>", "") == text
    assert out.count("<br>") == 2
    assert "op de volgende regel.<br>\nEn dan" in out
    assert 'Zij zei: "Ja."<br>\r\nDe laatste' in out


@st.composite
def easy_documents(draw) -> str:
    words = st.text(alphabet="abcdeëéz ABC.,!?:;'\"()[]*_`<>&\\-#|", min_size=1, max_size=30)
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["paragraph", "code", "table", "list", "quote"]))
        lines = draw(st.lists(words, min_size=1, max_size=5))
        lines = [line.strip() or "x" for line in lines]
        if kind == "paragraph":
            blocks.append("\n".join(lines))
        elif kind == "code":
            blocks.append("```\n" + "\n".join(lines) + "\n```")
        elif kind == "table":
            cells = [line.replace("|", "/") or "x" for line in lines]
            blocks.append("| a | b |\n|---|---|\n" + "\n".join(f"| {c} | z. |" for c in cells))
        elif kind == "list":
            blocks.append("\n".join(f"- {line}" for line in lines))
        else:
            blocks.append("\n".join(f"> {line}" for line in lines))
    return "\n\n".join(blocks) + "\n"


def _visible(markdown: str) -> str:
    from kompas_site.markdown import parser

    html = parser().render(markdown).replace("<br>", " ")
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(easy_documents())
def test_sentence_lines_only_add_breaks_and_never_touch_code_or_tables(text):
    from kompas_site.assemble.begrijpelijk import sentence_lines
    from kompas_site.markdown import tokens

    out = sentence_lines(text)
    assert out.replace("<br>", "") == text  # only breaks are added
    assert _visible(out) == _visible(text)  # what a reader sees is the same text
    before = [t for t in tokens(text) if t.type in ("fence", "code_block", "table_open", "bullet_list_open")]
    after = [t for t in tokens(out) if t.type in ("fence", "code_block", "table_open", "bullet_list_open")]
    assert [(t.type, t.content) for t in before] == [(t.type, t.content) for t in after]
    for token in tokens(text):  # every line of a code block or table is as written
        if token.type in ("fence", "code_block", "table_open") and token.map:
            start, end = token.map
            assert out.split("\n")[start:end] == text.split("\n")[start:end]


# -- 5. a link to a '.md' page in the author's own HTML ----------------------------------------------------


def test_links_to_md_pages_in_the_authors_html_go_to_the_pages_address(example, tmp_path, capsys):
    page = example / "01-over-ons/index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n<p class="zie-ook">Lees <a href="../06-visitatie/index.md#wie-kwamen">het verslag</a>, '
        "<a href='../05-speerpunten/Terugblik.md'>de terugblik</a>, "
        '<a href="zo-maakten-we-dit.begrijpelijk.md">makkelijk</a>, '
        '<a href="https://example.org/uitleg.md">elders</a> en <a href="../weg.md">weg</a>.</p>\n',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    code, _, err = run_kompas("build", example, "-o", out, capsys=capsys)
    assert code in (0, 1), err
    build = run(example)
    here = out / build.pages["01-over-ons/index.md"].output
    soup = BeautifulSoup(here.read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("p.zie-ook a")}
    for text, source in [
        ("het verslag", "06-visitatie/index.md"),
        ("de terugblik", "05-speerpunten/terugblik.md"),
        ("makkelijk", "01-over-ons/zo-maakten-we-dit.begrijpelijk.md"),
    ]:
        href = links[text]
        assert ".md" not in href, href
        target = (here.parent / href.split("#")[0]).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target == (out / build.pages[source].output).resolve(), (text, href)
    assert links["het verslag"].endswith("#wie-kwamen")
    assert links["elders"] == "https://example.org/uitleg.md"  # another host: as written
    assert links["weg"] == "../weg.md"  # no such page: as written


# -- 4. a long organisation name without a logo wraps in the header, never cut off ------------------------

LONG_NAME = "Stichting Zorgboerderij en Dagbesteding De Wilgenhoeve Lindenveen-Zuid"
assert len(LONG_NAME) == 70

TITLE_BOX = """() => {
  const title = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const box = title ? title.getBoundingClientRect() : null;
  return {title: box, text: title ? title.textContent.trim() : '', logo: !!document.querySelector('.kompas-logo'),
          scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
          clipped: title ? title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1
                         : true};
}"""


@pytest.fixture(scope="module")
def long_name_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("lange-naam")
    content = tmp / "content"
    copy_example(content)
    settings_file = content / "kompas.yml"
    lines = settings_file.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not line.strip().startswith("logo:")]
    lines = [f"  naam: {LONG_NAME}" if line == "  naam: Stichting De Wilgenhoeve" else line for line in lines]
    settings_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp / "site"
    # a concept build: the previous edition names the organisation's short name, which is a finding here
    result = run_cli("build", content, "-o", out, "--concept")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_a_long_name_without_a_logo_wraps_and_is_never_cut_off(browser, long_name_site, size):
    with serve_folder(long_name_site) as url:
        context = browser.new_context(viewport=size)
        page = context.new_page()
        for path in ("", "begrijpelijk/"):
            page.goto(url + path, wait_until="load")
            box = page.evaluate(TITLE_BOX)
            assert not box["logo"], path
            assert box["text"].startswith(LONG_NAME), path
            assert box["scroll"] <= box["width"], f"{path} scrolt zijwaarts op {size}"
            title = box["title"]
            assert title["left"] >= 0 and title["right"] <= size["width"], f"{path}: titel valt buiten beeld"
            assert not box["clipped"], f"{path}: titel afgekapt op {size}"
            if size["width"] < 700:
                page.screenshot(
                    path=str(long_name_site.parent / f"kop-{size['width']}-{path.strip('/') or 'home'}.png")
                )
        context.close()
