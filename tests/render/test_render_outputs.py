"""What the reader sees: the Markdown and English packs, figures in the article's own words,
dates, the cover, the annex, the terminal tables and the evaluate messages."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from briefing.compare import compare
from briefing.evaluation.summaries import Row, evaluate, table
from briefing.store.facts import collect_meetings
from briefing.pack import build_pack
from briefing.render.document import render_pack
from briefing.render.tables import comparison_table, facts_json, facts_table
from conftest import SEEDS, seed

ARTICLE = (
    "Hội nghị triển khai nhiệm vụ năm 2024 của tỉnh Hà Tĩnh\n\n"
    "Sáng 20/1/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết năm 2023, triển khai nhiệm vụ năm 2024. "
    "Năm 2023, sản lượng lương thực cả năm đạt gần 65 vạn tấn. "
    "Tổng thu ngân sách năm 2023 đạt 100,9% dự toán. "
    "Giải ngân đầu tư công năm 2023 đạt 116,4% kế hoạch. "
    "Năm 2023, toàn tỉnh có 8/13 huyện đạt chuẩn nông thôn mới. "
    "Kim ngạch xuất khẩu năm 2023 đạt khoảng 2,4 tỷ USD. "
    "Trong năm 2023, tỉnh có thêm 12 xã đạt chuẩn nông thôn mới.\n"
)
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


@pytest.fixture(scope="module")
def seeds_pack():
    return build_pack([str(SEEDS)], min_confidence=0)  # every figure: these tests are of how figures are written


@pytest.fixture(scope="module")
def seeds_md(seeds_pack):
    return render_pack(seeds_pack, "md", "vi")


@pytest.fixture(scope="module")
def seeds_md_en(seeds_pack):
    return render_pack(seeds_pack, "md", "en")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "ha-tinh.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def section(text, start, end):
    return text[text.index(start) : text.index(end, text.index(start))]


def test_markdown_flag_shows_last_years_result(seeds_md):
    flags = section(seeds_md, "### Lưu ý", "## Chủ đề và phương châm theo năm")
    lines = [line for line in flags.splitlines() if "mục tiêu thấp hơn kết quả năm trước" in line]
    assert len(lines) == 2  # revenue and exports, both named with the two facts and their source
    # the source is cited by its number in the annex, as the sections cite reports
    assert any(line.startswith("- Thu ngân sách · Hà Tĩnh · 2024: mục tiêu thấp hơn kết quả năm trước")
               and "mục tiêu 2024: 17.500 tỷ đồng \\[5\\]" in line
               and "kết quả 2023: 17.946 tỷ đồng \\[5\\]" in line for line in lines)
    annex = section(seeds_md, "## Phụ lục", "### Số liệu đọc từ ngữ cảnh")
    assert "| 5 | 004_f645dcc1a991b265.txt |" in annex


def test_markdown_has_the_pdfs_headings(seeds_md):
    meetings = section(seeds_md, "## Các hội nghị", "## Phụ lục")
    assert meetings.count("#### Chủ đề và phương châm theo năm") == 4  # the seeds with themes
    assert "- Điểm cầu: Lạng Sơn" in meetings
    assert "- Chủ đề 2021 (Trung ương): “Đoàn kết, kỷ cương, đổi mới, sáng tạo, khát vọng phát triển”" in meetings
    annex = seeds_md[seeds_md.index("## Phụ lục"):]
    assert "### Thiết lập" in annex and "### Những gì việc trích xuất có thể bỏ sót" in annex


def test_markdown_executive_summary_in_the_pdfs_order(seeds_pack, seeds_md):
    executive = section(seeds_md, "## Tóm tắt điều hành", "### Mục tiêu chính")
    md_years = [int(y) for y in re.findall(r"^- \*\*(\d{4}) ·", executive, re.MULTILINE)]
    html = render_pack(seeds_pack, "html", "vi")
    html_executive = section(html, 'id="executive"', "</ul>")
    html_years = [int(y) for y in re.findall(r"<li><strong>(\d{4}) ·", html_executive)]
    assert md_years == html_years and md_years == sorted(md_years, reverse=True) and md_years[0] == 2024


def test_markdown_quotes_each_source_sentence_once(seeds_md):
    long_sentence = "Trong đó, phấn đấu đạt một số chỉ tiêu chủ yếu: Tăng trưởng kinh tế đạt 8-8,5%"
    meetings = section(seeds_md, "## Các hội nghị", "## Phụ lục")
    assert meetings.count(long_sentence) == 1
    group = section(meetings, "- Vốn đầu tư toàn xã hội · Hà Tĩnh · Mục tiêu 2024", long_sentence)
    assert "**23.000 người**" in group and "**0,6 - 1 điểm %**" in group


def test_english_pack_writes_english_numbers(seeds_md_en):
    for text in ("**VND 17,500 billion**", "**at least 11%**", "**USD 2.4 billion**", "**8 - 8.5%**",
                 "**at least USD 3,200**", "**VND 51 million**", "**26 of 28 indicators**",
                 "**102.6% of the budget estimate**", "**116.4% of plan**", "**nearly 650,000 tonnes**"):
        assert text in seeds_md_en, text
    values = re.findall(r"\*\*([^*]+)\*\*", section(seeds_md_en, "### Headline targets", "## Meetings"))
    vietnamese = re.compile(r"tỷ|triệu|đồng|trở lên|kế hoạch|dự toán|khoảng|gần|\d,\d{1,2}\b|\d\.\d{3}\b")
    assert values and not [v for v in values if vietnamese.search(v)]


def test_dates_are_written_for_the_reader(seeds_md, seeds_md_en):
    assert "- Ngày: 28/12/2022" in seeds_md and "29/12/2020 – 20/01/2024" in seeds_md
    assert not ISO_DATE.search(seeds_md)
    assert "- Date: 28 Dec 2022" in seeds_md_en and "29 Dec 2020 – 20 Jan 2024" in seeds_md_en
    assert not ISO_DATE.search(seeds_md_en)


def test_one_day_period_is_one_date():
    pack = build_pack([str(seed("004"))])
    md = render_pack(pack, "md", "vi")
    assert "- Thời gian: 20/01/2024\n" in md
    assert "20 Jan 2024 – 20 Jan 2024" not in render_pack(pack, "md", "en")


def test_cover_kicker_and_full_hash_in_the_pdf(seeds_pack):
    reader = PdfReader(io.BytesIO(render_pack(seeds_pack, "pdf", "vi")))
    text = unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))
    assert "TÀI LIỆU TỔNG HỢP" in text and "BRIEFING" not in text
    joined = re.sub(r"\s+", "", text)
    for meeting in seeds_pack.meetings:
        assert len(meeting.facts.sha256) == 64 and meeting.facts.sha256 in joined
    english = render_pack(seeds_pack, "html", "en")
    assert '<div class="kicker">Briefing</div>' in english


def test_markdown_annex_has_the_full_hash(seeds_pack, seeds_md):
    annex = seeds_md[seeds_md.index("## Phụ lục"):]
    for meeting in seeds_pack.meetings:
        assert f"`{meeting.facts.sha256}`" in annex


def test_figures_keep_the_articles_words(article):
    pack = build_pack([str(article)], min_confidence=0)
    md, en = render_pack(pack, "md", "vi"), render_pack(pack, "md", "en")
    for vi_text, en_text in (
        ("**gần 650.000 tấn**", "**nearly 650,000 tonnes**"),
        ("**100,9% dự toán**", "**100.9% of the budget estimate**"),
        ("**116,4% kế hoạch**", "**116.4% of plan**"),
        ("**8/13 huyện**", "**8 of 13 districts**"),
        ("**khoảng 2,4 tỷ USD**", "**about USD 2.4 billion**"),
        ("**thêm 12 xã**", "**an additional 12 communes**"),
    ):
        assert vi_text in md and en_text in en, vi_text
    # The extract contract is unchanged: "gần" is read as "~", the share of the budget estimate as "% of plan".
    data = facts_json(collect_meetings([str(article)], method=None)[0])
    assert '"comparator": "~"' in data and '"unit": "% of plan"' in data and '"of": 13' in data


def test_terminal_tables_show_labels_not_codes():
    meetings, _ = collect_meetings([str(SEEDS)], method=None)
    facts = [m.facts for m in meetings]
    text = facts_table(meetings, width=200) + comparison_table(compare(facts), width=200)
    codes = re.compile(r"\b(?:economic_growth|budget_revenue|indicators_met|national|local|provincial|theme|motto"
                       r"|target|result|none)\b")
    assert not codes.search(re.sub(r"seeds/\S+", "", text))
    for label in ("Tăng trưởng kinh tế (GDP/GRDP)", "Trung ương", "Tỉnh, thành phố", "Phương châm", "Mục tiêu",
                  "mục tiêu thấp hơn kết quả năm trước", "Chủ đề và phương châm theo năm", "28/12/2022"):
        assert label in text, label
    english = comparison_table(compare(facts), lang="en", width=200)
    assert "Economic growth (GDP/GRDP)" in english and "National" in english


@pytest.mark.parametrize("width", [72, 100])
def test_terminal_tables_stay_aligned_on_long_slogans(width):
    meetings, _ = collect_meetings([str(SEEDS)], method=None)
    facts = [m.facts for m in meetings]
    for text in (facts_table(meetings, width=width), comparison_table(compare(facts), width=width)):
        for grid in grids(text):
            starts = [m.start() for m in re.finditer(r"(?<=  )-", grid[1])]
            assert max(len(line) for line in grid) <= width
            for line in grid:
                assert all(line[s - 2 : s] in ("  ", "") or len(line) < s for s in starts), line
    slogan = "Nâng cao tinh thần, trách nhiệm, kịp thời giải quyết các khó khăn, vướng mắc"
    assert slogan not in comparison_table(compare(facts), width=72)  # wrapped onto a second line


def grids(text):
    """Each aligned table of ``text``: its header, its rule of dashes, and the lines down to a blank one."""
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.startswith("---") and i:
            end = next((j for j in range(i, len(lines)) if not lines[j].strip()), len(lines))
            found.append(lines[i - 1 : end])
    assert found
    return found


def test_evaluate_counts_in_the_singular(tmp_path):
    (tmp_path / "a.article.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "a.summary.txt").write_text("Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ năm 2024.", "utf-8")
    messages = []
    rows = evaluate(tmp_path, ["lead"], [1, 2], progress=messages.append)
    assert messages == ["lead (1 sentence)", "lead (2 sentences)"]
    assert table(rows).endswith("\n\n1 article scored.\n")
    assert table([Row("lead", 2, 0.5, 0.2, 0.4, 3)]).endswith("\n\n3 articles scored.\n")


def test_every_markdown_heading_of_the_pack_stands_after_a_blank_line(tmp_path):
    from typer.testing import CliRunner
    from briefing.cli import app

    for lang in ("vi", "en"):
        out = tmp_path / f"pack-{lang}.md"
        assert CliRunner().invoke(app, ["build", str(SEEDS), "--lang", lang, "--output", str(out)]).exit_code == 0
        lines = out.read_text("utf-8").splitlines()
        glued = [lines[i - 1] for i, line in enumerate(lines) if line.startswith("#") and i and lines[i - 1].strip()]
        assert glued == [], glued


def test_a_flag_cites_a_fetched_article_by_number_and_outlet_not_its_file_name(tmp_path):
    from typer.testing import CliRunner
    from briefing.cli import app

    fetched = tmp_path / "news" / "2024-01-20-quyet-tam-linh-hoat-thuc-chat-hieu-qua-9c8fda3e.txt"
    fetched.parent.mkdir()
    fetched.write_text("url: https://baohatinh.vn/quyet-tam-linh-hoat.html\noutlet: Báo Hà Tĩnh\npublished: 2024-01-20\n\n"
                       + seed("004").read_text("utf-8"), "utf-8")
    out = tmp_path / "pack.md"
    assert CliRunner().invoke(app, ["build", str(fetched.parent), "--output", str(out), "--min-confidence", "0"]).exit_code == 0
    flags = section(out.read_text("utf-8"), "### Lưu ý", "## Chủ đề và phương châm theo năm")
    assert "mục tiêu 2024: 17.500 tỷ đồng \\[1\\] Báo Hà Tĩnh; kết quả 2023: 17.946 tỷ đồng \\[1\\] Báo Hà Tĩnh" in flags
    assert "9c8fda3e" not in flags


def test_the_english_pack_translates_what_a_figure_counts_and_the_remote_site(tmp_path):
    from typer.testing import CliRunner
    from briefing.cli import app

    out = tmp_path / "en.md"
    assert CliRunner().invoke(app, ["build", str(SEEDS), "--lang", "en", "--output", str(out),
                                    "--min-confidence", "0"]).exit_code == 0
    text = out.read_text("utf-8")
    assert "| New-rural standard (districts) | Hà Tĩnh | 2023 |" in text
    assert "| New-rural standard (communes) | Hà Tĩnh | 2023 |" in text
    assert "(huyện)" not in text and "(xã)" not in text
    assert "- Remote site: Lạng Sơn" in text and "Bridge" not in text


def test_sections_name_what_a_figure_counts_and_each_reports_outlet(tmp_path):
    from typer.testing import CliRunner
    from briefing.cli import app

    news = tmp_path / "news"
    news.mkdir()
    for name, outlet in (("a.txt", "Báo Hà Tĩnh"), ("b.txt", "Báo Chính phủ")):
        (news / name).write_text(f"outlet: {outlet}\npublished: 2024-01-20\n\n" + seed("004").read_text("utf-8")
                                 .replace("hiệu quả trong thực hiện", f"hiệu quả trong thực hiện ({name})"), "utf-8")
    out = tmp_path / "pack.md"
    assert CliRunner().invoke(app, ["build", str(news), "--output", str(out), "--min-confidence", "0"]).exit_code == 0
    text = out.read_text("utf-8")
    assert "- Các bài đưa tin: [1] `a.txt` (Báo Hà Tĩnh); [2] `b.txt` (Báo Chính phủ)" in text
    assert "- Nông thôn mới (huyện) · Hà Tĩnh · Kết quả 2023: **8/13 huyện**" in text
    assert "- Nông thôn mới (xã) · Hà Tĩnh · Kết quả 2023: **100%**" in text


def test_the_contents_never_share_a_page_with_the_news_and_a_long_title_is_cut_in_the_header(tmp_path):
    from pypdf import PdfReader
    from briefing.render.document import render_html

    pack = build_pack([str(SEEDS)])
    pack.title = "Bản tin tổng hợp các hội nghị tổng kết năm và triển khai nhiệm vụ năm mới của Chính phủ và các tỉnh"
    from briefing.pack import News
    pack.news = News(meetings=pack.meetings, first_run=True)
    html = render_html(pack)
    assert 'data-running="Bản tin tổng hợp các hội nghị tổng kết năm và triển khai nhiệm vụ…"' in html  # 70 characters at most
    out = tmp_path / "pack.pdf"
    out.write_bytes(render_pack(pack, "pdf", "vi"))
    pages = [page.extract_text() for page in PdfReader(out).pages]
    contents = next(text for text in pages if "Mục lục" in text)
    assert "Đây là lần chạy đầu tiên" not in contents


def test_the_annex_breaks_a_sha256_into_two_even_halves():
    from briefing.render.document import render_html

    pack = build_pack([str(seed("004"))])
    sha = pack.articles[0].sha256
    assert f'<td class="hash"><span>{sha[:32]}</span><wbr><span>{sha[32:]}</span></td>' in render_html(pack)
