"""The MkDocs adapter: the only module of kompas-site that imports ``mkdocs``.

It calls the core (load -> check -> assemble) and translates the result into MkDocs files,
navigation, warnings and template context. ``build_site`` and ``serve_site`` run MkDocs
programmatically for the ``kompas`` command.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from kompas_site.assemble import HOME, Site, assemble
from kompas_site.assemble.menu import MenuEntry
from kompas_site.assemble.navigation import NavItem, walk
from kompas_site.cache import cache_dir, content_key
from kompas_site.check import FOUT, TIP, WAARSCHUWING, CheckResult, check_report
from kompas_site.errors import ContentError
from kompas_site.load import load_report
from kompas_site.media import rewrite_images
from kompas_site.media.publish import PublishedImages, is_raster_image, publish_images
from kompas_site.resources import MATERIAL_OVERRIDES, TEMPLATES_DIR

log = get_plugin_logger("kompas")

# What every kompas site gets from Material, whatever mkdocs.yml says.
THEME = {
    "language": "nl",
    "font": False,  # no Google Fonts: no request to another host
    "features": ["navigation.indexes", "navigation.footer", "content.tooltips"],
    "palette": {},  # our colours are in kompas.css: no palette stylesheet to load on every page
}
MARKDOWN_EXTENSIONS = {
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "admonition": {},
    "toc": {"permalink": False},
}
EXTRA_CSS = "assets/stylesheets/kompas.css"
# Scripts only the pages that need them load: the marker in a page's HTML -> the script.
PAGE_SCRIPTS = {
    "data-kompas-filter": "assets/javascripts/verhalen.js",
    "data-kompas-video": "assets/javascripts/video.js",
    "data-kompas-zoeken": "assets/javascripts/zoeken.js",
}
EASY_READ_TEMPLATE = "begrijpelijk.html"
# Source files that hold data for the build or notes for authors: never published.
PRIVATE_SUFFIXES = (".yml", ".yaml")


def _is_private(src_uri: str) -> bool:
    return src_uri.endswith(PRIVATE_SUFFIXES) or any(part.startswith(("_", ".")) for part in src_uri.split("/"))


CONFIG_TEMPLATE = """\
site_name: Kwaliteitsbeeld
docs_dir: {docs_dir}
theme:
  name: material
plugins:
  - kompas{concept}
"""


class KompasPluginConfig(Config):
    concept = config_options.Type(bool, default=False)


class KompasPlugin(BasePlugin[KompasPluginConfig]):
    """Turns a kompas content folder into the pages of a Material for MkDocs site."""

    def __init__(self):
        self.command = "build"
        self.preloaded: CheckResult | None = None
        self.result: CheckResult | None = None
        self.site: Site | None = None
        self.files: Files | None = None
        self.images = PublishedImages()
        self.dirty = False
        self.pages: set[str] = set()  # source paths of every page of this build
        self.titles: dict[str, str] = {}  # each page's title as the menu shows it
        self.written: set[Path] = set()  # mkdocs serve: the page files the last build wrote
        self.scripts: dict[str, list[str]] = {}  # per page: the scripts of PAGE_SCRIPTS it needs
        self.drawn: dict[str, str] = {}  # mkdocs serve: fingerprint of each page as last drawn
        self.drawing: dict[str, str] = {}  # ... and as this build draws it

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this one instance for every rebuild of mkdocs serve.
        self.command = command
        self.dirty = dirty
        if command == "serve":
            _hide_developer_notes()

    # -- config: load and check the report, set up the theme -------------------------------
    def on_config(self, config):
        try:
            self.result = self.preloaded or check_report(load_report(config.docs_dir))
            self.preloaded = None
            self.site = assemble(self.result, draft=self.is_draft)
        except ContentError as exc:
            raise PluginError("De inhoud kan niet gelezen worden:\n" + str(exc)) from None
        self._report_findings()

        settings = self.result.report.settings
        config.site_name = f"{settings.organisatie.naam} · {self.result.editie.naam} {settings.editie.jaar}"
        config.copyright = config.copyright or (
            f"{self.result.editie.naam} {settings.editie.jaar} van {settings.organisatie.naam}"
            + (f", onder verantwoordelijkheid van de {settings.verantwoordelijk}" if settings.verantwoordelijk else "")
        )
        config.extra["generator"] = False
        for key, value in THEME.items():
            config.theme[key] = value
        for folder in (str(TEMPLATES_DIR / "site"), str(MATERIAL_OVERRIDES)):
            if folder not in config.theme.dirs:
                config.theme.dirs.insert(0, folder)
        for name, options in MARKDOWN_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
        if EXTRA_CSS not in config.extra_css:
            config.extra_css.append(EXTRA_CSS)
        config.nav = [_nav_entry(item) for item in self.site.nav]
        return config

    @property
    def is_draft(self) -> bool:
        return self.command == "serve" or self.config.concept

    def _report_findings(self):
        serving = self.command == "serve"
        for finding in self.result.findings:
            where = f"{finding.location()}: " if finding.file else ""
            text = f"[{finding.code}] {where}{finding.message}"
            if finding.severity == FOUT or (serving and finding.severity == WAARSCHUWING):
                log.warning(text)
            elif finding.severity in (WAARSCHUWING, TIP):
                log.info(text)

    # -- files: publish pages under their site paths, add generated pages, keep data private --
    def on_files(self, files: Files, *, config):
        site = self.site
        for file in list(files):
            if _is_private(file.src_uri) and not file.generated_by:
                files.remove(file)
            elif file.src_uri in site.outputs:
                file.dest_uri = site.outputs[file.src_uri]
                if file.src_uri in site.off_menu:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        originals = {}
        docs_dir = os.path.abspath(config.docs_dir)
        for file in list(files):  # the authors' photos: only their processed variants are published
            if is_raster_image(file.src_uri) and file.src_dir and os.path.abspath(file.src_dir) == docs_dir:
                files.remove(file)
                files.append(_NotCopied(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls))
                originals[file.url] = Path(file.abs_src_path)
        self.images = publish_images(originals, Path(config.docs_dir))
        for error in self.images.errors:
            for problem in error.problems:
                log.warning(f"[afbeelding-onbruikbaar] {problem}")
        for page in site.generated:
            existing = files.get_file_from_path(page.source)
            if existing is not None:
                files.remove(existing)
            file = File.generated(config, page.source, content=page.markdown)
            if page.source in site.outputs:
                file.dest_uri = site.outputs[page.source]
            if page.source in site.off_menu:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        for source, content in site.data_files.items():
            files.append(File.generated(config, source, content=content))
        self.files = files
        self.pages = {f.src_uri for f in files.documentation_pages()}
        self.titles = self._titles()
        if self.command == "serve":
            self._skip_unchanged(files, config)
        return files

    # -- mkdocs serve: after an edit, only the pages whose input changed are drawn again -------------
    def _skip_unchanged(self, files: Files, config) -> None:
        """In a dirty build MkDocs skips every page whose File says it is not modified. A page is
        modified when its own text changed, or anything every page shows: the menu, the titles and
        addresses of pages, the draft banner, the photos, the theme. Other pages keep their HTML."""
        site = self.site
        everything = content_key(
            [(item.title, item.source) for item in walk(site.nav)],
            [(item.title, item.source) for item in walk(site.easy_menu.items)],
            sorted(site.outputs.items()),
            sorted((k, repr(v)) for k, v in site.switches.items()),
            {k: v for k, v in (site.draft or {}).items() if k != "meldingen"},
            len((site.draft or {}).get("meldingen", [])),
            config.site_name,
            config.copyright,
            config.theme.name,
            dict(config.theme),
            config.markdown_extensions,
            config.mdx_configs,
            config.extra,
            config.extra_css,
            config.extra_javascript,
            sorted((url, [v.name for v in image.variants]) for url, image in self.images.by_url.items()),
            _theme_signature(),
        )
        generated = {page.source: page.markdown for page in site.generated}
        self.drawing = {}
        for file in files.documentation_pages():
            source = file.src_uri
            text = generated.get(source)
            if text is None:  # an author's file: saved again when it changed
                stat = os.stat(file.abs_src_path)
                text = (stat.st_size, stat.st_mtime_ns)
            key = content_key(everything, source, text, site.markdown.get(source), self._banner(source))
            self.drawing[source] = key
            if self.dirty:
                changed = self.drawn.get(source) != key or not os.path.isfile(file.abs_dest_path)
                file.is_modified = lambda changed=changed: changed

    def on_serve(self, server, *, config, builder):
        """Plain ``mkdocs serve`` rebuilds everything after each save; ``kompas serve`` and
        ``mkdocs serve --dirty`` only what changed. Make plain ``mkdocs serve`` do the latter too: after
        the first, full build, its rebuilds are dirty builds with the same settings."""
        if self.dirty:
            return server
        self.dirty = True
        serve_url, config_path, site_dir = config.site_url, config.config_file_path, config.site_dir
        settings = {"strict": config.strict, "use_directory_urls": config.use_directory_urls}

        def rebuild(config=None):
            fresh = load_config(config_file=config_path, site_dir=site_dir, **settings)
            fresh.site_url = serve_url
            build(fresh, serve_url=serve_url, dirty=True)

        server.builder = rebuild
        return server

    def on_nav(self, nav, *, config, files):
        if self.dirty:  # a page that is not drawn again still needs its title, for its neighbours' links
            for page in nav.pages:
                if not page.file.is_modified() and page.file.src_uri in self.titles:
                    page.title = self.titles[page.file.src_uri]
        return nav

    # -- pages: the home page gets the report's facts; every page its switch and banner ------
    def on_env(self, env, *, config, files):
        # Jinja would look at the template file on disk again for every include of every page.
        env.auto_reload = False
        # Compiled templates are kept between builds (checked against the template's source).
        folder = cache_dir("jinja")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        except OSError:
            pass  # no cache folder: compile every time
        return env

    def _titles(self) -> dict[str, str]:
        """Each page's title as the menu shows it (a page without one: its file name without number)."""
        report = self.result.report
        titles = {page.path: page.title for page in report.all_pages}
        titles.update({page.source: page.title for page in self.site.generated})
        return titles

    def on_page_markdown(self, markdown, *, page, config, files):
        source = page.file.src_uri
        if source in self.site.easy_read:
            page.meta["template"] = EASY_READ_TEMPLATE
        if "title" not in page.meta and source in self.titles:  # one title in <title>, footer and menu
            page.meta["title"] = self.titles[source]
        if page.file.generated_by:
            return markdown
        return self.site.markdown.get(source, markdown)

    def on_page_content(self, html, *, page, config, files):
        self.scripts[page.file.src_uri] = [script for marker, script in PAGE_SCRIPTS.items() if marker in html]
        return rewrite_images(html, self.images.resolver(page.url))

    def on_post_build(self, *, config):
        self.images.copy_to(Path(config.site_dir))
        if self.command == "serve":
            self.drawn = self.drawing
            written = {Path(f.abs_dest_path) for f in self.files.documentation_pages()}
            for stale in self.written - written:  # pages of sources deleted or renamed since the last build
                stale.unlink(missing_ok=True)
            self.written = written

    def on_page_context(self, context, *, page, config, nav):
        site = self.site
        kompas = {
            "concept": self._banner(page.file.src_uri),
            "wissel": None,
            "scripts": self.scripts.get(page.file.src_uri, []),
        }
        switch = site.switches.get(page.file.src_uri)
        if switch is not None:
            target = self.files.get_file_from_path(switch.target)
            if target is not None:
                kompas["wissel"] = {
                    "url": target.url_relative_to(page.file),
                    "label": switch.label,
                    "begrijpelijk": switch.easy_read,
                }
        menu = site.easy_menu if page.file.src_uri in site.easy_read else site.menu
        kompas["menu"] = self._menu(menu.entries(page.file.src_uri), lambda target: target.url_relative_to(page.file))
        kompas["begrijpelijk"] = page.file.src_uri in site.easy_read
        context["kompas"] = kompas
        return context

    def _banner(self, source: str) -> dict | None:
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

    def on_template_context(self, context, *, template_name, config):
        if template_name == "404.html":  # no page of its own: the top level of the menu, with site-wide links
            base = context.get("base_url", "").rstrip("/")
            context["kompas"] = {
                "concept": self._banner(""),
                "wissel": None,
                "begrijpelijk": False,
                "menu": self._menu(
                    self.site.menu.entries(""), lambda target: f"{base}/{target.url.removeprefix('./')}"
                ),
            }
        return context

    def _menu(self, entries: list[MenuEntry], link) -> list[dict]:
        menu = []
        for entry in entries:
            target = self.files.get_file_from_path(entry.source) if entry.source else None
            menu.append(
                {
                    "titel": entry.title,
                    "url": link(target) if target else "",
                    "actief": entry.current,
                    "open": entry.open,
                    "meer": entry.more,
                    "items": self._menu(entry.children, link),
                }
            )
        return menu


def _theme_signature() -> list:
    return sorted(
        (str(path), path.stat().st_mtime_ns)
        for folder in (TEMPLATES_DIR / "site", MATERIAL_OVERRIDES)
        for path in folder.rglob("*")
        if path.is_file()
    )


class _NotCopied(File):
    """An original photo: pages may link to it, but only its processed variants are written."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def _nav_entry(item: NavItem):
    if not item.children:
        return item.source  # MkDocs then shows the page's own title
    return {item.title: [_nav_entry(child) if child.source != item.source else child.source for child in item.children]}


# -- running MkDocs for the kompas command ----------------------------------------------------


def _config_file(content_dir: Path, concept: bool) -> str:
    """Write the same minimal configuration as the root mkdocs.yml to a temporary file, named with the
    process id so that a later run can remove it when this process was killed."""
    from kompas_site.outputdir import temp_prefix

    handle, path = tempfile.mkstemp(prefix=temp_prefix(), suffix=".yml")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(
            CONFIG_TEMPLATE.format(
                docs_dir=str(content_dir.resolve()),
                concept=":\n      concept: true" if concept else "",
            )
        )
    return path


def _quiet_mkdocs():
    """Authors see our findings, not MkDocs' progress lines or Material's notes for developers."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    _hide_developer_notes()


def _hide_developer_notes():
    """MkDocs' warning about dirty builds and its note about MkDocs 2 are not for authors."""
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _NoDirtyWarning) for f in build_log.filters):
        build_log.addFilter(_NoDirtyWarning())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _NoDirtyWarning(logging.Filter):
    """mkdocs serve draws only changed pages ("dirty"); MkDocs' warning about that is not for authors:
    we decide what changed ourselves (KompasPlugin._skip_unchanged)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def build_site(result: CheckResult, output_dir: Path, concept: bool = False) -> Path:
    """Build the site straight into ``output_dir``. ``kompas build`` gives it a fresh temporary folder
    (``kompas_site.outputdir.staged_output``), which is swapped in only when the build succeeded.
    A signal (SIGTERM, SIGHUP, SIGINT) raises ``Stopped``; the temporary settings file is removed."""
    from kompas_site.outputdir import signals_as_exceptions

    output_dir = Path(output_dir)
    config_path = None
    with signals_as_exceptions():
        try:
            config_path = _config_file(result.report.root, concept)
            _quiet_mkdocs()
            config = load_config(config_file=config_path, site_dir=str(output_dir))
            config.plugins["kompas"].preloaded = result
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        finally:
            if config_path:
                os.unlink(config_path)
    return output_dir


def serve_site(content_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """``mkdocs serve`` on a content folder. MkDocs draws the draft in a temporary folder of its own; it
    goes into a folder of ours, so that every file of the preview is removed when it stops: on Ctrl+C,
    SIGTERM or SIGHUP, and at the next run when this process was killed."""
    from mkdocs.commands.serve import serve

    from kompas_site.outputdir import remove_stale_temp, remove_temp_folder, signals_as_exceptions, temp_folder

    remove_stale_temp()
    config_path = None
    with signals_as_exceptions():
        folder = temp_folder("serve")
        previous_tempdir = tempfile.tempdir
        try:
            tempfile.tempdir = str(folder)  # where MkDocs makes its mkdocs_* folder
            config_path = _config_file(content_dir, concept=True)
            _quiet_mkdocs()
            serve(config_file=config_path, dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")
        finally:
            tempfile.tempdir = previous_tempdir
            if config_path:
                os.unlink(config_path)
            remove_temp_folder(folder)
