"""The house style as site files: the published copy of the logo and a small stylesheet that sets the
Material theme's colours to the house colour (or its accessible shade, ``media.kleur``). A generated
stylesheet, not inline CSS: the pages' Content-Security-Policy stays as it is."""

from __future__ import annotations

from kompas_site.media import kleur
from kompas_site.media.logo import LogoError, read_logo
from kompas_site.model import Report

LOGO_DIR = "assets/huisstijl"
STYLESHEET = "assets/stylesheets/huisstijl.css"


def stylesheet(colour: str) -> str:
    """Material's colour variables from one house colour: the header, buttons and links use its shade."""
    shade = kleur.accessible(colour)
    return (
        "/* kompas-site: the house colour from kompas.yml"
        + ("" if shade == colour else f" ({colour}, darkened to {shade} for WCAG contrast)")
        + '. */\n:root,\n[data-md-color-scheme="default"] {\n'
        f"  --md-primary-fg-color: {shade};\n"
        f"  --md-primary-fg-color--light: {kleur.mix(shade, kleur.WHITE, 0.12)};\n"
        f"  --md-primary-fg-color--dark: {kleur.mix(shade, '#000000', 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-typeset-a-color: {shade};\n"
        "}\n"
    )


def house_style(report: Report) -> tuple[dict[str, str | bytes], dict[str, str]]:
    """(site files, template context): the logo's copy and the stylesheet, and where the pages find them.
    A logo the checker refuses (check/rules/huisstijl.py) is left out; the build then stops on that fout."""
    organisatie = report.settings.organisatie
    files: dict[str, str | bytes] = {}
    context: dict[str, str] = {}
    if organisatie.logo and organisatie.logo in report.files:
        try:
            logo = read_logo(report.root, organisatie.logo)
        except LogoError:
            logo = None
        if logo is not None:
            files[context.setdefault("logo", f"{LOGO_DIR}/{logo.name}")] = logo.content
    colour = kleur.parse(organisatie.huiskleur) if organisatie.huiskleur else None
    if colour is not None:
        files[context.setdefault("css", STYLESHEET)] = stylesheet(colour)
    return files, context
