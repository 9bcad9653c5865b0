"""The indicators the tool reads: code, English label, the phrases that name them, their units.

Phrases are regular expressions over the matching form (lower case, one
tone-mark style). Codes follow the issue tracker's list; the last few
(gdp_size, fdi_attraction, public_debt …) are national headline figures that
meeting articles report as often.
"""

from __future__ import annotations

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
        ("VND", "% of GDP"),
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
        "FDI attracted", r"\bfdi\b|đầu tư trực tiếp nước ngoài|(?:vốn|thu hút) đầu tư nước ngoài", ("USD",)
    ),
    "public_debt": ("Public debt", r"nợ công", ("% of GDP",)),
    "gdp_size": ("Size of the economy", r"quy mô (?:nền kinh tế|gdp|grdp)", ("VND", "USD")),
    "trade_surplus": ("Trade surplus", r"xuất siêu|thặng dư thương mại", ("USD",)),
    "forex_reserves": ("Foreign-exchange reserves", r"dự trữ ngoại hối|ngoại hối", ("USD",)),
    "forest_cover": ("Forest cover", r"che phủ rừng", ("%",)),
    "active_businesses": ("Businesses in operation", r"(?!)", ("count",)),  # found by its noun, see _indicator
    "indicators_met": ("Indicators met", r"(?!)", ("count",)),  # found by its noun, see _indicator
}
