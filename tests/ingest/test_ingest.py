"""Ingest on the seeds' real lines: every noise pattern is set aside, prose is kept."""

import codecs

import pytest

from briefing.ingest.read import ArticleError, parse, read_article
from conftest import seed


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as legacy editors wrote it: base letters precomposed, tones as combining marks."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = [m for m in marks if m in "\u0302\u0306\u031b"]  # circumflex, breve, horn
            base = unicodedata.normalize("NFC", base + "".join(shape))
            tones = "".join(m for m in marks if m not in shape)
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def kinds(article):
    return {(s.kind, s.text) for s in article.set_aside}


def body(article):
    return " ".join(s.text for s in article.sentences)


def test_date_header_is_set_aside_and_the_rest_of_the_line_is_the_title():
    article = read_article(str(seed("000")))
    assert ("header", "date 2024-01") in kinds(article)
    assert article.header_month == "2024-01"
    assert article.title.startswith("Hội nghị tổng kết nhiệm vụ năm 2023")
    assert "date 2024-01" not in body(article)


def test_photo_captions_are_set_aside():
    article = read_article(str(seed("000")))
    caption_texts = {t for k, t in kinds(article) if k == "caption"}
    assert "Thủ tướng Phạm Minh Chính phát biểu khai mạc hội nghị. (Ảnh: TTXVN)" in caption_texts
    assert "(Ảnh: VGP)" in caption_texts
    assert "Các đại biểu dự tại điểm cầu UBND tỉnh Thanh Hóa." in caption_texts
    assert "Ảnh:" not in body(article)
    assert "Các đại biểu dự tại điểm cầu" not in body(article)


def test_caption_lines_without_credit():
    thanh_hoa = read_article(str(seed("001")))
    assert ("caption", "Toàn cảnh hội nghị tại điểm cầu huyện Mường Lát.") in kinds(thanh_hoa)
    ha_tinh = read_article(str(seed("004")))
    assert ("caption", "Bí thư Tỉnh ủy Hoàng Trung Dũng phát biểu chỉ đạo hội nghị.") in kinds(ha_tinh)
    assert "Chủ tịch UBND tỉnh Võ Trọng Hải kết luận hội nghị." not in body(ha_tinh)


def test_datelines_are_set_aside():
    article = read_article(str(seed("003")))
    assert ("dateline", "Chủ nhật,  24/01/2021") in kinds(article)
    assert ("dateline", "LSO-") in kinds(article)
    assert article.sentences[0].text.startswith("Ngày 29/12/2020, Hội nghị trực tuyến")
    assert article.dateline == "2021-01-24"


def test_kicker_and_headline_make_the_title():
    article = read_article(str(seed("003")))
    assert article.title == (
        "Hội nghị trực tuyến Chính phủ với các địa phương: Kiên quyết không lùi bước trước khó khăn, thách thức"
    )


@pytest.mark.parametrize(
    "prefix, byline", [("000", "Minh Hiếu"), ("001", "Tin, ảnh: Hồ Thuỷ"), ("003", "TÂN AN")]
)
def test_bylines_are_set_aside(prefix, byline):
    article = read_article(str(seed(prefix)))
    assert ("byline", byline) in kinds(article)
    assert byline not in body(article)


def test_inline_byline_and_credit_in_one_paragraph_layout():
    text = (
        "(VnMedia) - Xperia Z1 có thiết kế mới. Máy được trang bị camera 20,7 megapixel. "
        "Ảnh: Huy Đức. Màn hình máy vẫn là LCD. H.Y (tổng hợp)\n"
    )
    article = parse(text)
    assert ("dateline", "(VnMedia) -") in kinds(article)
    assert ("caption", "Ảnh: Huy Đức.") in kinds(article)
    assert ("byline", "H.Y (tổng hợp)") in kinds(article)
    assert [s.text for s in article.sentences] == ["Xperia Z1 có thiết kế mới.", "Màn hình máy vẫn là LCD."]


def test_subheadings_are_kept_as_headings_not_sentences():
    article = read_article(str(seed("004")))
    headings = [p.text for p in article.paragraphs if p.heading]
    assert "Năm 2023 có 26/28 chỉ tiêu đạt và vượt kế hoạch" in headings
    assert all(s.text != "Năm 2023 có 26/28 chỉ tiêu đạt và vượt kế hoạch" for s in article.sentences)


def test_prose_is_kept_with_offsets_into_the_text():
    article = read_article(str(seed("004")))
    assert any("Tăng trưởng kinh tế năm 2023 đạt 8,05%" in s.text for s in article.sentences)
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_article_without_title_line_gets_its_first_sentence_as_title():
    article = read_article(str(seed("002")))
    assert article.title.startswith("Sáng ngày 17/1, đồng chí Trương Thị Mai")
    assert article.sentences[0].text.startswith("Sáng ngày 17/1")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: to_cp1258(t),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "windows-1258"],
)
def test_encodings_decode_to_the_same_article(tmp_path, encode):
    original = read_article(str(seed("004")))
    text = seed("004").read_text("utf-8")
    path = tmp_path / "article.txt"
    path.write_bytes(encode(text))
    again = read_article(str(path))
    assert again.title == original.title
    assert [s.text for s in again.sentences] == [s.text for s in original.sentences]


def test_nfd_input_is_normalised(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", seed("004").read_text("utf-8")), "utf-8")
    article = read_article(str(path))
    assert article.title == "Quyết tâm, linh hoạt, thực chất, hiệu quả trong thực hiện nhiệm vụ năm 2024"


def test_html_scripts_are_dropped(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>alert('x')</script><style>p{}</style></head><body>"
        "<h1>Hà Tĩnh triển khai nhiệm vụ năm 2024</h1><p>Năm 2023, tăng trưởng đạt 8,05%. "
        "Tổng thu ngân sách đạt 17.946 tỷ đồng.</p><script>document.write('bad')</script></body></html>",
        "utf-8",
    )
    article = read_article(str(path))
    assert article.title == "Hà Tĩnh triển khai nhiệm vụ năm 2024"
    assert [s.text for s in article.sentences] == ["Năm 2023, tăng trưởng đạt 8,05%.", "Tổng thu ngân sách đạt 17.946 tỷ đồng."]
    assert "alert" not in article.text and "document.write" not in article.text


def test_only_captions_is_an_error():
    with pytest.raises(ArticleError, match="no article text"):
        parse("Toàn cảnh hội nghị.\n\n(Ảnh: TTXVN)\n\nMinh Hiếu\n")
