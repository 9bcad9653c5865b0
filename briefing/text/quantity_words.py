"""The words of quantities, each defined once, for reading and for writing.

Each entry says how the tool writes a comparator, unit or magnitude in each
language, and which words of an article mean it when read. ``numbers.py``
reads with the ``read`` words; ``writing.py`` writes with the ``written`` forms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    written: dict[str, str]  # language → how the tool writes it ("{}" is the number)
    read: tuple[str, ...] = ()  # what an article may write for it, in lower case


# Words rather than symbols (≥ ≤ ≈), which many text fonts lack.
COMPARATORS = {
    ">=": Words({"vi": "{} trở lên", "en": "at least {}"},
                ("tối thiểu", "ít nhất", "không dưới", "không thấp hơn", "trở lên")),
    ">": Words({"vi": "trên {}", "en": "over {}"}, ("trên", "hơn", "vượt", "vượt quá", "cao hơn")),
    "<=": Words({"vi": "không quá {}", "en": "at most {}"}, ("không quá", "không vượt quá", "tối đa", "trở xuống")),
    "<": Words({"vi": "dưới {}", "en": "below {}"}, ("dưới", "thấp hơn")),
    "~": Words({"vi": "khoảng {}", "en": "about {}"}, ("khoảng", "gần", "xấp xỉ", "ước khoảng", "chừng", "độ")),
    "=": Words({"vi": "{}", "en": "{}"}),
}
# Comparators written after the number ("11% trở lên"); the others come before it.
COMPARATORS_AFTER = ("trở lên", "trở xuống")
# An approximate word that "khoảng" (about) would misstate: "gần" (nearly) stays below the value.
APPROXIMATE_WORDS = {"gần": {"vi": "gần {}", "en": "nearly {}"}}

# Nouns whose number is a count ("26/28 chỉ tiêu", "16 xã"): unit "count".
COUNTED = (
    "chỉ tiêu", "mục tiêu", "nhiệm vụ", "doanh nghiệp", "hợp tác xã", "xã", "phường", "thị trấn", "huyện", "tỉnh",
    "thành phố", "địa phương", "bộ ngành", "bộ", "ngành", "dự án", "công trình", "mặt bằng", "hộ",
    "hộ gia đình", "cơ sở", "trường", "sản phẩm", "văn bản", "đơn vị", "lĩnh vực", "giải pháp",
    "khu công nghiệp", "cụm công nghiệp", "nhà máy", "thôn", "làng", "căn hộ", "chương trình",
    "đề án", "hồ sơ", "thủ tục", "vụ", "vụ việc", "cuộc", "nhà đầu tư", "tiêu chí", "nhóm", "dn",
)
# Counted nouns in English (singular, plural); a noun missing here is left out of English output.
COUNTED_NOUNS = {
    "chỉ tiêu": ("indicator", "indicators"),
    "nhiệm vụ": ("task", "tasks"),
    "xã": ("commune", "communes"),
    "phường": ("ward", "wards"),
    "thị trấn": ("township", "townships"),
    "huyện": ("district", "districts"),
    "tỉnh": ("province", "provinces"),
    "thành phố": ("city", "cities"),
    "địa phương": ("locality", "localities"),
    "doanh nghiệp": ("business", "businesses"),
    "dn": ("business", "businesses"),
    "hợp tác xã": ("cooperative", "cooperatives"),
    "thôn": ("village", "villages"),
    "dự án": ("project", "projects"),
}
UNITS = {
    "VND": Words({"vi": "{} đồng", "en": "VND {}"}, ("đồng", "vnd", "vnđ", "đ")),
    "USD": Words({"vi": "{} USD", "en": "USD {}"}, ("usd", "us d", "đô la mỹ", "đô la", "đôla")),
    "people": Words({"vi": "{} người", "en": "{} people"}, ("người", "lao động", "cán bộ", "học sinh")),
    "visits": Words({"vi": "{} lượt", "en": "{} visits"}, ("lượt", "lượt khách", "lượt người", "khách", "du khách")),
    "tonnes": Words({"vi": "{} tấn", "en": "{} tonnes"}, ("tấn",)),
    "count": Words({"vi": "{}", "en": "{}"}, COUNTED),
    "%": Words({"vi": "{}%", "en": "{}%"}, ("%", "phần trăm")),
    "% of plan": Words({"vi": "{}% kế hoạch", "en": "{}% of plan"}),
    "% of budget estimate": Words({"vi": "{}% dự toán", "en": "{}% of the budget estimate"}),
    "% of target": Words({"vi": "{}% chỉ tiêu", "en": "{}% of target"}),
    "% of GDP": Words({"vi": "{}% GDP", "en": "{}% of GDP"}),
    "percentage points": Words({"vi": "{} điểm %", "en": "{} percentage points"}, ("điểm phần trăm", "điểm %")),
}
# The plan a share is of, as the article names it: "102,6% dự toán" is a share of the budget estimate.
PLAN_UNITS = {"dự toán": "% of budget estimate", "kế hoạch": "% of plan", "chỉ tiêu": "% of target"}

# Powers of ten. Large amounts are written in billions or millions, as the press
# counts them ("17.500 tỷ đồng"); "nghìn" and "vạn" are only read.
MAGNITUDES = {
    9: Words({"vi": "tỷ", "en": "billion"}, ("tỷ", "tỉ")),
    6: Words({"vi": "triệu", "en": "million"}, ("triệu",)),
    4: Words({}, ("vạn",)),
    3: Words({}, ("nghìn", "ngàn")),
}


def reading(table: dict) -> dict[str, object]:
    """``{word: key}`` for every word an article may write for each key of ``table``."""
    return {word: key for key, words in table.items() for word in words.read}
