"""Every image is processed or refused, a photo needs a description, and nothing outside the content
folder is read or published: a content folder as people really leave it (odd formats, symbolic links
to files and folders elsewhere, a link that loops), checked and built."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_example, run_kompas
from fotos import gif_with_gps, jpeg_with_gps, markers, tiff_with_gps
from PIL import Image

from kompas_site.assemble import assemble
from kompas_site.check import check_report
from kompas_site.load import load_report
from kompas_site.load.pages import markdown_files
from kompas_site.load.paths import leaves_content, walk_content
from kompas_site.media.images import ImageError, process_image
from kompas_site.media.publish import publish_images

SECRET = "GEHEIM-BUITEN-DE-MAP"
OUTSIDE_PAGE = "PAGINA-BUITEN-DE-MAP"
BSN = "111222333"  # passes the eleven-test

SCRIPT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    '<script>alert("x")</script><rect width="10" height="10"/></svg>'
)
CLEAN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'

# (file in media/, how it is written) for each odd image a page uses.
ODD_IMAGES = {
    "kaart-van-de-wijk.gif": gif_with_gps,
    "scan-oude-folder.tiff": tiff_with_gps,
    "iphone-foto.heic": jpeg_with_gps,
    "oude-camera.jfif": jpeg_with_gps,
    "nog-een.jpe": jpeg_with_gps,
}


def odd_page(lines: list[str]) -> str:
    """A page as written on Windows: CRLF line endings, a quoted date, a long title."""
    head = '---\r\ntitle: "Beelden uit het jaar: wat we zagen, maakten en bewaarden op alle locaties"\r\n'
    head += 'datum: "2026-03-01"\r\n---\r\n\r\n'
    return head + "\r\n\r\n".join(lines) + "\r\n"


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    """The example, plus odd images, a photo without description, and symbolic links out and in circles."""
    content = tmp_path / "content"
    copy_example(content)
    outside = tmp_path / "buiten"
    (outside / "paginas").mkdir(parents=True)
    (outside / "geheim.txt").write_text(f"{SECRET}\nroot:x:0:0\n", encoding="utf-8")
    (outside / "geheim.md").write_text(f"# Geheim\n\n{SECRET} staat buiten de map.\n", encoding="utf-8")
    (outside / "paginas" / "client.md").write_text(
        f"# Client\n\n{OUTSIDE_PAGE}: Jan de Vries, BSN {BSN}, woont op kamer 4.\n", encoding="utf-8"
    )
    jpeg_with_gps(outside / "foto.jpg")

    media = content / "media"
    for name, make in ODD_IMAGES.items():
        make(media / name)
    (media / "met-script.svg").write_text(SCRIPT_SVG, encoding="utf-8")
    (media / "schoon.svg").write_text(CLEAN_SVG, encoding="utf-8")
    jpeg_with_gps(media / "zonder-beschrijving.jpg")
    (media / "buiten.jpg").symlink_to(outside / "foto.jpg")
    (content / "notities.txt").symlink_to(outside / "geheim.txt")
    (content / "01-over-ons" / "geheim.md").symlink_to(outside / "geheim.md")
    (content / "extern").symlink_to(outside / "paginas", target_is_directory=True)
    (content / "04-leren" / "lus").symlink_to(content / "04-leren", target_is_directory=True)

    lines = [f"![Een afbeelding uit het jaar, bestand {i}.](../media/{name})" for i, name in enumerate(ODD_IMAGES)]
    lines += [
        "![Een logo met een script erin.](../media/met-script.svg)",
        "![Een schoon logo.](../media/schoon.svg)",
        "![Een foto van buiten de map.](../media/buiten.jpg)",
        "![](../media/zonder-beschrijving.jpg)",
        "![](../media/moestuin.jpg){ .decoratief }",
    ]
    (content / "01-over-ons" / "beelden-uit-het-jaar.md").write_bytes(odd_page(lines).encode("utf-8"))
    return content, outside


def findings_of(content: Path):
    return check_report(load_report(content)).findings


def published_bytes(site: Path):
    for path in site.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def remove_links(content: Path) -> None:
    """The hostile folder without its links out and in circles (for a site build: see the note below)."""
    for rel in ("media/buiten.jpg", "notities.txt", "01-over-ons/geheim.md", "extern", "04-leren/lus"):
        (content / rel).unlink()
    page = content / "01-over-ons" / "beelden-uit-het-jaar.md"
    page.write_bytes(page.read_bytes().replace(b"![Een foto van buiten de map.](../media/buiten.jpg)", b""))


# --- image formats ---------------------------------------------------------------------------------


def test_every_odd_image_a_page_uses_is_processed_or_refused_with_the_allowed_formats(hostile):
    content, _ = hostile
    found = {
        f.message.split("'")[1]: f
        for f in findings_of(content)
        if f.code == "afbeelding-onbruikbaar" and f.file == "01-over-ons/beelden-uit-het-jaar.md"
    }
    assert set(found) == {"media/met-script.svg", "media/schoon.svg"}  # GIF, TIFF and JPEG bytes pass
    for finding in found.values():
        assert finding.severity == "fout" and finding.line is not None
        assert "SVG" in finding.message and "PNG" in finding.message
        assert "JPEG (.jpg), PNG, WebP, GIF" in finding.message  # which formats are allowed


def test_the_pipeline_reads_the_real_format_from_the_bytes_and_strips_the_place(hostile, tmp_path):
    content, _ = hostile
    for name in ODD_IMAGES:
        image = process_image(content / "media" / name, tmp_path / "cache", name=f"media/{name}")
        assert image.fallback_format in ("jpeg", "png") and image.webp, name
        for variant in image.variants:
            data = variant.path.read_bytes()
            assert not any(marker in data for marker in markers()), (name, variant.name)
            assert variant.name.endswith((".webp", ".jpg", ".png")), variant.name


@pytest.mark.parametrize(
    "data,words",
    [
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64, ["HEIC", "JPEG", "Meest compatibel"]),
        (SCRIPT_SVG.encode(), ["SVG", "PNG", "scripts"]),
        (b"\xef\xbb\xbf<?xml version='1.0'?>\r\n" + CLEAN_SVG.encode(), ["SVG", "PNG"]),
        (b"Gewoon tekst, geen foto.\n", ["JPEG (.jpg), PNG, WebP, GIF"]),
    ],
    ids=["heic", "svg-met-script", "svg-schoon-met-bom", "tekst"],
)
def test_formats_we_cannot_publish_safely_are_refused_in_dutch(tmp_path, data, words):
    source = tmp_path / "foto.jpg"  # the name says JPEG; the bytes decide
    source.write_bytes(data)
    with pytest.raises(ImageError) as caught:
        process_image(source, tmp_path / "cache", name="media/foto.jpg")
    message = str(caught.value)
    assert all(word in message for word in words), message
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_an_avif_photo_is_processed_when_pillow_reads_avif_here(tmp_path):
    from PIL import features

    source = tmp_path / "zomer.avif"
    if features.check("avif"):
        Image.new("RGB", (600, 400), (10, 120, 60)).save(source, "AVIF")
        assert process_image(source, tmp_path / "cache").fallback_format == "jpeg"
    else:  # then it is refused with the list of formats, never published as it is
        source.write_bytes(b"\x00\x00\x00\x1cftypavif" + b"\x00" * 64)
        with pytest.raises(ImageError):
            process_image(source, tmp_path / "cache")


def test_a_concept_site_has_no_original_of_any_image_and_no_place_in_any_file(hostile, tmp_path, capsys):
    content, _ = hostile
    out = tmp_path / "site"
    code, _, err = run_kompas("build", content, "-o", out, "--concept", capsys=capsys)
    assert code == 0, err
    names = {path.name.lower() for path in out.rglob("*")}
    for original in [*ODD_IMAGES, "met-script.svg", "schoon.svg", "zonder-beschrijving.jpg", "moestuin.jpg"]:
        assert original not in names, original
    for path, data in published_bytes(out):
        assert not any(marker in data for marker in markers()), path
        assert b"alert(" not in data or path.suffix in (".js",), path
    page = (out / "over-ons" / "beelden-uit-het-jaar" / "index.html").read_text(encoding="utf-8")
    assert page.count("<picture>") >= len(ODD_IMAGES)


# --- a photo without a description -----------------------------------------------------------------


def test_a_photo_without_description_stops_the_build_but_not_a_concept(example, tmp_path, capsys):
    page = example / "01-over-ons" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![](../media/moestuin.jpg)\n", encoding="utf-8")
    code, _, err = run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)
    assert code != 0 and "alt-ontbreekt" in err and not (tmp_path / "site").exists()
    code, _, err = run_kompas("build", example, "-o", tmp_path / "concept", "--concept", capsys=capsys)
    assert code == 0, err


# --- links out of the folder, and in circles ------------------------------------------------------


def outside_findings(report):
    """The findings about the links themselves (an image a page shows through one has its own)."""
    links = {rel for rel, _ in report.outside} | set(report.loops)
    return [f for f in check_report(report).findings if f.code in ("pad-buiten-content", "pad-lus") and f.file in links]


def test_links_out_of_the_folder_and_in_circles_are_findings_never_read(hostile):
    content, outside = hostile
    report = load_report(content)  # no crash on the loop
    assert sorted(report.outside) == [
        ("01-over-ons/geheim.md", str((outside / "geheim.md").resolve())),
        ("extern", str((outside / "paginas").resolve())),
        ("media/buiten.jpg", str((outside / "foto.jpg").resolve())),
        ("notities.txt", str((outside / "geheim.txt").resolve())),
    ]
    assert report.loops == ["04-leren/lus"]
    assert not [p.path for p in report.all_pages if p.path.startswith(("extern/", "04-leren/lus/"))]
    assert "01-over-ons/geheim.md" not in {p.path for p in report.all_pages}
    assert "media/buiten.jpg" not in report.media
    got = sorted((f.code, f.severity, f.file) for f in outside_findings(report))
    assert got == [
        ("pad-buiten-content", "fout", "01-over-ons/geheim.md"),
        ("pad-buiten-content", "fout", "extern"),
        ("pad-buiten-content", "fout", "media/buiten.jpg"),
        ("pad-buiten-content", "fout", "notities.txt"),
        ("pad-lus", "fout", "04-leren/lus"),
    ]
    message = next(f.message for f in outside_findings(report) if f.file == "extern")
    assert "buiten de map met het rapport" in message and "niet gepubliceerd" in message
    for rel in ("extern/client.md", "04-leren/lus/index.md", "notities.txt", "media/buiten.jpg"):
        assert leaves_content(rel, report.outside, report.loops), rel
    assert not leaves_content("externe-partners.md", report.outside, report.loops)


def test_nothing_from_outside_reaches_any_page_or_the_search_index(hostile):
    content, _ = hostile
    site = assemble(check_report(load_report(content)), draft=True)
    texts = [*site.markdown.values(), *(page.markdown for page in site.generated), *site.data_files.values()]
    assert any("zoeken" in name for name in site.data_files)
    for text in texts:
        assert SECRET not in text and OUTSIDE_PAGE not in text and BSN not in text


def test_an_image_through_a_link_out_is_not_read_by_the_photo_pipeline(hostile, tmp_path):
    content, _ = hostile
    media = content / "media"
    published = publish_images(
        {"media/buiten.jpg": media / "buiten.jpg", "media/oude-camera.jfif": media / "oude-camera.jfif"},
        content,
        cache_dir=tmp_path / "cache",
        progress=False,
    )
    assert list(published.by_url) == ["media/oude-camera.jfif"]
    [error] = published.errors
    assert error.problems[0].file == "media/buiten.jpg" and "buiten de map" in error.problems[0].message


def test_links_that_stay_inside_are_followed_and_chains_in_circles_do_not_crash(tmp_path):
    content = tmp_path / "content"
    (content / "hoofdstuk").mkdir(parents=True)
    (content / "hoofdstuk" / "a.md").write_text("# A\n", encoding="utf-8")
    (content / "ook-a.md").symlink_to(content / "hoofdstuk" / "a.md")
    (content / "kopie").symlink_to(content / "hoofdstuk", target_is_directory=True)
    (content / "een").symlink_to(content / "twee")
    (content / "twee").symlink_to(content / "een")
    (content / "omhoog").symlink_to(content, target_is_directory=True)
    (content / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")  # outside, and gone
    files = walk_content(content)
    assert files.files == ["hoofdstuk/a.md", "kopie/a.md", "ook-a.md"]
    assert sorted(files.loops) == ["een", "omhoog", "twee"]
    assert files.outside == [("weg.md", str((tmp_path / "bestaat-niet.md").resolve()))]
    assert markdown_files(content) == ["hoofdstuk/a.md", "kopie/a.md", "ook-a.md"]
