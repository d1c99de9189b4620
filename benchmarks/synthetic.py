"""A synthetic report in content contract v1, of any size, for the scale benchmark.

``generate(folder, pages)`` writes a Kwaliteitskompas Gehandicaptenzorg 2023 kwaliteitsbeeld over 2025:
- ``kompas.yml`` and a ``speerpunten.yml`` with ten goals that use every status;
- ``pages`` content pages: the home page ``index.md`` and the rest spread evenly over three bouwsteen
  folders (``01-bouwsteen-1/`` ...), each with its own ``index.md``; together they name every required
  element of the kwaliteitsbeeld in ``onderdelen``;
- an easy-read twin (``NAAM.begrijpelijk.md``) for a third of the pages, all pages that name an element
  among them;
- ``pages // 10`` stories in ``verhalen/`` (perspectief client, verwant, professional in turn);
- 300-600 words of Dutch-ish prose per page, with headings, lists, now and then a table, and links to
  other pages and stories.

Deterministic: the same ``pages`` and ``seed`` give byte-identical files. "Pages" counts content pages
only; twins and stories come on top (1,000 pages -> 334 twins and 100 stories, 1,434 Markdown files).
"""

from __future__ import annotations

import os
import posixpath
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from kompas_site.dutch import MONTHS

FOLDERS = [
    ("01-bouwsteen-1", 1, "Bouwsteen 1: het zorgproces rond de persoon"),
    ("02-bouwsteen-2", 2, "Bouwsteen 2: ervaringen van mensen met een beperking"),
    ("03-bouwsteen-3", 3, "Bouwsteen 3: professionele ontwikkeling"),
]
# Required elements of the kwaliteitsbeeld (gehandicaptenzorg-2023) and the page that names each.
SPECIAL_PAGES = {
    # path: (title, onderdelen)
    "02-bouwsteen-2/0001-clientervaringen.md": (
        "Uitkomsten van het onderzoek naar cliëntervaringen",
        ["clientervaringen"],
    ),
    "02-bouwsteen-2/0002-ervaringsverhalen.md": ("Ervaringsverhalen: wat mensen ons vertelden", ["ervaringsverhalen"]),
    "03-bouwsteen-3/0001-speerpunten-terugblik.md": ("Terugblik op onze speerpunten", ["speerpunten-terugblik"]),
    "03-bouwsteen-3/0002-speerpunten-vooruitblik.md": ("Speerpunten voor 2026 en 2027", ["speerpunten-vooruitblik"]),
    "03-bouwsteen-3/0003-visitatie.md": ("Verslag van de visitatie", ["visitatie"]),
}
MIN_PAGES = 1 + len(FOLDERS) + len(SPECIAL_PAGES)

ORGANISATIE = "Stichting De Meerstroom"
PLAATSEN = [
    "Haverdijk",
    "Lindenveen",
    "Molenbeek",
    "Oostervaart",
    "Zandhoven",
    "Bergerveld",
    "Wolderwijk",
    "Kromme Akker",
    "Veldhuizen",
    "Noorderlaag",
    "Ruigenhoek",
    "Sluisdorp",
]
LOCATIES = [
    "De Esdoorn",
    "Wilgenlaan",
    "De Kweektuin",
    "Het Baken",
    "De Linde",
    "Het Anker",
    "De Vlonder",
    "Kastanjehof",
    "De Boomgaard",
    "Het Veerhuis",
    "De Hoeve",
    "Parkzicht",
    "De Molenwiek",
    "Het Palet",
    "De Zonnewijzer",
    "Meidoornlaan",
    "De Sprong",
    "Het Zwanenhuis",
]
SOORTEN = [
    "woonlocatie",
    "dagbesteding",
    "logeerhuis",
    "ambulant team",
    "kinderdagcentrum",
    "werkplaats",
    "behandelcentrum",
]
ONDERWERPEN = {
    1: [
        "het ondersteuningsplan",
        "eigen regie",
        "onvrijwillige zorg",
        "medicatieveiligheid",
        "gezondheid",
        "wonen en thuis voelen",
        "dagbesteding en werk",
        "de avonden en weekenden",
        "contact met familie",
        "slapen en rust",
        "eten en drinken",
        "vrije tijd",
    ],
    2: [
        "het ervaringsonderzoek",
        "gesprekken met ervaringsdeskundigen",
        "de cliëntenraad",
        "de verwantenraad",
        "de uitkomsten per locatie",
        "wat cliënten missen",
        "wat verwanten zeggen",
        "vertrouwen en veiligheid",
        "de keuze van het instrument",
        "luisteren zonder woorden",
    ],
    3: [
        "teamreflectie",
        "moreel beraad",
        "inwerken van nieuwe collega's",
        "scholing",
        "werkdruk",
        "samenwerken met gedragsdeskundigen",
        "leren van incidenten",
        "vakmanschap",
        "de rol van de teamleider",
        "vrijwilligers",
        "verzuim en vitaliteit",
    ],
}
VOORNAMEN = [
    "Kees",
    "Samira",
    "Dennis",
    "Noor",
    "Gert",
    "Fatima",
    "Jan",
    "Ilse",
    "Mohammed",
    "Anouk",
    "Bram",
    "Yara",
    "Henk",
    "Lotte",
    "Sven",
    "Esra",
    "Wim",
    "Daan",
    "Priya",
    "Ruud",
]
ROLLEN = [
    "begeleider",
    "persoonlijk begeleider",
    "teamleider",
    "gedragsdeskundige",
    "verpleegkundige",
    "ervaringsdeskundige",
    "vrijwilliger",
    "logopedist",
    "arts verstandelijk gehandicapten",
]
MAANDEN = list(MONTHS)
DOMEINEN = [
    "lichamelijk-welbevinden",
    "psychisch-welbevinden",
    "betekenisvolle-contacten-en-relaties",
    "deelname-aan-de-samenleving",
    "persoonlijke-ontwikkeling",
    "materieel-welzijn",
    "zelfbepaling",
    "belangen",
]
PERSPECTIEVEN = ["client", "verwant", "professional"]

ZINNEN = [
    "Op {loc} in {plaats} praten cliënten vaker zelf mee over {onderwerp}.",
    "In {maand} spraken we met {getal} cliënten en hun verwanten over {onderwerp}.",
    "Het team van {loc} merkte dat {onderwerp} meer tijd kost dan we dachten.",
    '{naam}, {rol} op {loc}, zegt: "We doen het nu samen, en dat merk je aan alles."',
    "Dat lukte niet overal even goed: op {loc2} ging het rooster voor.",
    "{pct}% van de cliënten zegt dat hij zich thuis voelt op de locatie.",
    "In 2023 was dat nog {pct2}%, dus we zien een duidelijke stap vooruit.",
    "Verwanten willen vooral weten wie ze kunnen bellen als er iets is.",
    "We leerden dat een goed gesprek begint met de vraag wat iemand zelf belangrijk vindt.",
    "De cliëntenraad las mee en vroeg ons om eerlijk te zijn over wat niet lukte.",
    "Niet alles ging goed: door het tekort aan collega's vielen sommige activiteiten uit.",
    "Een vaste begeleider maakt voor veel cliënten het grootste verschil.",
    "We gebruiken daarvoor pictogrammen, foto's en korte zinnen, zodat iedereen kan meedoen.",
    "Samen met de gedragsdeskundige zocht het team naar een andere oplossing.",
    "Dat vraagt tijd, en die tijd is er niet altijd.",
    "Op {getal} van de {getal2} locaties is dit nu gewoon geworden.",
    "We blijven hierover in gesprek met de cliëntenraad en de ondernemingsraad.",
    "Wat goed werkt, delen we in het overleg van de teamleiders.",
    "De uitkomsten bespraken we in elk team, met een plaat vol cijfers en citaten.",
    "Cliënten noemen hun begeleiders bij naam, en dat zegt veel.",
    "Een vrijwilliger gaat nu om de week mee naar de markt in {plaats}.",
    "In het najaar keken we terug: wat hielp, wat hield ons tegen, en wat doen we anders?",
    "Het aantal meldingen over {onderwerp} daalde van {getal2} naar {getal}.",
    "Het ervaringsonderzoek laat zien dat dit op {loc} beter gaat dan gemiddeld.",
    "Wie nieuw is, krijgt een maatje dat de cliënten en hun gewoonten al kent.",
    "Sommige plannen zijn nog te lang en te moeilijk; daar werken we aan.",
    "We merken dat kleine dingen, zoals samen koken, veel betekenen.",
    "Het team nam zich voor om elke maand een kwartier te praten over {onderwerp}.",
]
EENVOUDIG = [
    "Wij willen dat jij je thuis voelt.",
    "Je mag zelf zeggen wat je belangrijk vindt.",
    "Je begeleider luistert naar jou.",
    "Soms ging het niet goed.",
    "Er waren te weinig collega's.",
    "Daarom vielen sommige dingen uit.",
    "Nu gaat het beter.",
    "Je familie mag meepraten, als jij dat wilt.",
    "We gebruiken plaatjes en korte zinnen.",
    "Heb je een vraag? Bel dan je begeleider.",
    "De cliëntenraad las deze tekst.",
    "Zij zeiden wat beter kon.",
    "We gaan samen verder.",
]
KOPPEN = [
    "Wat we deden",
    "Wat ging goed?",
    "Wat was moeilijk?",
    "Wat zeggen de cijfers?",
    "Wat we leerden",
    "Hoe gaan we verder?",
    "Een voorbeeld uit de praktijk",
    "Wat cliënten vertelden",
    "Wat verwanten vertelden",
    "Wat collega's zeggen",
    "Onze afspraken",
]
LIJSTEN = [
    [
        "vaker samen plannen maken",
        "kortere plannen, met plaatjes",
        "één vaste begeleider per cliënt",
        "meer doen in de avond",
        "elke maand een gesprek met de familie",
        "een vast aanspreekpunt",
    ],
    [
        "een training voor het hele team",
        "een gespreksleider van buiten het team",
        "vaste tijd in het rooster",
        "een maatje voor nieuwe collega's",
        "terugkijken na elk incident",
    ],
]

_WORD = re.compile(r"[^\W_]+")


@dataclass
class PageSpec:
    path: str  # relative to the content folder
    title: str
    onderdelen: list[str] = field(default_factory=list)
    bouwsteen: int = 1
    twin: bool = False


@dataclass
class Summary:
    pages: int
    twins: int
    stories: int
    speerpunten: int
    words: int  # prose words in content pages (not twins or stories)


def _slug(text: str) -> str:
    text = text.lower().replace("ë", "e").replace("é", "e").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def plan(pages: int, seed: int = 7) -> list[PageSpec]:
    """The content pages: home, three folder index pages, the special pages, the rest spread evenly."""
    if pages < MIN_PAGES:
        raise ValueError(f"at least {MIN_PAGES} pages are needed to cover every element")
    rng = random.Random(f"plan-{seed}")
    specs = [PageSpec("index.md", "Kwaliteitsbeeld 2025", ["betrokkenheid"], 1)]
    for folder, nummer, titel in FOLDERS:
        specs.append(PageSpec(f"{folder}/index.md", titel, [f"bouwsteen-{nummer}"], nummer))
    for path, (titel, onderdelen) in SPECIAL_PAGES.items():
        nummer = int(path.split("/")[0][-1])
        specs.append(PageSpec(path, titel, onderdelen, nummer))
    # Pages per folder, its index page included; the special pages are numbered 0001 and up.
    per_folder = {f: sum(1 for s in specs if s.path.startswith(f + "/")) for f, _, _ in FOLDERS}
    seen: set[str] = set()
    remaining = pages - len(specs)
    for _ in range(remaining):
        # Fill the folder with the fewest pages, so they stay within one page of each other.
        folder, nummer, _ = min(FOLDERS, key=lambda f: (per_folder[f[0]], f[0]))
        per_folder[folder] += 1
        while True:
            loc, plaats = rng.choice(LOCATIES), rng.choice(PLAATSEN)
            onderwerp = rng.choice(ONDERWERPEN[nummer])
            titel = f"{onderwerp[:1].upper()}{onderwerp[1:]} op {loc} in {plaats}"
            slug = _slug(f"{onderwerp} {loc} {plaats}")
            if slug not in seen:
                break
        seen.add(slug)
        specs.append(PageSpec(f"{folder}/{per_folder[folder] - 1:04d}-{slug}.md", titel, [], nummer))
    # A third of the pages get an easy-read twin: every page that names an element of the framework (the
    # easy-read version should cover them all), and regular pages spread evenly for the rest.
    wanted = (pages + 2) // 3
    named = [s for s in specs if s.onderdelen]
    regular = [s for s in specs if not s.onderdelen]
    for spec in named:
        spec.twin = True
    extra = max(0, wanted - len(named))
    for k in range(extra):
        regular[k * len(regular) // extra].twin = True
    return specs


def _fill(rng: random.Random, template: str, nummer: int) -> str:
    getal2 = rng.randint(12, 60)
    pct = rng.randint(55, 95)
    return template.format(
        loc=rng.choice(LOCATIES),
        loc2=rng.choice(LOCATIES),
        plaats=rng.choice(PLAATSEN),
        onderwerp=rng.choice(ONDERWERPEN[nummer]),
        maand=rng.choice(MAANDEN),
        getal=rng.randint(3, getal2 - 1),
        getal2=getal2,
        pct=pct,
        pct2=max(10, pct - rng.randint(3, 20)),
        naam=rng.choice(VOORNAMEN),
        rol=rng.choice(ROLLEN),
    )


def _link(rng: random.Random, source: str, targets: list[tuple[str, str]]) -> str:
    path, title = rng.choice(targets)
    rel = posixpath.relpath(path, posixpath.dirname(source) or ".")
    return f"[{title[:1].lower()}{title[1:]}]({rel})"


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _body(
    rng: random.Random, spec: PageSpec, targets: list[tuple[str, str]], stories: list[tuple[str, str]]
) -> tuple[str, int]:
    """Prose of 300-600 words: an opening paragraph, sections with paragraphs, lists, tables, links."""
    goal = rng.randint(300, 600)
    nummer = spec.bouwsteen
    blocks: list[str] = []
    words = 0
    headings = rng.sample(KOPPEN, len(KOPPEN))
    links_left = rng.randint(1, 3)
    table_done = rng.random() > 0.3  # about one page in three gets a table
    while words < goal:
        if blocks and rng.random() < 0.35 and headings:
            blocks.append(f"## {headings.pop()}")
        kind = rng.random()
        if kind < 0.12 and blocks:
            items = rng.sample(rng.choice(LIJSTEN), 3)
            block = "\n".join(f"- {item};" for item in items[:-1]) + f"\n- {items[-1]}."
        elif kind < 0.2 and not table_done:
            table_done = True
            rows = [
                f"| {rng.choice(LOCATIES)} | {rng.randint(40, 80)}% | {rng.randint(55, 98)}% |"
                for _ in range(rng.randint(3, 6))
            ]
            block = "| Locatie | 2023 | 2025 |\n| --- | ---: | ---: |\n" + "\n".join(rows)
        else:
            sentences = [_fill(rng, rng.choice(ZINNEN), nummer) for _ in range(rng.randint(3, 6))]
            if links_left and rng.random() < 0.5:
                links_left -= 1
                pool = stories if stories and rng.random() < 0.3 else targets
                sentences.append(f"Lees ook {_link(rng, spec.path, pool)}.")
            block = " ".join(sentences)
        blocks.append(block)
        words += _words(block)
    if links_left:
        blocks.append(f"Meer hierover lees je in {_link(rng, spec.path, targets)}.")
        words += _words(blocks[-1])
    return "\n\n".join(blocks) + "\n", words


def _easy_body(rng: random.Random) -> str:
    parts = []
    for heading in rng.sample(["Waar gaat dit over?", "Wat ging goed?", "Wat moet beter?", "Wat gaan we doen?"], 3):
        parts.append(f"## {heading}")
        parts.append(" ".join(rng.sample(EENVOUDIG, rng.randint(4, 6))))
    return "\n\n".join(parts) + "\n"


def _front(**fields) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif isinstance(value, str) and (":" in value or value[:1] in "\"'[{&*!|>%@`#"):
            escaped = value.replace('"', '\\"')
            lines.append(f'{key}: "{escaped}"')
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


KOMPAS_YML = f"""\
# Een verzonnen rapport voor de schaal-benchmark (benchmarks/scale.py).
organisatie:
  naam: {ORGANISATIE}
  website: https://www.example.org
kader: gehandicaptenzorg-2023
editie:
  soort: kwaliteitsbeeld
  jaar: 2025
  publicatiedatum: 2026-05-28
verantwoordelijk: Raad van Bestuur
"""

# A consent record, as every client's or relative's story needs one (never published).
TOESTEMMING = """\
toestemming:
  datum: 2026-02-03
  geldig_tot: 2027-12-31
  vastgelegd_door: teamleider Wonen
"""

STATUSES = [
    "behaald",
    "behaald",
    "deels-behaald",
    "deels-behaald",
    "niet-behaald",
    "doorgezet",
    "doorgezet",
    "nieuw",
    "nieuw",
    "nieuw",
]


def _speerpunten(rng: random.Random) -> str:
    lines = ["speerpunten:"]
    for i, status in enumerate(STATUSES, start=1):
        nummer = (i - 1) % 3 + 1
        onderwerp = rng.choice(ONDERWERPEN[nummer])
        lines += [
            f"  - id: speerpunt-{i:02d}",
            f'    titel: "Beter werken aan {onderwerp}"',
            f"    bouwsteen: {nummer}",
            f"    status: {status}",
        ]
        if status != "nieuw" or i % 2 == 0:  # 'nieuw' may go without an explanation
            text = " ".join(_fill(rng, rng.choice(ZINNEN), nummer) for _ in range(3)).replace('"', "'")
            lines.append(f'    toelichting: "{text}"')
        lines.append("")
    return "\n".join(lines)


def generate(root: Path, pages: int, seed: int = 7) -> Summary:
    """Write the report into ``root`` (created; must be empty or absent)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise ValueError(f"{root} is not empty")
    specs = plan(pages, seed)
    rng = random.Random(f"content-{seed}-{pages}")
    _write(root, "kompas.yml", KOMPAS_YML)
    _write(root, "speerpunten.yml", _speerpunten(rng))

    story_specs = []
    for i in range(max(1, pages // 10)):
        naam = VOORNAMEN[i % len(VOORNAMEN)]
        perspectief = PERSPECTIEVEN[i % 3]  # the first story is a client's
        loc = rng.choice(LOCATIES)
        who = {
            "client": naam,
            "verwant": f"De zus van {naam}",
            "professional": f"{rng.choice(ROLLEN).capitalize()} {naam}",
        }
        titel = f"{who[perspectief]} over het leven op {loc}"
        story_specs.append((f"verhalen/{i + 1:03d}-{_slug(naam)}-{_slug(loc)}.md", titel, perspectief))
    targets = [(s.path, s.title) for s in specs]
    stories = [(path, titel) for path, titel, _ in story_specs]

    words = 0
    for spec in specs:
        body, count = _body(rng, spec, [t for t in targets if t[0] != spec.path], stories)
        words += count
        _write(
            root,
            spec.path,
            _front(title=spec.title, onderdelen=spec.onderdelen) if spec.onderdelen else _front(title=spec.title),
        )
        with open(root / spec.path, "a", encoding="utf-8") as stream:
            stream.write(body)
        if spec.twin:
            twin = spec.path[: -len(".md")] + ".begrijpelijk.md"
            _write(root, twin, _front(title=spec.title) + _easy_body(rng))

    for path, titel, perspectief in story_specs:
        nummer = rng.randint(1, 3)
        spec = PageSpec(path, titel, [], nummer)
        body, _ = _body(rng, spec, targets, [])
        front = _front(
            title=titel,
            perspectief=perspectief,
            bouwsteen=nummer,
            domeinen=rng.sample(DOMEINEN, rng.randint(1, 3)),
            citaat=_fill(rng, rng.choice(ZINNEN[:8]), nummer).replace('"', "'"),
        )
        front = front[: -len("---\n\n")] + TOESTEMMING + "---\n\n"
        _write(root, path, front + body)
    return Summary(
        pages=len(specs),
        twins=sum(s.twin for s in specs),
        stories=len(story_specs),
        speerpunten=len(STATUSES),
        words=words,
    )


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic report of N content pages into DIR.")
    parser.add_argument("dir", type=Path, help="the folder to write (made if missing)")
    parser.add_argument("pages", type=int, help="the number of content pages")
    args = parser.parse_args()
    target = args.dir
    print(generate(target, args.pages))
    print(f"{sum(1 for _ in target.rglob('*.md'))} Markdown files in {os.fspath(target)}")
