"""``kompas print``: three tagged PDFs from the same source as the site, read back with pikepdf (structure,
language, title, fonts) and pypdfium2 (text, font sizes, positions, pictures of pages)."""

from __future__ import annotations

import builtins
import collections
import ctypes
import http.server
import re
import shutil
import threading
from datetime import date
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
import tinycss2
from conftest import EXAMPLE, run_kompas
from hypothesis import given, settings
from hypothesis import strategies as st

from kompas_site import dutch
from kompas_site.paper import Document, render_pdf
from kompas_site.paper.documents import strings_css

NAMES = ("makkelijk-lezen.pdf", "meeleesversie.pdf", "rapport.pdf")
SHOTS = Path("/tmp/shots-print")
MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    """The example report, printed once for the tests that only read the PDFs."""
    out = tmp_path_factory.mktemp("papier") / "papier"
    from kompas_site.cli import main

    assert main(["print", str(EXAMPLE), "-o", str(out)]) == 0
    return out


def structure(pdf: pikepdf.Pdf) -> tuple[collections.Counter, list]:
    """The structure types in the tag tree, and every Figure element."""
    counts: collections.Counter = collections.Counter()
    figures: list = []
    todo = [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                counts[str(node.S)] += 1
                if node.S == "/Figure":
                    figures.append(node)
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                todo.extend(kids)
            elif isinstance(kids, pikepdf.Dictionary):
                todo.append(kids)
    return counts, figures


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def chars(page) -> list[tuple[str, float, float, float]]:
    """(character, left, baseline, size in points) of every visible character of a page."""
    text = page.get_textpage()
    found = []
    for i in range(text.count_chars()):
        char = chr(pdfium_raw.FPDFText_GetUnicode(text.raw, i))
        if not char.strip():
            continue
        matrix = pdfium_raw.FS_MATRIX()
        pdfium_raw.FPDFText_GetMatrix(text.raw, i, ctypes.byref(matrix))
        size = pdfium_raw.FPDFText_GetFontSize(text.raw, i) * abs(matrix.d)
        left = text.get_charbox(i)[0]
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_raw.FPDFText_GetCharOrigin(text.raw, i, ctypes.byref(x), ctypes.byref(y))
        found.append((char, left, y.value, size))
    return found


# -- the tags a screen reader follows ---------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_pdf_is_tagged_in_dutch_with_a_title_and_pictures_with_their_text(printed, name):
    with pikepdf.open(printed / name) as pdf:
        assert pdf.Root.Lang == "nl"
        assert pdf.Root.MarkInfo.Marked
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        title = str(pdf.docinfo.Title)
        assert "Kwaliteitsbeeld 2025" in title and "Stichting De Wilgenhoeve" in title
        with pdf.open_metadata() as xmp:
            assert xmp.get("dc:title") == title
            assert xmp.get("pdfuaid:part") == "1"
        counts, figures = structure(pdf)
    assert counts["/H1"] == 1  # the document's title; each page of the site is an H2
    assert counts["/H2"] >= 8 and counts["/H3"] >= 10
    assert counts["/P"] > 50
    assert figures, "the pictures are Figures"
    for figure in figures:
        assert str(figure.get("/Alt", "")).strip(), "every Figure has its alt text"


def test_the_report_has_lists_tables_and_the_alt_text_of_the_authors(printed):
    with pikepdf.open(printed / "rapport.pdf") as pdf:
        counts, figures = structure(pdf)
    for tag in ("/L", "/LI", "/LBody", "/Table", "/TR", "/TH", "/TD", "/BlockQuote"):
        assert counts[tag], tag
    alts = {str(f.Alt) for f in figures}
    assert "Gert snijdt groente in zijn nieuwe keuken." in alts  # the story's photo, as the author wrote it
    assert "Een moestuin met houten bakken vol groente bij een dagbesteding." in alts


def test_the_booklet_has_a_table_of_contents_as_a_list(printed):
    with pikepdf.open(printed / "makkelijk-lezen.pdf") as pdf:
        counts, _ = structure(pdf)
    assert counts["/L"] and counts["/LI"] and counts["/Link"]


@pytest.mark.parametrize("name", NAMES)
def test_every_font_is_embedded(printed, name):
    with pikepdf.open(printed / name) as pdf:
        fonts = {}
        for page in pdf.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                fonts[str(font.BaseFont)] = [k for k in described.FontDescriptor if k.startswith("/FontFile")]
    assert fonts and all(files for files in fonts.values()), fonts
    assert any("Atkinson-Hyperlegible" in name for name in fonts)


def test_the_pages_are_in_reading_order(printed):
    """The site's order: the text of the booklet follows the easy-read menu."""
    text = " ".join(" ".join(page_texts(printed / "makkelijk-lezen.pdf")[2:]).split())  # after the contents
    titles = ["Zo maakten we dit kwaliteitsbeeld", "Bouwsteen 1: het zorgproces", "Verslag van de visitatie"]
    places = [text.index(title) for title in titles]
    assert places == sorted(places)
    assert "Moeilijke woorden" in text[places[-1] :]


# -- the large-print booklet ------------------------------------------------------------------------------


def test_all_text_of_the_booklet_is_at_least_14_points_and_body_text_16(printed):
    pdf = pdfium.PdfDocument(printed / "makkelijk-lezen.pdf")
    sizes: collections.Counter = collections.Counter()
    for i in range(len(pdf)):
        for _, _, _, size in chars(pdf[i]):
            sizes[round(size, 1)] += 1
    assert min(sizes) >= 14, sizes
    assert sizes.most_common(1)[0][0] >= 16  # the body text


def test_the_booklet_has_short_lines_page_numbers_and_explains_words_under_the_paragraph(printed):
    pdf = pdfium.PdfDocument(printed / "makkelijk-lezen.pdf")
    texts = page_texts(printed / "makkelijk-lezen.pdf")
    for number, text in enumerate(texts[1:], start=2):
        assert f"Bladzijde {number} van {len(texts)}" in text
    for line in "\n".join(texts).splitlines():
        assert len(re.sub(r"\.{3,}", "", line)) <= 50, line  # about 40 characters on an A5 page at 16 pt
    # a hard word and its explanation on the same page side
    page = next(t for t in texts if "Daarin staat wat jij" in t)
    assert "Ondersteuningsplan: Een plan over jouw" in page.replace("\r\n", " ").replace("\n", " ")
    width = pdf[0].get_size()[0]
    assert round(width / MM) == 148  # A5


def test_a_picture_stands_beside_its_text_as_on_the_site(printed):
    pdf = pdfium.PdfDocument(printed / "makkelijk-lezen.pdf")
    index = next(i for i, t in enumerate(page_texts(printed / "makkelijk-lezen.pdf")) if "veel samen. Koken" in t)
    page = pdf[index]
    images = [obj for obj in page.get_objects() if obj.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE]
    assert images
    left, bottom, right, top = images[0].get_bounds()
    text = page.get_textpage()
    start = text.get_text_range().index("Koken")
    char_left, char_bottom, _, _ = text.get_charbox(start)
    assert char_left > right  # the text is to the right of the picture
    assert bottom < char_bottom < top  # at the same height


# -- the review copy ------------------------------------------------------------------------------------


def line_numbers(page) -> tuple[list[int], int]:
    """The numbers in the left margin of a review page, top to bottom, and the lines of text beside them."""
    found = chars(page)
    margin = 22 * MM  # the page's left margin
    digits: dict[float, str] = {}
    for char, left, bottom, _ in sorted(found, key=lambda c: (-c[2], c[1])):
        if left < margin and char.isdigit():
            key = next((y for y in digits if abs(y - bottom) < 2), bottom)
            digits[key] = digits.get(key, "") + char
    height = page.get_size()[1]
    body = {
        round(bottom)
        for char, left, bottom, size in found
        if margin <= left < 135 * MM and height - bottom > 30 * MM and bottom > 75 * MM and size >= 14
    }
    return [int(digits[y]) for y in sorted(digits, reverse=True)], len(body)


def test_the_review_copy_numbers_every_line_from_one_on_each_page(printed):
    pdf = pdfium.PdfDocument(printed / "meeleesversie.pdf")
    checked = 0
    for i in range(1, len(pdf)):
        numbers, lines = line_numbers(pdf[i])
        if not numbers:
            continue
        assert numbers == list(range(1, len(numbers) + 1)), (i, numbers)
        assert abs(len(numbers) - lines) <= 1, (i, numbers, lines)  # the heading above the file name
        checked += 1
    assert checked >= 8


def _draws_text(xobject) -> bool:
    for _, operator in pikepdf.parse_content_stream(xobject):
        if operator == pikepdf.Operator("BT"):
            return True
    inner = xobject.get("/Resources", {}).get("/XObject", {})
    return any(_draws_text(child) for child in inner.values())


def test_the_line_numbers_are_an_artifact_a_screen_reader_skips(printed):
    """The numbers are the page's background, drawn inside /Artifact: not in the tag tree, still on paper."""
    with pikepdf.open(printed / "meeleesversie.pdf") as pdf:
        page = pdf.pages[3]
        in_artifact, found = False, False
        for operands, operator in pikepdf.parse_content_stream(page):
            if operator == pikepdf.Operator("BMC") and operands[0] == "/Artifact":
                in_artifact = True
            elif operator == pikepdf.Operator("EMC"):
                in_artifact = False
            elif operator == pikepdf.Operator("Do") and in_artifact:
                found = found or _draws_text(page.Resources.XObject[operands[0]])
        assert found
    numbers, _ = line_numbers(pdfium.PdfDocument(printed / "meeleesversie.pdf")[3])
    assert numbers[:3] == [1, 2, 3]


def test_every_review_page_has_the_box_the_date_the_version_and_a_wide_margin(printed):
    texts = page_texts(printed / "meeleesversie.pdf")
    today = dutch.datum(date.today())
    for number, text in enumerate(texts, start=1):
        assert "Wat vinden wij ervan?" in text
        assert f"Gedrukt op {today}" in text
        assert "tekst van " in text and "(versie " in text
        assert f"Bladzijde {number} van {len(texts)}" in text
    pdf = pdfium.PdfDocument(printed / "meeleesversie.pdf")
    width = pdf[3].get_size()[0]
    rightmost = max(left for _, left, _, size in chars(pdf[3]) if size >= 14)
    assert width - rightmost > 70 * MM  # room to write


def test_the_review_copy_names_the_file_of_each_page(printed):
    text = "\n".join(page_texts(printed / "meeleesversie.pdf"))
    assert "Bestand: 02-zorgproces/index.begrijpelijk.md" in text


# -- the full report ------------------------------------------------------------------------------------


def test_the_report_has_every_page_of_the_full_version_and_no_search(printed):
    text = "\n".join(page_texts(printed / "rapport.pdf"))
    for title in (
        "Over De Wilgenhoeve",
        "Verslag van de visitatie",
        "Gert gaat op zichzelf wonen",
        "Waar vind ik wat?",
    ):
        assert title in text
    assert "Waar zoekt u naar?" not in text  # the search form only works on a screen
    assert "Kies welke verhalen" not in text


def test_the_pictures_are_the_processed_copies_without_metadata(printed):
    with pikepdf.open(printed / "rapport.pdf") as pdf:
        widths = []
        for page in pdf.pages:
            for image in page.get_images().values():
                widths.append(int(image.Width))
                assert b"Exif" not in image.read_raw_bytes()[:4096]
    assert widths and max(widths) <= 1600


def test_pictures_of_two_pages_of_each_pdf(printed):
    """Pictures to look at (in /tmp/shots-print); each must have ink on it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        pdf = pdfium.PdfDocument(printed / name)
        for index in (1, min(9, len(pdf) - 1)):
            image = pdf[index].render(scale=1.5).to_pil().convert("L")
            image.save(SHOTS / f"{name.removesuffix('.pdf')}-{index + 1}.png")
            assert image.getextrema()[0] < 60  # dark text on the page


# -- the command ----------------------------------------------------------------------------------------


def test_only_the_three_pdfs_are_written_and_other_files_stay(tmp_path, filled_scaffold, capsys):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    out = tmp_path / "papier"
    out.mkdir()
    (out / "notities.txt").write_text("van mij", encoding="utf-8")
    code, stdout, stderr = run_kompas("print", content, "-o", out, capsys=capsys)
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([*NAMES, "notities.txt"])
    assert (out / "notities.txt").read_text(encoding="utf-8") == "van mij"
    assert "rapport.pdf" in stdout
    first = (out / "rapport.pdf").stat().st_mtime_ns
    code, _, stderr = run_kompas("print", content, "-o", out, capsys=capsys)  # its own PDFs: replaced
    assert code == 0, stderr
    assert (out / "rapport.pdf").stat().st_mtime_ns >= first
    assert not list(tmp_path.glob(".*lock")) and not [p for p in out.iterdir() if p.name.startswith(".")]


def test_a_pdf_kompas_did_not_make_is_not_replaced_without_force(tmp_path, filled_scaffold, capsys):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    out = tmp_path / "bijlagen"
    out.mkdir()
    (out / "rapport.pdf").write_bytes(b"%PDF-1.4 het jaarverslag van de accountant")
    code, _, stderr = run_kompas("print", content, "-o", out, capsys=capsys)
    assert code == 2
    assert "'rapport.pdf'" in stderr and "--force" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["rapport.pdf"]
    assert (out / "rapport.pdf").read_bytes().startswith(b"%PDF-1.4 het jaarverslag")
    code, _, stderr = run_kompas("print", content, "-o", out, "--force", capsys=capsys)
    assert code == 0, stderr
    with pikepdf.open(out / "rapport.pdf") as pdf:
        assert "kompas-site" in str(pdf.docinfo.Creator)


def test_an_output_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "papier"
    target.write_text("iets", encoding="utf-8")
    code, _, stderr = run_kompas("print", EXAMPLE, "-o", target, capsys=capsys)
    assert code == 2 and "is een bestand, geen map" in stderr
    assert target.read_text(encoding="utf-8") == "iets"


def test_a_report_with_errors_is_printed_only_as_a_concept(tmp_path, filled_scaffold, capsys):
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    page = next(content.rglob("*.begrijpelijk.md"))
    with page.open("a", encoding="utf-8") as stream:  # a picture from another website: fout extern-geladen
        stream.write('\n<img src="https://example.org/volg.png" alt="Een foto van elders">\n')
    out = tmp_path / "papier"
    code, _, stderr = run_kompas("print", content, "-o", out, capsys=capsys)
    assert code == 1
    assert "niet gemaakt, omdat er nog fouten zijn" in stderr and "--concept" in stderr
    assert not out.exists()
    code, stdout, stderr = run_kompas("print", content, "-o", out, "--concept", "--versie", "ronde 2", capsys=capsys)
    assert code == 0, stderr
    assert "CONCEPT" in stdout
    with pikepdf.open(out / "rapport.pdf") as pdf:
        assert "(concept)" in str(pdf.docinfo.Title)
    assert all("ronde 2" in text for text in page_texts(out / "meeleesversie.pdf"))


def test_a_report_without_easy_read_pages_gets_only_the_full_report(tmp_path, filled_scaffold, capsys):
    content = filled_scaffold("generiek-kompas", "kwaliteitsbeeld", 2025)
    for twin in content.rglob("*.begrijpelijk.md"):
        twin.unlink()
    out = tmp_path / "papier"
    code, stdout, stderr = run_kompas("print", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, stderr
    assert [p.name for p in out.iterdir()] == ["rapport.pdf"]
    assert "geen makkelijke pagina's" in stdout


def test_content_as_people_write_it(tmp_path, filled_scaffold, capsys):
    """Windows line endings, a quoted date, a long name with quotes and a backslash, a table, a broken link,
    an odd file lying around, and raw HTML that tries to load from another host."""
    content = filled_scaffold("gehandicaptenzorg-2023", "kwaliteitsbeeld", 2025)
    kompas = content / "kompas.yml"
    kompas.write_text(
        re.sub(r"publicatiedatum: (\S+)", r'publicatiedatum: "\1"', kompas.read_text(encoding="utf-8"))
        .replace("Stichting Testzorg", 'Stichting "De Lange Naam" \\ Zorg voor Mensen met een Beperking')
        .replace("\n", "\r\n"),
        encoding="utf-8",
    )
    twin = next(content.rglob("*.begrijpelijk.md"))
    twin.write_bytes(
        (
            "---\r\ntitle: 'Wat wij \"vinden\"'\r\n---\r\n\r\nDit is een zin.\r\n\r\n"
            "| Wie | Hoeveel |\r\n|---|---|\r\n| Cliënten | 78 |\r\n\r\n"
            '<img src="https://example.org/volg.png" alt="Volg mij">\r\n\r\n'
            "[Een pagina die er niet is](nergens.md)\r\n"
        ).encode()
    )
    (content / "oud.docx~").write_bytes(b"\x00\x01")
    out = tmp_path / "papier"
    code, _, stderr = run_kompas("print", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, stderr
    text = "\n".join(page_texts(out / "makkelijk-lezen.pdf"))
    assert 'Wat wij "vinden"' in text and "Cliënten" in text and "Een pagina die er niet is" in text
    with pikepdf.open(out / "makkelijk-lezen.pdf") as pdf:
        assert 'De Lange Naam" \\ Zorg' in str(pdf.docinfo.Title)
        counts, _ = structure(pdf)
    assert counts["/Table"] == 1
    assert "Gepubliceerd op 1 juni 2026" in "\n".join(page_texts(out / "rapport.pdf"))


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_a_text_in_the_page_margin_stays_one_css_string(text):
    """Whatever an organisation is called, its name is one CSS string in the margin's stylesheet."""
    rules = tinycss2.parse_stylesheet(strings_css({"organisatie": text, "stempel": "Gedrukt"}), skip_whitespace=True)
    assert len(rules) == 1 and rules[0].type == "qualified-rule"
    declarations = tinycss2.parse_blocks_contents(rules[0].content, skip_whitespace=True)
    assert [d.name for d in declarations] == ["string-set"]
    values = [t for t in declarations[0].value if t.type not in ("whitespace",)]
    assert [t.type for t in values] == ["ident", "string", "literal", "ident", "string"]
    assert values[1].value == "".join(c if c.isprintable() else " " for c in text)


def test_links_inside_a_document_find_their_place_and_ids_are_unique():
    from kompas_site import pipeline
    from kompas_site.paper import documents

    build = pipeline.run(EXAMPLE)
    for document in documents(build, date(2026, 6, 1), "versie 1"):
        ids = re.findall(r'\sid="([^"]*)"', document.html)
        assert len(ids) == len(set(ids)), document.name
        targets = re.findall(r'href="#([^"]*)"', document.html)
        assert targets, document.name
        assert set(targets) <= set(ids), (document.name, set(targets) - set(ids))
        assert ".md" not in "".join(re.findall(r'href="([^"]*)"', document.html))


# -- nothing is fetched, the engine may be missing ---------------------------------------------------------


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_nothing_is_fetched_from_another_host_or_outside_the_theme(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "geheim.png"
    shutil.copy(next((EXAMPLE / "media").glob("*.jpg")), secret)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        page = (
            '<!DOCTYPE html><html lang="nl"><head><title>Proef</title>'
            f'<link rel="stylesheet" href="{url}/stijl.css"></head><body><h1>Proef</h1>'
            f'<p><img src="{url}/foto.png" alt="Van elders"><img src="{secret.as_uri()}" alt="Niet van ons"></p>'
            f'<p style="background: url({url}/achter.png)">Tekst</p></body></html>'
        )
        data = render_pdf(Document("proef.pdf", "Proef", page, "rapport.css"))
    finally:
        server.shutdown()
        server.server_close()
    assert _Counter.hits == []
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert not any(page.get_images() for page in pdf.pages)


def test_a_missing_pango_is_said_in_dutch_with_the_command_to_install_it(monkeypatch, tmp_path, capsys):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    out = tmp_path / "papier"
    code, _, stderr = run_kompas("print", EXAMPLE, "-o", out, capsys=capsys)
    assert code == 2
    assert "sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" in stderr
    assert "Pango" in stderr and not out.exists()
