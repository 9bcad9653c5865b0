import json

from typer.testing import CliRunner

from briefing.cli import app
from briefing.compare import align_figures, compare
from briefing.text.slogans import slogan_key
from briefing.analyse import read_facts
from conftest import SEEDS

runner = CliRunner()


def seeds_comparison():
    return compare([f for f in read_facts([str(SEEDS)])])


def test_one_slogan_in_two_articles_is_one_row():
    rows = [t for t in seeds_comparison().themes if t.year == 2024 and t.scope == "national"]
    assert len(rows) == 1
    assert len(rows[0].sources) == 2
    assert rows[0].variants == []  # the ";" writing differs only in punctuation: the same slogan, not a variant
    assert not rows[0].reordered


def test_slogan_key_ignores_quotes_punctuation_tone_style_and_order():
    a = "Siết chặt kỷ cương, tăng tốc sáng tạo, bứt phá, hiệu quả"
    b = "siết chặt kỷ cương - tăng tốc sáng tạo - hiệu quả - bứt phá"
    assert slogan_key(a) == slogan_key(b)
    assert slogan_key("hoà bình, ổn định, phát triển") == slogan_key("hòa bình; ổn định; phát triển")
    assert slogan_key(a) != slogan_key("Siết chặt kỷ cương, tăng tốc sáng tạo, hiệu quả")


def test_persistent_watchwords():
    words = dict(seeds_comparison().persistent_words)
    assert words["kỷ cương"] == [2021, 2023, 2024]
    assert "cương trách" not in words  # never across two watchwords


def test_target_below_last_years_result_is_flagged():
    rows = {(r.indicator, r.locality, r.year): r for r in seeds_comparison().figures}
    exports = rows[("export_value", "Hà Tĩnh", 2024)]
    assert [f.kind for f in exports.flags] == ["less_ambitious"]
    growth = rows[("economic_growth", "Hà Tĩnh", 2024)]
    assert growth.flags == []  # "8 - 8,5%" holds 2023's 8,05%


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, "utf-8")
    return str(path)


PLAN = (
    "Hội nghị triển khai nhiệm vụ năm 2024 của tỉnh Hà Tĩnh\n\n"
    "Sáng 20/1/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
    "Năm 2024, tỉnh phấn đấu tăng trưởng kinh tế đạt 8%, với chủ đề “Kỷ cương, sáng tạo, bứt phá, hiệu quả”.\n"
)
REVIEW = (
    "Hội nghị tổng kết năm 2024 của tỉnh Hà Tĩnh\n\n"
    "Sáng 28/12/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết nhiệm vụ năm 2024. "
    "Năm 2024, tăng trưởng kinh tế của tỉnh đạt {growth}%, theo chủ đề “Kỷ cương, sáng tạo, hiệu quả, bứt phá”.\n"
)


def test_missed_target_variant_order_conflict_and_merged_meeting(tmp_path):
    paths = [
        write(tmp_path, "plan.txt", PLAN),
        write(tmp_path, "review-a.txt", REVIEW.format(growth="7,2")),
        write(tmp_path, "review-b.txt", REVIEW.format(growth="7,5")),
    ]
    comparison = compare(list(read_facts(paths)))
    row = next(r for r in comparison.figures if r.indicator == "economic_growth" and r.year == 2024)
    assert row.target.value == 8 and row.result.value == 7.2
    assert [f.kind for f in row.flags] == ["conflict"]  # 7,2% and 7,5%: which one missed 8% is not for us to say
    theme = next(t for t in comparison.themes if t.kind == "theme")
    assert theme.reordered and len(theme.sources) == 3
    merged = [m for m in comparison.meetings if len(m.sources) == 2]
    assert merged and merged[0].date == "2024-12-28"
    assert len(comparison.meetings) == 2


def test_compare_cli_formats():
    for fmt, marker in (("table", "Chủ đề và phương châm theo năm"), ("markdown", "## Chỉ tiêu và kết quả")):
        result = runner.invoke(app, ["compare", str(SEEDS), "--format", fmt, "--min-confidence", "0"])
        assert result.exit_code == 0
        assert marker in result.stdout
        assert "17.500 tỷ đồng" in result.stdout and "8,05%" in result.stdout
    data = json.loads(runner.invoke(app, ["compare", str(SEEDS), "--format", "json"]).stdout)
    assert {"meetings", "themes", "persistent_words", "figures"} <= set(data)


def test_compare_leaves_out_figures_of_a_low_confidence_unless_asked(doubting_passing_figures):
    """By default compare holds back the figures whose confidence is under the shipped threshold (here
    a confidence that doubts Thanh Hóa's two 2023 targets, conftest). --min-confidence 0 compares every
    figure."""
    shown = json.loads(runner.invoke(app, ["compare", str(SEEDS), "--format", "json"]).stdout)
    every = json.loads(runner.invoke(app, ["compare", str(SEEDS), "--format", "json", "--min-confidence", "0"]).stdout)
    assert 0 < len(shown["figures"]) < len(every["figures"]) and every["held_back"] == 0
    held = [f for f in every["figures"] if f not in shown["figures"]]
    assert shown["held_back"] == len(held) == 2 and {f["locality"] for f in held} == {"Thanh Hóa"}
    markdown = runner.invoke(app, ["compare", str(SEEDS), "--format", "markdown"]).stdout
    assert "8,05%" in markdown and "11% trở lên" not in markdown
    assert "2 số liệu có độ tin cậy thấp không được đưa vào; --min-confidence 0" in markdown
    assert "11% trở lên" in runner.invoke(app, ["compare", str(SEEDS), "--format", "markdown",
                                              "--min-confidence", "0"]).stdout
    assert runner.invoke(app, ["compare", str(SEEDS), "--min-confidence", "101"]).exit_code == 2


def test_a_generic_word_lends_no_syllable_to_a_watchword():
    from briefing.compare import persistent_words
    from briefing.extract.facts import ArticleFacts
    from briefing.extract.metadata import Metadata
    from briefing.extract.themes import Theme

    def meeting(year, slogan):
        info = Metadata(f"{year - 1}-12-28", "provincial", "Thanh Hóa", None, year - 1, year)
        return ArticleFacts(f"{year}.txt", "Hội nghị", info, [Theme(slogan, "theme", year, "local", slogan)], [])

    # two real-style slogans that both say "phát triển kinh tế - xã hội"
    found = persistent_words([
        meeting(2023, "Nâng cao tinh thần, trách nhiệm, đẩy mạnh phát triển kinh tế - xã hội"),
        meeting(2024, "Kỷ cương, trách nhiệm, thúc đẩy phát triển kinh tế - xã hội bền vững"),
    ])
    words = [word for word, _ in found]
    assert "triển kinh" not in words and "tế xã" not in words
    assert "trách nhiệm" in words


def test_an_increment_has_its_own_row_in_the_full_table_and_no_flags():
    """Lạng Sơn's "thêm 16 xã đạt chuẩn nông thôn mới" (16 more communes) is a reported result: the full
    table shows it as a change, in a row of its own, never compared with a level."""
    from conftest import seed
    from briefing.text.writing import figure_text

    rows = align_figures(read_facts([str(seed("003"))]))
    changes = [r for r in rows if r.increment]
    assert [(r.indicator, r.locality, r.year, r.result.value, r.flags) for r in changes] == [
        ("new_rural_standard", "Lạng Sơn", 2020, 16, [])]
    assert figure_text(changes[0].result, changes[0].unit) == "thêm 16 xã"
    assert figure_text(changes[0].result, changes[0].unit, lang="en") == "an additional 16 communes"


def test_a_packs_held_back_count_is_of_the_meetings_it_shows(tmp_path, doubting_passing_figures):
    """Thanh Hóa's 2022 meeting, whose two targets are held back, is history for a week that shows
    only its 2023 meeting: the figures chapter must not announce two held-back figures its annex,
    which lists the week's meetings, does not have."""
    import shutil

    news = tmp_path / "news"
    news.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, news)
    (news / "009_thanhhoa2024.txt").write_text(
        "Thanh Hóa triển khai nhiệm vụ năm 2024\n\nSáng 28-12-2023, UBND tỉnh Thanh Hóa tổ chức hội nghị triển "
        "khai nhiệm vụ kinh tế - xã hội năm 2024.\n\nNăm 2024, tỉnh Thanh Hóa phấn đấu tốc độ tăng trưởng kinh tế "
        "(GRDP) đạt 11% trở lên.\n", "utf-8")
    out = tmp_path / "pack.md"
    result = runner.invoke(app, ["build", str(news), "--since", "2023-12-01", "--output", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    text = out.read_text("utf-8")
    assert "Thanh Hóa triển khai nhiệm vụ năm 2024" in text and "3.200 USD trở lên" not in text
    assert "độ tin cậy thấp không được đưa vào bảng" not in text
