"""A logo drawn as SVG, made safe to publish: parsed with ``defusedxml`` (no entities, no DTD, no network)
and rebuilt from an allow-list of drawing elements and attributes.

What stays: shapes, paths, groups, text, gradients, clip paths and masks, ``viewBox`` and presentation
attributes. What goes: ``script``, ``foreignObject``, animation, links, images, every ``on*`` attribute,
every element or attribute of another namespace (Inkscape, Illustrator), a reference (``href``) that is
not a ``#fragment`` in the same file, and any style that loads something (``url(...)`` other than
``url(#id)``, ``@import``) or hides what it does (CSS escapes, comments, ``expression``).

PyPI has no maintained SVG sanitiser (``svg-sanitize`` calls itself a prototype; ``nh3``/ammonia parse
HTML and lowercase SVG's ``viewBox``), so this module keeps its own short allow-list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "style",
    ]
)
ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "d",
        "points",
        "transform",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "opacity",
        "color",
        "clip-path",
        "clip-rule",
        "mask",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "letter-spacing",
        "dx",
        "dy",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "fx",
        "fy",
        "fr",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "preserveAspectRatio",
        "style",
        "href",
        "vector-effect",
        "display",
        "visibility",
        "shape-rendering",
        "paint-order",
        "role",
        "aria-hidden",
        "aria-label",
    ]
)
# A value may point only inside the file: url(#id), never url(http...), url(data:...), url(//...).
_URL = re.compile(r"url\s*\(\s*(['\"]?)\s*(?P<target>[^)'\"]*)\1\s*\)", re.IGNORECASE)
_DANGEROUS = re.compile(r"@import|expression|javascript:|behavior|binding|\\|/\*|<", re.IGNORECASE)


class SvgError(ValueError):
    """The file cannot be published as a logo; the text says why, in Dutch."""


def _safe_style(value: str) -> bool:
    if _DANGEROUS.search(value):
        return False
    targets = [m.group("target").strip() for m in _URL.finditer(value)]
    if any(not t.startswith("#") for t in targets):
        return False
    return value.lower().count("url") == len(targets)  # no url( the pattern did not understand


def _local(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def _clean(element: ET.Element) -> ET.Element | None:
    namespace, tag = _local(element.tag)
    if namespace != SVG_NS or tag not in ELEMENTS:
        return None
    kept = ET.Element(f"{{{SVG_NS}}}{tag}")
    for name, value in element.attrib.items():
        attr_ns, attr = _local(name)
        if attr_ns == XLINK_NS and attr == "href":
            attr_ns = None
        if attr_ns is not None or attr not in ATTRIBUTES or attr.lower().startswith("on"):
            continue
        if attr == "href" and not value.strip().startswith("#"):
            continue
        if not _safe_style(value):
            continue
        kept.set(attr, value)
    if tag == "style":
        text = element.text or ""
        if not _safe_style(text) or len(element):
            return None
        kept.text = text
        return kept
    kept.text = element.text
    for child in element:
        clean = _clean(child)
        if clean is not None:
            clean.tail = child.tail
            kept.append(clean)
    return kept


def sanitise_svg(data: bytes) -> str:
    """The SVG in ``data`` rebuilt from the allow-list, as UTF-8 text. Raises ``SvgError`` when it is not
    an SVG a browser could read."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise SvgError(
            "Het SVG-bestand bevat een DTD of entiteiten (<!DOCTYPE ...>); die kan een bestand gebruiken om "
            "andere bestanden in te lezen. Sla het logo opnieuw op als 'gewone SVG' of als PNG."
        ) from None
    except (ET.ParseError, ValueError) as exc:
        raise SvgError(
            f"Het SVG-bestand is geen leesbare SVG ({exc}). Sla het logo opnieuw op als SVG of als PNG."
        ) from None
    if _local(root.tag) != (SVG_NS, "svg"):
        raise SvgError(
            'Het bestand is geen SVG-tekening: het begint niet met <svg xmlns="http://www.w3.org/2000/svg">. '
            "Sla het logo opnieuw op als SVG of als PNG."
        )
    clean = _clean(root)
    assert clean is not None  # the root is an <svg>
    ET.register_namespace("", SVG_NS)
    return ET.tostring(clean, encoding="unicode")
