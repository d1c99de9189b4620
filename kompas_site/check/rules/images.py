"""Rule: every image a page or story shows exists inside the report, can be read, and is described."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, WAARSCHUWING, Finding
from kompas_site.check.images import check_images
from kompas_site.check.registry import Code

CODES = (
    Code(
        "alt-ontbreekt",
        FOUT,
        "Een foto zonder beschrijving (versiering alleen met `{ .decoratief }` of `decoratief: true`)",
        "Wie niet kan zien, hoort de beschrijving. Schrijf in één zin wat er op de foto te zien is: "
        "![Drie bewoners koken samen.](../media/koken.jpg), in een verhaal 'alt: Drie bewoners koken samen.' "
        "Is de foto alleen versiering? Schrijf dan ![](../media/sfeer.jpg){ .decoratief }, in een verhaal "
        "'decoratief: true'.",
    ),
    Code(
        "alt-bestandsnaam",
        WAARSCHUWING,
        "Een afbeelding met een bestandsnaam als beschrijving (`IMG_1234.jpg`)",
        "Een bestandsnaam zegt een lezer niets. Schrijf in één zin wat er op de foto te zien is.",
    ),
    Code(
        "alt-te-lang",
        WAARSCHUWING,
        "Een beschrijving van een afbeelding van meer dan 150 tekens",
        "Houd de beschrijving kort: wat is er te zien, en waarom doet het ertoe? Wat meer te zeggen is, past "
        "in de tekst naast de foto.",
    ),
    Code(
        "afbeelding-ontbreekt",
        FOUT,
        "Een afbeelding die niet bestaat (met de beste suggestie)",
        "Zet de foto in de map media en schrijf het pad vanaf de pagina, zoals ![...](../media/koken.jpg). "
        "'kompas check' noemt het bestand dat er het meest op lijkt.",
    ),
    Code(
        "afbeelding-onbruikbaar",
        FOUT,
        "Een foto is kapot, te groot, of een formaat dat we niet veilig kunnen publiceren (SVG, HEIC)",
        "Open de foto op uw computer en sla hem opnieuw op als JPEG of PNG, hooguit 50 megapixel.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    yield from check_images(ctx.report)
