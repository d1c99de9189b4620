"""Our own Jinja2 templates for generated pages (``templates/pages/*.md``)."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from kompas_site.dutch import datum
from kompas_site.resources import TEMPLATES_DIR


def table_cell(value: object) -> str:
    """Text that is safe inside a Markdown table cell."""
    return " ".join(str(value or "").split()).replace("|", "\\|")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "pages"),
        autoescape=False,  # these templates produce Markdown, written by the organisation itself
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cel"] = table_cell
    env.filters["datum"] = datum
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
