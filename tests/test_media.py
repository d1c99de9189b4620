"""The photo pipeline: upright, no metadata, WebP plus fallback per width, cached; and <picture> HTML."""

from __future__ import annotations

import io
import pickle
import struct
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageCms

from kompas_site.errors import ContentError
from kompas_site.media import (
    DEFAULT_SIZES,
    ImageError,
    ImageSettings,
    ProcessedImage,
    cached_image,
    process_image,
    process_images,
    rewrite_images,
)
from kompas_site.media import images as images_module

RED, BLUE = (220, 30, 30), (30, 30, 220)
SERIAL = "SERIAL-4711-KOMPAS"
DATUM = "WGS-84-KOMPAS-TEST"
COMMENT = b"Gemaakt bij Gert thuis"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Fotograaf Jansen"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def two_colour(size: tuple[int, int], left=RED, right=BLUE, mode="RGB") -> Image.Image:
    """Left half one colour, right half another: shows which way up an output is."""
    image = Image.new(mode, size, right if mode == "RGB" else right + (255,))
    image.paste(left, (0, 0, size[0] // 2, size[1]))
    return image


def photo_with_metadata(path: Path, size=(1600, 1000), orientation=6) -> Path:
    """A JPEG as a phone writes it: rotated by EXIF, with GPS, a camera serial, XMP and a comment."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "KompasCam"  # Make
    exif[0x0110] = "Model 7"  # Model
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(0x8769)[0x9003] = "2025:03:14 10:30:00"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 5.0, 30.0), "E", (4.0, 53.0, 12.0)
    gps[0x12] = DATUM  # GPSMapDatum: a text that is easy to find in the bytes
    two_colour(size).save(path, "JPEG", quality=90, exif=exif, comment=COMMENT, xmp=XMP, icc_profile=SRGB_ICC)
    return path


def assert_no_metadata(path: Path) -> None:
    with Image.open(path) as image:
        assert not image.getexif(), path.name
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "photoshop"):
            assert key not in image.info, (path.name, key)
    raw = path.read_bytes()
    for marker in (
        b"Exif\x00",
        b"EXIF",
        b"XMP",
        b"xmpmeta",
        b"ICC_PROFILE",
        b"ICCP",
        b"iCCP",
        b"8BIM",
        SERIAL.encode(),
        DATUM.encode(),
        COMMENT,
        b"KompasCam",
        b"Jansen",
    ):
        assert marker not in raw, (path.name, marker)


def colour_at(path: Path, xy: tuple[float, float]) -> tuple[int, int, int]:
    with Image.open(path) as image:
        image = image.convert("RGB")
        return image.getpixel((int(xy[0] * (image.width - 1)), int(xy[1] * (image.height - 1))))


def close_to(colour, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


# ---------------------------------------------------------------------------------------------
# One image


def test_a_rotated_phone_photo_comes_out_upright_and_without_any_metadata(tmp_path):
    source = photo_with_metadata(tmp_path / "gert-keuken.jpg")
    with Image.open(source) as original:  # the test photo really carries what must go
        assert original.getexif()[0x0112] == 6 and original.getexif().get_ifd(0x8825)
        assert {"exif", "xmp", "comment", "icc_profile"} <= set(original.info)
    assert DATUM.encode() in source.read_bytes() and SERIAL.encode() in source.read_bytes()

    result = process_image(source, tmp_path / "cache", name="media/gert-keuken.jpg")

    assert result.source == "media/gert-keuken.jpg"
    assert (result.width, result.height) == (1000, 1600)  # upright: portrait
    assert result.fallback_format == "jpeg"
    # 1600 is wider than the photo, so 480 and 960 only; a WebP and a JPEG of each
    assert [(v.width, v.height, v.format) for v in result.variants] == [
        (480, 768, "webp"),
        (480, 768, "jpeg"),
        (960, 1536, "webp"),
        (960, 1536, "jpeg"),
    ]
    for variant in result.variants:
        assert variant.path.is_file() and variant.path.name == variant.name
        assert variant.name.startswith("gert-keuken-") and variant.name.endswith(
            {"webp": ".webp", "jpeg": ".jpg"}[variant.format]
        )
        with Image.open(variant.path) as out:
            assert out.format == variant.format.upper() and out.size == (variant.width, variant.height)
        # the red left half of the stored photo is the top once it is turned upright
        assert close_to(colour_at(variant.path, (0.5, 0.1)), RED)
        assert close_to(colour_at(variant.path, (0.5, 0.9)), BLUE)
        assert_no_metadata(variant.path)
    assert source.read_bytes()[:2] == b"\xff\xd8"  # the source is left as it was


def test_a_large_photo_is_decoded_smaller_but_measured_and_turned_exactly(tmp_path):
    # 2000 x 3300 stored, orientation 8 (turn left): upright 3300 x 2000, decoded at half size
    source = photo_with_metadata(tmp_path / "groot.jpg", size=(2000, 3300), orientation=8)
    result = process_image(source, tmp_path / "cache")
    assert (result.width, result.height) == (3300, 2000)
    assert [(v.width, v.height) for v in result.fallback] == [(480, 291), (960, 582), (1600, 970)]
    for variant in result.variants:
        assert close_to(colour_at(variant.path, (0.5, 0.1)), BLUE)  # turned left: the right half is on top
        assert close_to(colour_at(variant.path, (0.5, 0.9)), RED)
        assert_no_metadata(variant.path)


def test_a_transparent_png_gets_a_png_fallback_and_keeps_its_transparency(tmp_path):
    image = Image.new("RGBA", (1000, 500), (0, 128, 0, 0))
    image.paste((0, 128, 0, 255), (250, 125, 750, 375))
    image.save(tmp_path / "logo.png")
    result = process_image(tmp_path / "logo.png", tmp_path / "cache")
    assert result.fallback_format == "png"
    assert [(v.width, v.format) for v in result.variants] == [(480, "webp"), (480, "png"), (960, "webp"), (960, "png")]
    for variant in result.variants:
        with Image.open(variant.path) as out:
            assert out.mode == "RGBA"
            assert out.getpixel((0, 0))[3] == 0 and out.getpixel((out.width // 2, out.height // 2))[3] == 255
        assert_no_metadata(variant.path)


def test_an_opaque_png_is_a_photo_and_gets_a_jpeg_fallback(tmp_path):
    Image.new("RGBA", (600, 400), (10, 20, 30, 255)).save(tmp_path / "vol.png")
    assert process_image(tmp_path / "vol.png", tmp_path / "cache").fallback_format == "jpeg"


def test_a_small_image_gets_one_variant_at_its_own_width(tmp_path):
    two_colour((300, 200)).save(tmp_path / "klein.jpg")
    result = process_image(tmp_path / "klein.jpg", tmp_path / "cache")
    assert (result.width, result.height) == (300, 200)
    assert [(v.width, v.height, v.format) for v in result.variants] == [(300, 200, "webp"), (300, 200, "jpeg")]


def test_a_photo_in_another_colour_space_is_converted_to_srgb_and_the_profile_dropped(tmp_path):
    # a profile whose red and green primaries are swapped: its "red" pixels are green in sRGB
    profile = bytearray(SRGB_ICC)
    count = struct.unpack(">I", profile[128:132])[0]
    tags = {bytes(profile[132 + 12 * i : 136 + 12 * i]): 132 + 12 * i for i in range(count)}
    red, green = profile[tags[b"rXYZ"] + 4 : tags[b"rXYZ"] + 12], profile[tags[b"gXYZ"] + 4 : tags[b"gXYZ"] + 12]
    profile[tags[b"rXYZ"] + 4 : tags[b"rXYZ"] + 12], profile[tags[b"gXYZ"] + 4 : tags[b"gXYZ"] + 12] = green, red
    profile = bytes(profile).replace("sRGB".encode("utf-16-be"), b"\0T\0e\0s\0t").replace(b"sRGB", b"Test")
    Image.new("RGB", (500, 300), (255, 0, 0)).save(tmp_path / "breed.jpg", quality=95, icc_profile=profile)

    result = process_image(tmp_path / "breed.jpg", tmp_path / "cache")
    for variant in result.variants:
        assert close_to(colour_at(variant.path, (0.5, 0.5)), (0, 255, 0), tolerance=60)
        assert_no_metadata(variant.path)


def test_output_names_are_safe_in_a_url_and_a_srcset(tmp_path):
    two_colour((300, 200)).save(tmp_path / "Foto's zomer (café).JPG", "JPEG")
    result = process_image(tmp_path / "Foto's zomer (café).JPG", tmp_path / "cache")
    for name in result.names:
        assert name.startswith("foto-s-zomer-cafe-")
        assert all(c.isalnum() or c in "-_." for c in name), name


def test_settings_are_normalised_and_every_output_setting_is_in_the_key():
    assert ImageSettings(widths=(960, 480, 960)).widths == (480, 960)
    keys = {
        ImageSettings().key(),
        ImageSettings(widths=(480, 960)).key(),
        ImageSettings(webp_quality=70).key(),
        ImageSettings(jpeg_quality=90).key(),
    }
    assert len(keys) == 4
    assert ImageSettings(max_pixels=1000).key() == ImageSettings().key()  # changes no output
    with pytest.raises(ValueError):
        ImageSettings(widths=())
    with pytest.raises(ValueError):
        ImageSettings(jpeg_quality=0)


# ---------------------------------------------------------------------------------------------
# The cache


@pytest.fixture
def count_encodes(monkeypatch):
    calls = []
    real = images_module._save

    def counting(image, target, fmt, settings):
        calls.append(target.name)
        real(image, target, fmt, settings)

    monkeypatch.setattr(images_module, "_save", counting)
    return calls


def test_an_unchanged_image_is_not_encoded_again(tmp_path, count_encodes):
    source = photo_with_metadata(tmp_path / "foto.jpg")
    cache = tmp_path / "cache"
    first = process_image(source, cache)
    assert len(count_encodes) == 4 and not first.cached
    stamps = {p: p.stat().st_mtime_ns for p in cache.iterdir()}

    def no_decoding(*args, **kwargs):
        raise AssertionError("a cache hit must not decode the image")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(images_module, "_open", no_decoding)
        again = process_image(source, cache)
        assert cached_image(source, cache) == first
    assert again == first and again.cached
    assert len(count_encodes) == 4
    assert {p: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps


def test_a_changed_image_or_changed_settings_make_new_files(tmp_path, count_encodes):
    source = tmp_path / "foto.jpg"
    two_colour((800, 600)).save(source, quality=90)
    cache = tmp_path / "cache"
    first = process_image(source, cache)

    two_colour((800, 600), left=BLUE, right=RED).save(source, quality=90)  # the author replaced the photo
    changed = process_image(source, cache)
    assert not changed.cached and changed.digest != first.digest
    assert set(changed.names).isdisjoint(first.names)
    assert close_to(colour_at(changed.fallback[-1].path, (0.1, 0.5)), BLUE)

    other = process_image(source, cache, ImageSettings(jpeg_quality=60))
    assert not other.cached and set(other.names).isdisjoint(changed.names)
    assert len(count_encodes) == 3 * 2  # 800 wide: a WebP and a JPEG at 480 only
    assert all(v.path.is_file() for v in first.variants)  # old files stay until the caller cleans up


def test_a_missing_output_file_is_made_again(tmp_path, count_encodes):
    two_colour((800, 600)).save(tmp_path / "foto.jpg")
    first = process_image(tmp_path / "foto.jpg", tmp_path / "cache")
    first.variants[0].path.unlink()
    again = process_image(tmp_path / "foto.jpg", tmp_path / "cache")
    assert not again.cached and again == first and first.variants[0].path.is_file()


def test_outputs_are_readable_for_a_web_server(tmp_path):
    two_colour((300, 200)).save(tmp_path / "foto.jpg")
    result = process_image(tmp_path / "foto.jpg", tmp_path / "cache")
    assert all(v.path.stat().st_mode & 0o044 == 0o044 for v in result.variants)
    assert not [p for p in (tmp_path / "cache").iterdir() if p.suffix == ".tmp"]


# ---------------------------------------------------------------------------------------------
# Many images


def make_set(folder: Path, count: int = 7) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"foto-{i}.jpg"
        two_colour((700 + 50 * i, 500), left=(20 * i, 100, 50)).save(path, quality=90)
        paths.append(path)
    return paths


def test_in_parallel_the_same_as_one_by_one(tmp_path):
    sources = make_set(tmp_path / "media")
    one_by_one = {s: process_image(s, tmp_path / "a", name=f"media/{s.name}") for s in sources}
    parallel = process_images(sources, tmp_path / "b", workers=4, root=tmp_path)
    assert list(parallel) == sources
    for source in sources:
        a, b = one_by_one[source], parallel[source]
        assert (a.source, a.width, a.height, a.fallback_format, a.names) == (
            b.source,
            b.width,
            b.height,
            b.fallback_format,
            b.names,
        )
        assert all(va.path.read_bytes() == vb.path.read_bytes() for va, vb in zip(a.variants, b.variants))
    warm = process_images(sources, tmp_path / "b", workers=4, root=tmp_path)
    assert warm == parallel and all(p.cached for p in warm.values())


def test_broken_images_do_not_stop_the_others(tmp_path):
    sources = make_set(tmp_path / "media", 3)
    (tmp_path / "media" / "kapot.jpg").write_text("geen foto", encoding="utf-8")
    sources.insert(1, tmp_path / "media" / "kapot.jpg")
    sources.append(tmp_path / "media" / "weg.jpg")

    errors: dict[Path, ImageError] = {}
    result = process_images(sources, tmp_path / "cache", root=tmp_path, errors=errors)
    assert set(result) == {s for s in sources if s.name.startswith("foto-")}
    assert set(errors) == {tmp_path / "media" / "kapot.jpg", tmp_path / "media" / "weg.jpg"}

    with pytest.raises(ImageError) as caught:
        process_images(sources, tmp_path / "cache", root=tmp_path)
    assert [p.file for p in caught.value.problems] == ["media/kapot.jpg", "media/weg.jpg"]


def test_progress_only_on_a_terminal_and_only_for_more_than_five_images(tmp_path, capsys, monkeypatch):
    sources = make_set(tmp_path / "media", 7)
    process_images(sources, tmp_path / "cache")  # stderr is no terminal here
    assert capsys.readouterr().err == ""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(images_module.sys, "stderr", terminal)
    process_images(sources, tmp_path / "cache2")
    assert "7/7" in terminal.getvalue() and terminal.getvalue().endswith("\n")

    terminal.seek(0), terminal.truncate()
    process_images(sources, tmp_path / "cache2")  # all cached: nothing to show
    process_images(sources[:5], tmp_path / "cache3")  # five: too few to bother
    assert terminal.getvalue() == ""


# ---------------------------------------------------------------------------------------------
# Bad input


def test_a_text_file_named_jpg_is_a_clear_dutch_error(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "gert.jpg").write_text("Dit is geen foto maar tekst.", encoding="utf-8")
    with pytest.raises(ImageError) as caught:
        process_image(tmp_path / "media" / "gert.jpg", tmp_path / "cache", name="media/gert.jpg")
    error = caught.value
    assert isinstance(error, ContentError)  # the CLI reports it like any unusable content, exit code 2
    assert error.problems[0].file == "media/gert.jpg" and str(error).startswith("media/gert.jpg: ")
    assert "geen foto" in error.problems[0].message and "sla hem opnieuw op als JPEG of PNG" in str(error)
    assert error.__cause__ is None and error.__suppress_context__  # no Pillow traceback behind it
    assert error.path == tmp_path / "media" / "gert.jpg"
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_a_truncated_photo_is_a_clear_dutch_error(tmp_path):
    source = photo_with_metadata(tmp_path / "half.jpg")
    source.write_bytes(source.read_bytes()[: len(source.read_bytes()) // 2])
    with pytest.raises(ImageError, match="beschadigd"):
        process_image(source, tmp_path / "cache")


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: None, "bestaat niet"),
        (lambda p: p.mkdir(), "een map"),
        (lambda p: Image.new("RGB", (400, 300)).save(p, "JPEG"), "te groot"),
    ],
)
def test_missing_folder_and_too_large_are_clear_dutch_errors(tmp_path, make, words):
    source = tmp_path / "foto.jpg"
    make(source)
    with pytest.raises(ImageError, match=words):
        process_image(source, tmp_path / "cache", ImageSettings(max_pixels=100_000))


def test_an_image_error_survives_being_sent_between_processes(tmp_path):
    (tmp_path / "x.jpg").write_bytes(b"nee")
    with pytest.raises(ImageError) as caught:
        process_image(tmp_path / "x.jpg", tmp_path / "cache")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems and copy.path == caught.value.path


# ---------------------------------------------------------------------------------------------
# <picture>


@pytest.fixture
def photos(tmp_path) -> dict[str, ProcessedImage]:
    two_colour((2000, 1000)).save(tmp_path / "gert.jpg")
    two_colour((300, 200)).save(tmp_path / "klein.jpg")
    Image.new("RGBA", (600, 300), (0, 0, 0, 0)).save(tmp_path / "logo.png")
    return {name: process_image(tmp_path / name, tmp_path / "cache") for name in ("gert.jpg", "klein.jpg", "logo.png")}


def resolver(photos):
    def resolve(src: str):
        if src.startswith("../media/") and src[len("../media/") :] in photos:
            return photos[src[len("../media/") :]], "../assets/fotos/"
        return None

    return resolve


PAGE = """<h1 id="over-ons">Over ons</h1>
<p><img alt="Gert snijdt groente &amp; fruit in zijn &quot;nieuwe&quot; keuken." src="../media/gert.jpg" title="Gert" /></p>
<p>Tekst met <code>&lt;img src="../media/gert.jpg"&gt;</code> erin.</p>
<!-- <img src="../media/gert.jpg"> -->
<p><img alt="" src="../media/klein.jpg"><img alt="Extern" src="https://example.org/x.png"></p>
<p><a href="../"><img src="../media/logo.png" alt="Logo" class="logo" loading="eager" width="200"></a></p>
"""


def test_known_images_become_pictures_with_webp_and_fallback_srcsets(photos):
    html = rewrite_images(PAGE, resolver(photos))
    soup = BeautifulSoup(html, "html.parser")
    pictures = soup.find_all("picture")
    assert len(pictures) == 3

    gert = pictures[0]
    source, img = gert.find("source"), gert.find("img")
    assert source["type"] == "image/webp"
    assert source["srcset"] == ", ".join(f"../assets/fotos/{v.name} {v.width}w" for v in photos["gert.jpg"].webp)
    assert [w.split()[-1] for w in source["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert img["srcset"] == ", ".join(f"../assets/fotos/{v.name} {v.width}w" for v in photos["gert.jpg"].fallback)
    assert img["src"] == "../assets/fotos/" + photos["gert.jpg"].fallback[-1].name and img["src"].endswith(".jpg")
    assert source["sizes"] == img["sizes"] == DEFAULT_SIZES
    assert (img["width"], img["height"]) == ("1600", "800")
    assert img["alt"] == 'Gert snijdt groente & fruit in zijn "nieuwe" keuken.'
    assert img["title"] == "Gert" and img["decoding"] == "async"
    assert not img.has_attr("loading")  # the first image of the page is not lazy

    klein = pictures[1].find("img")
    assert klein["alt"] == "" and klein["loading"] == "lazy"
    assert (klein["width"], klein["height"]) == ("300", "200")
    assert pictures[1].find("source")["srcset"].endswith(" 300w") and "," not in klein["srcset"]

    logo = pictures[2].find("img")
    assert logo["src"].endswith(".png") and logo["class"] == ["logo"]
    assert logo["loading"] == "eager"  # the author's choice stays
    assert (logo["width"], logo["height"]) == ("200", "100")  # the author's width, the height to match
    assert pictures[2].parent.name == "a"

    # untouched: the external image, the code sample and the comment
    assert '<img alt="Extern" src="https://example.org/x.png">' in html
    assert '<code>&lt;img src="../media/gert.jpg"&gt;</code>' in html
    assert '<!-- <img src="../media/gert.jpg"> -->' in html
    assert html.count("../media/") == 2  # only in the code sample and the comment


def test_rewriting_changes_nothing_else_and_is_idempotent(photos):
    html = rewrite_images(PAGE, resolver(photos))
    assert rewrite_images(html, resolver(photos)) == html
    assert html.startswith('<h1 id="over-ons">Over ons</h1>\n<p><picture>')
    assert rewrite_images(PAGE, lambda src: None) == PAGE
    assert rewrite_images("", resolver(photos)) == ""


def test_sizes_a_prefix_without_slash_and_an_odd_page(photos):
    html = rewrite_images(
        '<p>\r\n<IMG SRC="../media/gert.jpg" ALT="Gert"></p>',
        lambda src: (photos["gert.jpg"], "fotos") if src == "../media/gert.jpg" else None,
        sizes="100vw",
    )
    img = BeautifulSoup(html, "html.parser").find("img")
    assert img["sizes"] == "100vw" and img["src"].startswith("fotos/") and img["alt"] == "Gert"
    assert html.startswith("<p>\r\n<picture>")
