"""The one flow, for every caller: a content folder -> the model, the findings, every page of the site
and the list of files to publish.

    load -> check -> assemble -> (engine renders) -> media

``run`` is what ``kompas build``, ``kompas check``, ``kompas serve``, the MkDocs plugin, exports and the
tests all call. It returns a ``Build``: plain data and a few small functions (the template context of a
page, the finishing of a page's HTML) that an engine adapter only translates into its own objects.

Incremental preview is decided here too: each page has a fingerprint of everything it shows; given the
previous run, ``Build.changed`` names the pages to draw again and ``Build.removed`` the ones that went.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kompas_site.assemble import HOME, SPEERPUNTEN, WAAR_VIND_IK_WAT, Site, assemble
from kompas_site.assemble.downloads import label_downloads
from kompas_site.assemble.fotobron import credit_photos
from kompas_site.assemble.menu import Menu, MenuEntry
from kompas_site.assemble.navigation import walk
from kompas_site.assemble.paginalinks import page_links
from kompas_site.assemble.schrijfhulp import page_writing_aid
from kompas_site.assemble.summary import as_json, summary
from kompas_site.assemble.toegankelijkheid import LINK_TEXT as STATEMENT_LINK
from kompas_site.assemble.toegankelijkheid import PAGE as STATEMENT
from kompas_site.cache import content_key
from kompas_site.check import FOUT, WAARSCHUWING, CheckResult, check_report
from kompas_site.load import load_report
from kompas_site.load.summary import FILE as SUMMARY_FILE
from kompas_site.load.vorige import load_previous
from kompas_site.media import rewrite_images
from kompas_site.media.publish import PublishedImages, is_raster_image, publish_images
from kompas_site.model import Archiefplek
from kompas_site.paths import relative_url, site_url
from kompas_site.render import siteconfig
from kompas_site.render.hyphens import hyphenate_headings
from kompas_site.sanitise import sanitise_html

# Front matter keys the engine's templates read (the page's summary for search engines and link previews).
ENGINE_META = ("description",)


@dataclass(frozen=True)
class SitePage:
    """One page of the site, as any engine needs it."""

    source: str  # the path the engine knows it by: the author's file, or a generated page's own name
    output: str  # the file it becomes, e.g. 'over-ons/index.html'
    title: str
    markdown: str  # what to render: the author's text with our additions, or a generated page
    generated: bool
    easy_read: bool  # drawn with the easy-read layout
    in_order: bool  # in the engine's page order (previous/next); otherwise reachable, but not listed there
    meta: dict = field(default_factory=dict)  # what the engine's templates read from the author's front matter

    @property
    def url(self) -> str:
        return site_url(self.output)


@dataclass
class Build:
    result: CheckResult
    site: Site
    draft: bool
    pages: dict[str, SitePage]  # by source, in menu order
    images: dict[str, Path]  # photos the pages show: site path -> the original (only variants are published)
    files: dict[str, Path]  # other files the pages use, published as they are: site path -> file
    fingerprints: dict[str, str] = field(default_factory=dict)
    changed: frozenset[str] = frozenset()  # pages to draw again (all of them without a previous run)
    removed: frozenset[str] = frozenset()  # outputs of pages that are gone since the previous run
    published_images: PublishedImages = field(default_factory=PublishedImages)
    summary: dict = field(default_factory=dict)  # kwaliteitsbeeld.json, with the hash of this build's content
    # An older edition in an archive: "Er is een nieuwere versie" on top of every page. Not in the summary's
    # hash: the hash stays that of the edition's content, whichever editions came after it.
    melding: dict | None = None
    preview: bool = False  # a live preview (kompas serve, mkdocs serve): easy-read pages get the writing aid

    @property
    def report(self):
        return self.result.report

    @property
    def has_errors(self) -> bool:
        return self.result.has_errors

    def messages(self, serving: bool = False) -> list[tuple[bool, str]]:
        """The findings as lines for the engine's log: (loud, text). Loud are the errors, and while
        previewing the warnings too; the rest is for those who ask for more."""
        lines = []
        for f in self.result.findings:
            text = f"[{f.code}] " + (f"{f.location()}: " if f.file else "") + f.message
            lines.append((f.severity == FOUT or (serving and f.severity == WAARSCHUWING), text))
        return lines

    # -- what every page template gets -------------------------------------------------------------
    def context(self, source: str) -> dict:
        """The ``kompas`` template context of one page: draft banner, switch, menu, layout, scripts."""
        page = self.pages[source]
        site = self.site
        switch = site.switches.get(source)
        target = self.pages.get(switch.target) if switch else None
        menu = site.easy_menu if page.easy_read else site.menu
        return {
            "concept": self.banner(source),
            "editie": self.notice(page.url, page.easy_read),
            "wissel": {
                "url": relative_url(target.url, page.url),
                "label": switch.label,
                "begrijpelijk": switch.easy_read,
            }
            if switch and target
            else None,
            "menu": self._menu(menu, source, lambda t: relative_url(t.url, page.url)),
            "begrijpelijk": page.easy_read,
            "huisstijl": site.huisstijl,
            "voet": self._footer_links(lambda t: relative_url(t.url, page.url)),
        }

    def _footer_links(self, link: Callable[[SitePage], str]) -> list[dict]:
        """The links in every page's footer: the accessibility statement."""
        target = self.pages.get(STATEMENT)
        return [{"titel": STATEMENT_LINK, "url": link(target)}] if target else []

    def context_404(self, base_url: str) -> dict:
        """The 404 page has no place of its own: the top of the menu, linked from the site's root."""
        base = base_url.rstrip("/")
        full = {k: v for k, v in self.melding.items() if k != "begrijpelijk"} if self.melding else None
        notice = {**full, "url": f"{base}/{full['url']}"} if full else None
        return {
            "concept": self.banner(""),
            "editie": notice,
            "wissel": None,
            "begrijpelijk": False,
            "huisstijl": self.site.huisstijl,
            "menu": self._menu(self.site.menu, "", lambda t: f"{base}/{t.url.removeprefix('./')}"),
            "voet": self._footer_links(lambda t: f"{base}/{t.url.removeprefix('./')}"),
        }

    def notice(self, page_url: str, easy_read: bool = False) -> dict | None:
        """The notice on top of every page of an older edition in an archive, its link relative to the page;
        on an easy-read page in easy words, to the newest edition's easy-read home (when it has one)."""
        if not self.melding:
            return None
        melding = self.melding.get("begrijpelijk") if easy_read else None
        melding = {k: v for k, v in (melding or self.melding).items() if k != "begrijpelijk"}
        depth = len([part for part in page_url.split("/") if part and part != "."])
        return {**melding, "url": "../" * depth + melding["url"]}

    def banner(self, source: str) -> dict | None:
        """The draft banner of one page: the totals, and the findings about this page (the home page
        also gets those about kompas.yml, speerpunten.yml and folders). All of them are in the terminal."""
        draft = self.site.draft
        if draft is None:
            return None
        own = [
            m
            for m in draft["meldingen"]
            if m["bestand"] == source or (source == HOME and m["bestand"] not in self.pages)
        ]
        return {**draft, "meldingen": own, "totaal": len(draft["meldingen"])}

    def _menu(self, menu: Menu | None, source: str, link: Callable[[SitePage], str]) -> list[dict]:
        if menu is None:
            return []
        return self._entries(menu.entries(source), link)

    def _entries(self, entries, link) -> list[dict]:
        result = []
        for entry in entries:
            target = self.pages.get(entry.source) if entry.source else None
            result.append(
                {
                    "titel": entry.title,
                    "url": link(target) if target else "",
                    "actief": entry.current,
                    "open": entry.open,
                    "meer": entry.more,
                    "items": self._entries(entry.children, link),
                }
            )
        return result

    # -- media and the finished page -----------------------------------------------------------------
    def publish_images(self, progress: bool = True) -> PublishedImages:
        """Process every photo the pages show (a cache hit when unchanged): only variants are published."""
        self.published_images = publish_images(self.images, Path(self.report.root), progress=progress)
        return self.published_images

    def finish_html(self, source: str, html: str) -> str:
        """A page's HTML as the engine made it -> as it is published: photos as responsive pictures with their
        credit lines, links in the author's own HTML to a '.md' page going to that page's address, and
        nothing that runs or loads from another host (an allow-list sanitiser), the type and size after each
        link to a download, and soft hyphens in the long words of headings of the full version (the easy-read
        version has no hyphenation)."""
        page = self.pages[source]
        html = sanitise_html(rewrite_images(credit_photos(html), self.published_images.resolver(page.url)))
        html = label_downloads(html, page.url, self.files)
        html = page_links(html, source, page.url, {s: p.url for s, p in self.pages.items()})
        if self.preview and page.easy_read:  # what the checker knows about the page, in place
            html = page_writing_aid(self.report, source, html)
        return html if page.easy_read else hyphenate_headings(html)


def run(
    content_dir: str | Path,
    *,
    draft: bool = False,
    previous: Build | None = None,
    engine: object = (),
    archief: Archiefplek | None = None,
    haal_vorige: bool = False,
    preview: bool = False,
) -> Build:
    """Load, check and assemble the report in ``content_dir``. Raises ``ContentError`` when the input
    cannot be used at all. ``engine``: the engine's settings that show on every page (its part of each
    page's fingerprint). ``archief``: this edition's place in an archive of editions (``kompas archief``):
    the notice on an older edition's pages, and relative links to the other editions. ``haal_vorige``: fetch
    a previous edition given as a web address. ``preview``: a live preview (``kompas serve``, ``mkdocs
    serve``), not a build that may be published, concept builds included: easy-read pages show the writing
    aid (``assemble.schrijfhulp``); it implies ``draft``."""
    draft = draft or preview
    report = load_report(content_dir)
    report.vorige, report.vorige_problemen = load_previous(report, fetch=haal_vorige)
    if archief is not None and report.vorige is not None:
        root = archief.edities.get((report.vorige.kader, report.vorige.jaar))
        if root is not None:  # both in the archive: a link that works wherever the archive is published
            report.vorige = replace(report.vorige, speerpunten_adres=root + "speerpunten/")
    result = check_report(report)
    site = assemble(result, draft=draft)
    pages = _pages(result, site)
    images: dict[str, Path] = {}
    files: dict[str, Path] = {}
    root = Path(result.report.root)
    for path in result.published:
        (images if is_raster_image(path) else files)[path] = root / path
    build = Build(
        result, site, draft, pages, images, files, melding=archief.melding if archief else None, preview=preview
    )
    build.fingerprints = _fingerprints(build, engine)
    build.summary = summary(
        result,
        pages,
        {**images, **files},
        site.data_files,
        home=HOME,
        speerpunten_page=SPEERPUNTEN,
        waar_vind_ik_wat=WAAR_VIND_IK_WAT,
        banners={source: build.banner(source) for source in pages} if draft else None,
        draft=draft,
    )
    site.data_files[SUMMARY_FILE] = as_json(build.summary)  # published at the root, like the search index
    if previous is None:
        build.changed = frozenset(pages)
    else:
        build.changed = frozenset(s for s, key in build.fingerprints.items() if previous.fingerprints.get(s) != key)
        build.removed = frozenset({p.output for p in previous.pages.values()} - {p.output for p in pages.values()})
    return build


def _pages(result: CheckResult, site: Site) -> dict[str, SitePage]:
    report = result.report
    generated = {page.source: page for page in site.generated}
    author = {page.path: page for page in report.all_pages}
    order = [item.source for item in walk(site.nav) if item.source]
    rest = sorted((set(author) | set(generated)) - set(order))
    pages = {}
    for source in dict.fromkeys(order + rest):
        if source in generated:
            page = generated[source]
            title, markdown, made = page.title, page.markdown, True
        elif source in author:
            written = author[source]
            title, markdown, made = written.title, site.markdown.get(source, written.body), False
        else:
            continue
        output = site.outputs.get(source)
        if output is None:
            continue
        meta = {} if made else {k: author[source].meta[k] for k in ENGINE_META if k in author[source].meta}
        pages[source] = SitePage(
            source, output, title, markdown, made, source in site.easy_read, source not in site.off_menu, meta
        )
    return pages


def _fingerprints(build: Build, engine: object) -> dict[str, str]:
    """A key per page that changes when anything the page shows changes: its own text, or anything every
    page shows (the menu, titles and addresses of pages, the banner's totals, photos, theme, settings)."""
    site = build.site
    everything = content_key(
        [(item.title, item.source) for item in walk(site.nav)],
        [(item.title, item.source) for item in walk(site.easy_menu.items)] if site.easy_menu else [],
        sorted((p.source, p.output, p.title) for p in build.pages.values()),
        sorted((k, repr(v)) for k, v in site.switches.items()),
        {k: v for k, v in (site.draft or {}).items() if k != "meldingen"},
        len((site.draft or {}).get("meldingen", [])),
        siteconfig.site_name(build.result),
        siteconfig.footer(build.result),
        sorted((url, _stat(path)) for url, path in build.images.items()),
        sorted((url, _stat(path)) for url, path in build.files.items()),  # a download's size is on its link
        siteconfig.theme_signature(),
        build.melding,
        build.preview,
        sorted(site.huisstijl.items()),  # the logo and the house-colour stylesheet every page links to
        engine,
    )
    # The writing aid on an easy-read page says which hard words the woordenlijst does not explain yet.
    glossary = sorted(build.report.woordenlijst.items()) if build.preview else ()
    return {
        source: content_key(
            everything, source, page.markdown, page.easy_read, build.banner(source), glossary if page.easy_read else ()
        )
        for source, page in build.pages.items()
    }


def _stat(path: Path) -> tuple[int, int]:
    try:
        stat = os.stat(path)
        return stat.st_size, stat.st_mtime_ns
    except OSError:
        return (0, 0)


__all__ = ["Build", "MenuEntry", "SitePage", "run"]
