"""When two writings of a slogan are the same slogan."""

from __future__ import annotations

import re

from briefing.text.normalize import match_form
from briefing.text.patterns import SLOGAN_PART_SEPARATOR


def slogan_key(text: str) -> frozenset[str]:
    """The watchwords of a slogan, whatever the quotes, punctuation, tone style or order."""
    return frozenset(ordered_key(text))


def ordered_key(text: str) -> tuple[str, ...]:
    """The watchwords of a slogan in their order: the same writing whatever the quotes, punctuation or tone style."""
    parts = (" ".join(re.findall(r"\w+", match_form(p))) for p in SLOGAN_PART_SEPARATOR.split(text))
    return tuple(p for p in parts if p)
