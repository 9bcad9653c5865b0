"""Every command reaches its output by one road: the pass over the inputs into a fact store (in memory
for a one-off command, the state database for a weekly run), the meetings read back from the store
and merged, compared, assembled into a pack, rendered. Followed here call by call."""

import sys

from typer.testing import CliRunner

from briefing.cli import app
from conftest import SEEDS

runner = CliRunner()
# The stage functions an input crosses, in the modules that define them.
STAGES = {("briefing.analyse", "read_meetings"), ("briefing.store.facts", "reports"),
          ("briefing.meetings.merged", "merge_meetings"), ("briefing.compare", "compare"),
          ("briefing.pack", "make_pack"), ("briefing.render.document", "render_pack")}


def road(*arguments) -> list[str]:
    """The stages the command crosses, in order, each repeat of the one before counted once."""
    crossed = []

    def watch(frame, event, arg):
        if event == "call":
            where = (frame.f_globals.get("__name__"), frame.f_code.co_name)
            if where in STAGES and (not crossed or crossed[-1] != where[1]):
                crossed.append(where[1])

    sys.setprofile(watch)
    try:
        result = runner.invoke(app, list(arguments))
    finally:
        sys.setprofile(None)
    assert result.exit_code == 0, result.stderr
    return crossed


def test_build_and_a_weekly_run_take_the_same_road(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    built = road("build", str(SEEDS), "--output", "pack.md", "--jobs", "1")
    ran = road("run", "--input", str(SEEDS), "--output", "out", "--format", "md", "--jobs", "1")
    assert built == ran == ["read_meetings", "reports", "merge_meetings", "compare", "make_pack", "render_pack"]


def test_summaries_and_facts_take_it_as_far_as_they_go(tmp_path):
    expected = ["read_meetings", "reports", "merge_meetings"]
    assert road("summarize", str(SEEDS)) == expected
    assert road("extract", str(SEEDS)) == expected
    assert road("compare", str(SEEDS)) == expected + ["compare"]
