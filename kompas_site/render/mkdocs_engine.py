"""The MkDocs adapter: translation only. The core's pipeline (``kompas_site.pipeline``) decides every page,
file, title, menu, banner and what changed; this module hands that to MkDocs as files, navigation,
warnings and template context. ``build_site`` and ``serve_site`` run MkDocs for the ``kompas`` command.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.commands.build import build
from mkdocs.config import config_options, load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from kompas_site import outputdir, pipeline
from kompas_site.cache import cache_dir
from kompas_site.errors import ContentError
from kompas_site.render import siteconfig
from kompas_site.render.csp import with_csp
from kompas_site.sanitise import escape_page_meta, html_text

log = get_plugin_logger("kompas")


class KompasPluginConfig(Config):
    concept = config_options.Type(bool, default=False)


class KompasPlugin(BasePlugin[KompasPluginConfig]):
    """Turns a kompas content folder into the pages of a Material for MkDocs site."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.preloaded: pipeline.Build | None = None  # set by build_site: the pipeline already ran
        self.build: pipeline.Build | None = None
        self.quiet = contextlib.ExitStack()

    def on_startup(self, *, command, dirty):
        # Defining on_startup keeps this one instance for every rebuild of mkdocs serve.
        self.command, self.dirty = command, dirty
        if command == "serve":
            self.quiet.enter_context(quiet_mkdocs(level=None))

    def on_shutdown(self):
        self.quiet.close()

    def on_config(self, config):
        engine = (config.theme.name, dict(config.theme), config.markdown_extensions, config.extra, config.extra_css)
        draft = self.command == "serve" or self.config.concept
        try:
            self.build = self.preloaded or pipeline.run(
                config.docs_dir, draft=draft, previous=self.build, engine=engine, preview=self.command == "serve"
            )
        except ContentError as exc:
            raise PluginError("De inhoud kan niet gelezen worden:\n" + str(exc)) from None
        self.preloaded = None
        for loud, text in self.build.messages(serving=self.command == "serve"):
            (log.warning if loud else log.info)(text)
        config.site_name = html_text(siteconfig.site_name(self.build.result))  # Material prints these as HTML
        config.copyright = config.copyright or html_text(siteconfig.footer(self.build.result))
        config.extra["generator"] = False
        config.validation.links.not_found = logging.DEBUG  # the checker says it in Dutch (link-kapot)
        config.site_url = config.site_url or siteconfig.site_url(self.build.result)  # the 404 page, the sitemap
        config.theme.update(siteconfig.THEME)
        for folder in reversed(siteconfig.THEME_DIRS):
            if str(folder) not in config.theme.dirs:
                config.theme.dirs.insert(0, str(folder))
        for name, options in siteconfig.MARKDOWN_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
        if siteconfig.EXTRA_CSS not in config.extra_css:
            config.extra_css.append(siteconfig.EXTRA_CSS)
        config.nav = [_nav_entry(item) for item in self.build.site.nav]
        return config

    def on_files(self, files: Files, *, config):
        """Only what the pipeline says: its pages, the files they use, the theme's own files."""
        build, docs = self.build, os.path.abspath(config.docs_dir)
        assert build is not None  # on_config ran the pipeline
        kept = Files([f for f in files if not f.src_dir or os.path.abspath(f.src_dir) != docs])
        for page in build.pages.values():
            file = File.generated(config, page.source, content=page.markdown)
            file.dest_uri = page.output
            file.inclusion = InclusionLevel.INCLUDED if page.in_order else InclusionLevel.NOT_IN_NAV
            if self.dirty:
                changed = page.source in build.changed or not os.path.isfile(file.abs_dest_path)
                file.is_modified = functools.partial(bool, changed)  # type: ignore[method-assign]
            kept.append(file)
        for path, original in build.images.items():  # only the variants are written (on_post_build)
            kept.append(_NotCopied.generated(config, path, abs_src_path=str(original)))
        for path, source in build.files.items():
            kept.append(File.generated(config, path, abs_src_path=str(source)))
        for path, content in build.site.data_files.items():
            kept.append(File.generated(config, path, content=content))
        for problem in (p for error in build.publish_images().errors for p in error.problems):
            log.warning(f"[afbeelding-onbruikbaar] {problem}")
        return kept

    def on_serve(self, server, *, config, builder):
        """Plain ``mkdocs serve`` rebuilds everything after each save; ``kompas serve`` only what changed.
        Make plain ``mkdocs serve`` do the latter too: its rebuilds become dirty builds, same settings."""
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
        for page in nav.pages:  # a page not drawn again still needs its title, for its neighbours' links
            page.title = html_text(self.build.pages[page.file.src_uri].title)
        return nav

    def on_env(self, env, *, config, files):
        env.auto_reload = False  # Jinja would look at the template on disk again for every include
        with contextlib.suppress(OSError):  # compiled templates are kept between builds, when it can
            cache_dir("jinja").mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir("jinja")))
        return env

    def on_page_markdown(self, markdown, *, page, config, files):
        site_page = self.build.pages[page.file.src_uri]
        page.meta.update(escape_page_meta({**site_page.meta, "title": site_page.title}))
        if site_page.easy_read:
            page.meta["template"] = siteconfig.EASY_READ_TEMPLATE
        return markdown

    def on_page_content(self, html, *, page, config, files):
        return self.build.finish_html(page.file.src_uri, html)

    def on_page_context(self, context, *, page, config, nav):
        context["kompas"] = self.build.context(page.file.src_uri) | {"scripts": siteconfig.page_scripts(page.content)}
        return context

    def on_template_context(self, context, *, template_name, config):
        if template_name == "404.html":
            context["kompas"] = self.build.context_404(context.get("base_url", ""))
        return context

    def on_post_page(self, output, *, page, config):  # not in a preview: MkDocs adds a live-reload script there
        return output if self.command == "serve" else with_csp(output)

    def on_post_template(self, output, *, template_name, config):
        return with_csp(output) if template_name == "404.html" and self.command != "serve" else output

    def on_post_build(self, *, config):
        self.build.published_images.copy_to(Path(config.site_dir))
        if self.command == "serve":  # pages of sources deleted or renamed since the last build
            for output in self.build.removed:
                (Path(config.site_dir) / output).unlink(missing_ok=True)


class _NotCopied(File):
    """An original photo: pages may link to it, but only its processed variants are written."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def _nav_entry(item):
    if not item.children:
        return item.source  # MkDocs then shows the page's own title
    return {item.title: [_nav_entry(c) if c.source != item.source else c.source for c in item.children]}


# -- running MkDocs for the kompas command ----------------------------------------------------


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may miss changes; the pipeline decides what changed itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextlib.contextmanager
def quiet_mkdocs(level: int | None = logging.WARNING):
    """Authors see our findings, not MkDocs' progress lines or its notes for developers. Everything this
    changes in the process (a log level, a log filter, an environment variable) is restored afterwards."""
    mkdocs_log, build_log = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    old_level, old_env = mkdocs_log.level, os.environ.get("NO_MKDOCS_2_WARNING")
    quiet = _NoDirtyWarning()
    if level is not None:
        mkdocs_log.setLevel(level)
    build_log.addFilter(quiet)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    try:
        yield
    finally:
        mkdocs_log.setLevel(old_level)
        build_log.removeFilter(quiet)
        if old_env is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = old_env


def build_site(result: pipeline.Build, site_dir: Path) -> Path:
    """Render a pipeline's build with MkDocs straight into ``site_dir``: ``kompas build`` gives it a fresh
    folder (``outputdir.staged_output``) that is swapped in only when this succeeds. A signal raises
    ``outputdir.Stopped``; the temporary settings file is removed."""
    with (
        outputdir.signals_as_exceptions(),
        siteconfig.config_file(Path(result.report.root), result.draft) as config_path,
        quiet_mkdocs(),
    ):
        config = load_config(config_file=config_path, site_dir=str(site_dir))
        plugin = config.plugins["kompas"]
        assert isinstance(plugin, KompasPlugin)
        plugin.preloaded = result
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return site_dir


def serve_site(content_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """``mkdocs serve`` on a content folder. MkDocs draws the draft in a temporary folder of its own; that
    goes into a folder of ours, removed when the preview stops (Ctrl+C, SIGTERM, SIGHUP) or, after a
    kill, at the next run."""
    from mkdocs.commands.serve import serve

    outputdir.remove_stale_temp()
    with (
        outputdir.signals_as_exceptions(),
        outputdir.temp_directory("serve"),
        siteconfig.config_file(content_dir, concept=True) as config_path,
        quiet_mkdocs(),
    ):
        serve(config_file=config_path, dev_addr=f"{host}:{port}", livereload=True, build_type="dirty")
