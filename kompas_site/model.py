"""The one model of a report that every later step reads (check, assemble, render)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kompas_site.errors import Problem
from kompas_site.woorden import Woorden

TWIN_SUFFIX = ".begrijpelijk.md"
STORIES_DIR = "verhalen"
# A story card placed in a page: a line of its own, "[[verhaal: gert-op-zichzelf]]".
STORY_CARD = re.compile(r"^[ \t]*\[\[\s*verhaal\s*:\s*(?P<naam>[^\]\s]+)\s*\]\][ \t]*$", re.MULTILINE | re.IGNORECASE)
# Who read which pages along and when (``meegelezen:`` in their front matter): a line of its own, "[[meegelezen]]".
READERS_LIST = re.compile(r"^[ \t]*\[\[\s*meegelezen\s*\]\][ \t\r]*$", re.MULTILINE | re.IGNORECASE)

# Pages kompas-site makes itself; an author's page cannot have these names.
RESERVED_PAGES = (
    "speerpunten.md",
    "waar-vind-ik-wat.md",
    "zoeken.md",
    "begrijpelijk/woordenlijst.md",
    "begrijpelijk/speerpunten.md",
    "toegankelijkheid.md",
)
LOCATIONS_DIR = "locaties"  # generated when kompas.yml lists locaties: locaties/index.md, locaties/<id>.md
# The latest result of 'kompas audit ... --bewaar': read by the build for the accessibility statement, never published.
AUDIT_FILE = "toegankelijkheid/audit.json"
DATA_FILES = ("kompas.yml", "speerpunten.yml", "woordenlijst.yml", AUDIT_FILE)  # read by the build, never published
CIJFERS_DIR = "cijfers"  # figure sets (YAML, and the CSV files they name): data, read by the build, never published
# A figure set placed in a page: a line of its own, "[[cijfers: veiligheid]]" (cijfers/veiligheid.yml).
FIGURE_BLOCK = re.compile(r"^[ \t]*\[\[\s*cijfers\s*:\s*(?P<naam>[^\]\s]+)\s*\]\][ \t]*$", re.MULTILINE | re.IGNORECASE)
GENERATED_PAGES = RESERVED_PAGES  # an author may link to these as if they had written them
STORIES_OVERVIEW = "verhalen/index.md"  # generated when the author wrote none

# A long section's pages are listed on overview pages in parts of this many (assemble/menu.py); a folder
# with more than LONG_SECTION pages gets a warning (check/omvang.py): readers lose their way in it.
LISTING_PART_SIZE = 50
LONG_SECTION = 100

# The statuses a speerpunt can have, with the label readers see.
SPEERPUNT_STATUS = {
    "behaald": "Behaald",
    "deels-behaald": "Deels behaald",
    "niet-behaald": "Niet behaald",
    "doorgezet": "Doorgezet",
    "nieuw": "Nieuw",
    "gestopt": "Gestopt",
}
# ... and in easy words, for the easy-read version.
SPEERPUNT_STATUS_MAKKELIJK = {
    "behaald": "Gelukt",
    "deels-behaald": "Een deel is gelukt",
    "niet-behaald": "Niet gelukt",
    "doorgezet": "We gaan door",
    "nieuw": "Nieuw",
    "gestopt": "Gestopt",
}


@dataclass(frozen=True)
class Organisatie:
    naam: str
    website: str | None = None
    logo: str | None = None  # a file in the content folder, relative posix path (checked: check/rules/huisstijl.py)
    huiskleur: str | None = None  # "#rrggbb" as the author wrote it; the site may use a darker shade


@dataclass(frozen=True)
class Editie:
    soort: str
    jaar: int
    publicatiedatum: date | None = None


@dataclass(frozen=True)
class Contact:
    """``contact:`` in ``kompas.yml``: the organisation's own e-mail addresses and phone numbers, which
    the privacy check allows in the text, and its postal address (the check does not look for addresses)."""

    email: tuple[str, ...] = ()
    telefoon: tuple[str, ...] = ()
    adres: str | None = None


@dataclass(frozen=True)
class Toegestaan:
    """One value the personal-data scan may leave alone (``toegestaan:`` in ``kompas.yml`` or in a page's
    front matter), with the author's reason: e.g. the foundation's RSIN, which ANBI rules oblige it to publish."""

    waarde: str
    reden: str


@dataclass(frozen=True)
class Locatie:
    """One location of the organisation (``locaties:`` in ``kompas.yml``); pages, stories and goals name it by id."""

    id: str
    naam: str
    plaats: str
    regio: str | None = None

    @property
    def label(self) -> str:
        """How cards and lists name it: 'Woonlocatie De Esdoorn, Haverdijk'."""
        return f"{self.naam}, {self.plaats}" if self.plaats else self.naam


@dataclass(frozen=True)
class EerdereEditie:
    """An earlier edition (``eerdere_edities:`` in ``kompas.yml``): a file in the content folder or an address."""

    titel: str
    bestand: str | None = None  # posix path from the content folder, published as a download
    url: str | None = None
    jaar: int | None = None


@dataclass(frozen=True)
class VorigSpeerpunt:
    """A goal as the previous edition published it (its ``speerpunten.yml`` or its ``kwaliteitsbeeld.json``)."""

    id: str
    titel: str
    bouwstenen: tuple[int, ...] = ()
    status: str | None = None


@dataclass(frozen=True)
class VorigeEditie:
    """The edition before this one (``vorige_editie:`` in ``kompas.yml``): what the chain of goals needs."""

    bron: str  # where it was read, as the author wrote it
    organisatie: str
    kader: str  # the framework's id
    soort: str
    jaar: int
    speerpunten: tuple[VorigSpeerpunt, ...] = ()
    # The address of its speerpunten page: absolute (https://...), or relative to this edition's root inside
    # an archive ('../2023/speerpunten/'); None when unknown (then the speerpunten page shows no link).
    speerpunten_adres: str | None = None

    @property
    def aangekondigd(self) -> tuple[VorigSpeerpunt, ...]:
        """The goals it announced for the years after it: status nieuw or doorgezet."""
        return tuple(g for g in self.speerpunten if g.status in ANNOUNCED)


ANNOUNCED = ("nieuw", "doorgezet")  # statuses of goals that must come back in the next edition


@dataclass(frozen=True)
class Archiefplek:
    """An edition's place in an archive of editions (``kompas archief``): the notice on top of each page of an
    older edition, and the roots of the other editions, relative to this edition's root."""

    melding: dict | None = None  # {"tekst", "nieuwer", "titel", "url"} (url relative to this edition's root)
    edities: dict = field(default_factory=dict)  # (kader, jaar) -> '../2023/'


@dataclass(frozen=True)
class Kerncijfer:
    """One key figure (``kerncijfers:`` in ``kompas.yml``), shown on the home page: '1.240' cliënten."""

    label: str
    waarde: str  # as the author wrote it; a number is shown in Dutch notation
    toelichting: str | None = None


@dataclass(frozen=True)
class Onderzoek:
    """A named manual accessibility evaluation (an expert's report), with its date: a file or an address."""

    titel: str
    datum: date
    bestand: str | None = None  # posix path from the content folder, published as a download
    url: str | None = None


@dataclass(frozen=True)
class BekendProbleem:
    """A known accessibility problem, as the model statement describes it."""

    criterium: str  # a WCAG success criterion, like '1.4.3'
    oorzaak: str
    gevolg: str
    alternatief: str | None = None
    oplossing: str | None = None
    planning: str | None = None  # when it is fixed, as the author writes it


@dataclass(frozen=True)
class Toegankelijkheid:
    """``toegankelijkheid:`` in ``kompas.yml``: what a machine cannot know for the accessibility statement."""

    goedgekeurd_door: str | None = None
    functie: str | None = None
    datum: date | None = None
    onderzoek: Onderzoek | None = None
    bekende_problemen: tuple[BekendProbleem, ...] = ()
    antwoord_binnen: int | None = None  # working days within which a reader gets an answer


@dataclass(frozen=True)
class AuditRegel:
    """One rule of the automated check that some pages break."""

    regel: str
    uitleg: str  # Dutch
    wcag: tuple[str, ...]
    paginas: int
    ernst: str = ""


@dataclass(frozen=True)
class AuditUitslag:
    """The saved result of ``kompas audit`` (``toegankelijkheid/audit.json``)."""

    file: str
    gecontroleerd_op: datetime | None  # None: an older file without the date (the file's own time is used)
    paginas: int
    vensters: tuple[str, ...] = ()
    axe_versie: str = ""
    norm: str = ""
    regels: tuple[AuditRegel, ...] = ()
    verzoeken_naar_buiten: int = 0
    niet_gecontroleerd: int = 0
    mtime: float = 0.0  # the file's modification time
    # The addresses of the pages it looked at, within the site ('/', '/speerpunten/'), unquoted; None for an
    # older result that does not list them.
    adressen: frozenset[str] | None = None
    bron: str = ""  # what was checked: the folder or address given to 'kompas audit'

    @property
    def ok(self) -> bool:
        return not self.regels and not self.verzoeken_naar_buiten and not self.niet_gecontroleerd

    @property
    def when(self) -> datetime:
        return self.gecontroleerd_op or datetime.fromtimestamp(self.mtime)


@dataclass(frozen=True)
class Settings:
    """``kompas.yml``: who publishes what, under which framework."""

    organisatie: Organisatie
    kader: str
    editie: Editie
    verantwoordelijk: str | None = None
    visitatie: str | None = None  # "in-kwaliteitsbeeld" | "in-voortgangsbericht": where the cycle's report is
    contact: Contact = field(default_factory=Contact)  # may appear in the text (not personal data)
    toegestaan: tuple[Toegestaan, ...] = ()  # values the personal-data scan allows, each with a reason
    file: str = "kompas.yml"
    site_url: str | None = None  # the site's public address (https://...), when the author gives it
    woorden: Woorden = field(default_factory=Woorden)  # the organisation's own words (woorden.py)
    locaties: tuple[Locatie, ...] = ()  # the organisation's locations, in the author's order
    eerdere_edities: tuple[EerdereEditie, ...] = ()
    kerncijfers: tuple[Kerncijfer, ...] = ()
    toegankelijkheid: Toegankelijkheid = field(default_factory=Toegankelijkheid)
    vorige_editie: str | None = None  # the previous edition: a content folder, a kwaliteitsbeeld.json, or a URL
    lines: dict = field(default_factory=dict, compare=False, repr=False)

    def line(self, *path: str | int) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


@dataclass
class Page:
    """One Markdown file written by the authors."""

    path: str  # posix path relative to the content folder, e.g. "02-zorgproces/index.md"
    title: str
    body: str  # Markdown without front matter
    body_line: int  # the line in the file where ``body`` starts (1-based)
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict, repr=False)
    onderdelen: list[str] = field(default_factory=list)
    locaties: list[str] = field(default_factory=list)  # ids of the locations this page is about
    twin: Page | None = None  # the easy-read twin (NAME.begrijpelijk.md)
    # Front matter the loader could read but not use as written (a photo at an outside address, a list
    # where one text belongs): reported as findings (check/rules/shape.py), so the rest of the report is checked.
    shape_problems: list[Problem] = field(default_factory=list, repr=False)

    @property
    def is_twin(self) -> bool:
        return self.path.lower().endswith(TWIN_SUFFIX)

    @property
    def is_story(self) -> bool:
        return self.path.split("/", 1)[0] == STORIES_DIR and not self.path.endswith("/index.md")

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)

    @property
    def is_index(self) -> bool:
        name = posixpath.basename(self.path)
        return name in ("index.md", "index" + TWIN_SUFFIX)

    def meta_line(self, key: str) -> int | None:
        return self.meta_lines.get((key,))


@dataclass(frozen=True)
class Speerpunt:
    """One focus goal from ``speerpunten.yml``."""

    id: str
    titel: str
    bouwstenen: tuple[int, ...]  # empty: a goal for the whole organisation
    status: str | None
    toelichting: str
    line: int | None = None
    locaties: tuple[str, ...] = ()  # ids of the locations this goal is about
    lines: dict = field(default_factory=dict, compare=False, repr=False)
    doel: str | None = None  # what would count as success
    resultaat: str | None = None  # what was measured
    eigenaar: str | None = None
    periode: str | None = None
    pagina: str | None = None  # the page that tells more, as the author wrote it
    geleerd: str | None = None
    vervolg: str | None = None


@dataclass(frozen=True)
class Reeks:
    """One column of a figure set: a group that answered (Cliënten), or a line in a trend."""

    naam: str
    n: int | None = None  # how many people answered (required with eenheid procent)
    line: int | None = None


@dataclass(frozen=True)
class Rij:
    """One row of a figure set: a question or a year, with one value per series (None: not asked)."""

    label: str
    waarden: tuple[float | None, ...]
    makkelijk: str | None = None  # the easy-read sentence's ending
    line: int | None = None


@dataclass
class Cijferset:
    """A figure set: ``cijfers/NAME.yml`` (with its rows there, or in the CSV file it names)."""

    naam: str  # the file name without .yml: what [[cijfers: NAME]] and a story's 'cijfers:' use
    file: str  # e.g. 'cijfers/veiligheid.yml'
    titel: str = ""
    bron: str | None = None
    eenheid: str = "procent"  # procent | aantal | dagen | euro | a free word ('gesprekken')
    grafiek: str = "staaf"  # staaf | lijn | geen
    reeksen: tuple[Reeks, ...] = ()
    rijen: tuple[Rij, ...] = ()
    csv: str | None = None  # the CSV file the rows came from, relative to the content folder
    makkelijk: str | None = None  # the easy-read ending for every row (a trend, or rows from a CSV file)
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # key path -> line in the YAML file
    # What could not be read (YAML, schema, CSV): each one a finding; a set with problems is not drawn.
    problems: list[Problem] = field(default_factory=list, repr=False)
    csv_problems: list[Problem] = field(default_factory=list, repr=False)

    @property
    def usable(self) -> bool:
        return not self.problems and not self.csv_problems and bool(self.reeksen)

    def line(self, *path: Any) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


@dataclass
class Report:
    root: Path
    settings: Settings
    pages: list[Page]  # main pages, stories included, twins attached to them (not listed here)
    speerpunten: list[Speerpunt] | None  # None when there is no speerpunten.yml
    speerpunten_file: str = "speerpunten.yml"
    orphan_twins: list[Page] = field(default_factory=list)  # twins without a page beside them
    media: list[str] = field(default_factory=list)  # files under media/, relative posix paths
    files: list[str] = field(default_factory=list)  # every file in the content folder, relative posix paths
    duplicate_twins: list[Page] = field(default_factory=list)  # a second twin for a page that has one
    woordenlijst: dict[str, str] = field(default_factory=dict)  # the organisation's own terms
    woordenlijst_lines: dict[str, int] = field(default_factory=dict)
    woordenlijst_vormen: dict[str, tuple[str, ...]] = field(default_factory=dict)  # other forms the author gave
    # Symbolic links that lead out of the content folder: (relative path, where it points); never read.
    outside: list[tuple[str, str]] = field(default_factory=list)
    loops: list[str] = field(default_factory=list)  # links to a folder that contains them; never entered
    cijfers: dict[str, Cijferset] = field(default_factory=dict)  # figure sets by name (cijfers/NAME.yml)
    audit: AuditUitslag | None = None  # the saved 'kompas audit' result (AUDIT_FILE), when there is one
    audit_problems: list[Problem] = field(default_factory=list, repr=False)  # why it could not be read
    vorige: VorigeEditie | None = None  # read by load/vorige.py (pipeline), not by load_report
    vorige_problemen: list[Problem] = field(default_factory=list, repr=False)  # why it could not be used

    @property
    def twins(self) -> list[Page]:
        """Every easy-read twin: those beside a page, then those without one."""
        return [p.twin for p in self.pages if p.twin] + list(self.orphan_twins)

    @property
    def data_files(self) -> set[str]:
        """Files the build reads as data and never publishes: kompas.yml and the like, the figure sets
        and the CSV files they read."""
        found = {f for f in self.files if f in DATA_FILES}
        previous = (self.settings.vorige_editie or "").replace("\\", "/").removeprefix("./")
        if previous in self.files:  # the previous edition's kwaliteitsbeeld.json, kept beside the report
            found.add(previous)
        for figures in self.cijfers.values():
            found.add(figures.file)
            if figures.csv:
                found.add(figures.csv)
        return found

    @property
    def all_pages(self) -> list[Page]:
        """Every Markdown page the authors wrote: pages, stories and easy-read twins."""
        return self.pages + self.twins

    @property
    def stories(self) -> list[Page]:
        return [p for p in self.pages if p.is_story]

    @property
    def home(self) -> Page | None:
        return next((p for p in self.pages if p.path == "index.md"), None)

    def page(self, path: str) -> Page | None:
        return next((p for p in self.pages if p.path == path), None)

    def linked_page(self, written: str) -> Page | None:
        """The page a data file names ('05-speerpunten/terugblik.md', also without '.md', with a leading
        '/' or './', or a folder for its index page); None when there is none."""
        path = written.strip().replace("\\", "/").lstrip("/")
        while path.startswith("./"):
            path = path[2:]
        path = path.split("#", 1)[0].rstrip("/")
        candidates = [path, f"{path}.md", f"{path}/index.md"] if path else ["index.md"]
        for candidate in candidates:
            found = next((p for p in self.all_pages if p.path == candidate), None)
            if found:
                return found
        return None
