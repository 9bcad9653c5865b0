"""What a figure says: a target, a result, or something that is neither.

Decided from the words of the figure's clause before it (and a few after):
the cue nearest before the figure wins ("phấn đấu … đạt" is a target, "… ước
đạt" a result). A forecast, an average over several years, the old value of a
revised target and a figure for part of a year are not a year's target or
result, and are not reported. All patterns work on the matching form.
"""

from __future__ import annotations

import re

TARGET = "target"
RESULT = "result"

# Words that make what follows a target: "phấn đấu", "mục tiêu", "chỉ tiêu Quốc hội giao", "không quá" …
# ("được kiểm soát" is a result, so "kiểm soát" counts only without "được").
TARGET_CUES = re.compile(
    r"phấn đấu|mục tiêu|kế hoạch (?:năm|đề ra cho)|dự kiến|đặt ra|đề ra|chỉ tiêu (?:quốc hội )?(?:giao|đề ra)|"
    r"phải (?:đạt|thu)|cần đạt|sẽ đạt|yêu cầu|(?<!được )kiểm soát|(?<!được )giữ (?:ở )?mức|không quá|chỉ tiêu (?:thu|tăng|kế hoạch|năm)|định hướng|(?:thực hiện|bảo đảm|đảm bảo|hoàn thành|vượt)(?: thành công)? chỉ tiêu (?:lạm phát|gdp|grdp|cpi|bội chi|nợ công|xuất khẩu|giải ngân)|dự toán năm|được giao|"
    r"thông qua|quốc hội giao|\bgiao (?:dự toán|chỉ tiêu|thu|kế hoạch)|dự toán thu|điều chỉnh|(?:chỉ tiêu|kế hoạch)(?: là| đề ra)?\s*\(?\s*$|đề xuất|"
    r"quyết định (?:nhiệm vụ|dự toán|chỉ tiêu|kế hoạch)"
)
# Words that make what follows a result: "ước", "đã đạt", "so với cùng kỳ" … ("giảm còn 3%" is said
# of targets as often as of results, so "còn" is no cue)
RESULT_CUES = re.compile(
    r"\bước\b|đã đạt|đạt được|thực hiện được|\bđã\b|so với (?:cùng kỳ|năm)|\bbằng\b|được kiểm soát|"
    # "với việc đạt toàn bộ các chỉ tiêu … Quốc hội giao, tốc độ tăng trưởng …": targets met, results
    # follow ("phấn đấu hoàn thành toàn bộ các chỉ tiêu" still aims)
    r"(?:việc|đã) (?:đạt|hoàn thành|vượt) (?:toàn bộ|tất cả|cả) (?:các )?chỉ tiêu[^,;.\d]{0,60}?(?:giao|đề ra)?(?=\s*[,;])"
)
ESTIMATE_WORDS = ("dự kiến",)
# A prediction rather than a plan or a record: "dự báo", "có thể đạt", "kỳ vọng".
# An effect still to come is a forecast too: "sẽ làm CPI tăng", "tác động đến CPI … là khoảng".
FORECAST_CUES = re.compile(
    r"dự báo|dự đoán|có thể (?:đạt|tăng|lên|ở mức|giúp)|có khả năng|kỳ vọng|triển vọng|sẽ tiếp tục|sẽ làm|"
    r"(?:sẽ )?tác động (?:đến|tới|làm)"
)
# "tăng trưởng sẽ vượt mức 6,7%": what a year will exceed, said right before the figure, is a forecast,
# no target set ("phấn đấu tăng trưởng … sẽ vượt mức 9%" still aims; the next figure of the list is its own).
WILL_EXCEED = re.compile(r"\bsẽ vượt mức\s*$")
# An estimate for a year decades ahead is a forecast, even when a speaker calls it a goal
# ("đến năm 2045, quy mô GDP ước tính đạt 2.500 tỉ USD"); only an authority's target word makes it one.
LONG_RANGE_YEARS = 10
OWN_YEAR_ASIDE = re.compile(r"\(\s*(?:của |trong )?năm \d{4}\b")  # "(năm 2017 là 6,81%)": a year's figure, aside
ESTIMATE = re.compile(r"ước tính|dự kiến|ước|khoảng|có thể")
# An average over several years: "bình quân 6,5%/năm", "trung bình giai đoạn 2016-2020"
# ("bình quân đầu người" is income per head, "bình quân cả nước" the country's average over its
# provinces and "trung bình cả năm" one year's: none is an average over years).
AVERAGE = re.compile(
    r"(?:bình quân|trung bình)(?! (?:\w+ ){0,2}(?:trên )?đầu người)(?! (?:của )?cả (?:nước|năm))|/\s*năm\b|mỗi năm|hằng năm|hàng năm|"
    r"giai đoạn \d{4}\s*[-–]\s*\d{4}|\d{4}\s*[-–]\s*\d{4}|cả giai đoạn|nhiệm kỳ|5 năm|những năm tới"
)
# "tăng trưởng trên 800% trong hơn 10 năm qua": a span of years right after the figure ("lần đầu tiên
# trong 10 năm qua, GDP tăng 7,08%" is one year's)
SPAN_AFTER = re.compile(r"^\s*trong (?:hơn |gần |khoảng )?\d+ năm (?:qua|gần đây|trở lại đây)")
# "khoảng 6,8% thay vì (mục tiêu) từ 6,6% đến 6,8%": what follows "thay vì" is the old target, replaced;
# "thay đổi mục tiêu từ “dưới 4%” thành “khoảng 4%”": what stands before "thành" is the old one.
REPLACED = re.compile(r"thay vì\s*(?:(?:mục tiêu|chỉ tiêu)\s*)?(?:từ\s*|mức\s*)?$")
REPLACED_BY = re.compile(r"^[\s”\"’]*thành\s*[“\"‘]?\s*(?:khoảng|dưới|trên|mức|\d)")
# "1 hay 2 hoặc 3 triệu doanh nghiệp": one of several amounts, none of them stated.
ALTERNATIVES = re.compile(r"(?:\b(?:hay|hoặc)\s*$)|(?:^\s*(?:hay|hoặc)\b)")
# Figures for part of a year (6 tháng, quý III, tháng 6, "đến hết 31/7") are not a year's figures.
PART_YEAR = re.compile(
    r"\b(?:\d+|mấy|những) tháng(?: đầu| cuối)?\b|\bquý\s*(?:[ivx]+|\d)\b|\btháng\s+\d+\b|\btháng đầu(?: tiên)?\b"
    r"|\b(?:đến|tới) (?:hết )?(?:ngày )?(?!31\s*[/-]\s*12)\d{1,2}\s*[/-]\s*\d{1,2}\b"
)
# "trần nợ công 65% GDP", "nâng trần bội chi từ 4,8 lên 5,3%": a legal ceiling, not a year's figure.
CEILING = re.compile(r"\btrần\b")
CEILING_REACH = 40  # the ceiling word stands a few words before its figure
WHOLE_YEAR_REACH = 60  # "cả năm" this close before "dự kiến … đạt" speaks of the year that is ending
PART_YEAR_REACH = 45  # "9 tháng đầu năm, GRDP tăng 7%": a period this close before a figure is its period
PART_YEAR_AFTER = 30  # "còn 6,2% trong quý 2-2019": a period right after the figure is its period too
CLAUSE_OPENING = 60  # "Trong 6 tháng đầu năm, …": a period opening the clause covers all its figures
AVERAGE_REACH = 40  # "tăng trưởng bình quân hơn 8,5%": the average words stand close before the figure
AVERAGE_AFTER = 25  # "6,57%/năm", "6,5% mỗi năm"


def stance(clause: str, year_under_review: bool = False) -> str | None:
    """TARGET, RESULT, or None when the wording names neither (the caller decides from the year).

    ``clause`` is the words before the figure. "dự kiến" (expected) of the year a meeting
    reviews, or of "cả năm" (the whole year), is the authorities' estimate of a year that is
    ending: a result.
    """
    cues = list(TARGET_CUES.finditer(clause))
    whole_year = "cả năm" in clause[-WHOLE_YEAR_REACH:]  # "cả năm dự kiến đạt", "dự kiến GDP cả năm 2016 đạt"
    if (year_under_review or whole_year) and cues and cues[-1].group(0) in ESTIMATE_WORDS:
        return RESULT
    target = max((m.end() for m in cues), default=-1)
    result = max((m.end() for m in RESULT_CUES.finditer(clause)), default=-1)
    if target < 0 and result < 0:
        return None
    return TARGET if target > result else RESULT


def not_a_year_figure(clause: str, after: str, yearly_average: bool = False, sentence: str = "") -> str | None:
    """Why the figure is not one year's target or result ("forecast", "average", "part of a year",
    "replaced target"), or None. ``yearly_average``: an indicator that is itself an average over
    a year (income per head, "CPI bình quân" the year's average inflation), so
    "bình quân" does not make it one over several years."""
    if _forecast(_own_aside(clause) or clause[-AVERAGE_REACH * 2:]) or (
            WILL_EXCEED.search(clause) and not TARGET_CUES.search(clause)):
        return "forecast"
    own_after = re.split(r",\s|;", after)[0]  # the figure's own words, not the next item of a list
    averages = [*AVERAGE.finditer(clause[-AVERAGE_REACH:]), *AVERAGE.finditer(own_after[:AVERAGE_AFTER]),
                *SPAN_AFTER.finditer(own_after)]
    if any(not (yearly_average and m.group(0) in ("bình quân", "trung bình")) for m in averages):
        return "average over several years"
    if CEILING.search(clause[-CEILING_REACH:]):
        return "a legal ceiling"
    if REPLACED.search(clause) or REPLACED_BY.match(after):
        return "replaced target"
    if ALTERNATIVES.search(clause) or ALTERNATIVES.search(after):
        return "one of several amounts"
    if _part_of_year(clause, own_after, sentence[:CLAUSE_OPENING]):
        return "part of a year"
    return None


def long_range_estimate(clause: str, year: int | None, now: int | None) -> bool:
    """An estimate ("ước tính", "khoảng") for a year at least LONG_RANGE_YEARS ahead, with no
    target word after the estimate word."""
    if year is None or now is None or year - now < LONG_RANGE_YEARS:
        return False
    estimates = [m.end() for m in ESTIMATE.finditer(clause)]
    return bool(estimates) and not any(m.start() >= estimates[-1] for m in TARGET_CUES.finditer(clause))


def _own_aside(clause: str) -> str | None:
    """The words of a bracketed aside the figure stands in, when the aside names its own year: "GDP có
    thể tăng trưởng cao hơn mức 6,7% (năm 2017 là" states 2017's figure, whatever the words before
    the bracket forecast."""
    aside = open_aside(clause)
    return aside if aside is not None and OWN_YEAR_ASIDE.match(aside) else None


def open_aside(clause: str) -> str | None:
    """The words after a bracket the clause opens and does not close, or None."""
    opened = clause.rfind("(")
    return None if opened < 0 or ")" in clause[opened:] else clause[opened:]


def _forecast(near: str) -> bool:
    """A forecast word before the figure, with no target word after it: "dự báo … 3,6%, thấp hơn
    mục tiêu 4-4,5%" forecasts the first figure and quotes the target in the second."""
    forecasts = [m.end() for m in FORECAST_CUES.finditer(near)]
    return bool(forecasts) and not any(m.start() >= forecasts[-1] for m in TARGET_CUES.finditer(near))


def _part_of_year(clause: str, after: str, sentence_opening: str = "") -> bool:
    """A period of months or a quarter named just before or after the figure, or opening its
    clause or its sentence ("9 tháng …; khu vực …; khách quốc tế đạt …")."""
    whole_year, period = clause.rfind("cả năm"), max((m.end() for m in PART_YEAR.finditer(clause)), default=-1)
    if whole_year > period:  # "9 tháng …; dự kiến cả năm đạt …" ("để đạt mục tiêu cả năm thì quý IV …" is a quarter)
        return False
    near, opening = clause[-PART_YEAR_REACH:], clause.lstrip(" -–•")[:CLAUSE_OPENING]
    return any(PART_YEAR.search(t) for t in (near, opening, after[:PART_YEAR_AFTER], sentence_opening))
