import pytest

from briefing.evaluation import rouge


def test_scores_by_hand():
    # candidate: a b c d ; reference: a b x d e
    s = rouge.score("Hoà bình ổn định", "hòa bình xx định yy")
    # unigrams: overlap 3, P=3/4, R=3/5 -> F=2*.75*.6/1.35
    assert s.rouge1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    # bigrams: cand {hoà bình, bình ổn, ổn định}, ref {hoà bình, bình xx, xx định, định yy}: overlap 1
    assert s.rouge2 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
    # LCS: hoà bình định = 3
    assert s.rougeL == pytest.approx(s.rouge1)


def test_vietnamese_letters_are_kept():
    assert rouge.tokens("Đường cao tốc Bắc - Nam") == ["đường", "cao", "tốc", "bắc", "nam"]
    assert rouge.score("Đường", "đường").rouge1 == 1.0


def test_empty_candidate_scores_zero():
    assert rouge.score("", "một hai").rouge1 == 0.0
