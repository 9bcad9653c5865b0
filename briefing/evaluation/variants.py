"""Distinct articles made from real ones, for measuring the tool at scale.

A variant moves an article to another province (every province it names becomes that one), to
other years (every year shifted by the same amount, so dates move with them), and changes its
figures (the decimals of each percentage), so that two variants are two meetings with their own
facts, not the same bytes under two names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefing.text.gazetteer import find_places, places

YEAR = re.compile(r"\b(20[0-4]\d)\b")
PERCENT = re.compile(r"\b(\d{1,2}),(\d{1,2})(?=\s?%)")
YEAR_SHIFTS = 4  # variants of one article move over this many year offsets: 0, 1, 2, 3


def provinces() -> list[str]:
    return [p.name for p in places() if p.era in ("both", "pre2025")]


def variant(text: str, number: int) -> str:
    """The ``number``-th variant of ``text`` (0 is the text itself)."""
    if number == 0:
        return text
    names = provinces()
    place = names[number % len(names)]
    shift = number // len(names) % YEAR_SHIFTS
    for mention in reversed(find_places(text)):
        text = text[: mention.start] + place + text[mention.end :]
    text = YEAR.sub(lambda m: str(int(m[1]) + shift), text)
    return PERCENT.sub(lambda m: f"{m[1]},{(int(m[2]) + number) % 100:0{len(m[2])}d}", text)


def variants(texts: Iterable[str], count: int) -> Iterator[str]:
    """``count`` distinct texts: each of ``texts``, then their variants in turn."""
    texts = list(texts)
    seen: set[str] = set()
    number = 0
    while len(seen) < count:
        for text in texts:
            made = variant(text, number)
            if made not in seen:
                seen.add(made)
                yield made
                if len(seen) == count:
                    return
        number += 1
