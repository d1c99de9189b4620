"""``kompas new``: a starter content folder for a framework and edition."""

from __future__ import annotations

import sys
from pathlib import Path

from kompas_site import profiles
from kompas_site.commands.common import OK, ONBRUIKBAAR
from kompas_site.scaffold import write_scaffold


def add_arguments(parser) -> None:
    kaders = profiles.kaders()
    soorten = sorted({s for k in kaders.values() for s in k.edities})
    parser.add_argument("map", metavar="MAP", help="de nieuwe map voor uw rapport, bijvoorbeeld 'kwaliteitsbeeld-2025'")
    parser.add_argument("--kader", required=True, choices=sorted(kaders), help="het kwaliteitskader")
    parser.add_argument("--soort", required=True, choices=soorten, help="de soort rapport")
    parser.add_argument("--jaar", required=True, type=int, help="het jaar waarover u rapporteert, bijvoorbeeld 2025")


def run(args) -> int:
    kader = profiles.kader(args.kader)
    if args.soort not in kader.edities:
        print(
            f"De soort '{args.soort}' hoort niet bij het kader '{args.kader}'. "
            f"Kies een van: {', '.join(kader.edities)}.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    target = Path(args.map)
    if target.exists() and any(target.iterdir()):
        print(
            f"De map '{target}' bestaat al en is niet leeg. Kies een nieuwe map, zodat er niets overschreven wordt.",
            file=sys.stderr,
        )
        return ONBRUIKBAAR
    written = write_scaffold(target, kader, kader.edities[args.soort], args.jaar)
    print(
        f"Een nieuw {kader.edities[args.soort].naam.lower()} over {args.jaar} staat klaar in {target} "
        f"({len(written)} bestanden)."
    )
    print("Zo gaat u verder:")
    print(f"  1. Vul de naam van uw organisatie in, in {target / 'kompas.yml'}.")
    print("  2. Schrijf de pagina's: vervang de handreikingen en [invullen] door uw eigen tekst.")
    print(f"  3. Controleer wat er nog ontbreekt:   kompas check {target}")
    print(f"  4. Bekijk het resultaat:               kompas serve {target}")
    print(f"  5. Maak de website om te publiceren:  kompas build {target} -o site")
    return OK
