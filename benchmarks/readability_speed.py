"""Benchmark: readability time per KB (not a test).

Usage: python benchmarks/readability_speed.py [--repeat 3] [--module PATH]

Measures ``analyse`` plus ``easy_read_findings`` (what ``kompas check`` asks for each easy-read page)
on generated easy-read Dutch of 10 KB, 100 KB and 1 MB, on the same text as one paragraph of 100 KB
and 1 MB, on one word of 10,000 letters and on one word of 2 MB. Every run starts with empty caches (text, syllables, word frequencies), after one
warm-up that loads pyphen's and wordfreq's data. Time per KB must be about the same on every row
of generated text: the work grows in proportion to the text.

The text is generated here (no network): short sentences in the style of an easy-read
kwaliteitsbeeld, with headings, lists, links, numbers, names and new compounds, so that the words
vary the way a real report's words do. ``--module`` measures another readability.py (for example an
older one) with the same texts.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, machine

sys.path.insert(0, str(ROOT))

KB = 1024

SINGULAR = ["De begeleider", "Kees", "Marloes", "De cliëntenraad", "Iedereen", "Mijn zus", "Het team"]
PLURAL = ["Wij", "Ze", "De bewoners", "Onze vrijwilligers"]
VERBS = [  # (with one person, with more)
    ("praat over", "praten over"),
    ("kiest", "kiezen"),
    ("maakt", "maken"),
    ("vindt", "vinden"),
    ("leert over", "leren over"),
    ("kijkt naar", "kijken naar"),
    ("vraagt om", "vragen om"),
    ("helpt met", "helpen met"),
]
THINGS = [
    "het eten",
    "de planning",
    "een nieuwe bus",
    "de tuin",
    "het werk",
    "een plan voor het jaar",
    "de vragen van cliënten",
    "de boodschappenpas",
    "het ondersteuningsplan",
    "de teamreflectie",
    "een dagje uit",
    "de visitatie",
]
ENDINGS = ["", " samen", " elke week", " in {jaar}", " met {naam}", " bij {plek}", " op {dag}"]
NAMES = ["Gert", "Fatima", "Joost", "Anouk", "Said", "Els", "Ruud", "Mirjam"]
PLACES = ["De Wilgenhoeve", "het Lindehuis", "de Zonnebloem", "locatie Noord", "het dagcentrum"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"]
PARTS = ["zorg", "team", "woon", "werk", "tuin", "kook", "lees", "fiets", "muziek", "bus", "geld", "plan"]
TAILS = ["groep", "kamer", "dag", "lijst", "club", "hoek", "pas", "week"]  # words with "de"
SHORT = [
    "Dat ging goed.",
    "Dat vonden we fijn.",
    "Dat lukte nog niet.",
    "Het plan wordt besproken.",
    "Wat vindt u?",
    "Dat doen we volgend jaar weer.",
    "Zo leren we van elkaar.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(SHORT)
    thing = rng.choice(THINGS)
    if rng.random() < 0.3:  # a new compound, as authors make them
        thing = f"de {rng.choice(PARTS)}{rng.choice(PARTS)}{rng.choice(TAILS)}"
    ending = rng.choice(ENDINGS).format(
        jaar=rng.randint(2019, 2027), naam=rng.choice(NAMES), plek=rng.choice(PLACES), dag=rng.choice(DAYS)
    )
    one = rng.random() < 0.6
    subject = rng.choice(SINGULAR if one else PLURAL)
    verb = rng.choice(VERBS)[0 if one else 1]
    return f"{subject} {verb} {thing}{ending}."


def easy_read_text(size: int, seed: int = 13) -> str:
    """Easy-read Markdown of about ``size`` characters, the same for the same size and seed."""
    rng = random.Random(seed)
    blocks = ["---\ntitle: Wat we deden\n---\n"]
    length = 0
    while length < size:
        kind = rng.random()
        if kind < 0.1:
            block = f"## {rng.choice(THINGS).capitalize()}"
        elif kind < 0.25:
            block = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 4)))
        elif kind < 0.3:
            block = f"Lees meer op [onze website](https://www.example.nl/{rng.randint(1, 99)}). {sentence(rng)}"
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        blocks.append(block)
        length += len(block) + 2
    return "\n\n".join(blocks) + "\n"


def one_paragraph(size: int) -> str:
    """The same sentences without a blank line: one paragraph (what a pasted text often is)."""
    return " ".join(line for line in easy_read_text(size).split("\n")[4:] if line and not line.startswith("#"))


def load(module: str | None):
    if not module:
        from kompas_site.easyread import readability

        return readability
    spec = importlib.util.spec_from_file_location("readability_under_test", module)
    readability = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = readability
    spec.loader.exec_module(readability)
    return readability


def empty_caches(readability) -> None:
    for name in ("_analyse", "_easy_read_findings", "syllables", "zipf", "is_rare"):
        cached = getattr(readability, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()


def measure(readability, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        empty_caches(readability)
        start = time.perf_counter()
        readability.analyse(text)
        readability.easy_read_findings(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per text (the median counts); default 3")
    parser.add_argument("--module", help="measure this readability.py instead of kompas_site's")
    args = parser.parse_args()

    readability = load(args.module)
    readability.analyse(easy_read_text(2 * KB, seed=1))  # load pyphen's and wordfreq's data once
    rows = [
        ("makkelijke tekst 10 KB", easy_read_text(10 * KB), args.repeat),
        ("makkelijke tekst 100 KB", easy_read_text(100 * KB), args.repeat),
        ("makkelijke tekst 1 MB", easy_read_text(1024 * KB), args.repeat),
        ("één alinea van 100 KB", one_paragraph(100 * KB), args.repeat),
        ("één alinea van 1 MB", one_paragraph(1024 * KB), args.repeat),
        ("één woord van 10.000 letters", "Dit is " + "kwaliteitsverbetering" * 476 + "ing.", args.repeat),
        ("één woord van 2 MB", "Dit is " + "ab" * (1024 * KB) + ".", 1),
    ]
    print(f"Leesbaarheid: tijd per KB ({machine()})")
    print()
    print(f"| {'Tekst':<30} | {'Grootte':>10} | {'Tijd':>9} | {'ms per KB':>9} |")
    print(f"| {'-' * 30} | {'-' * 10:>10} | {'-' * 9:>9} | {'-' * 9:>9} |")
    for label, text, repeat in rows:
        seconds = measure(readability, text, repeat)
        size = len(text.encode("utf-8")) / KB
        print(f"| {label:<30} | {size:>7.0f} KB | {seconds:>7.3f} s | {1000 * seconds / size:>9.2f} |", flush=True)


if __name__ == "__main__":
    main()
