"""Extraction scored against facts a person wrote for the seeds and the 25 meeting articles.

Targets: precision and recall >= 0.9 for themes and for figures.
"""



from briefing.evaluation.facts import expected_name, load_expected, score
from briefing.pack import read_facts
from conftest import ROOT, SEEDS

EXPECTED = ROOT / "tests" / "data" / "expected"


def scored(paths):
    pairs = []
    for facts in read_facts(paths):
        pairs.append((facts, load_expected(EXPECTED / expected_name(facts.source))))
    return score(pairs)


def test_seeds_accuracy():
    result = scored([str(SEEDS)])
    assert result.articles == 5
    assert result.themes.precision >= 0.9 and result.themes.recall >= 0.9, result.themes.misses
    assert result.figures.precision >= 0.9 and result.figures.recall >= 0.9, result.figures.misses


def test_seeds_and_meeting_articles_accuracy(eval_meetings):
    result = scored([str(SEEDS), str(eval_meetings)])
    assert result.articles == 30
    assert result.themes.precision >= 0.9, result.themes.misses
    assert result.themes.recall >= 0.9, result.themes.misses
    assert result.figures.precision >= 0.9, result.figures.misses
    assert result.figures.recall >= 0.9, result.figures.misses
