"""The pack's annex says in the reader's language where each inferred part of a figure came from:
every evidence source the extractor gives must have a Vietnamese label, or the Vietnamese pack
would show it in English."""

import pytest

from briefing.analyse import read_facts
from briefing.render.labels import labels
from conftest import EVAL, SEEDS


def _sources(paths) -> set[str]:
    return {source for facts in read_facts([str(p) for p in paths]) for f in facts.figures for _, source in f.evidence}


def test_every_evidence_source_of_the_seeds_has_a_vietnamese_label():
    found = _sources(sorted(SEEDS.glob("*.txt")))
    assert found  # the seeds' figures carry evidence
    assert found <= set(labels("vi")["evidence_sources"])


def test_every_evidence_source_of_the_evaluation_articles_has_a_vietnamese_label():
    if not (EVAL / "pool2").is_dir():
        pytest.skip("the evaluation articles (../shared/eval) are not here")
    found = _sources(sorted((EVAL / "meetings").glob("*.txt")) + sorted((EVAL / "pool2").glob("*.txt"))[:300])
    missing = found - set(labels("vi")["evidence_sources"])
    assert not missing, missing


def test_every_named_evidence_source_has_a_vietnamese_label():
    from briefing.extract import evidence

    named = {value for name, value in vars(evidence).items() if name.isupper() and isinstance(value, str)}
    assert len(named) > 20 and named <= set(labels("vi")["evidence_sources"])
    assert evidence.BORROWED <= named


def test_every_reason_a_figure_is_set_aside_has_a_vietnamese_label():
    """The annex lists the numbers set aside with the reason; one without a label shows in English."""
    if not (EVAL / "pool2").is_dir():
        pytest.skip("the evaluation articles (../shared/eval) are not here")
    paths = sorted((EVAL / "meetings").glob("*.txt")) + sorted((EVAL / "pool2").glob("*.txt"))
    found = {u.reason for facts in read_facts([str(p) for p in paths]) for u in facts.unattributed}
    assert len(found) > 10
    missing = found - set(labels("vi")["reasons"])
    assert not missing, missing
