"""``kompas new``: a starter content folder for a framework and edition."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from kompas_site import profiles
from kompas_site.commands.common import OK, ONBRUIKBAAR
from kompas_site.dutch import opsomming
from kompas_site.scaffold import write_scaffold


def add_arguments(parser) -> None:
    kaders = profiles.kaders()
    soorten = sorted({s for k in kaders.values() for s in k.edities})
    parser.add_argument("map", metavar="MAP", help="de nieuwe map voor uw rapport, bijvoorbeeld 'kwaliteitsbeeld-2025'")
    parser.add_argument("--kader", required=True, choices=sorted(kaders), help="het kwaliteitskader")
    parser.add_argument("--soort", required=True, choices=soorten, help="de soort rapport")
    parser.add_argument("--jaar", required=True, type=int, help="het jaar waarover u rapporteert, bijvoorbeeld 2025")


def _fout(message: str) -> int:
    print(message, file=sys.stderr)
    return ONBRUIKBAAR


def _year_problem(kader: profiles.Kader, editie: profiles.EditieProfiel, jaar: int) -> str | None:
    """Why ``jaar`` does not fit this edition type, with the years that do; None when it fits."""
    if editie.fits_year(jaar):
        return None
    years = [str(j) for j in range(editie.van, editie.tot + 1) if editie.fits_year(j)]
    message = (
        f"Het jaar {jaar} past niet: een {editie.naam.lower()} in het {kader.korte_naam} gaat over "
        f"{'het jaar' if len(years) == 1 else 'de jaren'} {opsomming(years, last='of')}."
    )
    others = [e for e in kader.edities.values() if e.soort != editie.soort and e.fits_year(jaar)]
    if others:
        soorten = opsomming([f"--soort {e.soort}" for e in others], last="of")
        message += f" Over {jaar} maakt u in dit kader een {others[0].naam.lower()}: gebruik {soorten}."
    else:
        message += f" Geef bij --jaar het jaar waarover u rapporteert, bijvoorbeeld --jaar {years[-1]}."
    return message


def _file_in_the_way(target: Path) -> Path | None:
    """The target itself or the first folder on its way that is a file, not a folder."""
    for path in [*reversed(target.parents), target]:
        if path.exists() and not path.is_dir():
            return path
    return None


def _write_problem(target: Path, error: OSError) -> str:
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"kompas-site mag niet schrijven in '{target}' (de computer staat het niet toe). "
            "Kies een map waarin u zelf bestanden mag maken, bijvoorbeeld in uw eigen documenten."
        )
    if error.errno == errno.ENOSPC:
        return f"De schijf is vol: '{target}' kon niet gemaakt worden. Maak ruimte vrij of kies een andere schijf."
    reason = error.strerror or str(error)
    return f"De map '{target}' kon niet gemaakt worden ({reason}). Kies een andere map en probeer het opnieuw."


def run(args) -> int:
    kader = profiles.kader(args.kader)
    if args.soort not in kader.edities:
        return _fout(
            f"De soort '{args.soort}' hoort niet bij het kader '{args.kader}'. "
            f"Kies een van: {opsomming(list(kader.edities), last='of')}."
        )
    editie = kader.edities[args.soort]
    problem = _year_problem(kader, editie, args.jaar)
    if problem:
        return _fout(problem)
    target = Path(args.map)
    in_the_way = _file_in_the_way(target)
    if in_the_way == target:
        return _fout(
            f"'{target}' is een bestand, geen map. Kies een naam voor een nieuwe map, "
            f"bijvoorbeeld '{target.with_suffix('').name}-{args.jaar}', zodat er niets overschreven wordt."
        )
    if in_the_way is not None:
        return _fout(
            f"De map '{target}' kan niet gemaakt worden: '{in_the_way}' is een bestand, geen map. "
            "Kies een andere plek voor de nieuwe map."
        )
    if target.is_dir() and any(target.iterdir()):
        return _fout(
            f"De map '{target}' bestaat al en is niet leeg. Kies een nieuwe map, zodat er niets overschreven wordt."
        )
    try:
        written = write_scaffold(target, kader, editie, args.jaar)
    except OSError as error:
        return _fout(_write_problem(target, error) + " Er is niets aangemaakt.")
    print(f"Een nieuw {editie.naam.lower()} over {args.jaar} staat klaar in {target} ({len(written)} bestanden).")
    print("Zo gaat u verder:")
    print(f"  1. Vul de naam van uw organisatie in, in {target / 'kompas.yml'}.")
    print("  2. Schrijf de pagina's: vervang de handreikingen en [invullen] door uw eigen tekst.")
    print(f"  3. Controleer wat er nog ontbreekt:   kompas check {target}")
    print(f"  4. Bekijk het resultaat:               kompas serve {target}")
    print(f"  5. Maak de website om te publiceren:  kompas build {target} -o site")
    return OK
