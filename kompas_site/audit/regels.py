"""What axe-core's rules mean, in plain Dutch, for a quality officer rather than a web developer.

axe-core's own texts are English; the PyPI package that bundles it ships no translations. These are
ours, for every rule that runs with the WCAG 2.0/2.1/2.2 A and AA tags (axe-core 4.12: 70 rules).
A rule that is missing here falls back to axe-core's English text.
"""

from __future__ import annotations

# axe-core's impact levels, in Dutch.
ERNST = {"critical": "zeer ernstig", "serious": "ernstig", "moderate": "matig", "minor": "klein"}
ERNST_VOLGORDE = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}

UITLEG = {
    "area-alt": "Een klikbaar deel van een afbeelding (kaart) heeft geen tekst die zegt waar de link heen gaat.",
    "aria-allowed-attr": "Een element heeft een ARIA-eigenschap die bij dat soort element niet mag.",
    "aria-braille-equivalent": "Een braille-label heeft geen gewone tekst ernaast.",
    "aria-command-name": "Een knop, link of menu-item heeft geen naam die een schermlezer kan voorlezen.",
    "aria-conditional-attr": "Een ARIA-eigenschap wordt gebruikt op een manier die bij dit element niet mag.",
    "aria-deprecated-role": "Er wordt een verouderde ARIA-rol gebruikt.",
    "aria-hidden-body": "De hele pagina is verborgen voor schermlezers (aria-hidden op <body>).",
    "aria-hidden-focus": "Een element is verborgen voor schermlezers, maar je kunt er met de Tab-toets wel op komen.",
    "aria-input-field-name": "Een invoerveld heeft geen naam die een schermlezer kan voorlezen.",
    "aria-meter-name": "Een meter heeft geen naam die een schermlezer kan voorlezen.",
    "aria-progressbar-name": "Een voortgangsbalk heeft geen naam die een schermlezer kan voorlezen.",
    "aria-prohibited-attr": "Een element heeft een ARIA-eigenschap die bij dat soort element verboden is.",
    "aria-required-attr": "Een element mist een ARIA-eigenschap die verplicht is voor zijn rol.",
    "aria-required-children": "Een element mist de onderdelen die het volgens zijn rol moet bevatten.",
    "aria-required-parent": "Een element staat niet binnen het element waar het volgens zijn rol in hoort.",
    "aria-roledescription": "Een rolbeschrijving (aria-roledescription) staat op een element zonder rol.",
    "aria-roles": "Een element heeft een ARIA-rol die niet bestaat.",
    "aria-tab-name": "Een tabblad heeft geen naam die een schermlezer kan voorlezen.",
    "aria-toggle-field-name": "Een aan/uit-knop of keuzevakje heeft geen naam die een schermlezer kan voorlezen.",
    "aria-tooltip-name": "Een tooltip heeft geen tekst.",
    "aria-valid-attr-value": "Een ARIA-eigenschap heeft een waarde die niet klopt (bijvoorbeeld een verwijzing naar iets dat niet bestaat).",
    "aria-valid-attr": "Een ARIA-eigenschap heeft een naam die niet bestaat (een tikfout?).",
    "audio-caption": "Een geluidsfragment heeft geen ondertiteling of uitgeschreven tekst.",
    "autocomplete-valid": "Een invoerveld zegt verkeerd wat voor gegevens erin horen (autocomplete).",
    "avoid-inline-spacing": "De regelafstand of letterafstand van een tekst is vastgezet, zodat lezers die niet groter kunnen maken.",
    "blink": "Er staat knipperende tekst op de pagina.",
    "button-name": "Een knop heeft geen tekst of naam. Een schermlezer zegt dan alleen 'knop'.",
    "bypass": "Er is geen manier om het menu over te slaan en meteen naar de inhoud te gaan.",
    "color-contrast": "Tekst heeft te weinig kleurcontrast met de achtergrond en is daardoor slecht leesbaar "
    "(nodig: 4,5 staat tot 1 voor gewone tekst, 3 staat tot 1 voor grote tekst).",
    "css-orientation-lock": "De pagina werkt maar in één stand (staand of liggend) van telefoon of tablet.",
    "definition-list": "Een lijst met begrippen (<dl>) is verkeerd opgebouwd.",
    "dlitem": "Een begrip of uitleg (<dt>, <dd>) staat niet in een lijst met begrippen.",
    "document-title": "De pagina heeft geen titel. Die titel ziet u in het tabblad en hoort u in een schermlezer.",
    "duplicate-id-aria": "Twee elementen hebben hetzelfde id, terwijl een label of ARIA-verwijzing dat id gebruikt.",
    "form-field-multiple-labels": "Een invoerveld heeft meer dan één label.",
    "frame-focusable-content": "Een ingebed venster (iframe) met knoppen of links kan niet met het toetsenbord bereikt worden.",
    "frame-title-unique": "Twee ingebedde vensters (iframes) hebben dezelfde naam.",
    "frame-title": "Een ingebed venster (iframe, bijvoorbeeld een video) heeft geen naam.",
    "html-has-lang": "De pagina zegt niet in welke taal ze geschreven is; een schermlezer spreekt de tekst dan mogelijk verkeerd uit.",
    "html-lang-valid": "De taal van de pagina is verkeerd opgegeven.",
    "html-xml-lang-mismatch": "De pagina geeft twee verschillende talen op.",
    "image-alt": "Een afbeelding heeft geen tekstalternatief (alt-tekst). Wie niet kan zien, weet dan niet wat erop staat. "
    "Schrijf bij elke foto in de Markdown tussen de [ ] wat erop te zien is.",
    "input-button-name": "Een invoerknop heeft geen tekst.",
    "input-image-alt": "Een knop die uit een afbeelding bestaat heeft geen tekstalternatief.",
    "label-content-name-mismatch": "De naam die een schermlezer voorleest past niet bij de tekst die u op de knop of link ziet.",
    "label": "Een invoerveld heeft geen label: het is niet duidelijk wat u moet invullen.",
    "link-in-text-block": "Een link in een alinea is alleen aan de kleur te herkennen. Onderstreep links, of zorg voor meer contrast.",
    "link-name": "Een link heeft geen tekst. Een schermlezer zegt dan alleen 'link'.",
    "list": "Een lijst is verkeerd opgebouwd: er staat iets anders in dan lijstpunten.",
    "listitem": "Een lijstpunt staat niet in een lijst.",
    "marquee": "Er staat bewegende (lopende) tekst op de pagina.",
    "meta-refresh": "De pagina ververst zichzelf of stuurt u na een tijdje door naar een andere pagina.",
    "meta-viewport": "Inzoomen op een telefoon is uitgezet.",
    "nested-interactive": "Een knop of link staat binnen een andere knop of link.",
    "no-autoplay-audio": "Geluid of video begint vanzelf te spelen.",
    "object-alt": "Een ingebed object heeft geen tekstalternatief.",
    "p-as-heading": "Een alinea ziet eruit als een kop (vet of groot), maar is geen echte kop. Gebruik # of ## in de Markdown.",
    "role-img-alt": "Een afbeelding heeft geen tekstalternatief.",
    "scrollable-region-focusable": "Een deel van de pagina dat zelf scrolt (bijvoorbeeld een brede tabel) is niet met het toetsenbord te bereiken.",
    "select-name": "Een keuzelijst heeft geen label.",
    "server-side-image-map": "Een klikbare afbeelding werkt alleen met een muis.",
    "summary-name": "Een uitklapblok heeft geen titel.",
    "svg-img-alt": "Een tekening (SVG) heeft geen tekstalternatief.",
    "table-fake-caption": "Een tabel gebruikt een cel als titel in plaats van een echte tabeltitel.",
    "target-size": "Een knop of link is te klein om goed aan te tikken (minder dan 24 bij 24 pixels, te dicht bij een andere).",
    "td-has-header": "In een grote tabel hoort een cel bij geen enkele kolom- of rijkop.",
    "td-headers-attr": "Een tabelcel verwijst naar een kop die niet in dezelfde tabel staat.",
    "th-has-data-cells": "Een kop in een tabel hoort bij geen enkele cel.",
    "valid-lang": "Een stuk tekst geeft een taal op die niet bestaat.",
    "video-caption": "Een video heeft geen ondertiteling.",
}


def uitleg(rule_id: str, english: str) -> str:
    """The Dutch text for a rule, or axe-core's English text when we have none."""
    return UITLEG.get(rule_id, english)


def ernst(impact: str | None) -> str:
    return ERNST.get(impact or "", "onbekend")
