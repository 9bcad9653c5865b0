"""The pack's PDF is archival and accessible by default (PDF/A-3a: tagged and PDF/A at once), read back
as an archive or a screen reader would: structure tree, language, table header cells, the chart's
alternative text, output intent and XMP metadata. --pdf-variant gives the other kinds."""

import re

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefing.cli import app
from conftest import SEEDS

runner = CliRunner()


def built(tmp_path, *options) -> PdfReader:
    out = tmp_path / "pack.pdf"
    result = runner.invoke(app, ["build", str(SEEDS), "--output", str(out), *options])
    assert result.exit_code == 0, result.stderr
    return PdfReader(out)


def structure(reader: PdfReader) -> list[dict]:
    """Every element of the structure tree, depth first."""
    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop().get_object()
        if not isinstance(node, dict):
            continue
        found.append(node)
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, list) else [kids] if kids is not None else []):
            if hasattr(kid, "get_object"):
                stack.append(kid)
    return found


def xmp(reader: PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


@pytest.fixture(scope="module")
def archival(tmp_path_factory):
    return built(tmp_path_factory.mktemp("a3a"))


def test_the_default_pack_is_pdf_a_3a(archival):
    root = archival.trailer["/Root"]
    assert archival.pdf_header == "%PDF-1.7"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean object
    assert "/OutputIntents" in root and root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    assert re.search(r'pdfaid:part="3"\s+pdfaid:conformance="A"', xmp(archival))


def test_a_screen_reader_gets_language_headings_tables_and_the_charts_words(archival):
    assert archival.trailer["/Root"]["/Lang"] == "vi"
    kinds = [str(node.get("/S")) for node in structure(archival)]
    for kind in ("/Document", "/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P"):
        assert kind in kinds, kind
    alts = [str(node["/Alt"]) for node in structure(archival) if node.get("/S") == "/Figure"]
    (alt,) = [a for a in alts if a.startswith("Tăng trưởng kinh tế: mục tiêu và kết quả (%).")]
    assert "Hà Tĩnh 2023: Mục tiêu –, Kết quả 8,05%" in alt and "Lạng Sơn 2020" in alt
    # and the Trends chapter's chart of Hà Tĩnh, each year in words
    assert "Tăng trưởng kinh tế qua các năm (%): mục tiêu (khoảng) và kết quả (điểm). 2023: Mục tiêu –, " \
           "Kết quả 8,05%; 2024: Mục tiêu 8 - 8,5%, Kết quả –" in alts


def test_an_english_pack_says_its_language(tmp_path):
    reader = built(tmp_path, "--lang", "en")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    alts = [str(node["/Alt"]) for node in structure(reader) if node.get("/S") == "/Figure"]
    assert any("Hà Tĩnh 2023: Target –, Result 8.05%" in alt for alt in alts)


def test_other_kinds_of_pdf(tmp_path):
    tagged_only = built(tmp_path, "--pdf-variant", "pdf/ua-1").trailer["/Root"]
    assert "/StructTreeRoot" in tagged_only and "/OutputIntents" not in tagged_only
    plain = built(tmp_path, "--pdf-variant", "plain").trailer["/Root"]
    assert "/StructTreeRoot" not in plain and "/OutputIntents" not in plain
    refused = runner.invoke(app, ["build", str(SEEDS), "--output", str(tmp_path / "x.pdf"), "--pdf-variant", "pdf/z"])
    assert refused.exit_code == 2 and "'pdf/z' is not one of 'pdf/a-3a'" in refused.stderr


def test_the_setting_is_checked_once_and_a_schedule_carries_it(tmp_path):
    from briefing.weekly.schedule import job_command
    from briefing.weekly.settings import SettingsError, load_config, settings

    (tmp_path / "briefing.toml").write_text('pdf_variant = "pdf/ua-1"\n', "utf-8")
    chosen = settings({}, load_config(tmp_path / "briefing.toml"))
    assert chosen.pdf_variant == "pdf/ua-1"
    command = job_command(settings({"input": SEEDS, "pdf_variant": "pdf/a-3b"}))
    assert command[-2:] == ["--pdf-variant", "pdf/a-3b"]
    assert "--pdf-variant" not in job_command(settings({"input": SEEDS}))  # the default needs no word
    (tmp_path / "bad.toml").write_text('pdf_variant = "pdf/x-1a"\n', "utf-8")
    with pytest.raises(SettingsError, match="pdf_variant: must be one of pdf/a-3a, pdf/a-2a, pdf/ua-1"):
        load_config(tmp_path / "bad.toml")


def test_a_pdf_never_shows_the_screens_bar_of_links_even_with_an_older_stylesheet(tmp_path):
    """A user's pack.css from before the html format had a screen stylesheet does not hide the bar:
    the bar is written only into the html format."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "pack.css").write_text("html { font-family: \"Pack Sans\"; }\n", "utf-8")
    reader = built(tmp_path, "--template-dir", str(mine))
    assert all(not page.extract_text().lstrip().startswith("Mục lục Tóm tắt") for page in reader.pages)
    from briefing.pack import build_pack
    from briefing.render.document import render_html

    assert 'class="screen-nav"' not in render_html(build_pack([str(SEEDS)]))
    assert 'class="screen-nav"' in render_html(build_pack([str(SEEDS)]), for_screen=True)
