"""The one error of the audit: the input cannot be checked at all (exit code 2)."""

from __future__ import annotations


class AuditError(Exception):
    """A message in Dutch for the person running the audit; no traceback."""
