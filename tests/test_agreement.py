"""summarize, extract and the pack agree on every meeting's date and title (they share one analysis)."""

import json

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.pack import build_pack
from conftest import EVAL, SEEDS

runner = CliRunner()


def by_source(command: str, folder) -> dict:
    result = runner.invoke(app, [command, str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return {m["source"]: (m["date"], m["title"]) for m in json.loads(result.stdout)["meetings"]}


@pytest.mark.parametrize("folder", [SEEDS, EVAL / "meetings"], ids=["seeds", "eval-meetings"])
def test_dates_and_titles_agree(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (as on a user's clone)")
    summaries, facts = by_source("summarize", folder), by_source("extract", folder)
    built = build_pack([str(folder)])
    pack = {m.facts.source: (m.date, m.facts.title) for m in built.meetings + built.others}  # others: no meeting
    assert summaries == facts == pack
    assert len(pack) == len(list(folder.glob("*.txt")))
    if folder == SEEDS:
        assert summaries[str(next(SEEDS.glob("001_*.txt")))][0] == "2022-12-28"  # was 2023-12-28 in summarize
