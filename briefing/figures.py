"""Targets and results for economy-wide indicators, each with the sentence it came from.

For every quantity in a sentence, the indicator is the last indicator phrase
between the previous quantity (or the start of the clause) and this one, and
its unit must suit the indicator. Target or result comes from the wording
(phấn đấu, mục tiêu … versus đạt, ước đạt …) and from the year the figure is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Article, Sentence
from .gazetteer import find_places
from .numbers import Quantity, find_quantities
from .textnorm import match_form

# indicator code: (English label, phrase pattern in matching form, units it may take)
INDICATORS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "economic_growth": (
        "Economic growth (GDP/GRDP)",
        r"tăng trưởng kinh tế|tốc độ tăng trưởng(?! (?:công|nông))|tăng trưởng (?:gdp|grdp)|(?:gdp|grdp)(?: [^\d]{0,20})? tăng"
        r"|tổng sản phẩm (?:trên địa bàn|trong nước)|tăng trưởng (?:tổng sản phẩm|bình quân)|^tăng trưởng$|tăng trưởng(?= đạt)",
        ("%",),
    ),
    "income_per_capita": (
        "Income per capita",
        r"(?:thu nhập|gdp|grdp)(?: [^\d]{0,12})? (?:bình quân )?(?:đầu người|trên đầu người)|bình quân đầu người",
        ("VND", "USD"),
    ),
    "budget_revenue": ("Budget revenue", r"thu ngân sách|thu nsnn|thu ngân sách nhà nước", ("VND", "% of plan")),
    "budget_deficit": ("Budget deficit", r"bội chi", ("% of GDP", "%")),
    "export_value": ("Exports", r"kim ngạch xuất khẩu|(?<!xuất nhập )(?<!thu )xuất khẩu(?! (?:gạo|thủy|nông))", ("USD",)),
    "social_investment": (
        "Total social investment",
        r"vốn đầu tư (?:phát triển )?toàn xã hội|đầu tư toàn xã hội|tổng vốn đầu tư xã hội|vốn đầu tư xã hội",
        ("VND", "% of GDP", "%"),
    ),
    "public_investment_disbursement": (
        "Public investment disbursed", r"giải ngân(?: vốn)?(?: đầu tư công)?", ("VND", "% of plan", "%")
    ),
    "jobs": ("Jobs created", r"việc làm", ("people",)),
    "poverty_rate_reduction": (
        "Poverty rate reduction", r"(?:tỷ lệ |tỉ lệ )?hộ nghèo(?: [^\d]{0,20})? giảm|giảm (?:tỷ lệ |tỉ lệ )?hộ nghèo",
        ("percentage points",),
    ),
    "poverty_rate": ("Poverty rate", r"(?:tỷ lệ |tỉ lệ )?hộ nghèo", ("%",)),
    "cpi": ("Consumer prices (CPI)", r"\bcpi\b|chỉ số giá tiêu dùng|lạm phát", ("%",)),
    "new_businesses": (
        "New businesses", r"doanh nghiệp (?:thành lập )?mới|thành lập mới|doanh nghiệp đăng ký mới", ("count",)
    ),
    "international_visitors": ("International visitors", r"khách quốc tế|du khách quốc tế", ("visits", "people")),
    "tourists": ("Tourists", r"khách du lịch|du khách|lượt khách", ("visits", "people")),
    "industrial_growth": (
        "Industrial growth",
        r"chỉ số (?:sản xuất )?công nghiệp|(?:ngành )?công nghiệp(?: [^\d]{0,15})? tăng|tăng trưởng (?:toàn )?(?:ngành )?công nghiệp"
        r"|giá trị sản xuất công nghiệp",
        ("%",),
    ),
    "agricultural_growth": (
        "Agricultural growth",
        r"(?:ngành )?nông nghiệp(?: [^\d]{0,15})? tăng|tăng trưởng (?:ngành )?nông nghiệp|giá trị sản xuất nông",
        ("%",),
    ),
    "new_rural_standard": ("New-rural standard", r"nông thôn mới|\bntm\b", ("count", "%")),
    "food_output": ("Food output", r"sản lượng lương thực", ("tonnes",)),
    "fdi_attraction": (
        "FDI attracted", r"\bfdi\b|đầu tư trực tiếp nước ngoài|vốn đầu tư nước ngoài", ("USD",)
    ),
    "public_debt": ("Public debt", r"nợ công", ("% of GDP",)),
    "gdp_size": ("Size of the economy", r"quy mô (?:nền kinh tế|gdp|grdp)", ("VND", "USD")),
    "trade_surplus": ("Trade surplus", r"xuất siêu|thặng dư thương mại", ("USD",)),
    "forex_reserves": ("Foreign-exchange reserves", r"dự trữ ngoại hối|ngoại hối", ("USD",)),
    "forest_cover": ("Forest cover", r"che phủ rừng", ("%",)),
    "indicators_met": ("Indicators met", r"chỉ tiêu", ("count",)),
}
_PATTERNS = {code: re.compile(spec[1]) for code, spec in INDICATORS.items()}

TARGET_CUES = re.compile(
    r"phấn đấu|mục tiêu|kế hoạch (?:năm|đề ra cho)|dự kiến|đặt ra|đề ra|chỉ tiêu (?:quốc hội )?(?:giao|đề ra)|"
    r"phải đạt|cần đạt|sẽ đạt|yêu cầu|kiểm soát|giữ (?:ở )?mức|không quá|định hướng|dự toán năm",
)
RESULT_CUES = re.compile(r"ước đạt|ước tính|đã đạt|đạt được|thực hiện được|\bđã\b|so với (?:cùng kỳ|năm)")
PLAN_SHARE = re.compile(r"^\s*(?:so với )?(?:dự toán|kế hoạch|chỉ tiêu)")
YEAR = re.compile(r"\b(?:năm|đến|cuối|trong)\s+(?:năm\s+)?((?:19|20)\d\d)\b")
PROVINCIAL_WORDS = re.compile(r"grdp|trên địa bàn|\btỉnh\b|toàn tỉnh|thành phố")
NATIONAL_WORDS = re.compile(r"cả nước|\bgdp\b|quốc hội|chính phủ|nền kinh tế")
CLAUSE_BREAK = re.compile(r"[;:()]|\.\s")


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


@dataclass
class Context:
    level: str | None
    locality: str | None
    bridge: str | None
    review_year: int | None
    plan_year: int | None
    recent_place: str | None = None


def find_figures(article: Article, context: Context) -> list[Figure]:
    figures: list[Figure] = []
    for sentence in article.sentences:
        places = find_places(sentence.text)
        if places:
            context.recent_place = places[-1].place.name
        for figure in figures_in(sentence, context):
            if figure not in figures:
                figures.append(figure)
    return figures


def figures_in(sentence: Sentence, context: Context) -> list[Figure]:
    text = sentence.text
    key = match_form(text)
    found = []
    previous_end = 0
    for quantity in find_quantities(text):
        window = _label_window(key, previous_end, quantity.start)
        previous_end = quantity.end
        quantity = _as_plan_share(quantity, key)
        code = _indicator(window, quantity)
        if code is None:
            continue
        kind, year = _kind_and_year(key, quantity, context)
        found.append(
            Figure(
                indicator=code,
                label=INDICATORS[code][0],
                kind=kind,
                year=year,
                locality=_locality(text, key, context),
                value=quantity.value,
                value_max=quantity.value_max,
                comparator=quantity.comparator,
                unit=_unit(code, quantity),
                of=quantity.of,
                sentence=text,
            )
        )
    return found


def _label_window(key: str, start: int, end: int) -> str:
    window = key[start:end]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _as_plan_share(quantity: Quantity, key: str) -> Quantity:
    """"bằng 102,6% dự toán": a percentage followed by plan words is a share of the plan."""
    if quantity.unit == "%" and PLAN_SHARE.match(key[quantity.end : quantity.end + 30]):
        return _with_unit(quantity, "% of plan")
    if quantity.unit == "%" and re.match(r"^\s*(?:gdp|grdp)\b", key[quantity.end : quantity.end + 8]):
        return _with_unit(quantity, "% of GDP")
    return quantity


def _with_unit(quantity: Quantity, unit: str) -> Quantity:
    from dataclasses import replace

    return replace(quantity, unit=unit)


def _indicator(window: str, quantity: Quantity) -> str | None:
    best, best_end = None, -1
    for code, pattern in _PATTERNS.items():
        if quantity.unit not in INDICATORS[code][2] and not _unit_fits(code, quantity):
            continue
        for m in pattern.finditer(window):
            if m.end() > best_end:
                best, best_end = code, m.end()
    return best


def _unit_fits(code: str, quantity: Quantity) -> bool:
    return code == "poverty_rate_reduction" and quantity.unit == "%"


def _unit(code: str, quantity: Quantity) -> str:
    if code == "poverty_rate_reduction" and quantity.unit == "%":
        return "percentage points"
    return quantity.unit


def _kind_and_year(key: str, quantity: Quantity, context: Context) -> tuple[str, int | None]:
    before = key[: quantity.start]
    years = [int(y) for y in YEAR.findall(before)] or [int(y) for y in YEAR.findall(key[quantity.end :])]
    year = years[-1] if years else None
    clause = _label_window(key, 0, quantity.start)
    if TARGET_CUES.search(clause) or (TARGET_CUES.search(before) and not RESULT_CUES.search(clause)):
        kind = "target"
    elif RESULT_CUES.search(clause) or RESULT_CUES.search(before):
        kind = "result"
    elif year is not None and year == context.plan_year:
        kind = "target"
    else:
        kind = "result"
    if year is None:
        year = context.plan_year if kind == "target" else context.review_year
    return kind, year


def _locality(text: str, key: str, context: Context) -> str | None:
    places = find_places(text)
    if places and not NATIONAL_WORDS.search(key):
        return places[0].place.name
    if context.level in ("provincial", "district"):
        return None if NATIONAL_WORDS.search(key) and "grdp" not in key else context.locality
    if PROVINCIAL_WORDS.search(key):
        return context.recent_place or context.bridge
    return None
