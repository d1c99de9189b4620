"""Test photos as a phone or an old scanner writes them: camera, time and place (GPS) in the file.

Each marker below is plain text in the file's bytes, so a test can prove that no published file
carries it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

CAMERA = "Voorbeeldtelefoon"
SERIAL = "SN-00472211"
GPS_MARK = "GPS-Lindenveen-52N5O"  # GPSMapDatum: a text that is easy to find in the bytes


def camera_exif() -> Image.Exif:
    """EXIF with a camera, a serial number, a time and a place (a made-up spot)."""
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0110] = "Model 7"  # Model
    exif[0x0132] = "2025:06:14 10:21:07"  # DateTime
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (52.0, 7.0, 12.5), 3: "E", 4: (5.0, 31.0, 48.2)})
    gps[0x12] = GPS_MARK
    return exif


def picture(size: tuple[int, int] = (800, 600), mode: str = "RGB") -> Image.Image:
    """Left half red, right half blue."""
    image = Image.new(mode, size, (30, 60, 200))
    image.paste((200, 40, 40), (0, 0, size[0] // 2, size[1]))
    return image


def jpeg_with_gps(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    """JPEG bytes with camera and GPS EXIF, whatever the file name says (.heic, .jfif, .jpe, ...)."""
    picture(size).save(path, "JPEG", quality=85, exif=camera_exif(), comment=GPS_MARK.encode())
    return path


def gif_with_gps(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """A GIF has no EXIF block; the place travels in its comment, as some programs write it."""
    picture(size).convert("P").save(path, "GIF", comment=f"{CAMERA} {SERIAL} {GPS_MARK}".encode())
    return path


def tiff_with_gps(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """A TIFF from a scanner or camera: the description, make and place are TIFF tags."""
    exif = camera_exif()
    exif[0x010E] = GPS_MARK  # ImageDescription
    picture(size).save(path, "TIFF", tiffinfo=exif)
    return path


def markers() -> tuple[bytes, ...]:
    return (CAMERA.encode(), SERIAL.encode(), GPS_MARK.encode(), b"Exif\x00")
