"""Photos: upright, stripped of every piece of metadata, resized, re-encoded, cached.

One function turns one source file into a few web-ready files (``process_image``); another does a
whole list in parallel (``process_images``). Nothing here knows about MkDocs or about pages: the
caller decides which files to process, where the cache lives and where the outputs are published.

What leaves this module never carries metadata of the source. Pillow writes only what it is given,
but it carries ``Image.info`` (EXIF, XMP, comments, ICC profile, DPI) from image to image and some
encoders fall back on it, so every output image gets an empty ``info`` before it is saved, and the
encoders are given nothing but quality settings. Colour: an embedded ICC profile that is not sRGB
(Display P3 from a phone, Adobe RGB from a camera) is converted to sRGB and then dropped, so every
output is untagged sRGB, which is what browsers assume; an sRGB profile is simply dropped. A profile
that cannot be read or converted is dropped as well (the colours may then be slightly off, but the
photo is published).

The cache: each source is identified by the SHA-256 of its bytes plus ``ImageSettings.key()``. The
outputs are named ``<slug>-<hash12>-<width>.<ext>`` (the slug is the source's file name made safe for
a URL and a ``srcset``: ``Foto's zomer.JPG`` -> ``foto-s-zomer``) and a small manifest ``<slug>-<hash12>.json``
is written last; when the manifest and all its files are there, the image is not decoded at all.
A changed photo or changed settings give a new hash and therefore new files. Files are written
under a temporary name and moved into place, so an interrupted build or two builds at once never
leave half a file behind. Old files are not removed (see ``ProcessedImage.names`` to publish only
the current ones).

Widths: every width of the settings that is not larger than the photo; a photo narrower than all of
them gets one variant at its own width. A JPEG is scaled down by 2, 4 or 8 while it is decoded when
that still leaves the largest width needed (four times less decoding for a 12-megapixel photo).
Animated GIF and WebP: the first frame.

Parallelism: threads. Pillow releases the GIL while it decodes, resizes and encodes WebP, which is
nearly all the work (the JPEG encoder keeps it, a few percent), so on two cores threads were as fast
as a process pool (20 photos of 10 megapixels: about 2.2 s both, 4.2 s one by one), start in no
time, share the caller's memory and are safe inside ``mkdocs serve``, which runs threads of its own
(forking a process with threads is not).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

from kompas_site.dutch import opsomming
from kompas_site.errors import ContentError, Problem

# Raise this when the pipeline changes what it writes for the same settings: every image is then
# processed anew once.
PIPELINE_VERSION = 1

# The formats we read, told apart by their bytes, never by the file name (a JPEG named ``.heic`` is a
# JPEG). GIF, TIFF, BMP and AVIF are input only: they come out as WebP plus JPEG (or PNG). Anything
# else (HEIC, SVG, RAW, PDF, ...) is refused with a message that says what to do, never published.
READABLE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP") + (("AVIF",) if features.check("avif") else ())
# What an author is told is allowed (BMP works too, but nobody should be told to use it).
ALLOWED_NAMES = ("JPEG (.jpg)", "PNG", "WebP", "GIF", "TIFF") + (("AVIF",) if "AVIF" in READABLE_FORMATS else ())

EXTENSIONS = {"webp": "webp", "jpeg": "jpg", "png": "png"}
MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class ImageSettings:
    """How photos are resized and encoded. Everything that changes the output is in ``key()``."""

    widths: tuple[int, ...] = (480, 960, 1600)
    webp_quality: int = 80
    jpeg_quality: int = 82
    # Larger images are refused (a decompression bomb, or a photo nobody should publish at this
    # size). Pillow's own limit; it does not change the output, so it is not part of the key.
    max_pixels: int = Image.MAX_IMAGE_PIXELS or 89_478_485

    def __post_init__(self) -> None:
        widths = tuple(sorted({int(w) for w in self.widths}))
        if not widths or widths[0] < 1:
            raise ValueError("ImageSettings.widths needs at least one positive width")
        for name in ("webp_quality", "jpeg_quality"):
            if not 1 <= int(getattr(self, name)) <= 100:
                raise ValueError(f"ImageSettings.{name} must be between 1 and 100")
        object.__setattr__(self, "widths", widths)

    def key(self) -> str:
        return (
            f"kompas-media/{PIPELINE_VERSION};widths={','.join(map(str, self.widths))};"
            f"webp={self.webp_quality};jpeg={self.jpeg_quality}"
        )


@dataclass(frozen=True)
class Variant:
    """One output file."""

    width: int
    height: int
    format: str  # "webp" | "jpeg" | "png"
    path: Path  # the file in the cache
    name: str  # its file name, also the name to publish it under

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


@dataclass(frozen=True)
class ProcessedImage:
    source: str  # the name the caller gave, e.g. "media/gert-keuken.jpg" (for messages)
    width: int  # of the original, upright
    height: int
    variants: tuple[Variant, ...]  # per width, small to large: the WebP, then the fallback
    fallback_format: str  # "jpeg" for photos, "png" for images with transparency
    digest: str  # SHA-256 of the source bytes and the settings key
    cached: bool = field(default=False, compare=False)  # True when nothing had to be encoded

    @property
    def webp(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == "webp")

    @property
    def fallback(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == self.fallback_format)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variants)


class ImageError(ContentError):
    """A source image that cannot be used: missing, unreadable, not an image, broken or too large.

    A ``ContentError`` (exit code 2 in the CLI) with one ``Problem`` per file; ``path`` is the
    source of the first one.
    """

    def __init__(self, problems: list[Problem] | Problem, path: Path | None = None):
        super().__init__(problems)
        self.path = path

    def __reduce__(self):  # keep it intact across processes
        return (type(self), (self.problems, self.path))


def _error(source: Path, name: str, message: str) -> ImageError:
    return ImageError(Problem(message, file=name), path=source)


# ---------------------------------------------------------------------------------------------
# Cache names


def slug(stem: str) -> str:
    """A file-name part that is safe in a URL and a srcset: 'Foto's zomer' -> 'foto-s-zomer'."""
    text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9_]+", "-", text).strip("-_")[:60].rstrip("-_")
    return text or "foto"


def _digest(data: bytes, settings: ImageSettings) -> str:
    h = hashlib.sha256(data)
    h.update(b"\0" + settings.key().encode("utf-8"))
    return h.hexdigest()


# A camera's or phone's own name says when the photo was taken ("IMG_20250614_101233", "WhatsApp Image
# 2025-06-14 at 10.12.33"): metadata in the file name. Such a photo is published as "foto-<hash>".
_TIMESTAMP = re.compile(r"\d{6,}|\d{4}[-_.]\d{2}[-_.]\d{2}|\d{1,2}[._]\d{2}[._]\d{2}")


def _base(source: Path, digest: str) -> str:
    stem = "foto" if _TIMESTAMP.search(source.stem) else source.stem
    return f"{slug(stem)}-{digest[:12]}"


def _read(source: Path, name: str) -> bytes:
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise _error(
            source,
            name,
            "Dit bestand bestaat niet. Controleer de bestandsnaam (ook hoofdletters) "
            "en of de foto in de map media/ staat.",
        ) from None
    except IsADirectoryError:
        raise _error(source, name, "Dit is een map, geen foto. Verwijs naar het fotobestand zelf.") from None
    except OSError as exc:
        raise _error(
            source,
            name,
            f"Dit bestand kan niet gelezen worden ({exc.strerror or exc}). Controleer "
            "of u het mag lezen en of het niet openstaat in een ander programma.",
        ) from None


def _load_manifest(
    cache_dir: Path, source: Path, name: str, digest: str, settings: ImageSettings
) -> ProcessedImage | None:
    try:
        data = json.loads((cache_dir / f"{_base(source, digest)}.json").read_text(encoding="utf-8"))
        if data.get("manifest") != MANIFEST_FORMAT or data.get("digest") != digest or data.get("key") != settings.key():
            return None
        variants = tuple(
            Variant(v["width"], v["height"], v["format"], cache_dir / v["name"], v["name"]) for v in data["variants"]
        )
        if not all(v.path.is_file() for v in variants):
            return None
        return ProcessedImage(name, data["width"], data["height"], variants, data["fallback"], digest, cached=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def cached_image(
    source: Path, cache_dir: Path, settings: ImageSettings = ImageSettings(), *, name: str | None = None
) -> ProcessedImage | None:
    """The processed image from the cache, or None when it still has to be made. Never decodes."""
    name = name or source.name
    return _load_manifest(Path(cache_dir), source, name, _digest(_read(source, name), settings), settings)


# ---------------------------------------------------------------------------------------------
# Processing


def validate_image(
    source: Path, cache_dir: Path, settings: ImageSettings = ImageSettings(), *, name: str | None = None
) -> None:
    """Raise ImageError when the build could not publish this photo: as ``process_image`` would, but
    without encoding anything (a cached photo was fine before and is not even opened)."""
    source, name = Path(source), name or Path(source).name
    data = _read(source, name)  # read once: for the cache key and, when not cached, to decode
    if _load_manifest(Path(cache_dir), source, name, _digest(data, settings), settings) is not None:
        return
    image, _size = _open(data, source, name, settings)
    image.close()


def process_image(
    source: Path, cache_dir: Path, settings: ImageSettings = ImageSettings(), *, name: str | None = None
) -> ProcessedImage:
    """Make the web versions of one image (or take them from the cache).

    ``name`` is how the image is called in messages (default: the file name), for example
    ``media/gert-keuken.jpg``. Raises ``ImageError`` for an image that cannot be used.
    """
    source, cache_dir = Path(source), Path(cache_dir)
    name = name or source.name
    data = _read(source, name)
    digest = _digest(data, settings)
    hit = _load_manifest(cache_dir, source, name, digest, settings)
    if hit:
        return hit

    image, (width, height) = _open(data, source, name, settings)
    targets = [w for w in settings.widths if w <= width] or [width]
    alpha = _has_alpha(image)
    if not alpha and image.mode == "RGBA":
        image = image.convert("RGB")
    fallback = "png" if alpha else "jpeg"

    cache_dir.mkdir(parents=True, exist_ok=True)
    base = _base(source, digest)
    variants: list[Variant] = []
    current = image
    for w in sorted(targets, reverse=True):  # each from the next larger one: fast, and sharp enough
        h = max(1, round(w * height / width))
        if current.size != (w, h):
            current = current.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        current.info = {}  # resize() copies info; nothing of the source may reach an output
        for fmt in ("webp", fallback):
            file_name = f"{base}-{w}.{EXTENSIONS[fmt]}"
            _save(current, cache_dir / file_name, fmt, settings)
            variants.append(Variant(w, h, fmt, cache_dir / file_name, file_name))
    variants.sort(key=lambda v: (v.width, v.format != "webp"))

    result = ProcessedImage(name, width, height, tuple(variants), fallback, digest)
    manifest = {
        "manifest": MANIFEST_FORMAT,
        "key": settings.key(),
        "digest": digest,
        "width": width,
        "height": height,
        "fallback": fallback,
        "variants": [{"width": v.width, "height": v.height, "format": v.format, "name": v.name} for v in variants],
    }
    _write_atomic(cache_dir / f"{base}.json", lambda f: f.write(json.dumps(manifest, indent=1).encode("utf-8")))
    return result


def _open(data: bytes, source: Path, name: str, settings: ImageSettings) -> tuple[Image.Image, tuple[int, int]]:
    """Decode, upright, in sRGB, in mode L, RGB or RGBA, with no metadata left in ``info``.

    Returns the image and the size of the original, upright: a JPEG may already have been scaled
    down while decoding (never below the largest width that will be made).
    """
    what_to_do = (
        "Open de foto in een fotoprogramma en sla hem opnieuw op als JPEG of PNG, of zet het "
        "oorspronkelijke bestand opnieuw in de map media/."
    )
    refused = _refused_format(data)
    if refused:
        raise _error(source, name, refused)
    try:
        image: Image.Image = Image.open(io.BytesIO(data), formats=READABLE_FORMATS)
    except UnidentifiedImageError:
        raise _error(
            source,
            name,
            f"Dit bestand is geen foto die kompas-site kan lezen ({allowed_formats()}). " + what_to_do,
        ) from None
    except Image.DecompressionBombError:
        raise _too_large(source, name, None, settings) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _error(
            source, name, f"Deze foto is beschadigd en kan niet gelezen worden ({exc}). " + what_to_do
        ) from None
    try:
        raw_w, raw_h = image.size
        if raw_w * raw_h > settings.max_pixels:
            raise _too_large(source, name, (raw_w, raw_h), settings)
        orientation = _orientation(image)
        upright_w = raw_h if orientation in (5, 6, 7, 8) else raw_w
        largest = max([w for w in settings.widths if w <= upright_w] or [upright_w])
        if image.format == "JPEG" and largest < upright_w:
            # Let the JPEG decoder scale down by 2, 4 or 8 while it decodes when that still leaves
            # at least the largest width we need: much faster, and the resize after it is exact.
            scale = largest / upright_w
            image.draft(None, (max(1, math.ceil(raw_w * scale)), max(1, math.ceil(raw_h * scale))))
        image.load()
        icc = image.info.get("icc_profile")
        if orientation not in (None, 1):
            try:
                image = ImageOps.exif_transpose(image)
            except Exception:  # broken EXIF: publish the photo as it is stored
                pass
        image = _to_srgb(image, icc)
    except ImageError:
        raise
    except Image.DecompressionBombError:
        raise _too_large(source, name, None, settings) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _error(source, name, f"Deze foto is beschadigd of niet volledig ({exc}). " + what_to_do) from None
    image.info = {}
    # The size of the full image, upright, also when the decoder already scaled it down.
    full = (raw_h, raw_w) if orientation in (5, 6, 7, 8) else (raw_w, raw_h)
    return image, full


def allowed_formats() -> str:
    """'JPEG (.jpg), PNG, WebP, GIF, TIFF of AVIF': the formats a photo may have, for messages."""
    return opsomming(ALLOWED_NAMES, "of")


# The brands of an ISO media file (``ftyp`` box) that hold HEIC/HEIF pictures: what an iPhone writes.
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2"}


def _refused_format(data: bytes) -> str | None:
    """A clear message for a format we know and refuse (SVG, HEIC), or None to let Pillow try."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")) and b"<svg" in head:
        return (
            "Dit is een SVG-tekening. Een SVG kan scripts en verwijzingen naar andere websites bevatten, "
            "daarom zet kompas-site hem niet op de site. Sla de tekening op als PNG (in uw tekenprogramma: "
            f"Exporteren als PNG) en verwijs naar dat bestand. Toegestaan zijn: {allowed_formats()}."
        )
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS | (
        {b"avif", b"avis"} if "AVIF" not in READABLE_FORMATS else set()
    ):
        return (
            "Dit is een HEIC-foto (zoals een iPhone die maakt). Die kan kompas-site niet lezen. Sla de foto "
            "op als JPEG: op de iPhone bij Instellingen > Camera > Formaten 'Meest compatibel', of open hem "
            f"op de computer en kies 'Exporteren als JPEG'. Toegestaan zijn: {allowed_formats()}."
        )
    return None


def _orientation(image: Image.Image) -> int | None:
    try:
        return image.getexif().get(0x0112)
    except Exception:
        return None


def _too_large(source: Path, name: str, size: tuple[int, int] | None, settings: ImageSettings) -> ImageError:
    measured = f" ({size[0]} × {size[1]} pixels)" if size else ""
    return _error(
        source,
        name,
        f"Deze foto is te groot{measured}: meer dan {settings.max_pixels / 1e6:.0f} "
        "megapixel. Verklein hem eerst, bijvoorbeeld tot 4000 pixels breed, en zet de "
        "kleinere versie in de map media/.",
    )


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB when the embedded profile is another one; return mode L, RGB or RGBA."""
    if image.mode.startswith("I;16"):  # 16-bit grey PNG or TIFF
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif image.mode in ("I", "F"):
        image = image.convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if has_alpha and image.mode != "RGBA":
        image = image.convert("RGBA")
    elif image.mode not in ("L", "RGB", "RGBA", "CMYK"):
        image = image.convert("L" if image.mode == "1" else "RGB")
    if icc and not _is_srgb(icc):
        try:
            return ImageCms.profileToProfile(  # type: ignore[return-value]  # None only with inPlace=True
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode="RGBA" if has_alpha else "RGB",
            )
        except Exception:  # an unreadable profile, or one that does not fit the pixels: drop it
            pass
    return image.convert("RGB") if image.mode == "CMYK" else image


def _is_srgb(icc: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
    except Exception:
        return True  # unreadable: there is nothing to convert with, so treat it as sRGB and drop it
    return "srgb" in description.lower()


def _has_alpha(image: Image.Image) -> bool:
    # one band: (min, max); Pillow's type also covers the per-band pairs of a multi-band image
    return image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255  # type: ignore[operator]


def _save(image: Image.Image, target: Path, fmt: str, settings: ImageSettings) -> None:
    options: dict[str, Any]
    if fmt == "webp":
        options = {"format": "WEBP", "quality": settings.webp_quality, "method": 4}
    elif fmt == "jpeg":
        options = {"format": "JPEG", "quality": settings.jpeg_quality, "optimize": True, "progressive": True}
    else:
        options = {"format": "PNG", "optimize": True}
    _write_atomic(target, lambda f: image.save(f, **options))


def _write_atomic(target: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a published copy must be readable by the web server
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---------------------------------------------------------------------------------------------
# Many images


def process_images(
    sources: Iterable[Path],
    cache_dir: Path,
    settings: ImageSettings = ImageSettings(),
    workers: int | None = None,
    progress: bool = True,
    *,
    root: Path | None = None,
    errors: dict[Path, ImageError] | None = None,
) -> dict[Path, ProcessedImage]:
    """Process many images in parallel; return the result per source path (in the given order).

    First every source is looked up in the cache (reading and hashing, no decoding); only the
    others are encoded, with a progress bar on stderr when it is a terminal and there are more
    than five of them. ``root`` makes the names in messages relative (``media/x.jpg``).

    A broken image does not stop the others. With an ``errors`` dict, it is put there and left out
    of the result; without one, one ``ImageError`` naming every broken image is raised at the end
    (the good images are then in the cache already).
    """
    sources = list(dict.fromkeys(Path(s) for s in sources))
    workers = max(1, min(workers or _cpu_count(), len(sources) or 1))
    failed: dict[Path, ImageError] = {}
    done: dict[Path, ProcessedImage] = {}

    def name_of(source: Path) -> str:
        if root is not None:
            try:
                return source.relative_to(root).as_posix()
            except ValueError:
                pass
        return source.name

    def lookup(source: Path) -> ProcessedImage | None:
        return cached_image(source, cache_dir, settings, name=name_of(source))

    def make(source: Path) -> ProcessedImage:
        return process_image(source, cache_dir, settings, name=name_of(source))

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kompas-media") as pool:
        futures = {pool.submit(lookup, s): s for s in sources}
        for future in as_completed(futures):
            try:
                hit = future.result()
            except ImageError as exc:
                failed[futures[future]] = exc
                continue
            if hit:
                done[futures[future]] = hit
        todo = [s for s in sources if s not in done and s not in failed]
        bar = ProgressBar(len(todo), enabled=progress and len(todo) > 5)
        jobs = {pool.submit(make, s): s for s in todo}
        try:
            for job in as_completed(jobs):
                try:
                    done[jobs[job]] = job.result()
                except ImageError as exc:
                    failed[jobs[job]] = exc
                bar.advance()
        except BaseException:  # Ctrl-C: do not start what is still waiting
            for f in jobs:
                f.cancel()
            raise
        finally:
            bar.close()

    if failed:
        if errors is None:
            ordered = [failed[s] for s in sources if s in failed]
            raise ImageError([p for e in ordered for p in e.problems], path=ordered[0].path)
        errors.update(failed)
    return {s: done[s] for s in sources if s in done}


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ProgressBar:
    """``Foto's verwerken  12/40 [######..............]`` on one line of stderr, only on a terminal."""

    def __init__(
        self,
        total: int,
        *,
        enabled: bool = True,
        stream: IO[str] | None = None,
        label: str = "Foto's verwerken",
        width: int = 30,
    ):
        self.stream = stream or sys.stderr
        self.total, self.count, self.label, self.width = total, 0, label, width
        self.enabled = enabled and total > 0 and _isatty(self.stream)
        self._draw()

    def advance(self) -> None:
        self.count += 1
        self._draw()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
            self.enabled = False

    def _draw(self) -> None:
        if self.enabled:
            filled = self.width * self.count // self.total
            self.stream.write(
                f"\r{self.label} {self.count:>{len(str(self.total))}}/{self.total} "
                f"[{'#' * filled}{'.' * (self.width - filled)}]"
            )
            self.stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
