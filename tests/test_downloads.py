"""Downloads: each link says the file's type and size; only downloads of a known type are published; a PDF a
screen reader cannot read well (no tag structure, no language) or cannot open at all is a warning."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pikepdf
from conftest import run_kompas

from kompas_site.assemble.downloads import label_downloads, size_label

PAGE = "06-visitatie/index.md"


def make_pdf(path: Path, *, tagged: bool, padding: int = 0) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    if tagged:
        pdf.Root.Lang = pikepdf.String("nl-NL")
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    if padding:
        pdf.Root.Opvulling = pdf.make_indirect(pikepdf.Stream(pdf, os.urandom(padding)))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.save(path, compress_streams=False)


def add_links(example: Path, lines: list[str], *, crlf: bool = False) -> tuple[str, int]:
    """Append links to the visitatie page; return the page's path and the file line of the first link."""
    page = example / PAGE
    text = page.read_text(encoding="utf-8")
    first = text.count("\n") + 3
    text = text + "\n\n" + "\n\n".join(lines) + "\n"
    page.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    return PAGE, first


def findings(example: Path, capsys) -> list[dict]:
    _, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    return json.loads(out)["findings"]


def site_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_every_download_link_shows_type_and_size_in_dutch(example, tmp_path, capsys):
    bijlagen = example / "bijlagen"
    make_pdf(bijlagen / "visitatieverslag.pdf", tagged=True, padding=1_300_000)
    (bijlagen / "Jaarverslag 2025 definitief.docx").write_bytes(b"PK\x03\x04" + b"w" * (48 * 1024 - 4))
    (bijlagen / "Cijfers.XLSX").write_bytes(b"PK\x03\x04" + b"x" * 2000)
    (bijlagen / "uitkomsten.csv").write_bytes(b"vraag;score\r\nthuis;8,5\r\n")
    add_links(
        example,
        [
            "[Het visitatieverslag](../bijlagen/visitatieverslag.pdf)",
            "[Het jaarverslag](<../bijlagen/Jaarverslag 2025 definitief.docx>) en "
            '[de cijfers](../bijlagen/Cijfers.XLSX "Alle cijfers")',
            "[De uitkomsten](../bijlagen/uitkomsten.csv), en [nog eens het verslag](../bijlagen/visitatieverslag.pdf)",
        ],
        crlf=True,
    )
    code, _, err = run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)
    assert code == 0, err
    html = (tmp_path / "site" / "visitatie" / "index.html").read_text(encoding="utf-8")
    texts = {unquote(h): t for h, t in re.findall(r'<a href="([^"]*bijlagen/[^"]*)"[^>]*>(.*?)</a>', html)}
    assert texts == {
        "../bijlagen/visitatieverslag.pdf": "nog eens het verslag (pdf, 1,2 MB)",  # the last of the two
        "../bijlagen/Jaarverslag 2025 definitief.docx": "Het jaarverslag (docx, 48 KB)",
        "../bijlagen/Cijfers.XLSX": "de cijfers (xlsx, 2 KB)",
        "../bijlagen/uitkomsten.csv": "De uitkomsten (csv, 1 KB)",
    }
    assert "Het visitatieverslag (pdf, 1,2 MB)</a>" in html
    assert html.count("(pdf, 1,2 MB)") == 2
    files = site_files(tmp_path / "site")
    assert {"bijlagen/visitatieverslag.pdf", "bijlagen/Cijfers.XLSX", "bijlagen/uitkomsten.csv"} <= set(files)
    # labelling the finished page again changes nothing
    published = {f: tmp_path / "site" / f for f in files if f.startswith("bijlagen/")}
    assert label_downloads(html, "visitatie/", published) == html


def test_sizes_in_dutch_notation():
    assert size_label(0) == "1 KB"
    assert size_label(48 * 1024) == "48 KB"
    assert size_label(1023 * 1024) == "1.023 KB"
    assert size_label(1500) == "1 KB" and size_label(2000) == "2 KB"
    assert size_label(int(1.3 * 1024 * 1024)) == "1,3 MB"
    assert size_label(int(9.97 * 1024 * 1024)) == "10 MB"
    assert size_label(1024 * 1024) == "1,0 MB"
    assert size_label(25 * 1024 * 1024) == "25 MB"


def test_an_untagged_pdf_is_a_warning_and_a_tagged_one_is_not(example, capsys):
    make_pdf(example / "bijlagen" / "zonder-labels.pdf", tagged=False)
    make_pdf(example / "bijlagen" / "toegankelijk.pdf", tagged=True)
    page, line = add_links(
        example, ["[Het oude verslag](../bijlagen/zonder-labels.pdf)", "[Het verslag](../bijlagen/toegankelijk.pdf)"]
    )
    found = [f for f in findings(example, capsys) if f["code"].startswith("pdf-")]
    assert len(found) == 1, found
    warning = found[0]
    assert warning["code"] == "pdf-niet-toegankelijk" and warning["severity"] == "waarschuwing"
    assert (warning["file"], warning["line"]) == (page, line)
    assert "zonder-labels.pdf" in warning["message"]
    assert "schermlezer" in warning["message"]
    assert "Documentstructuurlabels voor toegankelijkheid" in warning["message"]
    assert "geen labels" in warning["message"] and "taal van het document" in warning["message"]


def test_a_pdf_with_tags_but_without_a_language_is_a_warning_that_names_the_language(example, capsys):
    path = example / "bijlagen" / "zonder-taal.pdf"
    make_pdf(path, tagged=True)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        del pdf.Root.Lang
        pdf.save(path)
    add_links(example, ["[Verslag](../bijlagen/zonder-taal.pdf)"])
    found = [f for f in findings(example, capsys) if f["code"] == "pdf-niet-toegankelijk"]
    assert len(found) == 1
    assert "taal van het document staat er niet in" in found[0]["message"]
    assert "geen labels" not in found[0]["message"]


def test_a_damaged_pdf_is_a_warning_not_a_crash(example, tmp_path, capsys):
    (example / "bijlagen").mkdir(exist_ok=True)
    (example / "bijlagen" / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Cat")
    (example / "bijlagen" / "word.pdf").write_bytes(b"PK\x03\x04 eigenlijk een Word-bestand")
    add_links(example, ["[Kapot](../bijlagen/kapot.pdf)", "[Word](../bijlagen/word.pdf)"])
    found = [f for f in findings(example, capsys) if f["code"] == "pdf-onleesbaar"]
    assert sorted(re.search(r"'([^']+)'", f["message"]).group(1) for f in found) == [
        "bijlagen/kapot.pdf",
        "bijlagen/word.pdf",
    ]
    assert all(f["severity"] == "waarschuwing" and "beschadigd" in f["message"] for f in found)
    code, out, err = run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)
    assert code == 0, err
    assert "Traceback" not in out + err


def test_a_link_to_a_file_type_we_do_not_publish_is_a_fout_and_the_file_stays_out(example, tmp_path, capsys):
    bijlagen = example / "bijlagen"
    bijlagen.mkdir(exist_ok=True)
    for name in ("installeer.exe", "alles.zip", "rapport.docm", "oud.html", "script.js", "Begroting.XLSM"):
        (bijlagen / name).write_bytes(b"MZ inhoud")
    (bijlagen / "LEESMIJ").write_text("zonder soort", encoding="utf-8")
    (bijlagen / "goed.txt").write_text("Een gewone tekst.\r\n", encoding="utf-8")
    page, line = add_links(
        example,
        [
            "[Het programma](../bijlagen/installeer.exe)",
            "[Alles](../bijlagen/alles.zip) en [het rapport](../bijlagen/rapport.docm)",
            '<a href="../bijlagen/oud.html">oud</a> <a href="../bijlagen/script.js">script</a>',
            "[Begroting](../bijlagen/Begroting.XLSM), [lees mij](../bijlagen/LEESMIJ), [goed](../bijlagen/goed.txt)",
        ],
    )
    refused = [f for f in findings(example, capsys) if f["code"] == "download-soort"]
    by_file = {re.search(r"'([^']+)'", f["message"]).group(1): f for f in refused}
    assert set(by_file) == {
        "bijlagen/installeer.exe",
        "bijlagen/alles.zip",
        "bijlagen/rapport.docm",
        "bijlagen/oud.html",
        "bijlagen/script.js",
        "bijlagen/Begroting.XLSM",
        "bijlagen/LEESMIJ",
    }
    assert all(f["severity"] == "fout" and f["file"] == page for f in refused)
    assert by_file["bijlagen/installeer.exe"]["line"] == line
    assert by_file["bijlagen/alles.zip"]["line"] == line + 2
    assert by_file["bijlagen/oud.html"]["line"] == line + 4
    assert "pdf, docx, odt, xlsx, ods, csv en txt" in by_file["bijlagen/installeer.exe"]["message"]
    code, _, _ = run_kompas("build", example, "-o", tmp_path / "site", "--concept", capsys=capsys)
    files = site_files(tmp_path / "site")
    assert "bijlagen/goed.txt" in files
    earlier = "bijlagen/kwaliteitsrapport-2019.pdf"  # the example's earlier edition (kompas.yml)
    assert not [f for f in files if f.startswith("bijlagen/") and f not in ("bijlagen/goed.txt", earlier)], files
    # photos, films and captions that pages use are still published
    assert "media/filmgroep.mp4" in files and "media/filmgroep.nl.vtt" in files
