"""The ``kompas`` command: build, check, serve, new, print, audit."""

from __future__ import annotations

import argparse
import sys

from kompas_site import __version__
from kompas_site.commands import (
    aanlever,
    archief,
    audit,
    build,
    check,
    export,
    leesbaarheid,
    new,
    serve,
    uitleg,
    word_import,
)
from kompas_site.commands import print as print_verb
from kompas_site.commands.common import ONBRUIKBAAR, Stop, print_problems
from kompas_site.errors import ContentError

VERBS = {
    "build": (build, "maak de website (standaard van de map 'content' naar 'site')"),
    "check": (check, "controleer of alle onderdelen van het kader er zijn"),
    "serve": (serve, "bekijk het rapport tijdens het schrijven, met live bijwerken"),
    "new": (new, "begin een nieuw rapport voor een kader, soort en jaar"),
    "print": (print_verb, "maak PDF's om te printen: makkelijk lezen, een meeleesversie en het hele rapport"),
    "audit": (audit, "controleer de gebouwde website in een echte browser op toegankelijkheid en privacy"),
    "uitleg": (uitleg, "leg uit wat een melding van 'kompas check' betekent en hoe u hem oplost"),
    "leesbaarheid": (leesbaarheid, "meet of een pagina makkelijk genoeg is voor de begrijpelijke versie"),
    "aanlever": (
        aanlever,
        "toon de antwoorden voor het Zorginstituut en de uiterste datum, en (met --url) of de site online klopt; "
        "u typt de antwoorden zelf in het portaal van uw gegevensmakelaar",
    ),
    "archief": (
        archief,
        "bouw meerdere edities tot één website: elke editie onder haar eigen jaar (2025/), met een pagina van "
        "alle edities; het adres van een editie verandert nooit",
    ),
    "import": (word_import, "maak van een Word-bestand een pagina van het rapport, met de afbeeldingen"),
    "export": (export, "schrijf de begrijpelijke versie als één Word-bestand, voor meelezers en keurmerk"),
}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse, with its own words in Dutch: the usage line, the headings and the help option."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message):  # argparse exits with 2 too; say it in Dutch
        self.print_usage(sys.stderr)
        verb = self.prog.split()[-1]
        help_text = "kompas --help" if verb == "kompas" else f"kompas {verb} --help"
        print(
            f"kompas: dit commando klopt niet ({_dutch(message)}). Zie '{help_text}'.",
            file=sys.stderr,
        )
        sys.exit(ONBRUIKBAAR)


def _dutch(message: str) -> str:
    """argparse's English reasons, in the words an author understands."""
    for english, dutch in (
        ("argument OPDRACHT: invalid choice: ", "onbekende opdracht "),
        ("invalid choice: ", "onbekende keuze "),
        ("(choose from ", "(kies uit "),
        ("the following arguments are required: ", "dit ontbreekt nog: "),
        ("unrecognized arguments: ", "onbekend: "),
        ("expected one argument", "hier hoort een waarde achter"),
        ("invalid int value: ", "geen heel getal: "),
        ("usage: ", "gebruik: "),
    ):
        message = message.replace(english, dutch)
    return message


def parser() -> argparse.ArgumentParser:
    main = _Parser(prog="kompas", description="Maak van Markdown en YAML een toegankelijk kwaliteitsbeeld.")
    main.add_argument(
        "--version", action="version", version=f"kompas-site {__version__}", help="toon de versie en stop"
    )
    verbs = main.add_subparsers(dest="verb", metavar="OPDRACHT", parser_class=_Parser)
    verbs.required = True
    for name, (module, help_text) in VERBS.items():
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a command that does not parse
        return exit_.code if isinstance(exit_.code, int) else ONBRUIKBAAR
    except ContentError as error:  # a broken profile file of kompas-site itself (the choices of 'new')
        print_problems(error, None)
        return ONBRUIKBAAR
    try:
        return args.run(args)
    except Stop as stop:
        return stop.code
    except ContentError as error:  # unusable input found outside load_and_check
        print_problems(error, getattr(args, "content_dir", None))
        return ONBRUIKBAAR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
