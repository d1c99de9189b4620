"""Which images a site publishes, and where: every raster image goes through the pipeline once per
build (a cache hit when unchanged) and only its processed variants reach the site, never the original."""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from kompas_site.cache import cache_dir
from kompas_site.errors import Problem
from kompas_site.media.images import (
    ImageError,
    ImageSettings,
    ProcessedImage,
    process_images,
)

# Every name an image may have. A file with one of them is never published as it is: it goes through
# the photo pipeline (which reads the real format from its bytes) or is refused with a finding.
IMAGE_SUFFIXES = (
    ".jpg", ".jpeg", ".jpe", ".jfif", ".pjpeg", ".pjp", ".png", ".apng", ".webp", ".gif", ".tif", ".tiff",
    ".bmp", ".dib", ".avif", ".heic", ".heif", ".svg", ".svgz",
)  # fmt: skip
RASTER_SUFFIXES = IMAGE_SUFFIXES  # the old name
OUTPUT_DIR = "afbeeldingen"  # where the variants go in the site


def is_raster_image(path: str) -> bool:
    """True for every file named as an image (any case): only its processed variants may be published,
    never the file itself. Whether it can be processed is for the pipeline to say, from its bytes."""
    return path.lower().endswith(IMAGE_SUFFIXES)


OUTSIDE_MESSAGE = (
    "Dit bestand wijst naar een plek buiten de map met het rapport (een snelkoppeling). Alleen bestanden in "
    "die map komen op de site; het wordt niet gelezen en niet gepubliceerd. Zet de foto zelf in de map 'media'."
)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def default_cache_dir() -> Path:
    """Processed images are content-addressed, so one cache serves every report on this computer."""
    return cache_dir("afbeeldingen")


@dataclass
class PublishedImages:
    by_url: dict[str, ProcessedImage] = field(default_factory=dict)  # the original's site URL -> result
    errors: list[ImageError] = field(default_factory=list)

    def resolver(self, page_url: str) -> Callable[[str], tuple[ProcessedImage, str] | None]:
        """For one page: map an <img src> as written in its HTML to the image and the variants' folder."""
        page_dir = page_url[:-1] if page_url.endswith("/") else posixpath.dirname(page_url)
        prefix = posixpath.relpath(OUTPUT_DIR, page_dir or ".")

        def resolve(src: str):
            if "://" in src or src.startswith(("/", "data:", "#")):
                return None
            path = src.split("#")[0].split("?")[0]
            # 'teamdag%20(2).jpg' is the file 'teamdag (2).jpg': a renderer encodes the spaces of a name
            image = self.by_url.get(posixpath.normpath(posixpath.join(page_dir, path))) or self.by_url.get(
                posixpath.normpath(posixpath.join(page_dir, unquote(path)))
            )
            return (image, prefix) if image else None

        return resolve

    def copy_to(self, site_dir: Path) -> None:
        """Copy every variant into the site. A copy, never a link into the cache: a published image that
        is edited or replaced in place must not change the cache, and with it every later site."""
        target = site_dir / OUTPUT_DIR
        target.mkdir(parents=True, exist_ok=True)
        for image in self.by_url.values():
            for variant in image.variants:
                out = target / variant.name
                if not out.exists():
                    shutil.copyfile(variant.path, out)


def publish_images(
    images: dict[str, Path],
    root: Path,
    cache_dir: Path | None = None,
    settings: ImageSettings | None = None,
    progress: bool = True,
) -> PublishedImages:
    """``images``: site URL of each original -> its file. Broken images are collected, not raised.

    A file that is, or goes through, a link out of ``root`` is not read at all: it gets an error."""
    errors: dict = {}
    for path in images.values():
        if not _inside(Path(path), Path(root)):
            errors[path] = ImageError(Problem(OUTSIDE_MESSAGE, file=_name(Path(path), Path(root))), path=Path(path))
    results = process_images(
        [path for path in images.values() if path not in errors],
        cache_dir or default_cache_dir(),
        settings or ImageSettings(),
        progress=progress,
        root=root,
        errors=errors,
    )
    by_path = {path: url for url, path in images.items()}
    published = PublishedImages({by_path[path]: image for path, image in results.items() if path in by_path})
    published.errors = list(errors.values())
    return published
