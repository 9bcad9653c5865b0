"""How much two sentences or titles say in the same words."""

from __future__ import annotations

from briefing.text.normalize import syllables
from briefing.text.stopwords import stop_words

NEAR_DUPLICATE = 0.8  # share of the shorter sentence's content syllables found in the other


def content_syllables(text: str) -> set[str]:
    """The syllables of ``text`` (in matching form) that are not stop words."""
    return set(syllables(text)) - stop_words()


def overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set found in the other; 0 when either is empty."""
    shorter = min(len(a), len(b))
    return len(a & b) / shorter if shorter else 0.0


def near_duplicate(a: str, b: str) -> bool:
    """Two sentences (in matching form) that say mostly the same words ("Nếu giao dịch thành công, …"
    twice in one article, or one sentence as two outlets wrote it): a summary shows one."""
    return overlap(content_syllables(a), content_syllables(b)) >= NEAR_DUPLICATE
