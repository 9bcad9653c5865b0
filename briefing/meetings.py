"""Which articles report the same meeting.

Several outlets report one conference (the Government's of 5/1/2024 in many provinces' papers).
Two articles are one meeting when they give the same level and place, dates at most
``DAYS_APART`` apart (an outlet may date its report the next day), and either report the same
decisions (a theme, or ``SHARED_FIGURES`` figures) or have titles that share their distinctive
words: the words every year-end conference says ("hội nghị", "tổng kết", "nhiệm vụ", "năm") do
not count, so two different meetings of one province in one week stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.extract.facts import ArticleFacts
from briefing.text.normalize import syllables
from briefing.text.slogans import slogan_key
from briefing.text.stopwords import stop_words

DAYS_APART = 3
SHARED_FIGURES = 2  # one shared figure may be a national figure two provinces both quote
SHARED_TITLE_WORDS = 0.4  # share of the shorter title's distinctive syllables found in the other
# Syllables of the words every meeting title uses, in matching form.
MEETING_TITLE_WORDS = frozenset(
    syllables("hội nghị tổng kết triển khai nhiệm vụ năm công tác kế hoạch phương hướng trực tuyến toàn quốc tỉnh"
              " thành phố chính quyền địa phương kinh tế xã hội phát triển thực hiện")
)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ArticleGroup:
    """One meeting, possibly reported by several articles."""

    title: str
    date: str | None
    level: str | None
    locality: str | None
    sources: list[str]


def group_meetings(articles: list[ArticleFacts]) -> list[ArticleGroup]:
    """The meetings the articles report, each with every article that reports it, by date.

    An article is compared only with the meetings of its own level and place (same_meeting needs
    them equal), so a week of many provinces' articles is not compared all with all."""
    by_place: dict[tuple, list[tuple[ArticleGroup, list[ArticleFacts]]]] = {}
    for article in articles:
        info = article.info
        groups = by_place.setdefault((info.level, info.locality), [])
        home = next((g for g in groups if any(same_meeting(article, other) for other in g[1])), None)
        if home is None:
            groups.append((ArticleGroup(article.title, info.date, info.level, info.locality, [article.source]), [article]))
        else:
            home[0].sources.append(article.source)
            home[1].append(article)
    return sorted((g for groups in by_place.values() for g, _ in groups), key=lambda g: (g.date or "", g.title))


def same_meeting(a: ArticleFacts, b: ArticleFacts) -> bool:
    if (a.info.level, a.info.locality) != (b.info.level, b.info.locality):
        return False
    gap = _days_apart(a.info.date, b.info.date)
    if gap is None or gap > DAYS_APART:
        return False
    return _same_decisions(a, b) or _titles_share_words(a.title, b.title)


def _same_decisions(a: ArticleFacts, b: ArticleFacts) -> bool:
    """A theme in common, or several figures: two outlets quoting one conference's decisions."""
    if {slogan_key(t.text) for t in a.themes} & {slogan_key(t.text) for t in b.themes}:
        return True
    return len(_figures(a) & _figures(b)) >= SHARED_FIGURES


def _figures(article: ArticleFacts) -> set[tuple]:
    return {(f.indicator, f.kind, f.year, f.value, f.value_max) for f in article.figures}



def _days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates; None when either is missing or has no day."""
    if not (a and b and ISO_DAY.match(a) and ISO_DAY.match(b)):
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _titles_share_words(a: str, b: str) -> bool:
    words_a, words_b = _distinctive(a), _distinctive(b)
    shorter = min(len(words_a), len(words_b))
    if shorter == 0:
        return words_a == words_b  # titles of nothing but meeting words: the same only if alike
    return len(words_a & words_b) >= SHARED_TITLE_WORDS * shorter


def _distinctive(title: str) -> set[str]:
    return {w for w in syllables(title) if not w.isdigit()} - MEETING_TITLE_WORDS - stop_words()
