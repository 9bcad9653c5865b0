import pytest

from briefing.ingest.read import load
from briefing.summarize import METHODS, sentence_count, summarize
from briefing.summarize.tokenizer import VietnameseTokenizer
from briefing.text.stopwords import stop_words
from conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    return [a for a in load([str(SEEDS)])]


@pytest.fixture(autouse=True)
def no_nltk_tokenizer(monkeypatch):
    """sumy's default Tokenizer needs NLTK data that cannot be downloaded; it must never be built."""
    import sumy.nlp.tokenizers

    def refuse(*args, **kwargs):
        raise AssertionError("sumy's NLTK Tokenizer was constructed")

    monkeypatch.setattr(sumy.nlp.tokenizers.Tokenizer, "__init__", refuse)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_returns_body_sentences_in_order(seeds, method):
    for article in seeds:
        chosen = summarize(article, method, sentences=3)
        assert len(chosen) == 3
        body = {s.start: s for s in article.sentences}
        # the article's own words; a leading connective may be dropped, marked "…"
        assert all(s.text == body[s.start].text or (s.text.startswith("… ") and body[s.start].text.endswith(s.text[2:]))
                   for s in chosen)
        in_order = chosen[1:] if method == "briefing" else chosen  # the brief opens with what the meeting was
        assert [s.start for s in in_order] == sorted(s.start for s in in_order)
        noise = {piece.text for piece in article.set_aside}
        assert not any(s.text in noise or "(Ảnh:" in s.text for s in chosen)
        assert all(s.text != article.title for s in chosen)


def test_ratio_sets_length_from_the_article(seeds):
    article = seeds[4]
    total = len(article.sentences)
    assert sentence_count(article, ratio=0.1) == -(-total // 10)
    assert len(summarize(article, "lexrank", ratio=0.1)) == -(-total // 10)
    assert sentence_count(article, sentences=10_000) == total


def test_default_method_picks_the_targets_sentence_of_ha_tinh(seeds):
    chosen = [s.text for s in summarize(seeds[4], "briefing", sentences=3)]
    assert any("tăng trưởng kinh tế đạt từ 8 - 8,5%" in s for s in chosen)


def test_unknown_method_is_refused(seeds):
    with pytest.raises(ValueError, match="unknown method"):
        summarize(seeds[0], "nonsense")


def test_tokenizer_gives_syllables_in_matching_form():
    tok = VietnameseTokenizer()
    assert tok.to_words("Hòa bình, thịnh vượng.") == ("hoà", "bình", "thịnh", "vượng")
    assert tok.to_sentences("TP. Hà Nội tăng 8,05%. Hà Tĩnh đạt.") == ("TP. Hà Nội tăng 8,05%.", "Hà Tĩnh đạt.")


def test_stop_words_are_vietnamese_single_syllables():
    words = stop_words()
    assert {"của", "và", "các", "những", "được"} <= words
    assert all(" " not in w for w in words)
