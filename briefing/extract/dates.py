"""Meeting dates from what articles write: headers, datelines, "Sáng 5/1", "29/12/2020"."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from briefing.ingest.article import Article
from briefing.text.patterns import NAMED_YEAR, YEAR

# "29/12/2020", "5.1.2024", "28-12-2022" as day, month, year, not inside a longer run of digits.
FULL_DATE = re.compile(rf"(?<![\d/.-])(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*({YEAR})(?![\d/.-])")
# "Sáng 5/1", "chiều ngày 28-12", "hôm thứ Hai, 4/1", "sáng nay (27/10)": a day and month after a
# time-of-day word.
DAY_MONTH = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|ngày|hôm|đêm)(?:\s+(?:nay|qua|ngày|thứ\s+\w+))?\s*[,(]?\s*"
    r"(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/-])",
    re.IGNORECASE,
)

# "đến năm 2020", "đưa vào khai thác vào năm 2032": a deadline ("tính đến năm 2018" is a point in
# time, and "Vào năm 2018, …" opening a clause is the year spoken of), as the words before the year
HORIZON_BEFORE = re.compile(r"(?:(?<!tính )\b(?:đến|tới)|(?<=\w )vào)\s+năm\s+$", re.IGNORECASE)
HORIZON_REACH = 20  # room for "tính đến năm " before the year
HISTORICAL_GAP = 5  # a full date this far from the years discussed is history, not the meeting
LEAD_PARAGRAPHS = 3  # the meeting's date is given in the opening; later dates are of other events
LEAD_SENTENCES = 3  # … in the first sentences of each (an article as published may be one long paragraph)
DISCUSSED_CHARS = 5000  # the opening pages say which year the article is about; the rest adds only noise


def meeting_date(article: Article, review_year: int | None = None, plan_year: int | None = None) -> str | None:
    """The date the meeting took place, as YYYY-MM-DD, when the article lets us know it."""
    lead = _lead(article)
    discussed = discussed_year(article)
    full = next((m for m in FULL_DATE.finditer(lead) if _is_current(int(m.group(3)), discussed)), None)
    short = DAY_MONTH.search(lead)
    if full and (not short or full.start() <= short.start()):
        return _iso(int(full.group(3)), int(full.group(2)), int(full.group(1)))
    if short:
        day, month = int(short.group(1)), int(short.group(2))
        year = _infer_year(article, month, review_year, plan_year, discussed)
        if year:
            return _iso(year, month, day)
    return article.dateline


def _lead(article: Article) -> str:
    """The opening that gives the meeting's date: its first paragraphs, and of each only its first
    sentences (an article as published may be one long paragraph; later dates are of other events)."""
    return " ".join(s.text for p in article.paragraphs[:LEAD_PARAGRAPHS] if not p.heading
                    for s in p.sentences[:LEAD_SENTENCES])


def _infer_year(
    article: Article, month: int, review_year: int | None, plan_year: int | None, discussed: int | None
) -> int | None:
    """The year of a day/month date: from the header or dateline, else from the years the
    meeting reviews and plans (a meeting late in the year plans the next one), else from
    the year the article speaks of most."""
    if article.header_month:
        year, header_month = map(int, article.header_month.split("-"))
        return year - 1 if month > header_month + 1 else year
    if article.dateline:
        year, dateline_month = int(article.dateline[:4]), int(article.dateline[5:7])
        return year - 1 if month > dateline_month else year
    if plan_year:
        return plan_year - 1 if month >= 10 else plan_year
    if review_year:
        return review_year if month >= 6 else review_year + 1
    return discussed


def discussed_year(article: Article) -> int | None:
    """The year the article names most in its opening pages (the later of a tie), leaving out
    horizons ("chỉ tiêu đề ra đến năm 2020"): a deadline is not what the article reports on."""
    return _discussed_year(article.title, article.text)


@lru_cache(maxsize=8)  # asked for by the meeting's date, its years and its figures: read once
def _discussed_year(title: str, body: str) -> int | None:
    text = title + " " + body[:DISCUSSED_CHARS]
    years = Counter(int(m.group(1)) for m in NAMED_YEAR.finditer(text) if not is_deadline(text, m.start(1)))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def is_deadline(text: str, year_start: int) -> bool:
    """The year written at ``year_start`` is a deadline ("đến năm 2020"), not a year spoken of."""
    return bool(HORIZON_BEFORE.search(text, max(0, year_start - HORIZON_REACH), year_start))


def _is_current(year: int, discussed: int | None) -> bool:
    return discussed is None or abs(year - discussed) <= HISTORICAL_GAP


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def year_and_month(date: str | None) -> tuple[int, int] | None:
    """(2024, 5) of a meeting's date "2024-05-30" or "2024-05"; None when it has no month."""
    return (int(date[:4]), int(date[5:7])) if date and len(date) >= 7 else None
