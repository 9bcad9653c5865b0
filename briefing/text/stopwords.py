"""Vietnamese stop words: the function words that carry no subject of their own."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from briefing.text.normalize import match_form


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Single-syllable Vietnamese stop words (stopwords-iso list, MIT licence)."""
    text = resources.files("briefing").joinpath("data/stopwords-vi.txt").read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(match_form(w) for w in words if w and not w.startswith("#") and " " not in w)
