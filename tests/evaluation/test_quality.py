"""The quality target of the default summariser, measured on the development set."""

from briefing.evaluation.summaries import load_pairs, score_method, table


def test_default_method_beats_lead_2_on_rouge_1_and_rouge_2(eval_rouge):
    pairs = load_pairs(eval_rouge)
    assert len(pairs) == 200
    lead2 = score_method(pairs, "lead", 2)
    ours = score_method(pairs, "briefing", 2)
    assert ours.rouge1 > lead2.rouge1
    assert ours.rouge2 > lead2.rouge2
    assert "| Lead-2 (baseline) | 2 |" in table([lead2, ours])
