"""``kompas leesbaarheid``: is this page easy enough to read for the begrijpelijke versie?"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from kompas_site.commands.common import FOUTEN, OK, ONBRUIKBAAR
from kompas_site.dutch import getal, procent

SHOW_SENTENCES = 10  # in the text for people; --json lists every hard sentence


def add_arguments(parser) -> None:
    parser.add_argument(
        "file",
        metavar="BESTAND",
        help="de Markdown-pagina die u wilt meten, bijvoorbeeld content/index.begrijpelijk.md",
    )
    parser.add_argument(
        "--organisatie",
        metavar="NAAM",
        help="de naam van uw organisatie: die telt niet als lang of moeilijk woord (zonder deze optie: "
        "de naam uit de kompas.yml in de map van de pagina of een map daarboven)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="geef de metingen en de moeilijke zinnen als JSON (voor automatische controles)",
    )


def run(args) -> int:
    from kompas_site.easyread.readability import analyse, has_open_front_matter, known_words

    path = Path(args.file)
    text = _read(path)
    if text is None:
        return ONBRUIKBAAR
    if has_open_front_matter(text):
        return _unusable(
            f"De kop van '{path}' begint met --- maar wordt niet afgesloten. Zet een regel met "
            "alleen --- onder de laatste regel van de kop."
        )
    organisatie = args.organisatie if args.organisatie is not None else organisation_name(path)
    result = analyse(text, known=known_words(organisatie or ""))
    if result.empty:
        return _unusable(
            f"In '{path}' staat geen tekst om te meten. Alleen gewone zinnen en opsommingen tellen "
            "mee; koppen, tabellen, code, HTML en de gegevens tussen de regels met --- niet."
        )
    if args.json:
        data = {"bestand": str(path), "organisatie": organisatie or None, **result.as_dict()}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(as_text(result, str(path), organisatie=organisatie))
    return OK if result.meets_easy_read else FOUTEN


def organisation_name(page: Path) -> str | None:
    """``organisatie.naam`` from the kompas.yml nearest above the page, if it can be read. Only the
    name is read: a kompas.yml with problems elsewhere is the checker's business, not this measurement's."""
    from kompas_site.errors import ContentError
    from kompas_site.load.settings import FILE
    from kompas_site.load.yamlsource import parse_yaml

    for folder in page.resolve().parents:
        if (folder / FILE).is_file():
            try:
                data = parse_yaml((folder / FILE).read_text(encoding="utf-8"), FILE).data
            except (ContentError, OSError, ValueError, RecursionError):
                return None
            organisatie = data.get("organisatie") if isinstance(data, dict) else None
            naam = organisatie.get("naam") if isinstance(organisatie, dict) else None
            return naam.strip() or None if isinstance(naam, str) else None
    return None


def _read(path: Path) -> str | None:
    if not path.exists():
        _unusable(f"Het bestand '{path}' bestaat niet. Controleer de naam en de map.")
        return None
    if not path.is_file():
        _unusable(
            f"'{path}' is geen bestand maar een map. Geef één pagina op, bijvoorbeeld "
            f"'{path / 'index.begrijpelijk.md'}'."
        )
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        _unusable(
            f"'{path}' is geen tekst in UTF-8. Sla het bestand op als UTF-8 (in de meeste tekstverwerkers: "
            "'Opslaan als', codering UTF-8) en probeer het opnieuw."
        )
    except OSError as error:
        _unusable(f"'{path}' kan niet gelezen worden ({error.strerror or error}).")
    return None


def _unusable(message: str) -> int:
    print(f"kompas leesbaarheid: {message}", file=sys.stderr)
    return ONBRUIKBAAR


def as_text(result, file: str, width: int = 100, organisatie: str | None = None) -> str:
    from kompas_site.easyread import readability as r

    def row(label, value, limit="", ok=None):
        mark = "" if ok is None else ("  goed" if ok else "  te moeilijk")
        return f"  {label:<24}{value:<7} {limit:<40}{mark}".rstrip()

    passive = result.passive_sentences
    wps_ok = result.words_per_sentence <= r.MAX_WORDS_PER_SENTENCE
    douma_ok = result.douma >= r.MIN_DOUMA
    long_ok = result.long_word_share <= r.MAX_LONG_WORD_SHARE
    rare_ok = result.rare_word_share <= r.MAX_RARE_WORD_SHARE
    lines = [
        f"Leesbaarheid van {file}",
        "",
        row("Zinnen", str(len(result.sentences))),
        row("Woorden", str(result.words)),
        row(
            "Woorden per zin",
            getal(result.words_per_sentence, 1, None if wps_ok else r.MAX_WORDS_PER_SENTENCE),
            f"makkelijk lezen: hoogstens {getal(r.MAX_WORDS_PER_SENTENCE, 0)}",
            wps_ok,
        ),
        row("Lettergrepen per woord", getal(result.syllables_per_word, 2)),
        row(
            "Flesch-Douma",
            getal(result.douma, 1, None if douma_ok else r.MIN_DOUMA),
            f"makkelijk lezen: minstens {getal(r.MIN_DOUMA, 0)}",
            douma_ok,
        ),
        row(
            "Lange woorden",
            procent(result.long_word_share, beyond=None if long_ok else r.MAX_LONG_WORD_SHARE),
            f"{r.LONG_WORD} letters of meer; hoogstens {procent(r.MAX_LONG_WORD_SHARE)}",
            long_ok,
        ),
        row(
            "Weinig bekende woorden",
            procent(result.rare_word_share, beyond=None if rare_ok else r.MAX_RARE_WORD_SHARE),
            f"hoogstens {procent(r.MAX_RARE_WORD_SHARE)}",
            rare_ok,
        ),
        row("Langste zin", f"{result.longest_sentence} woorden"),
        row("Lijdende vorm", f"{passive} {'zin' if passive == 1 else 'zinnen'}"),
        "",
    ]
    if organisatie:
        lines += [f"De naam '{organisatie}' telt niet als lang of moeilijk woord.", ""]
    if result.meets_easy_read:
        lines.append("Deze tekst is makkelijk genoeg voor de begrijpelijke versie.")
    else:
        lines += textwrap.wrap(
            "Deze tekst is nog niet makkelijk genoeg voor de begrijpelijke versie: "
            + "; ".join(result.problems())
            + ".",
            width,
            break_on_hyphens=False,
        )
    hard = result.hard_sentences
    if hard:
        shown = sorted(result.hardest(SHOW_SENTENCES), key=lambda s: s.line)
        lines += [
            "",
            f"Zinnen om naar te kijken ({len(hard)}):" if len(hard) > len(shown) else "Zinnen om naar te kijken:",
        ]
        for sentence in shown:
            lines.append("")
            lines += textwrap.wrap(
                sentence.advice(),
                width,
                initial_indent="  ",
                subsequent_indent="  ",
                break_on_hyphens=False,
                break_long_words=False,
            )
            lines += textwrap.wrap(
                f"“{r.kort(sentence.text, 200)}”",
                width,
                initial_indent="    ",
                subsequent_indent="    ",
                break_on_hyphens=False,
                break_long_words=False,
            )
        if len(hard) > len(shown):
            lines += [
                "",
                f"En nog {len(hard) - len(shown)} andere zinnen. Alles staat in 'kompas leesbaarheid {file} --json'.",
            ]
    elif not result.meets_easy_read:
        lines += ["", "Geen enkele zin springt eruit: maak de tekst als geheel eenvoudiger."]
    return "\n".join(lines)
