"""Render: the site engine. Only ``kompas_site.render.mkdocs_engine`` knows MkDocs."""
