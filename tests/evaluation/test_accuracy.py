"""Extraction scored against hand-written facts: the seeds exactly, and both halves as the README says."""

import re

import pytest

from briefing.evaluation.facts import load_expected, score
from briefing.analyse import read_facts
from conftest import EVAL, ROOT, SEEDS

EXPECTED = ROOT / "tests" / "data" / "expected"
README = (ROOT / "README.md").read_text("utf-8")


def test_every_theme_and_figure_of_the_seeds_is_right():
    result = score([(f, load_expected(EXPECTED / (f.source.rsplit("/", 1)[-1][:-4] + ".json")))
                    for f in read_facts([str(SEEDS)])])
    assert result.articles == 5
    assert (result.themes.precision, result.themes.recall) == (1.0, 1.0), result.themes.misses
    assert (result.figures.precision, result.figures.recall) == (1.0, 1.0), result.figures.misses


def test_the_seeds_read_the_same_as_published_in_one_paragraph(tmp_path):
    from briefing.evaluation.facts import as_published

    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        laid_out = seed.read_text("utf-8")
        published = as_published(laid_out)
        title, body = published.split("\n\n")  # the title (block), then lead and body as one paragraph
        assert "\n" not in body.strip() and len(body) > len(title)
        (tmp_path / seed.name).write_text(published, "utf-8")

    def facts(folder):
        return {f.source.rsplit("/", 1)[-1]: (f.info, sorted((g.indicator, g.kind, g.year, g.locality, g.value)
                                                              for g in f.figures)) for f in read_facts([str(folder)])}

    assert facts(tmp_path) == facts(SEEDS)


def test_readme_accuracy_table_is_what_the_benchmark_prints():
    if not (EVAL / "pool").is_dir():
        pytest.skip("the evaluation articles in ../shared/eval are not here (as on a user's clone)")
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import table

    shown = re.search(r"<!-- accuracy-table:start -->\n(.*?)<!-- accuracy-table:end -->", README, re.S).group(1)
    label, _, rows = table()
    assert f"figures in the tables ({label})" in shown
    for half, measured in rows.items():
        row = next(line for line in shown.splitlines() if line.startswith(f"| {half} |"))
        numbers = [float(x) for x in re.findall(r"\d\.\d{3}", row)]
        assert numbers == pytest.approx(measured, abs=0.001), (half, row)
