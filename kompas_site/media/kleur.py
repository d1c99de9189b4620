"""The house colour (``organisatie.huiskleur``): read, measured against white per WCAG 2.x, and where it
would not keep contrast, darkened to an accessible shade of the same hue.

One shade serves the header (white text on it), links and buttons (on white): a colour with at least
4.5:1 against white meets all three (text 4.5:1, a button's border 3:1). Darkening happens in OKLCH, a
perceptual space: the lightness goes down, hue and chroma stay (chroma only drops where sRGB cannot
show the colour), so a yellow becomes an olive, not a brown-grey.
"""

from __future__ import annotations

import math
import re

TEXT_CONTRAST = 4.5  # WCAG 1.4.3: text, and white text on the header
WHITE = "#ffffff"
# The light surfaces links and buttons stand on: white, the facts box (--kompas-feiten-bg) and the draft
# banner (--kompas-concept-bg) in kompas.css. The house colour must keep its contrast on each of them.
SURFACES = (WHITE, "#eef6f6", "#fff4cc")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

RGB = tuple[float, float, float]  # sRGB, each 0..1


def parse(value: str) -> str | None:
    """``#rgb`` or ``#rrggbb`` (any case, spaces around) -> ``#rrggbb`` in lower case; None otherwise."""
    text = value.strip()
    if not _HEX.match(text):
        return None
    digits = text[1:].lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)


def _rgb(colour: str) -> RGB:
    return (int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255)


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    r, g, b = (_linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = WHITE) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours, 1..21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- OKLab (Björn Ottosson, 2020) ---------------------------------------------------------------------


def _to_oklch(colour: str) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in _rgb(colour))
    l_ = math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
    m_ = math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
    s_ = math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
    lightness = 0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_
    a = 1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_
    b2 = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_
    return lightness, math.hypot(a, b2), math.atan2(b2, a)


def _from_oklch(lightness: float, chroma: float, hue: float) -> tuple[float, float, float] | None:
    """Linear sRGB of an OKLCH colour, or None when sRGB cannot show it."""
    a, b = chroma * math.cos(hue), chroma * math.sin(hue)
    l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    rgb = (
        4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
        -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
        -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_,
    )
    return rgb if all(-1e-6 <= c <= 1 + 1e-6 for c in rgb) else None


def _shade(lightness: float, chroma: float, hue: float) -> str:
    """``#rrggbb`` at this lightness, keeping the hue; the chroma shrinks only as far as sRGB needs."""
    low, high = 0.0, chroma
    best = _from_oklch(lightness, 0.0, hue)
    if _from_oklch(lightness, chroma, hue) is not None:
        low, best = chroma, _from_oklch(lightness, chroma, hue)
    else:
        for _ in range(24):
            middle = (low + high) / 2
            found = _from_oklch(lightness, middle, hue)
            if found is None:
                high = middle
            else:
                low, best = middle, found
    assert best is not None  # a grey (chroma 0) always exists
    return _hex(tuple(_gamma(min(1.0, max(0.0, c))) for c in best))  # type: ignore[arg-type]


def lowest_contrast(colour: str) -> float:
    """The contrast of ``colour`` on the least favourable of the site's light surfaces."""
    return min(contrast(colour, surface) for surface in SURFACES)


def accessible(colour: str, minimum: float = TEXT_CONTRAST) -> str:
    """``colour`` itself when it has ``minimum`` contrast on every light surface of the site, else the
    lightest shade of the same hue (darker in OKLCH) that has it, checked after rounding to ``#rrggbb``."""
    if lowest_contrast(colour) >= minimum:
        return colour
    lightness, chroma, hue = _to_oklch(colour)
    if chroma < 1e-4:  # a grey: keep it grey (its hue is only rounding noise)
        chroma = 0.0
    low, high = 0.0, lightness  # low always passes (black does)
    for _ in range(30):
        middle = (low + high) / 2
        if lowest_contrast(_shade(middle, chroma, hue)) >= minimum:
            low = middle
        else:
            high = middle
    shade = _shade(low, chroma, hue)
    while lowest_contrast(shade) < minimum:  # rounding to whole bytes: step down until it holds
        low = max(0.0, low - 0.002)
        shade = _shade(low, chroma, hue)
    return shade


def mix(colour: str, other: str, share: float) -> str:
    """``share`` of ``other`` mixed into ``colour`` (in sRGB): the lighter and darker variants Material asks."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * share for x, y in zip(a, b)))  # type: ignore[arg-type]
