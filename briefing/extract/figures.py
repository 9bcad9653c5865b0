"""Targets and results for economy-wide indicators, each with the sentence it came from.

For every quantity in a sentence, the indicator is the last indicator phrase
between the previous quantity (or the start of the clause) and this one, and
its unit must suit the indicator. Target or result comes from the wording
(phấn đấu, mục tiêu … versus đạt, ước đạt …) and from the year the figure is for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from briefing.extract.dates import discussed_year, year_and_month
from briefing.extract.evidence import (
    BRIDGE, CLAUSE, CLAUSE_RELATIVE, DISCUSSED_YEAR, FIGURE_BEFORE, ITS_INDICATOR, LIST_HEADER, MEETING,
    MEETING_DATE, NATIONAL_AFTER, NATIONAL_IN_CLAUSE, NONE, NO_TARGET_WORD, OWN_WORDS, PLACE_ABOUT, PLAN_YEAR,
    RECENT_PLACE, REVIEW_YEAR, SAME_PERIOD, SENTENCE, SENTENCE_BEFORE, WORDING,
)
from briefing.extract.figure_words import (
    ANAPHOR, ASIDE, AT_LEAST, BARE_GROWTH, BASELINE, BASELINE_REACH, BODY_NAMED_BEFORE, BUSINESS_ACTIVE,
    BUSINESS_CHANGE, BUSINESS_KIND, BUSINESS_NOUN, CHANGE_FROM_PLAN, CLAUSE_BREAK, COMPARED_WITH, COUNTED_PLACE,
    COUNTRY_AFTER, DEBT_OF_SOMETHING, EARLIER_PLAN, EQUIVALENT, FALLS, FALL_OF, FEWEST_PLAN_INDICATORS, FILLER,
    FOLLOWING_REACH, GDP_AFTER, GDP_NAMED, GDP_SHARE, GDP_SHARE_REACH, GDP_SHARE_UNIT, GROWTH_WORDS, INCREMENT_WORDS,
    INDICATOR_PHRASES, LEVEL_AFTER_FALL, LEVEL_INDICATORS, LEVEL_MOVED, LEVEL_REACHED, LINKING_WORDS,
    MAX_UNLINKED_WORDS, MEASURE_BASIS, MET, MET_CLAUSE_END, MET_REACH, NAMED_OWNER, NARROWER_GROWTH, NATIONAL_WORDS,
    NEW_RURAL_COUNTED, NOT_INDICATOR, NOT_MET, ONLY_CHANGE, OVERLAPPING_PHRASES, OWN_YEAR_AFTER, PART_OF_COUNT,
    PER_SHORT_PERIOD, PER_YEAR, PLACE_AS_SUBJECT, PLAN_CHANGE_REACH, PLAN_SHARE, PLAN_SHARE_REACH, PROVINCIAL_WORDS,
    REACHED_RIGHT_BEFORE, RECENT_PLACE_SENTENCES, REGION, REMAINING, REVERSED_COMPARATOR, SAME_AS_BEFORE, SECTOR,
    SECTOR_GROWTH, SECTOR_GROWTH_PHRASE, SHARE_OF_TOTAL, STARTING_LEVEL, THIS_PLACE, TOTAL, TOTAL_REACH, TRAILING,
    TRAILING_REACH, UNITS_COUNTED, VENUE_BEFORE, VIETNAM, YEARLY_AVERAGES, YEAR_AFTER_REACH,
)
from briefing.extract.indicators import INDICATORS
from briefing.extract.owner import CONDITION_AFTER, HOME, NOT_OWN, OWN, is_foreign_article, owner
from briefing.extract.stance import (
    FORECAST_CUES, PART_YEAR, RESULT, RESULT_CUES, TARGET, TARGET_CUES, long_range_estimate, not_a_year_figure,
    open_aside, stance,
)
from briefing.extract.years import THIS_YEAR, WHOLE_YEAR, relative_year, year_now
from briefing.ingest.article import Article, Sentence
from briefing.text.gazetteer import find_places
from briefing.text.normalize import match_form
from briefing.text.numbers import Quantity, find_quantities
from briefing.text.patterns import BARE_YEAR, found_in


@dataclass(frozen=True)
class Figure:
    indicator: str
    label: str
    kind: str  # "target" or "result"
    year: int | None
    locality: str | None
    value: float
    value_max: float | None
    comparator: str
    unit: str
    of: float | None
    sentence: str
    increment: bool = False  # "thêm 16 xã": 16 more than before, not 16 in all
    sources: tuple[str, ...] = ()  # every article of the meeting that states it, once meetings are merged
    # Where each decided attribute came from: (("indicator", "its own words"), ("kind", "its wording"),
    # ("year", "the sentence before"), ("owner", "the meeting")); the sources are named in evidence.py.
    evidence: tuple[tuple[str, str], ...] = ()
    confidence: float | None = None  # the learned chance that it is a fact as stated (confidence.py)


@dataclass(frozen=True)
class Unattributed:
    """A number that looked like a figure but is not reported as a fact, and why."""

    text: str  # the number as the article writes it
    indicator: str
    reason: str
    sentence: str


@dataclass(frozen=True)
class Candidate:
    """One reading of a number as a figure, reported or set aside: what the learned decision
    (confidence.py) weighs."""

    figure: Figure
    reason: str | None  # why the rules set it aside; None when they report it
    position: int  # its place among the sentence's numbers
    before: tuple[str, ...]  # the last words of its clause before the number, nearest last
    after: tuple[str, ...]  # the first words after it, nearest first


WORDS_AROUND = 3  # how many words either side of a number a candidate keeps
# "(cùng kỳ tăng 8,25%)": in brackets after this year's figure, the same period of the year before.
SAME_PERIOD_BEFORE = re.compile(r"\(\s*cùng kỳ(?: năm (?:trước|ngoái))?\s*(?:chỉ |cũng )?(?:tăng|đạt|là|giảm)?\s*$")
CHANGE_OF_LEVEL = "a change, not the level"
OPENS_A_LIST = re.compile(r":\s*$")  # a sentence that ends by opening a list
YEAR_UNDER_WAY_MONTHS = range(4, 11)  # results of January to March are the last year's; November's review it
HEADER_REACH = 12  # the items of a list follow within this many sentences
# "Năm 2018, … . Trong đó, GDP tăng 6,7%": a sentence that opens as a continuation takes the year of the
# sentence right before it, in its paragraph. Any other sentence does not: carried further, or to every
# sentence, a year lands on figures it does not govern once an article is one long paragraph, as published.
CONTINUES_THE_SENTENCE_BEFORE = re.compile(r"[\s\-–•“\"(]*(?:trong đó|cụ thể(?!\s*ho[aá]))\b")  # not "Cụ thể hoá"


@dataclass
class Context:
    level: str | None
    locality: str | None
    bridge: str | None
    review_year: int | None
    plan_year: int | None
    date: str | None = None
    recent_place: str | None = None
    place_age: int = 0
    recent_year: int | None = None  # the year the sentence before named, for a sentence that continues it
    # A list header ("Các chỉ tiêu chủ yếu năm 2019 gồm:") gives its year, and its target or result
    # wording, to the items under it, until a sentence names another year.
    header_year: int | None = None
    header_kind: str | None = None
    header_age: int = 0
    # The indicator the previous sentence was about: its last figure's, else its last indicator phrase,
    # found only when a figure needs it (looking for every phrase in every sentence was a third of the time).
    topic_figure: str | None = None
    topic_key: str = ""
    sector: str | None = None  # "nông nghiệp" or "công nghiệp" when the article is a sector's
    foreign_article: bool = False  # the article is about another country's economy
    discussed: int | None = None  # the year the article speaks of most, for a meeting with no date
    part_year_meeting: bool = False  # a meeting on the first 6 or 9 months: its results are part-year
    visit: bool = False  # a leader's visit or inspection (Metadata.visit): figures must name their owner
    set_aside: list = field(default_factory=list)  # Unattributed numbers, for the annex
    # Every reading of a number as a figure, reported or set aside: the learned decision's input.
    candidates: list[Candidate] = field(default_factory=list)


def find_figures(article: Article, context: Context) -> list[Figure]:
    figures: list[Figure] = []
    paragraph = -1
    opening = match_form(article.title + " " + " ".join(s.text for s in article.sentences[:2]))
    context.sector = next((name for name in SECTOR_GROWTH if name in opening), None)
    context.foreign_article = is_foreign_article(opening, bool(find_places(article.title)))
    context.discussed = discussed_year(article)
    context.part_year_meeting = bool(PART_YEAR.search(opening)) and "cả năm" not in opening
    year_before = None  # the year the sentence before named
    for sentence in (s for p in article.paragraphs for s in p.sentences):
        key = match_form(sentence.text)
        continues = sentence.paragraph == paragraph and CONTINUES_THE_SENTENCE_BEFORE.match(key)
        context.recent_year, paragraph = (year_before if continues else None), sentence.paragraph
        places = find_places(sentence.text)
        context.place_age += 1
        subjects = [p for p in places if not VENUE_BEFORE.search(sentence.text, 0, p.start)]
        if subjects:
            context.recent_place, context.place_age = subjects[-1].place.name, 0
        for figure in figures_in(sentence, context, key, places):
            if all(fact_key(figure) != fact_key(f) for f in figures):
                figures.append(figure)
        own = _own_years(key, len(sentence.text))
        year_before = own[-1] if own else None
        _follow_header(context, key, own)
        mine = [f for f in figures if f.sentence == sentence.text]
        context.topic_figure, context.topic_key = (mine[-1].indicator if mine else None), key
    return figures


def _follow_header(context: Context, key: str, own_years: list[int]) -> None:
    """Open a list header's reach at a sentence ending in ":" that names a year; close it when a
    later sentence names a year of its own or after HEADER_REACH sentences."""
    context.header_age += 1
    if OPENS_A_LIST.search(key) and own_years:
        context.header_year, context.header_kind, context.header_age = own_years[-1], stance(key), 0
    elif own_years or context.header_age > HEADER_REACH:
        context.header_year = context.header_kind = None


def _topic(key: str) -> str | None:
    """The indicator a sentence is about: its last indicator phrase."""
    best, best_end = None, -1
    for code, pattern in INDICATOR_PHRASES.items():
        for m in pattern.finditer(key):
            if m.end() > best_end:
                best, best_end = code, m.end()
    return best


def _only_filler(window: str) -> bool:
    words = [w for w in re.findall(r"\w+", window) if not w.isdigit()]
    return any(w in FILLER for w in words) and sum(w not in FILLER for w in words) <= 1


def fact_key(figure: Figure) -> tuple:
    """What makes two readings one fact: indicator, kind, year, place, unit and value."""
    return (figure.indicator, figure.kind, figure.year, figure.locality, figure.unit, figure.value, figure.value_max)


def figures_in(sentence: Sentence, context: Context, key: str | None = None, places: list | None = None) -> list[Figure]:
    """The figures of one sentence; ``key`` (its matching form) and ``places`` save recomputing them."""
    text = sentence.text
    key = match_form(text) if key is None else key
    places = find_places(text) if places is None else places
    found = []
    previous_end = 0
    if REGION.search(key):
        return []
    quantities = find_quantities(text)
    unplaced = _without_places(key, places)
    last_code, last_unit, last_reason = None, None, None
    lent_year = None  # the year of the sentence's last figure, which a figure that names none shares
    for i, quantity in enumerate(quantities):
        window = _label_window(key, previous_end, quantity.start)
        previous_end = quantity.end if quantity.unit else previous_end
        following = _trailing_window(key, quantity)
        quantity, plan_change = _as_plan_share(quantity, key)
        number_key = match_form(quantity.text)
        words_after = following[len(number_key):]  # the words after the number, in matching form
        code = own_code = _indicator(window, following, quantity)
        if window.rstrip().endswith("(") and last_unit == "% of plan":
            continue  # "bằng 116,4% kế hoạch … giao (8.575 tỷ đồng)": the plan the share is of
        if code is None:  # the sentence before's topic is looked for only when the words allow it (it is slow)
            code = _indicator_from_before(window, quantity, lambda: last_code if i else (
                context.topic_figure or _topic(context.topic_key)), last_code, last_unit, i)
        # "xuất khẩu thủy sản đạt 10 tỷ USD, tăng 12%": a figure that restates or changes the one
        # before it is set aside with it
        borrowed = bool(i) and code is not None and code in (last_code, FALL_OF.get(last_code or "")) and bool(
            ONLY_CHANGE.match(window) or EQUIVALENT.match(window) or not re.search(r"\w", window))
        last_code, last_unit = code, quantity.unit
        clause = _label_window(key, 0, quantity.start)
        # (a number no indicator names becomes a sector's growth only by a growth phrase: look no further)
        sector = SECTOR.search(clause) if code is not None or SECTOR_GROWTH_PHRASE.search(window) else None
        if sector:
            code = _sector_indicator(code, sector.group(1) or context.sector, window)
        if code is not None and not plan_change and _is_growth_of_level(code, window, quantity):
            last_reason = CHANGE_OF_LEVEL  # its share in brackets, "tăng 769 xã (8,62%)", goes with it
            continue
        if code is None or NOT_INDICATOR.search(window):
            continue
        if quantity.unit == "%" and _unit(code, quantity) == GDP_SHARE_UNIT and not _share_of_gdp_stated(
                code, window, words_after):
            continue
        if code == "new_rural_standard" and quantity.unit == "count" and not NEW_RURAL_COUNTED.search(number_key):
            continue
        window_start = quantity.start - len(window)
        if _unlinked_words(window, code, unplaced[window_start:quantity.start]) > MAX_UNLINKED_WORDS:
            context.set_aside.append(Unattributed(quantity.text, code, "indicator unclear", text))
            last_reason = "indicator unclear"
            continue
        if code == "indicators_met":
            quantity = _indicators_met(quantity, quantities[:i], key, words_after)
            if quantity is None:
                continue
        after = words_after
        if quantity.unit == "%" and PER_YEAR.search(number_key):
            after = "/năm" + after  # "5-6%/năm": a rate a year, read with the words after it
        kind, year, evidence = _kind_and_year(key, quantity, context, RESULT if code == "indicators_met" else None,
                                              lent_year)
        named = {m.place.name for m in places if window_start <= m.start and m.end <= quantity.start}
        reason = (borrowed and last_reason) or _why_not(code, clause, window, after, key, year, context,
                                                         key[quantity.end :], named, kind)
        last_reason = reason
        if not reason and (PER_SHORT_PERIOD.search(number_key) or PER_SHORT_PERIOD.match(words_after)):
            reason = "an amount for less than a year"
        if not reason and _starts_a_change(window, quantity) and not OWN_YEAR_AFTER.match(key, quantity.end):
            reason = "the level before a change"  # an earlier time's level, unless its year follows it
        if not reason and quantity.unit == "%" and SHARE_OF_TOTAL.match(after):
            reason = "a share of a total"  # "chiếm 28,7% tổng thu ngân sách của tỉnh"
        if not reason and kind == RESULT and context.part_year_meeting and not _names_its_year(clause, key, quantity):
            reason = "part of a year"
        if not reason and kind == RESULT and dict(evidence)["year"] == MEETING_DATE and _year_under_way(context):
            reason = "part of a year"  # a result told in June with no year of its own: the year so far
        locality, owner_from = (None, NATIONAL_AFTER) if COUNTRY_AFTER.match(after) else _locality(
            places, key, clause, context)
        indicator_from = OWN_WORDS if own_code else (FIGURE_BEFORE if i else SENTENCE_BEFORE)
        figure = Figure(
            indicator=code,
            label=INDICATORS[code].en,
            kind=kind,
            year=year,
            locality=locality,
            value=quantity.value,
            value_max=quantity.value_max,
            comparator=quantity.comparator,
            unit=_unit(code, quantity),
            of=quantity.of,
            sentence=text,
            increment=bool(INCREMENT_WORDS.search(window)),
            evidence=(("indicator", indicator_from), *evidence, ("owner", owner_from)),
        )
        context.candidates.append(Candidate(figure, reason, i, _edge_words(window, -WORDS_AROUND),
                                            _edge_words(words_after, WORDS_AROUND)))
        if reason:
            context.set_aside.append(Unattributed(quantity.text, code, reason, text))
            continue
        found.append(figure)
        # a figure in brackets, "(năm 2017 là 6,81%)", keeps its year to itself; a target's year that only
        # the meeting's plan gave is lent to no result ("đặt mục tiêu 8,4-8,7% nhưng chỉ ước đạt 8,25%")
        if open_aside(window) is None and dict(evidence).get("year") != PLAN_YEAR:
            lent_year = figure.year
    return found


def _indicator_from_before(window: str, quantity: Quantity, inherited_from: Callable[[], str | None],
                           last_code: str | None, last_unit: str | None, index: int) -> str | None:
    """The indicator a figure whose own words name none takes from the figure before it in the
    sentence (``last_code``) or, for the first, from the previous sentence (``inherited_from``, asked
    only when the words allow it):
    "(240,5 tỉ USD)", "tăng 6%", "con số này là …", "giảm 1,02%, còn 3,54%"."""
    level = LEVEL_AFTER_FALL.get(last_code, last_code)
    if level and (LEVEL_REACHED.match(window) or STARTING_LEVEL.match(window)) and _unit_allowed(level, quantity):
        return level  # "giảm 1,5%, từ 7,8% xuống 6%": the levels a change moves between
    if last_code and _unit_allowed(last_code, quantity) and (
        SAME_AS_BEFORE.search(window) or (EQUIVALENT.match(window) and {last_unit, quantity.unit} == {"VND", "USD"})
        or SAME_PERIOD_BEFORE.search(window)
    ):
        return last_code
    if not (_only_filler(window) or ANAPHOR.search(window) or (index and (
            ONLY_CHANGE.match(window) or COMPARED_WITH.match(window) or not re.search(r"\w", window)))):
        return None
    inherited = inherited_from()
    if not (inherited and _unit_allowed(inherited, quantity)):
        return None
    code = FALL_OF.get(inherited, inherited) if ONLY_CHANGE.match(window) else inherited
    return LEVEL_AFTER_FALL.get(code, code) if REMAINING.search(window) else code  # what remains is the level


def _label_window(key: str, start: int, end: int) -> str:
    """The words of ``key[start:end]`` after its last clause break: the words before a figure, back
    to the start of its clause; a label and its colon right before the figure ("Tổng số thu:
    911.100 tỷ đồng") are its words too."""
    starts, ends = _clause_breaks(key)
    last = bisect_right(ends, end) - 1  # the last break that ends by ``end``
    if last >= 0 and starts[last] >= start and key[starts[last]] == ":" and not key[ends[last] : end].strip():
        last -= 1
    return key[ends[last] : end] if last >= 0 and starts[last] >= start else key[start:end]


@lru_cache(maxsize=8)
def _clause_breaks(key: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the clause breaks of a sentence start and end, found once for all its figures (a
    sentence of many numbers would otherwise be searched again for each)."""
    found = list(CLAUSE_BREAK.finditer(key))
    return tuple(m.start() for m in found), tuple(m.end() for m in found)


def _sector_indicator(code: str | None, sector: str | None, window: str) -> str | None:
    """In a sector's sentence, growth is the sector's growth; its levels (exports …) are left out."""
    if code in ("economic_growth", "agricultural_growth", "industrial_growth") or SECTOR_GROWTH_PHRASE.search(window):
        return SECTOR_GROWTH.get(sector or "")
    return code if code not in LEVEL_INDICATORS else None


def _names_its_year(clause: str, key: str, quantity: Quantity) -> bool:
    """The figure's clause, or the words right after it, name a year ("năm 2018", "cả năm")."""
    return bool(BARE_YEAR.search(clause) or "cả năm" in clause or OWN_YEAR_AFTER.match(key, quantity.end))


def _why_not(code: str, clause: str, window: str, after: str, key: str, year: int | None,
             context: Context, after_figure: str = "", named: set[str] = frozenset(),
             kind: str | None = None) -> str | None:
    """Why a figure is not reported as the place's target or result for a year, or None if it is.
    ``window`` holds the figure's own words (since the previous figure): they say whose it is;
    ``named`` is the places it names; ``kind``, target or result."""
    # A period opening the sentence covers its list, unless the figure names its own year.
    opening = "" if OWN_YEAR_AFTER.match(after_figure) else key
    reason = not_a_year_figure(clause, after, yearly_average=code in YEARLY_AVERAGES, sentence=opening)
    if reason == "part of a year" and kind == TARGET and _the_years_target(window):
        reason = None  # "9 tháng … đạt 6,41%, so với mục tiêu … đặt ra năm nay là 6,7%": the year's target
    if not reason and long_range_estimate(clause, year, year_now(context.date, context.review_year, context.plan_year)
                                          or context.discussed):
        reason = "forecast"
    if reason:
        return reason
    whose = "hypothetical" if CONDITION_AFTER.match(after) else owner(window, key, context.foreign_article)
    if whose != OWN:
        return NOT_OWN[whose]
    if context.level == "district" and not (found_in(PROVINCIAL_WORDS, key) or found_in(NATIONAL_WORDS, key)):
        return NOT_OWN["district"]  # a district's meeting reports the district's figures
    if len(named) > 1 or UNITS_COUNTED.search(clause):
        return "several places' figure"
    if "?" in after_figure:
        return "a question, not a statement"
    owner_named = found_in(NAMED_OWNER, key) or named  # "cả nước", "tỉnh", or a province by name
    outside_a_meeting = context.level is None or context.visit
    if outside_a_meeting and not (owner_named and (found_in(BARE_YEAR, key) or found_in(THIS_YEAR, key))):
        return "owner or year not stated outside a meeting"
    if year is None:
        return "year unknown"
    return None


def _indicators_met(quantity: Quantity, earlier: list[Quantity], key: str, words_after: str) -> Quantity | None:
    """"có 14 chỉ tiêu đạt … trong tổng số 18": the met count, with the total as ``of``; ``words_after``
    are the words after the count, in matching form."""
    before = key[max(0, quantity.start - MET_REACH) : quantity.start]
    clause_after = MET_CLAUSE_END.split(ASIDE.sub(" ", words_after), maxsplit=1)[0]
    if TOTAL.search(before) or PART_OF_COUNT.search(before) or NOT_MET.search(words_after) or not (
            MET.search(clause_after) or MET.search(before)):
        return None
    if quantity.of is None:
        totals = [q for q in earlier if "chỉ tiêu" in match_form(q.text) and _is_total(key, q)]
        if totals:
            quantity = replace(quantity, of=totals[-1].value)
    return None if quantity.of is not None and quantity.of < FEWEST_PLAN_INDICATORS else quantity


def _is_total(key: str, quantity: Quantity) -> bool:
    return bool(TOTAL.search(key[max(0, quantity.start - TOTAL_REACH) : quantity.start]))


def _edge_words(text: str, count: int) -> tuple[str, ...]:
    """The last ``-count`` words of ``text`` when count is negative, else its first ``count``."""
    words = re.findall(r"[^\W\d_]+", text)
    return tuple(words[count:] if count < 0 else words[:count])


def _trailing_window(key: str, quantity: Quantity) -> str:
    window = key[quantity.start : quantity.end + FOLLOWING_REACH]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[: breaks[0].start()] if breaks else window


def _starts_a_change(window: str, quantity: Quantity) -> bool:
    """The figure is the level a change started from ("giảm từ 7,8% xuống 6%"); "tăng từ 7,5% trở lên"
    (a floor, read with its comparator) is not."""
    return bool(STARTING_LEVEL.search(window)) and quantity.comparator not in AT_LEAST


def _is_growth_of_level(code: str, window: str, quantity: Quantity) -> bool:
    """"thu ngân sách tăng 14 nghìn tỷ", "tăng 155 USD": a change in a level indicator, not its level
    (a growth rate in % is kept where the indicator takes %: "xuất khẩu tăng 16%")."""
    counts_places = code == "new_rural_standard" and quantity.unit == "count"  # "tăng 769 xã so với năm 2017"
    # "tăng từ 2.385 USD lên 2.587 USD", "tăng lên 17.500 tỷ đồng", "tăng lên 112% dự toán": the level reached
    moved = _starts_a_change(window, quantity) or LEVEL_REACHED.match(window) or REACHED_RIGHT_BEFORE.search(window)
    return (code in LEVEL_INDICATORS or counts_places) and quantity.unit != "%" and bool(
        GROWTH_WORDS.search(window)) and not moved


def _as_plan_share(quantity: Quantity, key: str) -> tuple[Quantity, bool]:
    """"bằng 102,6% dự toán": a percentage followed by plan words is a share of the plan; a change from
    this year's plan is one too ("vượt 8% so với dự toán" is 108% of it, "tăng 3-5%" 103-105%, "giảm hơn
    10%" less than 90%), and the second value is True for those. "3,6% GDP" is a share of the economy."""
    if quantity.unit != "%":
        return quantity, False
    plan = PLAN_SHARE.match(key[quantity.end : quantity.end + PLAN_SHARE_REACH])
    if not plan:
        gdp = GDP_SHARE.match(key[quantity.end : quantity.end + GDP_SHARE_REACH])
        return (replace(quantity, unit="% of GDP") if gdp else quantity), False
    exceeded = quantity.comparator == ">" and match_form(quantity.text).startswith("vượt")
    sign = 1 if exceeded else _change_from_plan(quantity, key, quantity.end + plan.end())
    if sign is None:
        return replace(quantity, unit="% of plan"), False
    values = sorted(100 + sign * v for v in (quantity.value, quantity.value_max) if v is not None)
    comparator = "=" if exceeded else (  # "vượt" is the change, not a bound
        quantity.comparator if sign > 0 else REVERSED_COMPARATOR.get(quantity.comparator, quantity.comparator))
    # (a share reached by "vượt" is still weighed as a change in a level below, as it always was)
    return replace(quantity, unit="% of plan", value=values[0], value_max=values[1] if len(values) > 1 else None,
                   comparator=comparator), not exceeded


def _change_from_plan(quantity: Quantity, key: str, plan_end: int) -> int | None:
    """+1 or -1 when the words before a percentage of the plan make it a change from this year's plan
    ("tăng 3% so với dự toán", "giảm 3-5% so với kế hoạch"), else None. A change of 100% or more is not
    read as one (more likely a misworded share, it is set aside with other changes), nor a change from
    an earlier plan ("so với kế hoạch năm trước", "so với dự toán năm 2022" in a sentence on 2023)."""
    change = CHANGE_FROM_PLAN.search(key[max(0, quantity.start - PLAN_CHANGE_REACH) : quantity.start])
    if not change or max(quantity.value, quantity.value_max or 0) >= 100 or _earlier_plan(key, plan_end):
        return None
    return -1 if change.group(1) in FALLS else 1


def _earlier_plan(key: str, plan_end: int) -> bool:
    """The plan words ending at ``plan_end`` name an earlier year's plan: "năm trước", or a year before
    one the sentence names."""
    named = EARLIER_PLAN.match(key, plan_end)
    if not named:
        return False
    year = named.group(1)
    return year is None or any(int(y) > int(year) for y in BARE_YEAR.findall(key))


def _without_places(key: str, places: list) -> str:
    """``key`` with the sentence's place names blanked out, same length (places are found in the
    cased text, "Bắc Giang", and would be missed in the lower-case key)."""
    for mention in places:
        key = key[: mention.start] + " " * (mention.end - mention.start) + key[mention.end :]
    return key


def _unlinked_words(window: str, code: str, unplaced: str | None = None) -> int:
    """How many words that are neither linking words nor places stand between the indicator's
    phrase and the figure: "tăng trưởng GRDP năm 2023 đạt 8%" none; "tốc độ tăng trưởng đang có
    xu hướng giảm như tốc độ tăng thu nội địa giảm 2%" many, so the figure is another noun's."""
    ends = [m.start() + len(m.group(1)) for m in OVERLAPPING_PHRASES[code].finditer(window)]
    if not ends:
        return 0
    gap = (window if unplaced is None else unplaced)[max(ends):]  # ``unplaced``: the window, places blanked
    for cues in (TARGET_CUES, RESULT_CUES, FORECAST_CUES):  # "Quốc hội giao là", "có thể đạt": cues link too
        gap = cues.sub(" ", gap)
    gap = HOME.sub(" ", MEASURE_BASIS.sub(" ", gap))  # "theo giá hiện hành", "đến Việt Nam" say nothing else
    return sum(1 for word in re.findall(r"[^\W\d_]+", gap) if word not in LINKING_WORDS)


def _indicator(window: str, following: str, quantity: Quantity) -> str | None:
    noun = match_form(quantity.text)
    if quantity.unit == "count" and ("chỉ tiêu" in noun or "mục tiêu" in noun):
        return "indicators_met"
    if quantity.unit == "count" and BUSINESS_NOUN.search(noun) and not BUSINESS_CHANGE.search(following + window[-40:]):
        active = BUSINESS_ACTIVE.search(following) and not BUSINESS_KIND.search(following)
        return "active_businesses" if active else None
    best, best_end = None, -1
    for code, pattern in INDICATOR_PHRASES.items():
        if not _unit_allowed(code, quantity):
            continue
        for m in pattern.finditer(window):
            # A phrase that trails a count ("96.600 DN thành lập mới, …") belongs to that count.
            if m.end() > best_end and not (code in TRAILING and len(window) - m.end() > TRAILING_REACH):
                best, best_end = code, m.end()
    if best is None:  # the first phrase after the figure says what it counts
        found = [(m.start(), m.end(), code) for code, units in TRAILING.items() if quantity.unit in units
                 for m in [INDICATOR_PHRASES[code].search(following)] if m]
        if found:
            first_start, first_end, _ = min(found, key=lambda f: (f[0], -f[1]))
            # a longer phrase overlapping the first wins: "lượt khách quốc tế" over "lượt khách"
            return max((f for f in found if f[0] < first_end), key=lambda f: f[1])[2]
    if best is None and quantity.unit == "%" and _bare_growth(window):
        return "economic_growth"
    if best in LEVEL_AFTER_FALL and (REMAINING.search(window) or _starts_a_change(window, quantity)):
        return LEVEL_AFTER_FALL[best]
    return best


def _bare_growth(window: str) -> bool:
    """The window's last "tăng trưởng" is the economy's: no narrower noun follows it ("tăng trưởng
    khách du lịch quốc tế … giảm 2,8%" is not; a sector's, "tăng trưởng tín dụng", is the owner's to set aside)."""
    ends = [m.end() for m in BARE_GROWTH.finditer(window)]
    return bool(ends) and not NARROWER_GROWTH.match(window, ends[-1])


def _unit_allowed(code: str, quantity: Quantity) -> bool:
    return quantity.unit in INDICATORS[code].units or (quantity.unit == "%" and _unit(code, quantity) != "%")


def _unit(code: str, quantity: Quantity) -> str:
    """The unit a figure is kept in: a poverty fall in % is in points; debt and investment, measured
    only against GDP, in % of GDP ("nợ công khoảng 61,4%", "vốn đầu tư toàn xã hội so GDP 31,5%")."""
    units = INDICATORS[code].units
    if quantity.unit == "%" and code == "poverty_rate_reduction":
        return "percentage points"
    if quantity.unit == "%" and "%" not in units and GDP_SHARE_UNIT in units:
        return GDP_SHARE_UNIT
    return quantity.unit


def _share_of_gdp_stated(code: str, window: str, following: str) -> bool:
    """A plain percent read as a share of GDP must say so, or be public debt's, which is never
    given otherwise (unless the debt only qualifies a loan: "vốn vay nợ công"); a change ("vốn đầu
    tư toàn xã hội tăng 10%") is no share, though the levels it moves between are ("giảm từ 63,6%
    … xuống còn 61,4%")."""
    if GROWTH_WORDS.search(window) and not LEVEL_MOVED.search(window):
        return False
    if GDP_NAMED.search(window) or GDP_AFTER.match(following):
        return True
    return code == "public_debt" and not DEBT_OF_SOMETHING.search(window)


def _own_years(key: str, end: int) -> list[int]:
    """Years in ``key[:end]`` that a figure can belong to: not baselines ("so với năm 2022") nor the
    year of an aside closed before it ("GDP tăng cao hơn 6,7% (năm 2017 là 6,81%), thu ngân sách …")."""
    # ("Thu nhập bình quân đầu người (năm 2017) đạt …": a bracket holding only a year is the figure's own)
    asides = [m.span() for m in ASIDE.finditer(key, 0, end) if re.search(r"\d", BARE_YEAR.sub(" ", m.group(0)))]
    return [int(m.group(1)) for m in BARE_YEAR.finditer(key, 0, end)
            if not _is_baseline(key, m.start()) and not any(a <= m.start() < b for a, b in asides)]


def _is_baseline(key: str, year_start: int) -> bool:
    return bool(BASELINE.search(key[max(0, year_start - BASELINE_REACH) : year_start]))


def _figure_year(key: str, quantity: Quantity, context: Context) -> tuple[int | None, str]:
    """The year a figure is for, the nearest statement first, and where it was found: a year named
    in its clause before it, "năm nay"/"năm qua"/"năm tới" there, a year right after it, a year
    earlier in the sentence, a relative year after it, then the year the previous sentences spoke of."""
    clause = _label_window(key, 0, quantity.start)
    clause_start = quantity.start - len(clause)
    own = OWN_YEAR_AFTER.match(key, quantity.end)
    if own:
        return int(own.group(1)), CLAUSE
    in_clause = [y for y in _own_years(key, quantity.start) if key.rfind(str(y), 0, quantity.start) >= clause_start]
    if in_clause:
        return in_clause[-1], CLAUSE
    dates = (context.date, context.review_year, context.plan_year)
    if not any(dates) and context.discussed:  # no meeting: "năm nay" is the year the article speaks of
        dates = (None, None, context.discussed)
    before = relative_year(clause, *dates)
    if before is not None:
        return before, CLAUSE_RELATIVE
    rest = key[quantity.end : quantity.end + YEAR_AFTER_REACH]
    cut = CLAUSE_BREAK.search(rest)
    rest = rest[: cut.start()] if cut else rest
    after = [int(y) for y in BARE_YEAR.findall(rest)]
    if after and not _is_baseline(key, key.find(str(after[0]), quantity.end)):
        return after[0], CLAUSE
    earlier = _own_years(key, quantity.start)
    if earlier:
        return earlier[0], SENTENCE
    relative = relative_year(rest, *dates)
    if relative is not None:
        return relative, CLAUSE_RELATIVE
    if context.recent_year is None and context.header_year is not None:
        return context.header_year, LIST_HEADER
    return context.recent_year, SENTENCE_BEFORE


def _kind_and_year(key: str, quantity: Quantity, context: Context, kind: str | None = None,
                   sentence_year: int | None = None) -> tuple[str, int | None, tuple]:
    """Target or result (``kind`` when it is known already), the year the figure is for, and the
    evidence of both; ``sentence_year`` is the year of the sentence's figure before this one, which
    a figure that names none shares ("đạt 85.000 tỷ đồng, vượt kế hoạch đề ra (80.000 tỷ đồng)")."""
    year, year_from = _figure_year(key, quantity, context)
    if year is not None and SAME_PERIOD_BEFORE.search(key, 0, quantity.start):
        year, year_from = year - 1, SAME_PERIOD
    kind_from = ITS_INDICATOR if kind else WORDING
    if kind is None and year_from == SAME_PERIOD:  # a year that is over: "… đề ra (cùng kỳ tăng 8,25%)"
        kind, kind_from = RESULT, SAME_PERIOD
    kind = kind or stance(key[: quantity.start], year is not None and year == context.review_year)
    if kind is None and year_from == LIST_HEADER and context.header_kind:
        kind, kind_from = context.header_kind, LIST_HEADER
    if kind is None:  # no wording: a year the meeting plans, or any figure of a meeting that only plans
        only_plans = year is None and context.plan_year is not None and context.review_year is None
        kind = TARGET if only_plans or (year is not None and year == context.plan_year) else RESULT
        kind_from = PLAN_YEAR if kind == TARGET else NO_TARGET_WORD
    if year is None:
        year, year_from = (sentence_year, FIGURE_BEFORE) if sentence_year else _default_year(kind, context)
    return kind, year, (("kind", kind_from), ("year", year_from))


def _default_year(kind: str, context: Context) -> tuple[int | None, str]:
    """The meeting's planned or reviewed year; failing those, the year of its date
    (results reported in the first quarter belong to the year before); and which it was."""
    if kind == "target" and context.plan_year:
        return context.plan_year, PLAN_YEAR
    if kind == "result" and context.review_year:
        return context.review_year, REVIEW_YEAR
    if not context.date:
        return (context.discussed, DISCUSSED_YEAR) if context.level else (None, NONE)
    year, month = int(context.date[:4]), int(context.date[5:7])
    return (year - 1 if kind == "result" and month <= 3 else year), MEETING_DATE


def _the_years_target(window: str) -> bool:
    """The figure's own words set it as the target of this or the whole year, though its sentence
    reports part of the year ("để đạt mục tiêu cả năm thì quý IV phải tăng 10%" is still a quarter's)."""
    return bool(TARGET_CUES.search(window) and (THIS_YEAR.search(window) or WHOLE_YEAR.search(window))
                and not PART_YEAR.search(window))


def _year_under_way(context: Context) -> bool:
    """The meeting is dated between April and October: the year it is in is not over."""
    when = year_and_month(context.date)
    return when is not None and when[1] in YEAR_UNDER_WAY_MONTHS


def _locality(places: list, key: str, clause: str, context: Context) -> tuple[str | None, str]:
    """The province named in the sentence; else the meeting's own for a provincial meeting;
    else, in a national article, a province named in the last sentences or the bridge; and which."""
    if places:
        return places[0].place.name, SENTENCE
    this_place = THIS_PLACE.search(clause) or (  # "GDP tỉnh này": the province spoken of, whatever the words
        context.locality and PLACE_AS_SUBJECT.search(clause) and _only_gdp(clause))
    if (NATIONAL_WORDS.search(clause) or _names_vietnam(clause)) and "grdp" not in clause and not this_place:
        return None, NATIONAL_IN_CLAUSE
    if this_place and context.locality and context.level in ("provincial", "district"):
        return context.locality, MEETING  # a province's own meeting speaks of itself
    recent = context.recent_place if context.place_age <= RECENT_PLACE_SENTENCES else None
    if this_place and (recent or context.locality):
        return (recent, RECENT_PLACE) if recent else (context.locality, PLACE_ABOUT)
    if context.locality and context.level in ("provincial", "district", "national"):
        return context.locality, MEETING  # a national leader's working session with one province speaks of it
    if recent and not found_in(NATIONAL_WORDS, key):
        return recent, RECENT_PLACE
    if found_in(PROVINCIAL_WORDS, key):
        return context.bridge, BRIDGE
    return None, MEETING if context.level == "national" else NONE


def _names_vietnam(clause: str) -> bool:
    return any(not BODY_NAMED_BEFORE.search(clause, 0, m.start()) for m in VIETNAM.finditer(clause))


def _only_gdp(clause: str) -> bool:
    """The clause's national words are "GDP" alone, which a province's report may use too."""
    words = [m.group(0) for m in NATIONAL_WORDS.finditer(clause)]
    return bool(words) and all(w == "gdp" for w in words)


def counted_place(figure: Figure) -> str | None:
    """The kind of place a figure counts ("xã" in "100% xã đạt chuẩn", "huyện" in "8/13 huyện"), else None."""
    if figure.unit not in ("count", "%"):
        return None
    key = match_form(figure.sentence)
    for quantity in find_quantities(figure.sentence):
        if quantity.value == figure.value and quantity.value_max == figure.value_max:
            m = COUNTED_PLACE.match(key, quantity.start)
            if m:
                return m.group(1)
    return None
