"""Dutch formatting, in one place: dates ("1 juni 2026"), numbers ("1.234", "8,5"), percentages
("8,5%"), counting words ("drie") and lists ("a, b en c"). Every message, page and export uses these."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_COUNTING_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")


def datum(day: date) -> str:
    """``date(2026, 6, 1)`` -> "1 juni 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def getal(value: float, decimals: int = 0, beyond: float | None = None) -> str:
    """A number in Dutch notation: "1.234", "8,5", "-1.234,5".

    With ``beyond`` (a limit the value misses), never round onto the limit: 12.04 words against a limit
    of 12 shows as 12,1, not 12,0."""
    scale = 10**decimals
    shown = round(value * scale) / scale
    if beyond is not None and value != beyond and (shown <= beyond if value > beyond else shown >= beyond):
        shown = (math.ceil if value > beyond else math.floor)(round(value * scale, 6)) / scale
        if shown == beyond:
            shown += (1 if value > beyond else -1) / scale
    text = f"{shown:,.{decimals}f}"  # 1,234.5
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def procent(share: float, decimals: int | None = None, beyond: float | None = None) -> str:
    """A share (0.085) as a Dutch percentage: "8,5%" with ``decimals=1``. Without ``decimals``: whole
    percents, or one decimal when the value is shown against a limit (``beyond``) it must not round onto."""
    if decimals is None:
        decimals = 0 if beyond is None else 1
    return f"{getal(100 * share, decimals, None if beyond is None else 100 * beyond)}%"


def telwoord(n: int) -> str:
    """Small counts as words ("drie"), larger ones as a number ("1.234")."""
    return _COUNTING_WORDS[n] if 0 <= n < len(_COUNTING_WORDS) else getal(n)


def opsomming(items: Iterable[str], last: str = "en") -> str:
    """``["a", "b", "c"]`` -> "a, b en c"."""
    words = list(items)
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun, singular where Dutch needs it: "één verbeterpunt", "drie verbeterpunten",
    "geen verbeterpunten", "12 verbeterpunten"."""
    if n == 0:
        return f"geen {meervoud}"
    if n == 1:
        return f"één {enkelvoud}"
    return f"{telwoord(n)} {meervoud}"
