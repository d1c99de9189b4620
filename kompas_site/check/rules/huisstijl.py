"""Rule: the house style in ``kompas.yml`` (``organisatie.logo`` and ``organisatie.huiskleur``).

A logo that is missing or is not an image is a ``fout``; a house colour the site had to darken to keep
WCAG contrast is a ``tip`` with both contrasts."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, TIP, Finding
from kompas_site.check.registry import Code
from kompas_site.dutch import getal
from kompas_site.media import kleur
from kompas_site.media.logo import LogoError, is_logo_path, read_logo
from kompas_site.spelling import nearest

LOGO_ONTBREEKT = Code(
    "logo-ontbreekt",
    FOUT,
    "Het logo uit kompas.yml staat niet in de map van het rapport",
    "Bij 'logo' onder 'organisatie' staat een bestand dat er niet is. Zet het logo in de map media en schrijf "
    "de naam precies zo, met hoofd- en kleine letters, zoals logo: media/logo.svg.",
)
LOGO_GEEN_AFBEELDING = Code(
    "logo-geen-afbeelding",
    FOUT,
    "Het logo is geen afbeelding die de site kan tonen (SVG, PNG, JPG of WebP)",
    "Het bestand bij 'logo' is geen SVG-, PNG-, JPG- of WebP-afbeelding, of het kan niet gelezen worden. "
    "Sla het logo opnieuw op als PNG of SVG (in een tekenprogramma: 'Exporteren als PNG') en zet die naam "
    "bij 'logo', zoals logo: media/logo.png.",
)
HUISKLEUR_AANGEPAST = Code(
    "huiskleur-aangepast",
    TIP,
    "De huiskleur is te licht voor leesbare tekst; de site gebruikt een donkerder tint",
    "Witte tekst op de kop van de site en links op wit moeten een contrast van minstens 4,5:1 hebben "
    "(WCAG). Is de huiskleur te licht, dan gebruikt de site dezelfde kleur, donkerder. Wilt u zelf kiezen? "
    "Zet bij 'huiskleur' een donkerder kleur, zoals huiskleur: \"#0a7c8c\".",
)
CODES = (LOGO_ONTBREEKT, LOGO_GEEN_AFBEELDING, HUISKLEUR_AANGEPAST)


def check(ctx: CheckContext) -> Iterator[Finding]:
    settings = ctx.report.settings
    organisatie = settings.organisatie
    if organisatie.logo:
        line = settings.line("organisatie", "logo")
        path = organisatie.logo
        if path not in ctx.report.files:
            images = [f for f in ctx.report.files if is_logo_path(f)]
            match = nearest(path, images)
            yield LOGO_ONTBREEKT(
                f"Het logo '{path}' staat niet in de map van het rapport."
                + (f" Bedoelt u '{match}'?" if match else " Zet het logo in de map media, zoals media/logo.svg."),
                file=settings.file,
                line=line,
                key="organisatie.logo",
            )
        else:
            try:
                read_logo(ctx.report.root, path)
            except LogoError as exc:
                yield LOGO_GEEN_AFBEELDING(str(exc), file=settings.file, line=line, key="organisatie.logo")
    if organisatie.huiskleur:
        colour = kleur.parse(organisatie.huiskleur)
        if colour is not None:
            shade = kleur.accessible(colour)
            if shade != colour:
                limit = kleur.TEXT_CONTRAST
                yield HUISKLEUR_AANGEPAST(
                    f"Uw huiskleur {organisatie.huiskleur.strip()} heeft als kleur van links en knoppen op wit "
                    f"en de lichte vlakken van de site een contrast van "
                    f"{getal(kleur.lowest_contrast(colour), 1, beyond=limit)}:1; de site gebruikt daarom {shade} "
                    f"({getal(kleur.lowest_contrast(shade), 1, beyond=limit)}:1). Tekst en links moeten minstens "
                    "4,5:1 hebben om goed leesbaar te zijn.",
                    file=settings.file,
                    line=settings.line("organisatie", "huiskleur"),
                    key="organisatie.huiskleur",
                )
