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
from dataclasses import dataclass, replace
from datetime import date

from briefing.extract.facts import ArticleFacts
from briefing.extract.figures import Figure
from briefing.extract.metadata import Metadata
from briefing.extract.themes import Theme
from briefing.flags import same_value
from briefing.text.normalize import syllables
from briefing.text.slogans import slogan_key
from briefing.text.similarity import content_syllables, overlap

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
    """The meetings the articles report, each with every article that reports it, by date."""
    groups = []
    for indexes in group_articles(articles):
        first = articles[indexes[0]].info
        sources = [s for i in indexes for s in articles[i].articles]
        groups.append(ArticleGroup(articles[indexes[0]].title, first.date, first.level, first.locality, sources))
    return sorted(groups, key=lambda g: (g.date or "", g.title))


def group_articles(articles: list[ArticleFacts]) -> list[list[int]]:
    """The articles (by index) in groups that report one meeting each, every group in the order given.

    An article is compared only with the meetings of its own level and place (same_meeting needs
    them equal), so a week of many provinces' articles is not compared all with all."""
    by_place: dict[tuple, list[list[int]]] = {}
    for i, article in enumerate(articles):
        groups = by_place.setdefault((article.info.level, article.info.locality), [])
        home = next((g for g in groups if any(same_meeting(article, articles[j]) for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return [g for groups in by_place.values() for g in groups]


def fullest_first(articles: list) -> list[int]:
    """The order in which a meeting's reports are drawn on: the one that states most themes and
    figures first (its title, opening and wording lead), then the others as given."""
    return sorted(range(len(articles)), key=lambda i: -(len(articles[i].themes) + len(articles[i].figures)))


def same_meeting(a: ArticleFacts, b: ArticleFacts) -> bool:
    if a.info.level is None or (a.info.level, a.info.locality) != (b.info.level, b.info.locality):
        return False  # an article that is not about a meeting (no level found) is one of its own
    gap = _days_apart(a.info.date, b.info.date)
    if gap is None or gap > DAYS_APART:
        return False
    return _same_decisions(a, b) or _titles_share_words(a.title, b.title, a.info.locality)


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


def _titles_share_words(a: str, b: str, place: str | None) -> bool:
    """Whether two titles share their distinctive words; the place, which both are about, is not one."""
    place_words = set(syllables(place or ""))
    words_a, words_b = _distinctive(a) - place_words, _distinctive(b) - place_words
    if not (words_a and words_b):
        return words_a == words_b  # titles of nothing but meeting words: the same only if alike
    return overlap(words_a, words_b) >= SHARED_TITLE_WORDS


def _distinctive(title: str) -> set[str]:
    return {w for w in content_syllables(title) if not w.isdigit()} - MEETING_TITLE_WORDS


def merge_facts(articles: list[ArticleFacts]) -> ArticleFacts:
    """One meeting's facts from all its reports, fullest first (see fullest_first): the first report's
    title, its metadata with gaps filled from the others and the earliest date, and each theme and
    figure once, citing every article that states it. Figures the reports give differently stay
    apart, one per value, so the comparison can flag them."""
    first = articles[0]
    themes: dict[tuple, Theme] = {}
    for article in articles:
        for theme in article.themes:
            key = (theme.year, theme.scope, theme.kind, slogan_key(theme.text))
            known = themes.get(key, replace(theme, sources=()))
            themes[key] = replace(known, sources=_cited(known.sources, article.source))
    figures: list[Figure] = []
    for article in articles:
        for figure in article.figures:
            i = next((i for i, known in enumerate(figures) if same_figure(known, figure)), None)
            if i is None:
                figures.append(replace(figure, sources=(article.source,)))
            else:  # stated by several reports: as sure as the surest of them
                figures[i] = replace(figures[i], sources=_cited(figures[i].sources, article.source),
                                     confidence=_surest(figures[i].confidence, figure.confidence))
    return ArticleFacts(
        source=first.source, title=first.title, info=_merged_info([a.info for a in articles]),
        themes=list(themes.values()), figures=figures, sha256=first.sha256,
        unattributed=[u for a in articles for u in a.unattributed], sources=[a.source for a in articles],
        url=first.url, outlet=first.outlet, published=first.published,
    )


def _surest(a: float | None, b: float | None) -> float | None:
    return max(a, b) if a is not None and b is not None else (a if b is None else b)


def same_figure(a: Figure, b: Figure) -> bool:
    """One figure, as two reports of a meeting give it (values equal within rounding)."""
    return (a.indicator, a.kind, a.year, a.locality, a.unit, a.of, a.increment) == (
        b.indicator, b.kind, b.year, b.locality, b.unit, b.of, b.increment) and same_value(a, b)


def _cited(sources: tuple[str, ...], source: str) -> tuple[str, ...]:
    return sources if source in sources else (*sources, source)


def _merged_info(infos: list[Metadata]) -> Metadata:
    """The first report's metadata, each missing field taken from the next report that has it;
    the earliest date (an outlet may date its report the day after the meeting)."""
    first = infos[0]
    filled = {name: next((getattr(i, name) for i in infos if getattr(i, name) is not None), None)
              for name in ("level", "locality", "bridge", "review_year", "plan_year")}
    officials: list[dict] = []
    for info in infos:
        officials += [o for o in info.officials if all(o["name"] != known["name"] for known in officials)]
    dates = [i.date for i in infos if i.date]
    return replace(first, date=min(dates) if dates else None, officials=officials, **filled)
