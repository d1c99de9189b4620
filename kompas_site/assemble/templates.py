"""Our own Jinja2 templates for generated pages (``templates/pages/*.md``).

Every value is text: autoescape is on, so ``{{ x }}`` is HTML escaped. Where a value lands in Markdown
(a heading, a link text, a table cell, an image description, a paragraph inside ``markdown`` HTML),
the template says so with ``| md``, which also escapes the characters that could make a link, an
image or emphasis. A link target is written with ``| pad``. Markdown that kompas-site made itself
(a story card inside the overview) or a page body an author wrote as Markdown is passed as ``Markup``
by the code that renders the template, never marked safe in a template.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from markupsafe import Markup

from kompas_site.dutch import datum
from kompas_site.resources import TEMPLATES_DIR
from kompas_site.sanitise import markdown_text, url_path


def table_cell(value: object) -> Markup:
    """Text that is safe inside a Markdown table cell: on one line, escaped, ``|`` escaped too."""
    return Markup(markdown_text(value))


def markdown(value: object) -> Markup:
    """Plain text inside generated Markdown."""
    return Markup(markdown_text(value))


def link_target(value: object) -> Markup:
    return Markup(url_path(value))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "pages"),
        autoescape=True,  # every value from YAML or front matter is text
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cel"] = table_cell
    env.filters["md"] = markdown
    env.filters["pad"] = link_target
    env.filters["datum"] = datum
    return env


def render(name: str, **context) -> str:
    return str(environment().get_template(name).render(**context))


def generated(markdown_or_html: str) -> Markup:
    """Markdown or HTML kompas-site produced itself (or a page body the author wrote as Markdown), to be
    placed in a template as it is."""
    return Markup(markdown_or_html)
