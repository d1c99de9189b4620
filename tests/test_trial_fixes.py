"""What a new user's trial found: file names with spaces, plain-text downloads with personal data, a link to a
missing download, and misspelt keys that were silently ignored."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import markdown as python_markdown
from conftest import run_kompas
from fotos import picture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompas_site.check.rules.sleutels import ENGINE_KEYS, meant
from kompas_site.load.schemas import front_matter_keys
from kompas_site.markdown import angle_spaced_destinations, tokens
from kompas_site.render import siteconfig

PAGE = "06-visitatie/index.md"


def append(example: Path, lines: list[str], page: str = PAGE, *, crlf: bool = False) -> int:
    """Append lines to a page; return the file line of the first."""
    path = example / page
    text = path.read_text(encoding="utf-8")
    first = text.count("\n") + 3
    text = text + "\n\n" + "\n".join(lines) + "\n"
    path.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    return first


def findings(example: Path, capsys) -> list[dict]:
    _, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    return json.loads(out)["findings"]


def site_markdown(text: str) -> str:
    extensions = siteconfig.MARKDOWN_EXTENSIONS
    return python_markdown.markdown(
        text, extensions=list(extensions), extension_configs={k: v for k, v in extensions.items() if v}
    )


def checker_targets(text: str) -> list[str]:
    found = []
    for token in tokens(text):
        for child in token.children or ():
            if child.type == "image":
                found.append(unquote(str(child.attrs["src"])))
            elif child.type == "link_open":
                found.append(unquote(str(child.attrs["href"])))
    return found


def site_targets(html: str) -> list[str]:
    return [unquote(m) for m in re.findall(r'(?:href|src)="([^"]*)"', html)]


# --- 1. file names with spaces ------------------------------------------------------------------------


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'éë", min_size=1, max_size=8)


@st.composite
def spaced_names(draw) -> str:
    """A file name as Windows users write them: words with spaces, maybe '(2)' or '(concept)' in it."""
    words = draw(st.lists(_WORD, min_size=2, max_size=5))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(words)))
        words.insert(at, "(" + draw(st.sampled_from(["2", "concept", "v3 def"])) + ")")
    return " ".join(words) + draw(st.sampled_from([".pdf", ".docx", ".jpg", ".TXT", ".xlsx"]))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(spaced_names(), st.sampled_from(["[Het verslag]", "![Een foto van de dag]"]), st.sampled_from(["", " "]))
def test_checker_and_site_read_the_same_link_for_a_name_with_spaces(name, opening, pad):
    text = f"Lees {opening}({pad}../bijlagen/{name}{pad}) en [de cijfers](../bijlagen/cijfers.xlsx).\n"
    fixed = angle_spaced_destinations(text)
    assert fixed.count("\n") == text.count("\n")
    wanted = [f"../bijlagen/{name}", "../bijlagen/cijfers.xlsx"]
    assert checker_targets(fixed) == wanted
    assert site_targets(site_markdown(fixed)) == wanted
    assert angle_spaced_destinations(fixed) == fixed  # twice is once


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="[]()<>`\"' ab.pdf/\n\\!{}", max_size=60))
def test_the_rewrite_keeps_every_line_and_only_adds_angle_brackets(text):
    fixed = angle_spaced_destinations(text)
    assert fixed.count("\n") == text.count("\n")
    assert fixed.replace("<", "").replace(">", "") == text.replace("<", "").replace(">", "")


def test_code_titles_and_links_without_a_file_are_left_alone():
    text = (
        "`[a](b c.pdf)` staat in code.\n\n"
        "```\n[a](b c.pdf)\n```\n\n"
        "    [a](b c.pdf)\n\n"
        '[a](b.pdf "een titel")\n'
        "[a](geen bestand)\n"
        "[a](<al goed.pdf>)\n"
    )
    assert angle_spaced_destinations(text) == text


def test_a_photo_and_a_download_with_spaces_in_their_names_are_published(example, tmp_path, capsys):
    media = example / "media"
    media.mkdir(exist_ok=True)
    picture((1200, 800)).save(media / "teamdag-2025 (2).jpg", "JPEG")
    (example / "bijlagen").mkdir(exist_ok=True)
    (example / "bijlagen" / "Werkwijze ondersteuningsplan v3.docx").write_bytes(b"PK\x03\x04" + b"w" * 12_000)
    append(
        example,
        [
            '![Begeleiders tijdens de teamdag.](../media/teamdag-2025 (2).jpg){ bron="Archief" }',
            "",
            "Lees de [Werkwijze (docx)](../bijlagen/Werkwijze ondersteuningsplan v3.docx) erbij.",
        ],
        crlf=True,
    )
    found = findings(example, capsys)
    assert not [f for f in found if "Werkwijze" in f["message"] or "teamdag" in f["message"]]
    code, _, err = run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)
    assert code == 0, err
    html = (tmp_path / "site" / "visitatie" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<picture>\s*<source[^>]*teamdag-2025-2-", html), "the photo goes through the photo pipeline"
    assert "Werkwijze (docx) (docx, 12 KB)</a>" in html
    assert (tmp_path / "site" / "bijlagen" / "Werkwijze ondersteuningsplan v3.docx").is_file()
    assert not (tmp_path / "site" / "media" / "teamdag-2025 (2).jpg").exists()  # only the processed copies


def test_the_tip_for_an_unlinked_download_suggests_a_link_that_works_for_a_name_with_spaces(example, capsys):
    (example / "bijlagen").mkdir(exist_ok=True)
    (example / "bijlagen" / "Werkwijze plan (v3).docx").write_bytes(b"PK\x03\x04" + b"w" * 100)
    tip = next(f for f in findings(example, capsys) if f["code"] == "niet-gepubliceerd")
    link = re.search(r"\[Werkwijze plan \(v3\)\.docx\]\([^\n]*?\.docx>?\)", tip["message"])
    assert link, tip["message"]
    assert checker_targets(link.group()) == ["../bijlagen/Werkwijze plan (v3).docx"]


# --- 2. plain-text downloads ------------------------------------------------------------------------------


def test_a_phone_number_in_a_linked_text_download_is_a_fout_with_the_downloads_line(example, capsys):
    bijlagen = example / "bijlagen"
    bijlagen.mkdir(exist_ok=True)
    # Notepad on Windows: Windows-1252 (the ë is not UTF-8) and CRLF line ends
    (bijlagen / "aantekeningen MT.txt").write_bytes(
        "Overleg met de familie Jansen (Noël)\r\n\r\nBel mevrouw terug op 06-12345678 na het weekend.\r\n".encode(
            "cp1252"
        )
    )
    (bijlagen / "uitkomsten.csv").write_text("naam;mail\nthuis;8,5\nvraag;j.devries@example.nl\n", encoding="utf-8")
    (bijlagen / "niet gelinkt.txt").write_text("Bel 06-87654321\n", encoding="utf-8")
    append(
        example,
        ["[De aantekeningen](<../bijlagen/aantekeningen MT.txt>) en [de uitkomsten](../bijlagen/uitkomsten.csv)"],
    )
    found = [f for f in findings(example, capsys) if f["code"] == "persoonsgegevens"]
    assert [(f["file"], f["line"], f["severity"]) for f in found] == [
        ("bijlagen/aantekeningen MT.txt", 3, "fout"),
        ("bijlagen/uitkomsten.csv", 3, "fout"),
    ]
    assert "telefoonnummer" in found[0]["message"] and "12345678" not in found[0]["message"]
    assert "van deze download" in found[0]["message"]


def test_the_organisations_own_address_in_a_download_is_no_finding(example, capsys):
    (example / "bijlagen").mkdir(exist_ok=True)
    assert "email: kwaliteit@example.org" in (example / "kompas.yml").read_text(encoding="utf-8")
    (example / "bijlagen" / "contact.txt").write_text("Mail ons: Kwaliteit@example.org\n", encoding="utf-8")
    append(example, ["[Contact](../bijlagen/contact.txt)"])
    assert not [f for f in findings(example, capsys) if f["code"] == "persoonsgegevens"]


# --- 3. a link to a missing download ----------------------------------------------------------------------


def test_a_link_to_a_download_that_differs_only_in_capitals_is_a_fout_that_says_so(example, capsys):
    (example / "bijlagen").mkdir(exist_ok=True)
    (example / "bijlagen" / "Visitatieverslag-2025-Definitief.PDF").write_bytes(b"%PDF-1.4\n")
    line = append(
        example,
        [
            "Het [verslag](../bijlagen/visitatieverslag-2025-definitief.pdf).",
            "",
            "Het [oude verslag](../bijlagen/visitatieverslg-2025-definitief.pdf) en [een plan](../bijlagen/plan.docx).",
        ],
    )
    found = findings(example, capsys)
    assert not [f for f in found if f["code"] == "link-kapot"]
    missing = [f for f in found if f["code"] == "download-ontbreekt"]
    assert [(f["file"], f["line"], f["severity"]) for f in missing] == [
        (PAGE, line, "fout"),
        (PAGE, line + 2, "fout"),
        (PAGE, line + 2, "fout"),
    ]
    assert "alleen de hoofdletters" in missing[0]["message"]
    assert "[tekst](../bijlagen/Visitatieverslag-2025-Definitief.PDF)" in missing[0]["message"]
    assert "Bedoelt u '../bijlagen/Visitatieverslag-2025-Definitief.PDF'?" in missing[1]["message"]
    assert "hoofdletters" not in missing[1]["message"]
    code, _, _ = run_kompas("check", example, capsys=capsys)
    assert code != 0


def test_a_link_to_a_missing_page_or_photo_is_still_link_kapot(example, capsys):
    line = append(example, ["Zie [de visie](../01-over-ons/visei.md) en [het plan](../bijlagen/bestaat-niet.docx)."])
    found = findings(example, capsys)
    assert sorted((f["code"], f["line"]) for f in found if f["code"] in ("link-kapot", "download-ontbreekt")) == [
        ("download-ontbreekt", line),
        ("link-kapot", line),
    ]


# --- 4. misspelt keys ---------------------------------------------------------------------------------------


def test_a_misspelt_key_on_a_goal_is_a_fout_with_line_and_the_nearest_key(example, capsys):
    path = example / "speerpunten.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "status: behaald")
    lines[at] = lines[at].replace("status:", "staus:")
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code != 0
    assert f"speerpunten.yml, regel {at + 1}" in err
    assert "De sleutel 'staus' kennen we niet" in err and "Bedoelt u 'status'?" in err
    assert "'resultaat'" in err and "'vervolg'" in err  # the valid keys are listed


def test_a_misspelt_front_matter_key_is_a_warning_with_line_and_the_key_meant(example, capsys):
    story = sorted(p for p in (example / "verhalen").glob("*.md") if p.name != "index.md")[0]
    text = story.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    story.write_bytes(("---\r\npseudonym: ja\r\n" + text[4:].replace("\n", "\r\n")).encode("utf-8"))
    page = example / "01-over-ons" / "index.md"
    text = page.read_text(encoding="utf-8")
    own = "description: Over ons\nhide:\n  - toc\ntags: [organisatie]\nmijn_notitie: nog nakijken\n"
    page.write_text("---\nondertekeningen:\n  - naam: Riek\n" + own + text[4:], encoding="utf-8")
    found = [f for f in findings(example, capsys) if f["code"] == "sleutel-onbekend"]
    rel = story.relative_to(example).as_posix()
    assert [(f["file"], f["line"], f["severity"]) for f in found] == [
        ("01-over-ons/index.md", 2, "waarschuwing"),
        (rel, 2, "waarschuwing"),
    ]
    assert "Bedoelt u 'ondertekening'?" in found[0]["message"]
    assert "Bedoelt u 'pseudoniem'?" in found[1]["message"] and "naam" in found[1]["message"]
    assert "veranderd" in found[1]["message"]


@given(st.sampled_from(front_matter_keys()) | st.sampled_from(sorted(ENGINE_KEYS)))
def test_no_known_key_is_ever_reported(key):
    assert meant(key) is None


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_ ", min_size=1, max_size=20))
def test_a_reported_key_is_always_close_to_a_key_we_read(key):
    right = meant(key)
    assert right is None or (right in front_matter_keys() and right != key)
