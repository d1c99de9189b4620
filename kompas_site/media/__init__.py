"""Media: photos made fit for a public website (core, no site engine).

``images``: upright, stripped of metadata, resized, re-encoded to WebP plus JPEG/PNG, cached by
content hash. ``picture``: page HTML with ``<img>`` tags rewritten to responsive ``<picture>``.
"""

from kompas_site.media.images import (
    ImageError,
    ImageSettings,
    ProcessedImage,
    Variant,
    cached_image,
    process_image,
    process_images,
)
from kompas_site.media.picture import DEFAULT_SIZES, rewrite_images

__all__ = [
    "DEFAULT_SIZES",
    "ImageError",
    "ImageSettings",
    "ProcessedImage",
    "Variant",
    "cached_image",
    "process_image",
    "process_images",
    "rewrite_images",
]
