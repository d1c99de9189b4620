"""What a new-user trial found in the Word export, the easy-read text and the published HTML: the easy-read
goals in the Word file, one sentence per line, links to '.md' pages in the author's own HTML."""

from __future__ import annotations

from pathlib import Path

import docx
from bs4 import BeautifulSoup
from conftest import run_kompas

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
