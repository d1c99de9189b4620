"""Load: files in a content folder -> one typed model of the report."""

from kompas_site.load.report import load_report

__all__ = ["load_report"]
