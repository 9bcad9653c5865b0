"""Meeting dates from what articles write: headers, datelines, "Sáng 5/1", "29/12/2020"."""

from __future__ import annotations

import re
from datetime import date

from .document import Article

FULL_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?![\d/.-])")
DAY_MONTH = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|ngày|hôm|đêm)(?:\s+(?:nay|qua|ngày|thứ\s+\w+))?\s*,?\s*"
    r"(\d{1,2})\s*[/-]\s*(\d{1,2})(?![\d/-])",
    re.IGNORECASE,
)
YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def meeting_date(article: Article) -> str | None:
    """The date the meeting took place, as YYYY-MM-DD, when the article lets us know it."""
    lead = " ".join(p.text for p in article.paragraphs[:3] if not p.heading)
    full = FULL_DATE.search(lead)
    short = DAY_MONTH.search(lead)
    if full and (not short or full.start() <= short.start()):
        return _iso(int(full.group(3)), int(full.group(2)), int(full.group(1)))
    if short:
        day, month = int(short.group(1)), int(short.group(2))
        year = _infer_year(article, month)
        if year:
            return _iso(year, month, day)
    return article.dateline


def _infer_year(article: Article, month: int) -> int | None:
    """The year of a day/month date, from the header, the dateline or the years discussed."""
    if article.header_month:
        year, header_month = map(int, article.header_month.split("-"))
        return year - 1 if month > header_month + 1 else year
    if article.dateline:
        year, dateline_month = int(article.dateline[:4]), int(article.dateline[5:7])
        return year - 1 if month > dateline_month else year
    years = [int(y) for y in YEAR.findall(article.title + " " + article.text[:3000])]
    if not years:
        return None
    planned = max(years)
    # A year-end meeting plans next year; one early in the year plans the current year.
    return planned - 1 if month >= 10 else planned


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
