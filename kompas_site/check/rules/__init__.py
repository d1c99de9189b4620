"""The checker's rules, in the order they run. Adding a rule: write a module here with ``CODES`` and
``check(ctx)`` (see ``kompas_site/check/registry.py``) and add it to this list."""

from __future__ import annotations

from kompas_site.check.registry import Code, Rule
from kompas_site.check.rules import (
    begrijpelijk,
    cijfers,
    cijfers_gebruik,
    consent,
    deadlines,
    downloads,
    edities,
    extern,
    huisstijl,
    images,
    keten,
    links,
    locaties,
    meelezen,
    onderdelen,
    outside,
    personal_data,
    placeholder_name,
    reserved_names,
    shape,
    size,
    sleutels,
    speerpunten,
    story_cards,
    story_labels,
    toegankelijkheid,
    unpublished,
    video,
    woorden,
)

RULES: tuple[Rule, ...] = tuple(
    Rule.of(module)
    for module in (
        onderdelen,
        shape,
        sleutels,
        speerpunten,
        keten,
        locaties,
        deadlines,
        placeholder_name,
        reserved_names,
        story_cards,
        cijfers,
        cijfers_gebruik,
        woorden,
        links,
        downloads,
        edities,
        video,
        begrijpelijk,
        meelezen,
        consent,
        story_labels,
        images,
        extern,
        outside,
        personal_data,
        size,
        huisstijl,
        toegankelijkheid,
        unpublished,
    )
)


def all_codes() -> list[Code]:
    """Every finding code the checker can give, in the order of the rules."""
    return [code for rule in RULES for code in rule.codes]
