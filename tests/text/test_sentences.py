from briefing.text.sentences import split, split_spans


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "PGS.TS Trần Văn B, TP. Hồ Chí Minh, và ông H. Nguyễn dự. Hội nghị bế mạc."
    assert split(text) == ["PGS.TS Trần Văn B, TP. Hồ Chí Minh, và ông H. Nguyễn dự.", "Hội nghị bế mạc."]


def test_numbers_and_dates_stay_whole():
    text = "Tăng trưởng đạt 8,05%. Thu ngân sách 17.946 tỷ đồng. Ngày 5/1/2024, Chính phủ họp."
    assert split(text) == ["Tăng trưởng đạt 8,05%.", "Thu ngân sách 17.946 tỷ đồng.", "Ngày 5/1/2024, Chính phủ họp."]


def test_closing_quotes_and_ellipsis():
    text = "Thủ tướng nói: “Năm nay rất khó.” Mọi người đồng ý… Sau đó bế mạc... và ra về."
    assert split(text) == ["Thủ tướng nói: “Năm nay rất khó.”", "Mọi người đồng ý…", "Sau đó bế mạc... và ra về."]


def test_every_line_ends_a_sentence():
    assert split("Tiêu đề không dấu chấm\nCâu một. Câu hai.") == ["Tiêu đề không dấu chấm", "Câu một.", "Câu hai."]


def test_spans_point_into_the_original_text():
    text = "  Một câu.  Hai câu!  "
    spans = split_spans(text)
    assert [text[a:b] for a, b in spans] == ["Một câu.", "Hai câu!"]
