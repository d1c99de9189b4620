"""Word files in and out: a .docx becomes a page (``kompas import``), the easy-read pages become one
.docx (``kompas export --docx``). Reading is done by mammoth (which never runs macros), writing by python-docx.
"""

from __future__ import annotations


class WordError(Exception):
    """A Word file or a target that cannot be used; the message is Dutch, for the author."""
