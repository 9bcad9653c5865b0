import unicodedata
from importlib import resources

import pytest

from briefing.text.gazetteer import find_places, lookup, places


def names(text):
    return [m.place.name for m in find_places(text)]


def test_unit_counts_before_and_after_the_2025_merger():
    before = [p for p in places() if p.era in ("both", "pre2025")]
    after = [p for p in places() if p.era in ("both", "post2025")]
    assert len(before) == 63
    assert len(after) == 34
    assert sorted(p.name for p in before if p.type == "city") == [
        "Cần Thơ", "Hà Nội", "Hải Phòng", "TP. Hồ Chí Minh", "Đà Nẵng"
    ]
    assert len([p for p in after if p.type == "city"]) == 6
    assert len({p.name for p in places()}) == len(places())


def test_every_merged_unit_points_at_a_post_2025_unit():
    after = {p.name for p in places() if p.era in ("both", "post2025")}
    for p in places():
        if p.era == "pre2025":
            assert p.merged_into in after, p
        else:
            assert p.merged_into is None, p


def test_data_file_is_nfc_with_five_columns():
    source = resources.files("briefing").joinpath("data/provinces.tsv").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", source)
    rows = [line for line in source.splitlines() if line and not line.startswith("#")]
    assert rows[0] == "name\ttype\tera\tmerged_into\tvariants"
    assert all(row.count("\t") == 4 for row in rows)


@pytest.mark.parametrize(
    "spelling, name",
    [
        ("Thanh Hoá", "Thanh Hóa"),
        ("thanh hóa", "Thanh Hóa"),
        ("TP. HCM", "TP. Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("TPHCM", "TP. Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Bắc Cạn", "Bắc Kạn"),
        ("Kontum", "Kon Tum"),
        ("BR-VT", "Bà Rịa - Vũng Tàu"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("TT-Huế", "Thừa Thiên Huế"),
        ("Huế", "Huế"),
        ("tỉnh Thanh Hóa", "Thanh Hóa"),
        (unicodedata.normalize("NFD", "Hoà Bình"), "Hòa Bình"),
    ],
)
def test_lookup_accepts_variants(spelling, name):
    assert lookup(spelling).name == name


def test_lookup_rejects_non_places():
    assert lookup("Hồ Chí Minh") is None  # the person, not the city
    assert lookup("Thái Bình Dương") is None
    assert lookup("Việt Nam") is None


@pytest.mark.parametrize(
    "old, into",
    [
        ("Hà Giang", "Tuyên Quang"),
        ("Yên Bái", "Lào Cai"),
        ("Hòa Bình", "Phú Thọ"),
        ("Thái Bình", "Hưng Yên"),
        ("Nam Định", "Ninh Bình"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Bình Định", "Gia Lai"),
        ("Phú Yên", "Đắk Lắk"),
        ("Bình Thuận", "Lâm Đồng"),
        ("Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"),
        ("Hậu Giang", "Cần Thơ"),
        ("Thừa Thiên Huế", "Huế"),
    ],
)
def test_merged_into(old, into):
    place = lookup(old)
    assert place.era == "pre2025"
    assert place.merged_into == into


def test_unchanged_and_new_units():
    assert lookup("Nghệ An").era == "both"
    assert lookup("Nghệ An").merged_into is None
    huế = lookup("Huế")
    assert (huế.type, huế.era) == ("city", "post2025")


def test_mention_with_prefix_in_old_tone_style():
    text = "Sáng 28-12, UBND tỉnh Thanh Hoá đã tổ chức hội nghị"
    [m] = find_places(text)
    assert m.place.name == "Thanh Hóa"
    assert (m.text, m.prefix) == ("Thanh Hoá", "UBND tỉnh")
    assert text[m.start : m.end] == "Thanh Hoá"


def test_mention_at_a_bridge_point():
    [m] = find_places("Dự hội nghị tại điểm cầu Lạng Sơn có đồng chí Lâm Thị Phương Thanh")
    assert (m.place.name, m.prefix) == ("Lạng Sơn", "điểm cầu")


def test_list_of_provinces_in_order():
    text = (
        "các đồng chí Bí thư Tỉnh ủy các địa phương như: Bắc Giang, Bình Phước, "
        "Thanh Hóa, Hà Tĩnh, Trà Vinh, Lai Châu, Đà Nẵng"
    )
    found = find_places(text)
    assert [m.place.name for m in found] == [
        "Bắc Giang", "Bình Phước", "Thanh Hóa", "Hà Tĩnh", "Trà Vinh", "Lai Châu", "Đà Nẵng"
    ]
    assert all(m.prefix == "" for m in found)
    assert all(text[m.start : m.end] == m.text for m in found)


def test_ho_chi_minh_city_spellings():
    [m] = find_places("TP. HCM dự báo không đạt thu nhập 9.800 USD/người")
    assert (m.place.name, m.text, m.start) == ("TP. Hồ Chí Minh", "TP. HCM", 0)
    [m] = find_places("Bí thư Thành uỷ TP HCM Nguyễn Thiện Nhân")
    assert (m.place.name, m.text, m.prefix) == ("TP. Hồ Chí Minh", "TP HCM", "Thành uỷ")
    assert names("UBND TP.HCM, Chủ tịch UBND thành phố Hồ Chí Minh") == ["TP. Hồ Chí Minh"] * 2


def test_hồ_chí_minh_the_person_is_not_a_place():
    assert names("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh") == []


def test_lowercase_words_are_not_places():
    assert names("giữ vững môi trường hoà bình, ổn định") == []
    assert names("Hòa bình là khát vọng; đất nước thái bình") == []
    assert names("vùng long an, hà nam, quảng nam, phú thọ, an giang") == []
    assert names("tỉnh Hòa Bình và tỉnh Thái Bình") == ["Hòa Bình", "Thái Bình"]


def test_word_boundaries_and_longest_match():
    assert names("mã Hà Nội1 và Hà Nội") == ["Hà Nội"]
    assert names("tỉnh Bình Phước") == ["Bình Phước"]
    assert names("tỉnh Bà Rịa - Vũng Tàu và tỉnh Thừa Thiên Huế") == ["Bà Rịa - Vũng Tàu", "Thừa Thiên Huế"]
    assert names("thành phố Huế") == ["Huế"]


def test_phrases_that_start_with_a_place_name():
    # Pacific Ocean must not yield Thái Bình nor Bình Dương
    assert names("khu vực châu Á - Thái Bình Dương và tỉnh Bình Dương") == ["Bình Dương"]
    assert names("kỷ niệm Chiến thắng Điện Biên Phủ, tỉnh Điện Biên") == ["Điện Biên"]


def test_prefixes():
    found = find_places("Tỉnh uỷ Khánh Hoà, HĐND TP. Đà Nẵng, Thủ đô Hà Nội, Tp.Hải Phòng")
    assert [(m.place.name, m.prefix) for m in found] == [
        ("Khánh Hòa", "Tỉnh uỷ"), ("Đà Nẵng", "HĐND TP."), ("Hà Nội", "Thủ đô"), ("Hải Phòng", "Tp.")
    ]


def test_places_sort_in_vietnamese_order():
    from briefing.text.gazetteer import alphabetical

    names = ["Yên Bái", "Đà Nẵng", "TP. Hồ Chí Minh", "Cao Bằng", "Điện Biên", "Hà Tĩnh"]
    assert sorted(names, key=alphabetical) == ["Cao Bằng", "Đà Nẵng", "Điện Biên", "Hà Tĩnh", "TP. Hồ Chí Minh",
                                                "Yên Bái"]  # Đ among the D's, a city by its name
