"""Rule: the organisation's own words in ``kompas.yml`` (``woorden:``) can be used in every generated text.

A group of words such as ``clienten: cliënten en naasten`` has no singular the site can derive ('een
cliënten en naaste'): the author gives it (``client:``). Until then the site uses the first word's."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import WAARSCHUWING, Finding
from kompas_site.check.registry import Code
from kompas_site.woorden import several_words

ENKELVOUD = Code(
    "woorden-enkelvoud",
    WAARSCHUWING,
    "Een eigen woord van meer woorden zonder enkelvoud in kompas.yml",
    "Bij 'woorden' staat een groep woorden, zoals 'clienten: cliënten en naasten'. Daar kan de site geen "
    "enkelvoud van maken. Schrijf het zelf eronder, zoals:\n\nwoorden:\n  clienten: cliënten en naasten\n"
    "  client: cliënt of naaste",
)
CODES = (ENKELVOUD,)

_PAIRS = (("clienten", "client", "cliënt of naaste"), ("speerpunten", "speerpunt", "punt van aandacht"))


def check(ctx: CheckContext) -> Iterator[Finding]:
    settings = ctx.report.settings
    for plural_key, singular_key, example in _PAIRS:
        plural = getattr(settings.woorden, plural_key)
        if ("woorden", plural_key) not in settings.lines or ("woorden", singular_key) in settings.lines:
            continue
        if not several_words(plural):
            continue
        used = getattr(settings.woorden, singular_key)
        yield ENKELVOUD(
            f"Bij 'woorden' staat '{plural_key}: {plural}'. Dat zijn meer woorden; daar kan de site geen enkelvoud "
            f"van maken. Nu staat er '{used}' waar het om één gaat. Schrijf het enkelvoud zelf op de regel eronder, "
            f"zoals:\n\nwoorden:\n  {plural_key}: {plural}\n  {singular_key}: {example}",
            file=settings.file,
            line=settings.lines[("woorden", plural_key)],
            key=f"woorden.{plural_key}",
        )
