"""kompas-site: one source for an accessible kwaliteitsbeeld website."""

__version__ = "0.1.0"
