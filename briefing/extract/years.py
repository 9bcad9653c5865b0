"""Which year a figure is for, when the sentence says it only relatively.

"năm nay" (this year), "năm qua" (the past year), "năm tới" (next year) are
resolved from the article's date, or, without one, from the years the meeting
reviews and plans. A year-end review speaks of the year it reviews as "năm
qua" from November on, and so does a January article of the year just ended.
"""

from __future__ import annotations

import re

THIS_YEAR = re.compile(r"\bnăm (?:nay|này)\b")
# "ước cả năm vượt chỉ tiêu", "sản lượng lương thực cả năm đạt": the whole year the meeting reviews,
# else the article's ("cả năm 2019" names its own; "cả năm qua" is the past year's; "cả năm học" a school year)
WHOLE_YEAR = re.compile(r"\bcả năm\b(?! \d| (?:qua|trước|vừa qua|ngoái|cũ|học|tỉnh)\b)")
LAST_YEAR = re.compile(r"\bnăm (?:qua|trước|vừa qua|ngoái|cũ)\b")
NEXT_YEAR = re.compile(r"\b(?:năm (?:tới|sau|kế tiếp)|sang năm)\b")
YEAR_END_MONTHS = (11, 12)  # a review held in these months reviews its own year


def year_now(date: str | None, review_year: int | None, plan_year: int | None) -> int | None:
    """The year the article is written in: its date's, else the one the meeting reviews, else
    the one it plans (a plan with no date and no year reviewed deploys that year's tasks in it:
    "kế hoạch triển khai nhiệm vụ năm 2015 … năm nay" is 2015)."""
    if date:
        return int(date[:4])
    if review_year:
        return review_year
    return plan_year


def relative_year(key: str, date: str | None, review_year: int | None, plan_year: int | None) -> int | None:
    """The year a relative phrase in ``key`` (matching form) means, or None if it has none."""
    now = year_now(date, review_year, plan_year)
    if now is None:
        return None
    if NEXT_YEAR.search(key):
        return now + 1
    if THIS_YEAR.search(key):
        return now
    if WHOLE_YEAR.search(key):
        return review_year or now
    if LAST_YEAR.search(key):
        month = int(date[5:7]) if date else None
        reviewing_now = review_year == now or (month in YEAR_END_MONTHS)
        return now if reviewing_now else now - 1
    return None
