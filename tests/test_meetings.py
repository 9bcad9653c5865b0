"""Articles that report the same meeting are one meeting; other meetings the same day stay apart."""

from pathlib import Path

from briefing.compare import compare
from briefing.meetings import group_meetings, same_meeting
from briefing.pack import read_facts
from conftest import SEEDS

SAME_MEETING = Path(__file__).parent / "data" / "same-meeting"


def facts(*paths):
    return {Path(f.source).name: f for f in read_facts([str(p) for p in paths])}


def test_a_second_report_of_a_seed_meeting_is_the_same_meeting_and_another_meeting_that_day_is_not():
    found = facts(next(SEEDS.glob("004_*")), SAME_MEETING / "ha-tinh-2024-baohatinh.txt",
                  SAME_MEETING / "ha-tinh-2024-ret.txt")
    seed = found["004_f645dcc1a991b265.txt"]
    second, cold = found["ha-tinh-2024-baohatinh.txt"], found["ha-tinh-2024-ret.txt"]
    assert seed.title != second.title  # another outlet's title and lead: the decisions tell
    assert same_meeting(seed, second)
    assert not same_meeting(seed, cold) and not same_meeting(second, cold)
    groups = group_meetings(list(found.values()))
    assert sorted(len(g.sources) for g in groups) == [1, 2]


def test_compare_lists_one_meeting_for_two_reports():
    paths = [str(SEEDS), str(SAME_MEETING / "ha-tinh-2024-baohatinh.txt"), str(SAME_MEETING / "ha-tinh-2024-ret.txt")]
    comparison = compare(list(read_facts(paths)))
    ha_tinh = [g for g in comparison.meetings if g.date == "2024-01-20"]
    assert sorted(len(g.sources) for g in ha_tinh) == [1, 2]
    assert len(comparison.meetings) == 6  # five seeds, one of them reported twice, and the cold-weather meeting


def test_articles_without_a_day_are_never_merged(tmp_path):
    body = "Hội nghị tổng kết năm 2023 của tỉnh Hà Tĩnh\n\nUBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết năm 2023.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(body, "utf-8")
    assert [len(g.sources) for g in group_meetings(list(read_facts([str(tmp_path)])))] == [1, 1]
