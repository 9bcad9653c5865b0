"""The README's claims that a test can hold it to."""

import re
import subprocess

from briefing.evaluation.summaries import evaluate, table
from briefing.summarize import METHODS
from conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


# sumy's graph methods go through numpy's linear algebra, whose last digits move
# between numpy releases; a table that agrees within this is the same table.
ROUGE_TOLERANCE = 0.002


def _cells(text: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines() if line.startswith("|")]


def _shown(block: str) -> str:
    return re.search(rf"<!-- {block}:start -->\n(.*?)<!-- {block}:end -->", README, re.S).group(1)


def test_readme_rouge_table_is_what_evaluate_prints(eval_rouge):
    order = ["lead", *[m for m in METHODS if m != "lead"]]
    _same_table(table(evaluate(eval_rouge, order, (2, 3), by_corpus=False)), _shown("rouge-table"))


def test_readme_halves_table_is_what_evaluate_prints_and_the_default_wins_everywhere(eval_rouge):
    rows = evaluate(eval_rouge, ["lead", "briefing"], (1, 2, 3))
    _same_table(table(rows), _shown("rouge-halves"))
    scores = {(r.corpus, r.method, r.sentences): r for r in rows}
    for corpus in ("dev-vn", "dev-vmds"):
        for n in (1, 2, 3):
            ours, lead = scores[(corpus, "briefing", n)], scores[(corpus, "lead", n)]
            assert ours.rouge1 > lead.rouge1 and ours.rouge2 > lead.rouge2, (corpus, n)


def _same_table(printed: str, shown: str) -> None:
    assert printed.splitlines()[-1] == shown.splitlines()[-1]
    rows, readme_rows = _cells(printed), _cells(shown)
    assert [r[:2] for r in rows] == [r[:2] for r in readme_rows]
    for row, readme_row in zip(rows[2:], readme_rows[2:]):
        for got, claimed in zip(row[2:], readme_row[2:]):
            assert abs(float(got) - float(claimed)) <= ROUGE_TOLERANCE, (row, readme_row)


def test_readme_gives_two_setup_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```sh\n(.*?)\n```", README.split("## Use")[0], re.S)
    assert len(blocks) == 2
    assert "briefing" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert blocks[1] in ci


def test_generated_reports_are_ignored_by_git(tmp_path):
    out = subprocess.run(
        ["git", "check-ignore", "reports/briefing-2026-01-01.pdf", ".venv/"], cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode == 128:
        import pytest

        pytest.skip("not a git checkout")
    assert out.stdout.split() == ["reports/briefing-2026-01-01.pdf", ".venv/"]
