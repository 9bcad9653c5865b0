"""The indicators the tool reads: code, Vietnamese and English names, the phrases that name them, their units.

This is the one table of indicators: extraction reads the phrases and units,
the pack and the tables read the names. Phrases are regular expressions over
the matching form (lower case, one tone-mark style). Codes follow the issue
tracker's list; the last few (gdp_size, fdi_attraction, public_debt …) are
national headline figures that meeting articles report as often.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HIGHER, LOWER, NEITHER = "higher", "lower", "neither"  # which way an indicator is better
BILLION = 10**9
TRILLION = 10**12  # "nghìn tỷ"; amounts are kept in base units (đồng, USD)


@dataclass(frozen=True)
class Indicator:
    vi: str  # name in the Vietnamese pack
    en: str  # name in the English pack, and the ``label`` of an extracted figure
    phrases: str  # pattern, in matching form, of the words that name it
    units: tuple[str, ...]  # the units its figures may take
    better: str = HIGHER  # HIGHER, LOWER (inflation, deficit, debt, poverty) or NEITHER
    # unit: (lowest, highest) value one year's target or result can plausibly take, for a country
    # or a province; a value outside is doubtful (a monthly CPI, a typo, a number of something else)
    plausible: dict[str, tuple[float, float]] = field(default_factory=dict)


# indicator code: its names, phrases and units
INDICATORS: dict[str, Indicator] = {
    "economic_growth": Indicator(
        "Tăng trưởng kinh tế (GDP/GRDP)",
        "Economic growth (GDP/GRDP)",
        r"tăng trưởng kinh tế|tốc độ tăng trưởng(?! (?:công|nông))|tăng trưởng (?:gdp|grdp)|(?<!trong )(?<!vào )(?:gdp|grdp)(?: cả)?(?: năm(?: \d{4})?)?(?: [^\d]{0,20})? (?:tăng|đạt)"
        r"|tổng sản phẩm (?:trên địa bàn|trong nước)|tăng trưởng (?:tổng sản phẩm|bình quân)|^tăng trưởng$|tăng trưởng(?= đạt)",
        ("%",),
        plausible={"%": (-15, 25)},
    ),
    "income_per_capita": Indicator(
        "Thu nhập bình quân đầu người",
        "Income per capita",
        r"(?:thu nhập|gdp|grdp)(?: [^\d]{0,12})? (?:bình quân )?(?:đầu người|trên đầu người)|bình quân đầu người",
        ("VND", "USD"),
        plausible={"VND": (5_000_000, 500_000_000), "USD": (300, 20_000)},  # a year's income, not a month's
    ),
    "budget_revenue": Indicator(
        "Thu ngân sách", "Budget revenue",
        # "Tổng số thu: 911.100 tỷ đồng", "tổng số thu cân đối ngân sách nhà nước" (a budget's own words;
        # "tổng thu" alone is often tourism's); the central or the local budget's revenue is a part of the
        # total, not it
        r"thu ngân sách(?! địa phương| trung ương)|thu nsnn|thu ngân sách nhà nước|(?:phải|giao|sẽ) thu(?=\s*$|\s+\d)|"
        r"tổng số thu\b(?! ngân sách (?:địa phương|trung ương))"
        r"|thu cân đối(?! ngân sách (?:địa phương|trung ương))(?: ngân sách)?(?: nhà nước| nsnn)?",
        ("VND", "% of plan"),
        plausible={"VND": (10 * BILLION, 5000 * TRILLION), "% of plan": (50, 300)},
    ),
    "budget_deficit": Indicator(
        "Bội chi ngân sách", "Budget deficit", r"bội chi(?: ngân sách(?: nhà nước| địa phương)?)?", ("% of GDP", "%"),
        # "%" without GDP: a province's deficit against its own revenue, capped by law well under 60%
        better=LOWER, plausible={"% of GDP": (0, 10), "%": (0, 60)},
    ),
    "export_value": Indicator(
        "Kim ngạch xuất khẩu",
        "Exports",
        r"kim ngạch xuất khẩu(?: hàng hóa| hàng hoá)?|(?<!xuất nhập )(?<!thu )xuất khẩu(?! (?:gạo|thủy|nông))",
        ("USD", "%"),  # a level, or its growth in % ("xuất khẩu tăng 16%")
        plausible={"USD": (1_000_000, 2000 * BILLION), "%": (-60, 150)},
    ),
    "social_investment": Indicator(
        "Vốn đầu tư toàn xã hội",
        "Total social investment",
        r"vốn đầu tư (?:phát triển )?toàn xã hội|đầu tư toàn xã hội|tổng vốn đầu tư xã hội|vốn đầu tư xã hội",
        ("VND", "% of GDP"),
        plausible={"VND": (100 * BILLION, 20_000 * TRILLION), "% of GDP": (10, 60)},
    ),
    "public_investment_disbursement": Indicator(
        "Giải ngân đầu tư công",
        "Public investment disbursed",
        r"giải ngân(?: vốn)?(?: đầu tư công)?",
        ("VND", "% of plan", "%"),
        plausible={"VND": (BILLION, 5000 * TRILLION), "% of plan": (0, 200), "%": (0, 200)},
    ),
    "jobs": Indicator(
        "Giải quyết việc làm", "Jobs created", r"việc làm", ("people",), plausible={"people": (100, 3_000_000)}
    ),
    "poverty_rate_reduction": Indicator(
        "Giảm tỷ lệ hộ nghèo",
        "Poverty rate reduction",
        # "tỷ lệ hộ nghèo giảm", "tỷ lệ nghèo giảm", "giảm nghèo 2%" (not near-poor nor households leaving poverty)
        r"(?:tỷ lệ |tỉ lệ )?(?:hộ )?(?<!cận )(?<!thoát )nghèo(?: [^\d]{0,30})? giảm|giảm (?:tỷ lệ |tỉ lệ )?(?:hộ )?nghèo",
        ("percentage points",),
        plausible={"percentage points": (0, 10)},  # a reduction: more is better
    ),
    "poverty_rate": Indicator(
        "Tỷ lệ hộ nghèo", "Poverty rate", r"(?:tỷ lệ |tỉ lệ )?hộ nghèo|(?:tỷ|tỉ) lệ nghèo", ("%",), better=LOWER,
        plausible={"%": (0, 80)},
    ),
    "cpi": Indicator(
        "Chỉ số giá tiêu dùng (CPI)", "Consumer prices (CPI)", r"\bcpi\b|chỉ số giá tiêu dùng|lạm phát", ("%",),
        # no year since 1990 has averaged under 0,6%: "0,27%" is a month's change, not a year's
        better=LOWER, plausible={"%": (0.5, 30)},
    ),
    "new_businesses": Indicator(
        "Doanh nghiệp thành lập mới",
        "New businesses",
        r"doanh nghiệp (?:thành lập )?mới|thành lập mới|doanh nghiệp đăng ký mới",
        ("count",),
        plausible={"count": (10, 500_000)},
    ),
    "international_visitors": Indicator(
        "Khách quốc tế", "International visitors", r"khách quốc tế|du khách quốc tế", ("visits", "people"),
        plausible={"visits": (1000, 50_000_000), "people": (1000, 50_000_000)},
    ),
    "tourists": Indicator(
        "Khách du lịch", "Tourists", r"khách du lịch|du khách|lượt khách(?: đến)?(?: tham quan)?,?(?: du lịch)?",
        ("visits", "people"), plausible={"visits": (1000, 200_000_000), "people": (1000, 200_000_000)},
    ),
    "industrial_growth": Indicator(
        "Tăng trưởng công nghiệp",
        "Industrial growth",
        r"chỉ số (?:sản xuất )?công nghiệp|\biip\b|(?:ngành )?công nghiệp(?: [^\d]{0,15})? tăng|tăng trưởng (?:toàn )?(?:ngành )?công nghiệp"
        r"|giá trị sản xuất công nghiệp",
        ("%",),
        plausible={"%": (-30, 60)},
    ),
    "agricultural_growth": Indicator(
        "Tăng trưởng nông nghiệp",
        "Agricultural growth",
        r"(?:ngành )?nông nghiệp(?: [^\d]{0,15})? tăng|tăng trưởng (?:ngành )?nông nghiệp|giá trị sản xuất nông",
        ("%",),
        plausible={"%": (-20, 20)},
    ),
    "new_rural_standard": Indicator(
        "Nông thôn mới", "New-rural standard", r"nông thôn mới|\bntm\b", ("count", "%"),
        plausible={"count": (1, 10_000), "%": (0, 100)},
    ),
    "food_output": Indicator(
        "Sản lượng lương thực", "Food output", r"sản lượng lương thực(?: có hạt)?", ("tonnes",),
        plausible={"tonnes": (1000, 100_000_000)},
    ),
    "fdi_attraction": Indicator(
        "Thu hút FDI",
        "FDI attracted",
        r"\bfdi\b|đầu tư trực tiếp nước ngoài|(?:vốn|thu hút) đầu tư nước ngoài",
        ("USD",),
        plausible={"USD": (1_000_000, 100 * BILLION)},
    ),
    "public_debt": Indicator(
        "Nợ công", "Public debt", r"nợ công", ("% of GDP",), better=LOWER, plausible={"% of GDP": (20, 120)}
    ),
    "gdp_size": Indicator(
        "Quy mô nền kinh tế", "Size of the economy",
        # only amounts can be a size: "tổng sản phẩm trên địa bàn (GRDP) … đạt hơn 1 triệu tỷ đồng"
        r"quy mô (?:nền kinh tế|gdp|grdp)|tổng sản phẩm (?:trên địa bàn|trong nước|nội địa)(?: \((?:gdp|grdp)\))?"
        r"|nền kinh tế (?:nước ta|việt nam|cả nước)",
        ("VND", "USD"),
        plausible={"VND": (TRILLION, 100_000 * TRILLION), "USD": (100_000_000, 10_000 * BILLION)},
    ),
    # a surplus is not better the larger it is: no target of it is met, missed or beaten by direction
    "trade_surplus": Indicator(
        "Xuất siêu", "Trade surplus", r"xuất siêu|thặng dư thương mại", ("USD",), better=NEITHER,
        plausible={"USD": (1_000_000, 100 * BILLION)},
    ),
    "forex_reserves": Indicator(
        "Dự trữ ngoại hối", "Foreign-exchange reserves", r"dự trữ ngoại hối|ngoại hối", ("USD",),
        plausible={"USD": (BILLION, 1000 * BILLION)},
    ),
    "forest_cover": Indicator(
        "Tỷ lệ che phủ rừng", "Forest cover", r"che phủ rừng", ("%",), plausible={"%": (1, 85)}
    ),
    # Found by the noun of their count, not by a phrase (see figures._indicator): "(?!)" never matches.
    "active_businesses": Indicator(
        "Doanh nghiệp hoạt động", "Businesses in operation", r"(?!)", ("count",),
        plausible={"count": (100, 3_000_000)},
    ),
    "indicators_met": Indicator(
        "Số chỉ tiêu đạt", "Indicators met", r"(?!)", ("count",), plausible={"count": (1, 100)}
    ),
}


# The indicators a reader looks for first: the pack's headline targets, a brief's first figures.
HEADLINE_INDICATORS = ("economic_growth", "income_per_capita", "budget_revenue", "export_value", "indicators_met")


def indicator_names(lang: str) -> dict[str, str]:
    """Each indicator code's name in ``lang`` ("vi" or "en")."""
    return {code: getattr(indicator, lang) for code, indicator in INDICATORS.items()}
