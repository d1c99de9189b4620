"""Assemble: a checked report -> the pages of the site, its navigation and page links.

Plain data for any site engine: generated pages as Markdown, the navigation as a tree of
source paths, the output path of every source page, the easy-read/full switch per page,
and the draft banner. The MkDocs adapter only translates this.
"""

from __future__ import annotations

from kompas_site.assemble import locaties, speerpunten, toegankelijkheid, zoeken
from kompas_site.assemble.begrijpelijk import GLOSSARY, easy_read_version
from kompas_site.assemble.cijfers import key_figures, linked_stories, place_figures, placements, story_link
from kompas_site.assemble.huisstijl import house_style
from kompas_site.assemble.meelezen import place_readers
from kompas_site.assemble.mensen import author_line, signatures
from kompas_site.assemble.menu import Menu, listings, relative_link
from kompas_site.assemble.navigation import NavItem, build_nav, walk
from kompas_site.assemble.site import GeneratedPage, Site, Switch
from kompas_site.assemble.templates import render
from kompas_site.assemble.verhalen import (
    OVERVIEW,
    OVERVIEW_TITLE,
    STORIES_PER_PART,
    overview,
    place_cards,
    story_intro,
)
from kompas_site.check.findings import FOUT, WAARSCHUWING
from kompas_site.check.result import STATUS_LABEL, CheckResult
from kompas_site.check.rules.downloads import inaccessible_pdfs
from kompas_site.errors import ContentError, Problem
from kompas_site.model import FIGURE_BLOCK, LISTING_PART_SIZE, STORIES_DIR, STORY_CARD
from kompas_site.paths import EASY_READ_DIR, output_path, output_paths, page_address, site_source
from kompas_site.sanitise import markdown_text

HOME = "index.md"
SPEERPUNTEN = "speerpunten.md"
WAAR_VIND_IK_WAT = "waar-vind-ik-wat.md"
EASY_READ = "Makkelijk lezen"
FULL = "Uitgebreide versie"
STORIES_NAMED = 10  # "Waar vind ik wat?" names this many stories, then links to all of them
PAGES_NAMED = 5  # ... and this many pages per element, then links to a listing of all of them
ELEMENT_LISTINGS = "waar-vind-ik-wat"  # the folder of those listings: waar-vind-ik-wat/<element>.md
TITLES = {WAAR_VIND_IK_WAT: "Waar vind ik wat?"}  # the speerpunten page's title is in the organisation's words


def assemble(result: CheckResult, draft: bool = False) -> Site:
    report = result.report
    woorden = report.settings.woorden
    home_title = report.home.title if report.home else _home_title(result)
    home_intro = render("home-feiten.md", **_facts(result))
    main_pages, element_listings = _element_listings(result)
    generated = [
        GeneratedPage(SPEERPUNTEN, speerpunten.title(woorden), _speerpunten(result)),
        GeneratedPage(WAAR_VIND_IK_WAT, TITLES[WAAR_VIND_IK_WAT], _waar_vind_ik_wat(result, main_pages)),
        *element_listings,
    ]
    kader = result.kader
    location_pages = locaties.location_pages(report, kader, SPEERPUNTEN)
    generated += location_pages
    markdown = {}
    for page in report.pages:  # story cards placed by the authors
        if STORY_CARD.search(page.body):
            markdown[page.path] = place_cards(page, page.body, report, kader)
    easy = easy_read_version(report)
    section_pages = {}
    story_parts = []  # the overview's later parts, when there are many stories
    if report.stories:
        parts = overview(report, kader, {p.path for p in report.pages})
        source, title, text = parts[0]
        if report.page(OVERVIEW):
            markdown[OVERVIEW] = text
        else:
            generated.append(GeneratedPage(OVERVIEW, title, text))
            section_pages[STORIES_DIR] = NavItem(OVERVIEW_TITLE, OVERVIEW)
        story_parts = [GeneratedPage(*part) for part in parts[1:]]
        generated += story_parts
    if report.home is None:
        generated.insert(0, GeneratedPage(HOME, home_title, f"# {markdown_text(home_title)}\n\n{home_intro}"))
    else:
        markdown[HOME] = after_title(markdown.get(HOME, report.home.body), home_intro)
    if easy.home is not None or easy.twins:  # the easy-read version has its own page of speerpunten
        generated.append(
            GeneratedPage(speerpunten.EASY_PAGE, speerpunten.easy_title(woorden), speerpunten.easy_page(result))
        )
        easy.pages.add(speerpunten.EASY_PAGE)
        easy.nav.insert(len(easy.nav) - 1, NavItem(speerpunten.easy_title(woorden), speerpunten.EASY_PAGE))
    generated += easy.generated
    generated.append(GeneratedPage(zoeken.PAGE, zoeken.TITLE, render("zoeken.md")))
    # linked from the footer; written once every page's address is known (below)
    generated.append(GeneratedPage(toegankelijkheid.PAGE, toegankelijkheid.TITLE, ""))
    markdown.update(easy.markdown)
    for made in generated:
        if report.page(made.source):
            raise ContentError(
                Problem(
                    f"De naam '{made.source}' is gereserveerd voor een pagina die kompas-site zelf maakt. "
                    "Geef uw pagina een andere bestandsnaam.",
                    made.source,
                )
            )
    leading = [
        NavItem(home_title, HOME),
        NavItem(TITLES[WAAR_VIND_IK_WAT], WAAR_VIND_IK_WAT),
        NavItem(zoeken.TITLE, zoeken.PAGE),
    ]
    trailing = [NavItem(speerpunten.title(woorden), SPEERPUNTEN)]
    if location_pages:
        trailing.insert(0, NavItem(locaties.TITLE, locaties.OVERVIEW))
    nav = build_nav(report, leading=leading, trailing=trailing, section_pages=section_pages)
    outputs = output_paths([p.source for p in generated] + [p.path for p in report.pages] + sorted(easy.twins))
    taken = set(outputs.values())
    fixed = frozenset(item.source for item in leading + trailing if item.source)  # in every menu, however long
    full_listings, full_root, full_pages = listings(nav, "", home_title, taken, fixed)
    easy_fixed = frozenset(s for s in (easy.home, GLOSSARY, speerpunten.EASY_PAGE) if s is not None and s in easy.pages)
    easy_listings, easy_root, easy_pages = listings(easy.nav, EASY_READ_DIR, EASY_READ, taken, easy_fixed)
    listing_pages = full_pages + easy_pages
    outputs.update({p.source: output_path(site_source(p.source)) for p in listing_pages})  # names still free
    statement = toegankelijkheid.page(
        report,
        result.kader.naam,
        result.editie.naam,
        addresses=sorted({page_address(o) for o in outputs.values()}),
        pdfs=inaccessible_pdfs(report.root, result.published),
    )
    generated = [
        GeneratedPage(g.source, g.title, statement) if g.source == toegankelijkheid.PAGE else g for g in generated
    ]
    figure_stories, placed = linked_stories(report), placements(report)
    for with_figures in report.all_pages:  # figure sets placed by the authors: the easy-read form in a twin
        if FIGURE_BLOCK.search(with_figures.body):
            text = markdown.get(with_figures.path, with_figures.body)
            markdown[with_figures.path] = place_figures(
                with_figures, text, report, outputs, figure_stories, with_figures.is_twin
            )
    for read in report.all_pages:  # who read which pages along: [[meegelezen]] placed by the authors
        text = markdown.get(read.path, read.body)
        placed_list = place_readers(read, text, report)
        if placed_list is not text:
            markdown[read.path] = placed_list
    for story in report.stories:
        intro = story_intro(story, kader, outputs[story.path], woorden) + story_link(story, report, placed)
        markdown[story.path] = after_title(markdown.get(story.path, story.body), intro)
    # who wrote a page (under its title) and who signs it (under its text); a twin shows its page's author
    written = [(p, None) for p in report.pages] + [(p.twin, p) for p in report.pages if p.twin]
    for page, main in written + [(t, None) for t in report.orphan_twins]:
        door, signed = author_line(page, main), signatures(page)
        if door or signed:
            body = markdown.get(page.path, page.body)
            markdown[page.path] = (after_title(body, door) if door else body).rstrip("\n") + "\n" + signed
    easy_read = easy.pages | {p.source for p in easy_pages}
    menu = Menu(nav, full_listings, full_root, fixed)
    site = Site(
        generated=generated + listing_pages,
        outputs=outputs,
        nav=nav,
        twins=easy.twins,
        markdown=markdown,
        easy_read=easy_read,
        menu=menu,
        easy_menu=Menu(easy.nav, easy_listings, easy_root, easy_fixed),
        listings={p.source for p in listing_pages},
        off_menu=({p.source for p in listing_pages + story_parts + element_listings + location_pages} - _sources(nav))
        | easy_read
        | {toegankelijkheid.PAGE},
    )
    part_sources = {part.source for part in story_parts + element_listings}
    for number, part in enumerate(story_parts, start=1):  # the overview's later parts, in the stories' section
        menu.attach(part.source, OVERVIEW, number * STORIES_PER_PART)
    house_files, site.huisstijl = house_style(report)
    site.data_files.update(house_files)
    for made in location_pages[1:]:  # each location page in the menu under the overview of locations
        menu.attach(made.source, locaties.OVERVIEW, -1)
    site.data_files[zoeken.INDEX] = zoeken.search_index(
        report, outputs, [(g.source, g.title, g.markdown) for g in generated if g.source not in part_sources]
    )
    for page in report.pages:
        if page.twin:
            site.switches[page.path] = Switch(page.twin.path, EASY_READ, True)
            site.switches[page.twin.path] = Switch(page.path, FULL, False)
        elif easy.home:  # no twin of its own: the easy-read home is the way in
            site.switches[page.path] = Switch(easy.home, EASY_READ, True)
    for made in site.generated:
        if made.source == speerpunten.EASY_PAGE:
            site.switches[made.source] = Switch(SPEERPUNTEN, FULL, False)
        elif made.source == SPEERPUNTEN and speerpunten.EASY_PAGE in easy_read:
            site.switches[made.source] = Switch(speerpunten.EASY_PAGE, EASY_READ, True)
        elif made.source in easy_read:
            site.switches[made.source] = Switch(HOME, FULL, False)
        elif easy.home:
            site.switches[made.source] = Switch(easy.home, EASY_READ, True)
    if draft:
        site.draft = _draft(result)
    return site


def _sources(nav: list[NavItem]) -> set[str]:
    return {item.source for item in walk(nav) if item.source}


def after_title(markdown: str, block: str) -> str:
    """Place a block under the page's leading '# title' line, or at the top."""
    lines = markdown.lstrip("\n").split("\n")
    if lines and lines[0].startswith("# "):
        return lines[0] + "\n\n" + block + "\n" + "\n".join(lines[1:])
    return block + "\n" + markdown


def _home_title(result: CheckResult) -> str:
    return f"{result.editie.naam} {result.report.settings.editie.jaar}"


def _facts(result: CheckResult) -> dict:
    settings = result.report.settings
    return {
        "settings": settings,
        "kader": result.kader,
        "editie": result.editie,
        "deadline": result.deadline,
        "speerpunten": SPEERPUNTEN,
        "waar_vind_ik_wat": WAAR_VIND_IK_WAT,
        "has_speerpunten": bool(result.report.speerpunten),
        "locaties": locaties.OVERVIEW if settings.locaties else None,
        "eerdere_edities": [
            {
                "titel": e.titel,
                "link": e.bestand or e.url,
                "jaar": e.jaar if e.jaar and str(e.jaar) not in e.titel else None,
            }
            for e in settings.eerdere_edities
        ],
        "woorden": settings.woorden,
        "eigen": settings.woorden.apply,  # a kader's text in the organisation's own words
        "kerncijfers": key_figures(settings.kerncijfers),
    }


def _speerpunten(result: CheckResult) -> str:
    return speerpunten.page(result, _facts(result))


def _waar_vind_ik_wat(result: CheckResult, main_pages: dict[str, tuple]) -> str:
    return render(
        "waar-vind-ik-wat.md",
        coverage=result.coverage,
        status_label=STATUS_LABEL,
        stories=result.report.stories,
        verhalen_overzicht=OVERVIEW,
        verhalen_genoemd=STORIES_NAMED,
        hoofdpaginas=main_pages,
        **_facts(result),
    )


def _element_listings(result: CheckResult) -> tuple[dict[str, tuple], list[GeneratedPage]]:
    """For an element that many pages describe: the few pages "Waar vind ik wat?" names (those with an
    easy-read twin first, then a chapter's index page), with the link to a listing of them all; and
    that listing, in parts of ``LISTING_PART_SIZE``."""
    main_pages: dict[str, tuple] = {}
    pages: list[GeneratedPage] = []
    for item in result.coverage:
        if len(item.pages) <= PAGES_NAMED:
            continue
        ordered = sorted(item.pages, key=lambda p: (p.twin is None, not p.path.endswith("index.md")))
        element = item.onderdeel
        count = -(-len(ordered) // LISTING_PART_SIZE)
        parts = [f"{ELEMENT_LISTINGS}/{element.id}{'' if n == 1 else f'-{n}'}.md" for n in range(1, count + 1)]
        main_pages[element.id] = (ordered[:PAGES_NAMED], parts[0], len(ordered))
        base = f"Alle pagina's over {result.report.settings.woorden.apply(element.titel)}"
        for number, source in enumerate(parts, start=1):
            start = (number - 1) * LISTING_PART_SIZE
            part = ordered[start : start + LISTING_PART_SIZE]
            title = base if count == 1 else f"{base} (deel {number} van {count})"
            text = render(
                "overzicht.md",
                titel=title,
                sectie=result.report.settings.woorden.apply(element.titel),
                items=[(p.title, relative_link(p.path, ELEMENT_LISTINGS), False) for p in part],
                per_deel=LISTING_PART_SIZE,
                deel=number,
                delen=[relative_link(p, ELEMENT_LISTINGS) for p in parts],
                van=start + 1,
                tot=start + len(part),
                totaal=len(ordered),
            )
            pages.append(GeneratedPage(source, title, text))
    return main_pages, pages


def _draft(result: CheckResult) -> dict:
    return {
        "open": [
            {
                "id": c.onderdeel.id,
                "titel": result.report.settings.woorden.apply(c.onderdeel.titel),
                "status": STATUS_LABEL[c.status],
            }
            for c in result.open_items
        ],
        "fouten": result.count(FOUT),
        "waarschuwingen": result.count(WAARSCHUWING),
        "meldingen": [
            {"ernst": f.severity, "tekst": f.message, "waar": f.location(), "bestand": f.file}
            for f in result.findings
            if f.severity in (FOUT, WAARSCHUWING)
        ],
    }
