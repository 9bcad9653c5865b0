"""The default summary briefs: what the meeting was, then its theme and headline figures; never an
attendance list, a sentence leaning on one not shown, a subjectless task or a fragment."""

import pytest

from briefing.extract.indicators import HEADLINE_INDICATORS
from briefing.analyse import read_meetings
from briefing.summarize.brief import LEANS_BACK, says_what_the_meeting_was, stands_alone
from briefing.text.normalize import match_form
from conftest import SEEDS


@pytest.fixture(scope="module")
def briefs():
    return {m.facts.source.rsplit("/", 1)[-1][:3]: m for m in read_meetings([str(SEEDS)])}


# what each seed's meeting was, as its brief's first sentence must say it
OPENINGS = {
    "000": "Sáng 5/1, Chính phủ tổ chức Hội nghị trực tuyến toàn quốc tổng kết công tác năm 2023",
    "001": "Sáng 28-12, UBND tỉnh Thanh Hoá đã tổ chức hội nghị triển khai nhiệm vụ",
    "002": "Sáng ngày 17/1, đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư",  # was dropped
    "003": "Ngày 29/12/2020, Hội nghị trực tuyến Chính phủ với các địa phương",
    "004": "Sáng 20/1, Chủ tịch UBND tỉnh Võ Trọng Hải",
}


@pytest.mark.parametrize("seed, opening", OPENINGS.items())
def test_each_seed_brief_opens_with_what_the_meeting_was(briefs, seed, opening):
    assert briefs[seed].summary.summary[0].startswith(opening)


@pytest.mark.parametrize("seed", sorted(OPENINGS))
def test_each_seed_brief_holds_its_theme_and_headline_figures(briefs, seed):
    meeting = briefs[seed]
    text = " ".join(meeting.summary.summary)
    if meeting.facts.themes:
        assert any(theme.text in text for theme in meeting.facts.themes)
    headline = [f for f in meeting.facts.figures if f.indicator in HEADLINE_INDICATORS]
    if headline:
        assert any(f.sentence in meeting.summary.summary for f in headline)


def test_the_seeds_themes_and_targets_the_issue_found_missing_are_there(briefs):
    assert any("11%" in s for s in briefs["001"].summary.summary)  # Thanh Hóa's growth target
    assert any("Kỷ cương trách nhiệm" in s or "2024" in s for s in briefs["000"].summary.summary[1:])
    assert any("Đoàn kết, kỷ cương, đổi mới, sáng tạo, khát vọng phát triển" in s for s in briefs["003"].summary.summary)


@pytest.mark.parametrize("seed", sorted(OPENINGS))
def test_no_seed_brief_shows_a_list_a_leaning_opener_or_a_fragment(briefs, seed):
    summary = briefs[seed].summary.summary
    for sentence in summary:
        assert stands_alone(match_form(sentence)) or says_what_the_meeting_was(match_form(sentence)), sentence
    assert not any(s.startswith(("Các đồng chí", "Đồng thời", "Trên cơ sở đó", "Tập trung")) for s in summary)


@pytest.mark.parametrize("sentence, alone", [
    ("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; Thường trực HĐND tỉnh, UBND tỉnh; Ủy ban MTTQ tỉnh.", False),
    ("Dự hội nghị tại điểm cầu trụ sở Chính phủ có Chủ tịch nước Võ Văn Thưởng; Chủ tịch Quốc hội Vương Đình Huệ.", False),
    ("Tại điểm cầu Bình Phước, có các đồng chí Nguyễn Mạnh Cường – UVTW Đảng, Bí thư Tỉnh ủy.", False),
    ("Đồng thời nêu giải pháp, đề xuất, kiến nghị để thực hiện có hiệu quả các mục tiêu, nhiệm vụ năm 2021.", False),
    ("Trên cơ sở đó bổ sung, hoàn thiện mục tiêu, nhiệm vụ, giải pháp để thực hiện hiệu quả hơn trong năm 2024.", False),
    ("Tập trung chỉ đạo điều hành chủ động, linh hoạt, hiệu quả, phối hợp chặt chẽ, đồng bộ giữa các chính sách.", False),
    ("Hình minh họa.", False),
    ("Dự báo năm 2023 những khó khăn, thách thức sẽ nhiều hơn, phức tạp hơn năm 2022.", True),  # "dự báo" is not "dự"
    ("Thủ tướng Chính phủ Nguyễn Xuân Phúc chủ trì hội nghị.", True),
])
def test_what_stands_alone(sentence, alone):
    assert stands_alone(match_form(sentence)) == alone


def test_a_leaning_opener_is_shown_without_its_connective_and_marked(tmp_path):
    from briefing.ingest.read import article_from_bytes
    from briefing.summarize import summarize

    text = ("Giá xăng giảm mạnh\n\n"
            "Theo đó, mức chi sử dụng Quỹ bình ổn giá xăng dầu với xăng E5RON92 là 1.932 đồng/lít, kỳ trước là 1.673 đồng/lít.\n"
            "Xăng RON95 tăng lên mức 1.171 đồng/lít, trước đó là 825 đồng/lít.\n")
    first = summarize(article_from_bytes("a.txt", text.encode()), sentences=1)[0]
    assert first.text == "… mức chi sử dụng Quỹ bình ổn giá xăng dầu với xăng E5RON92 là 1.932 đồng/lít, kỳ trước là 1.673 đồng/lít."
    assert LEANS_BACK.search(match_form("Theo đó, mức chi"))


def test_a_word_budget_keeps_whole_sentences_and_always_the_first(briefs):
    from briefing.ingest.read import read_article
    from briefing.summarize import summarize

    article = read_article(str(next(SEEDS.glob("004_*"))))
    for budget in (5, 60, 120, 400):
        chosen = summarize(article, words=budget)
        words = sum(len(s.text.split()) for s in chosen)
        assert len(chosen) == 1 or words <= budget
        assert chosen[0].text.startswith("Sáng 20/1")
    assert len(summarize(article, words=400)) > len(summarize(article, words=60))
