"""Paper: the report as PDFs from the same source as the site (``kompas print``).

``documents`` turns the pipeline's pages into three HTML documents; ``engine`` lays them out as tagged
PDFs with WeasyPrint (imported only when a PDF is made).
"""

from kompas_site.paper.documents import Document, documents
from kompas_site.paper.engine import APT_PACKAGES, EngineMissing, load_engine, render_pdf

PDF_NAMES = ("makkelijk-lezen.pdf", "meeleesversie.pdf", "rapport.pdf")

__all__ = ["APT_PACKAGES", "PDF_NAMES", "Document", "EngineMissing", "documents", "load_engine", "render_pdf"]
