import pytest
from pytest import approx

from briefing.text.numbers import Quantity, find_quantities, parse_number


def Q(text, value, unit="", comparator="=", value_max=None, of=None):
    """What one found quantity should look like, with the floats compared approximately."""
    return (
        text,
        approx(value),
        None if value_max is None else approx(value_max),
        comparator,
        unit,
        None if of is None else approx(of),
    )


def found(sentence):
    return [(q.text, q.value, q.value_max, q.comparator, q.unit, q.of) for q in find_quantities(sentence)]


HA_TINH_2024 = (
    "Năm 2024, Hà Tĩnh phấn đấu tăng trưởng kinh tế đạt từ 8 - 8,5%; thu nhập bình quân đầu người "
    "51 triệu đồng/năm; tổng thu ngân sách 17.500 tỷ đồng; 100% huyện, thành, thị đạt chuẩn/hoàn thành "
    "nhiệm vụ xây dựng nông thôn mới."
)
RESULTS_2023 = (
    "Tăng trưởng kinh tế năm 2023 đạt 8,05% (đứng thứ 15 cả nước); tăng trưởng toàn ngành công nghiệp "
    "đạt 10%; tổng sản lượng lương thực cả năm đạt gần 65 vạn tấn, tăng gần 5% so với năm 2022."
)
DISBURSEMENT = (
    "Giải ngân đầu tư công đến 31/12/2023 đạt 9.982 tỷ đồng, bằng 116,4% kế hoạch Thủ tướng Chính phủ "
    "giao (8.575 tỷ đồng); đứng thứ 9/114 bộ ngành, địa phương cả nước."
)
TARGETS = (
    "Tăng trưởng kinh tế đạt 8-8,5%; thu nhập bình quân đầu người đạt 51 triệu đồng/người/năm; huy động "
    "tổng vốn đầu tư toàn xã hội đạt 48 ngàn tỷ đồng; kim ngạch xuất khẩu đạt 2,4 tỷ USD; tổng thu ngân "
    "sách trên địa bàn đạt 17.500 tỷ đồng (thu nội địa 8.100 tỷ đồng; thu xuất nhập khẩu 9.400 tỷ đồng); "
    "phấn đấu 100% huyện, thành phố, thị xã đạt chuẩn/hoàn thành nhiệm vụ xây dựng nông thôn mới; giải "
    "quyết việc làm cho 23 ngàn người; tỷ lệ hộ nghèo giảm 0,6 - 1%."
)
AT_LEAST = (
    "mục tiêu tốc độ tăng trưởng tổng sản phẩm (GRDP) đạt 11% trở lên, thu nhập bình quân đầu người "
    "đạt 3.200 USD trở lên"
)
INDICATORS = (
    "Trong tổng số 18 chỉ tiêu chủ yếu, có 14 chỉ tiêu đạt và vượt mục tiêu đề ra. Năm 2020, tốc độ tăng "
    "trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 2,09%; tổng thu ngân sách đạt 100,9% dự toán"
)


def test_ha_tinh_2024_targets():
    assert found(HA_TINH_2024) == [
        Q("từ 8 - 8,5%", 8, "%", value_max=8.5),
        Q("51 triệu đồng/năm", 51e6, "VND"),
        Q("17.500 tỷ đồng", 17_500e9, "VND"),
        Q("100%", 100, "%"),
    ]


def test_2023_results_skip_the_rank_and_the_years():
    assert found(RESULTS_2023) == [
        Q("8,05%", 8.05, "%"),
        Q("10%", 10, "%"),
        Q("gần 65 vạn tấn", 650_000, "tonnes", "~"),
        Q("gần 5%", 5, "%", "~"),
    ]


def test_disbursement_skips_the_date_and_the_rank_fraction():
    assert found(DISBURSEMENT) == [
        Q("9.982 tỷ đồng", 9_982e9, "VND"),
        Q("116,4%", 116.4, "%"),
        Q("8.575 tỷ đồng", 8_575e9, "VND"),
    ]


def test_long_list_of_targets():
    assert found(TARGETS) == [
        Q("8-8,5%", 8, "%", value_max=8.5),
        Q("51 triệu đồng/người/năm", 51e6, "VND"),
        Q("48 ngàn tỷ đồng", 48e12, "VND"),
        Q("2,4 tỷ USD", 2.4e9, "USD"),
        Q("17.500 tỷ đồng", 17_500e9, "VND"),
        Q("8.100 tỷ đồng", 8_100e9, "VND"),
        Q("9.400 tỷ đồng", 9_400e9, "VND"),
        Q("100%", 100, "%"),
        Q("23 ngàn người", 23_000, "people"),
        Q("0,6 - 1%", 0.6, "%", value_max=1),
    ]


def test_tro_len_after_the_unit_means_at_least():
    assert found(AT_LEAST) == [
        Q("11% trở lên", 11, "%", ">="),
        Q("3.200 USD trở lên", 3200, "USD", ">="),
    ]


def test_counted_indicators_and_percentages():
    assert found(INDICATORS) == [
        Q("18 chỉ tiêu", 18, "count"),
        Q("14 chỉ tiêu", 14, "count"),
        Q("2,09%", 2.09, "%"),
        Q("100,9%", 100.9, "%"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("có 26/28 chỉ tiêu đạt và vượt kế hoạch", Q("26/28 chỉ tiêu", 26, "count", of=28)),
        ("có 8/13 huyện đạt chuẩn nông thôn mới", Q("8/13 huyện", 8, "count", of=13)),
        ("Khách du lịch đạt 3,2 triệu lượt", Q("3,2 triệu lượt", 3.2e6, "visits")),
        ("đón 150.000 lượt khách", Q("150.000 lượt khách", 150_000, "visits")),
        ("đón 18 triệu khách quốc tế", Q("18 triệu khách", 18e6, "visits")),  # visitors counted without "lượt"
        ("đón 2 triệu du khách", Q("2 triệu du khách", 2e6, "visits")),
        ("có 200 khách sạn", Q("200", 200, "")),  # hotels, not visitors
        ("kiểm soát CPI tăng không quá 4%", Q("không quá 4%", 4, "%", "<=")),
        ("tăng trưởng GDP từ 6,6% đến 6,8%", Q("từ 6,6% đến 6,8%", 6.6, "%", value_max=6.8)),
        ("khoảng 27% - 27,5%", Q("khoảng 27% - 27,5%", 27, "%", "~", value_max=27.5)),
        ("đạt 33 – 34%", Q("33 – 34%", 33, "%", value_max=34)),
        ("đạt 8,3-8,5%", Q("8,3-8,5%", 8.3, "%", value_max=8.5)),
        ("tăng 6,5 đến 7%", Q("6,5 đến 7%", 6.5, "%", value_max=7)),
        ("thu hút 1,5 - 2 tỷ USD", Q("1,5 - 2 tỷ USD", 1.5e9, "USD", value_max=2e9)),
        ("trên 3,11%", Q("trên 3,11%", 3.11, "%", ">")),
        ("kim ngạch xuất khẩu trên 43 tỉ USD", Q("trên 43 tỉ USD", 43e9, "USD", ">")),
        ("GDP bình quân trên 2.000 USD", Q("trên 2.000 USD", 2000, "USD", ">")),
        ("xuất khẩu đạt 2,45 tỷ USD", Q("2,45 tỷ USD", 2.45e9, "USD")),
        ("thu nhập bình quân 3.200 USD/người", Q("3.200 USD/người", 3200, "USD")),
        ("thu nhập 2.580 US D/người", Q("2.580 US D/người", 2580, "USD")),
        ("đạt 1.200 đô-la Mỹ", Q("1.200 đô-la Mỹ", 1200, "USD")),
        ("giá 500.000đ một suất", Q("500.000đ", 500_000, "VND")),
        ("thu 9.000 tỷ VNĐ", Q("9.000 tỷ VNĐ", 9_000e9, "VND")),
        ("giảm 2 phần trăm", Q("2 phần trăm", 2, "%")),
        ("tạo việc làm cho 3.500 lao động", Q("3.500 lao động", 3500, "people")),
        ("bố trí 1.000 mặt bằng", Q("1.000 mặt bằng", 1000, "count")),
        ("có 156.000 hộ", Q("156.000 hộ", 156_000, "count")),
        ("thu hút 156.000", Q("156.000", 156_000)),
        ("xây dựng 9 nhóm nhiệm vụ", Q("9 nhóm", 9, "count")),
        ("sản lượng 1 triệu tỷ đồng", Q("1 triệu tỷ đồng", 1e15, "VND")),
        ("xấp xỉ 7%", Q("xấp xỉ 7%", 7, "%", "~")),
        ("ước khoảng 12 nghìn tỷ đồng", Q("ước khoảng 12 nghìn tỷ đồng", 12e12, "VND", "~")),
        ("tăng độ 3%", Q("độ 3%", 3, "%", "~")),
        ("tối thiểu 5%", Q("tối thiểu 5%", 5, "%", ">=")),
        ("ít nhất 20 doanh nghiệp", Q("ít nhất 20 doanh nghiệp", 20, "count", ">=")),
        ("không thấp hơn 6%", Q("không thấp hơn 6%", 6, "%", ">=")),
        ("cao hơn 2%", Q("cao hơn 2%", 2, "%", ">")),
        ("hơn 300 dự án", Q("hơn 300 dự án", 300, "count", ">")),
        ("tỷ lệ hộ nghèo dưới 1%", Q("dưới 1%", 1, "%", "<")),
        ("thấp hơn 4%", Q("thấp hơn 4%", 4, "%", "<")),
        ("bội chi không vượt quá 4%", Q("không vượt quá 4%", 4, "%", "<=")),
        ("tối đa 30 ngày", Q("tối đa 30", 30, "", "<=")),
        ("khoảng 1500-2000", Q("khoảng 1500-2000", 1500, "", "~", value_max=2000)),
    ],
)
def test_one_quantity(sentence, expected):
    assert found(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sáng 5/1, Chính phủ tổ chức hội nghị",
        "Nghị quyết số 01/NQ-CP ngày 5/1/2024",
        "giai đoạn 2021-2025",
        "kế hoạch giai đoạn 2016-2020",
        "trong năm 2024",
        "Nghị quyết số 28-NQ/TW",
        "đại dịch COVID-19",
        "Đại hội Đảng lần thứ XIII",
        "HĐND tỉnh khóa 14",
        "Quý III",
        "Chiều 28-12, UBND tỉnh họp",
        "họp ngày 28-12",
        "ngày 17/1 tỉnh tổ chức hội nghị",
        "ngày 5/12 tỉnh tổ chức hội nghị",
        "Hội nghị 17/1 tỉnh Hà Tĩnh",
        "Hội nghị diễn ra 28-12 tại Hà Tĩnh",
        "đến 31/12/2023",
        "(đứng thứ 15 cả nước)",
        "đứng thứ 9/114 bộ ngành, địa phương cả nước",
        "phủ sóng 5G",
        "báo cáo tháng 12",
    ],
)
def test_dates_years_codes_and_ranks_are_not_quantities(sentence):
    assert find_quantities(sentence) == []


def test_a_date_right_after_a_range_word_does_not_swallow_the_amount():
    assert found("đạt 9.982 tỷ đồng đến 31/12/2023") == [Q("9.982 tỷ đồng", 9_982e9, "VND")]
    assert found("đạt 5 tỷ đồng đến 2025") == [Q("5 tỷ đồng", 5e9, "VND")]
    assert found("giảm 2% đến 2030") == [Q("2%", 2, "%")]
    assert found("dân số 1,3 triệu đến 2030") == [Q("1,3 triệu", 1.3e6)]


def test_tu_belongs_to_the_span_only_of_a_range():
    assert found("tăng từ 5% lên 7%") == [Q("5%", 5, "%"), Q("7%", 7, "%")]


def test_verbs_and_rate_nouns_are_not_comparators():
    assert found("tăng 5%, đạt 7%") == [Q("5%", 5, "%"), Q("7%", 7, "%")]
    assert found("tốc độ 8%") == [Q("8%", 8, "%")]


def test_dong_chi_is_comrades_not_money():
    assert found("3 đồng chí Phó Chủ tịch") == [Q("3", 3)]


def test_comma_thousands_only_when_the_sentence_has_no_decimal_comma():
    assert found("kim ngạch đạt 7,000 USD") == [Q("7,000 USD", 7000, "USD")]
    assert found("tăng 8,5%, đạt 7,000 USD") == [Q("8,5%", 8.5, "%"), Q("7,000 USD", 7, "USD")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("17.946", 17946),
        ("8,05", 8.05),
        ("156.000", 156_000),
        ("1.000.000", 1_000_000),
        ("1.234,5", 1234.5),
        ("2.45", 2.45),
        ("7,000", 7000),
        ("1,200,000", 1_200_000),
        (" 42 ", 42),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == approx(value)


@pytest.mark.parametrize("text", ["31.12.2023", "1,2,3", "abc", "", "8%"])
def test_parse_number_rejects_what_is_not_one_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("sentence", [HA_TINH_2024, RESULTS_2023, DISBURSEMENT, TARGETS, AT_LEAST, INDICATORS])
def test_spans_are_the_text_in_order_without_overlap(sentence):
    quantities = find_quantities(sentence)
    assert quantities and all(isinstance(q, Quantity) for q in quantities)
    for q in quantities:
        assert sentence[q.start : q.end] == q.text
    for before, after in zip(quantities, quantities[1:]):
        assert before.end <= after.start


def test_quantity_is_frozen():
    quantity = find_quantities("đạt 10%")[0]
    with pytest.raises(AttributeError):
        quantity.value = 11.0
