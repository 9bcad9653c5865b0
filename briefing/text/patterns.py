"""Named patterns that several stages need, each defined once.

They work on the original text (``re.IGNORECASE``) and on the matching form
alike: "năm" and the digits look the same in both.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A year of the period the articles can speak of, as a regex fragment: 1900-2099.
YEAR = r"(?:19|20)\d\d"
# "năm 2024" with the year as group 1, as a fragment to build longer patterns on.
NAMED_YEAR_TEXT = rf"\bnăm\s+({YEAR})"
# "năm 2024" on its own, not the start of a longer number.
NAMED_YEAR = re.compile(rf"{NAMED_YEAR_TEXT}\b", re.IGNORECASE)
# A bare year ("2024", "2020-2025"), not part of a longer number nor a day/month ("12/2024/").
BARE_YEAR = re.compile(rf"(?<!\d)({YEAR})(?![\d/])")
# The parts of a slogan: "Kỷ cương, trách nhiệm; hiệu quả - bền vững" (a dash only between spaces,
# so "kinh tế-xã hội" stays one part).
SLOGAN_PART_SEPARATOR = re.compile(r"\s*(?:[,;]|\s[-–—]\s)\s*")


@lru_cache(maxsize=256)
def found_in(pattern: re.Pattern, text: str) -> bool:
    """Whether ``pattern`` occurs in ``text``, asked once per sentence: the questions put to a whole
    sentence ("does it name a forecaster?") are the same for each of its figures, and a hostile
    sentence holds hundreds of them."""
    return pattern.search(text) is not None
