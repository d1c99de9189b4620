"""The search index (zoeken/index.json) holds the words a reader sees on each page: also the text inside the
HTML blocks that kompas-site makes (a goal's block, a story card), and an '&' where the page shows one."""

from __future__ import annotations

import html
import json

from conftest import PROSE, run_kompas
from hypothesis import given
from hypothesis import strategies as st

from kompas_site.markdown import plain_text

KOMPAS = """organisatie:
  naam: Zorg & Welzijn Noord
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025
"""
GOALS = """speerpunten:
  - id: wonen-werken
    titel: "Wonen & werken: één plan"
    bouwsteen: 1
    status: doorgezet
    doel: Elke bewoner heeft een plan voor wonen en werk.
    toelichting: Op de zorgboerderij hielpen <vrijwilligers> mee, en de dagbesteding ook.
"""


def build(tmp_path, capsys) -> dict[str, dict]:
    content = tmp_path / "content"
    content.mkdir()
    (content / "kompas.yml").write_text(KOMPAS, encoding="utf-8")
    (content / "speerpunten.yml").write_bytes(GOALS.replace("\n", "\r\n").encode("utf-8"))
    (content / "index.md").write_text(
        f'---\ntitle: "Zorg & welzijn"\n---\n\n## Wonen &amp; werken\n\n{PROSE}\n', encoding="utf-8"
    )
    out = tmp_path / "site"
    code, stdout, stderr = run_kompas("build", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, stdout + stderr
    index = json.loads((out / "zoeken" / "index.json").read_text(encoding="utf-8"))
    return {entry["u"]: entry for entry in index}


def test_goal_blocks_are_in_the_search_index(tmp_path, capsys):
    index = build(tmp_path, capsys)
    goals = index["../speerpunten/"]["x"]
    assert "Wonen & werken: één plan" in goals
    assert "Elke bewoner heeft een plan voor wonen en werk." in goals
    assert "Op de zorgboerderij hielpen <vrijwilligers> mee, en de dagbesteding ook." in goals
    assert "&amp;" not in goals and "&lt;" not in goals and "<p" not in goals and "class=" not in goals
    home = index["../"]
    assert home["t"] == "Zorg & welzijn"
    assert home["x"].startswith("Wonen & werken ")


def test_html_blocks_read_as_text():
    block = (
        '<article class="x" markdown>\n<h3 id="a">Wonen &amp; werken</h3>\n'
        '<p>Een <em>korte</em> tekst, met <a href="../x/">een link</a>.</p>\n'
        "<script>var geheim = 1;</script>\n"
        '<svg role="img"><title>Grafiek</title><text>89</text></svg>\n'
        "<!-- een opmerking -->\n\n"
        "Meer lezen: [Voorwoord](../voorwoord/)\n</article>\n"
    )
    assert plain_text(block) == "Wonen & werken Een korte tekst, met een link. Meer lezen: Voorwoord"
    assert plain_text("A &amp; B, C\\&D en &#38; &copy;") == "A & B, C&D en & ©"


# Characters that are no Markdown at the start of a line once the HTML is gone, with those HTML must escape.
TEXT = st.text(alphabet=st.sampled_from("abcdeéëxyzABC 0123456789&<>\"',;:!?"), max_size=60)


@given(TEXT, TEXT)
def test_escaped_text_in_an_html_block_comes_back_as_written(title, text):
    block = f'<div class="kompas-x" markdown>\n<h3>{html.escape(title)}</h3>\n<p>{html.escape(text)}</p>\n</div>\n'
    assert plain_text(block) == " ".join(f"{title} {text}".split())


def test_block_lines_are_not_indexed_as_text_but_by_their_title(example, tmp_path, capsys):
    """'[[verhaal: ...]]', '[[cijfers: ...]]' and '[[meegelezen]]' place a block; a reader never sees them."""
    page = example / "01-over-ons" / "zo-maakten-we-dit.md"
    text = page.read_text(encoding="utf-8").replace("[[meegelezen]]", "  [[ Meegelezen ]]  ")
    page.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # as saved on Windows
    out = tmp_path / "site"
    code, stdout, stderr = run_kompas("build", example, "-o", out, capsys=capsys)
    assert code == 0, stdout + stderr
    raw = (out / "zoeken" / "index.json").read_text(encoding="utf-8")
    assert "[[" not in raw and "]]" not in raw
    index = {entry["u"]: entry["x"] for entry in json.loads(raw)}
    assert "Gert gaat op zichzelf wonen" in index["../zorgproces/"], "the story card by its story's title"
    assert "Zo veilig voelen cliënten en verwanten zich, sinds 2019" in index["../ervaringen/resultaten/"]
    assert "Zo deden we dat: Wat veranderde er" in index["../over-ons/zo-maakten-we-dit/"]
