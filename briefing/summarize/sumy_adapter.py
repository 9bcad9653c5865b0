"""sumy's summarisers run on the Vietnamese tokenizer and stop words."""

from __future__ import annotations

from briefing.ingest.article import Article, Sentence
from briefing.summarize.tokenizer import BONUS_WORDS, STIGMA_WORDS, VietnameseTokenizer
from briefing.text.stopwords import stop_words

# sumy's methods grow with the square of the sentence count (graphs, matrices) or of the word count
# (Reduction compares every word pair, KL-Sum re-counts its summary for every candidate), so a very
# long article is summarised from its first sentences only: at most MAX_SENTENCES of them and
# MAX_CHARACTERS of their text. The longest real article of the seeds and ../shared/eval has 69
# body sentences and 11,500 characters, so no real article is cut; a 5 MB one-line file costs each
# method about a second instead of minutes (KL-Sum on 150 sentences of 200 characters, the worst
# shape within the bound, takes a few seconds).
MAX_SENTENCES = 150
MAX_CHARACTERS = 30_000

SUMY_CLASSES = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
}


def sumy_summarize(name: str, article: Article, count: int) -> list[Sentence]:
    """The ``count`` sentences ``name`` rates best (in rating order; the caller sorts them)."""
    return sumy_ranking(name, article)[:count]


def sumy_ranking(name: str, article: Article) -> list[Sentence]:
    """Every sentence given to ``name``, best rated first (ties in document order).

    sumy takes the first ``count`` of exactly this order, so any summary length is a prefix of
    it: a caller trying several lengths (``--words``) rates the article once, not once per length.
    """
    document, ours = to_sumy_document(article)
    if not document.sentences:
        return []
    summarizer = build_summarizer(name)
    ranked: list = []

    def best_first(sentences, count, rating, *args, **kwargs):
        # sumy's AbstractSummarizer._get_best_sentences without the cut: the same stable sort
        rate = rating.__getitem__ if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
        ratings = [rate(s) for s in sentences]  # in document order: LSA's rating is a generator
        order = sorted(range(len(sentences)), key=ratings.__getitem__, reverse=True)
        ranked[:] = [sentences[i] for i in order]
        return ()

    summarizer._get_best_sentences = best_first
    summarizer(document, len(document.sentences))
    return [ours[id(s)] for s in ranked]


def build_summarizer(name: str):
    module_name, class_name = SUMY_CLASSES[name].split(":")
    module = __import__(module_name, fromlist=[class_name])
    summarizer = getattr(module, class_name)()
    if name == "lsa":
        summarizer._create_dictionary = _sorted_dictionary(summarizer)
    if name == "edmundson":
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words()
    else:
        summarizer.stop_words = stop_words()
    return summarizer


def _sorted_dictionary(summarizer):
    """sumy's LSA numbers words in set order, which changes with Python's hash seed and
    so changes which of two tied sentences wins; sorted order makes runs repeatable."""

    def create(document):
        words = (summarizer.normalize_word(w) for w in document.words)
        unique = sorted({summarizer.stem_word(w) for w in words if w not in summarizer._stop_words})
        return {w: i for i, w in enumerate(unique)}

    return create


def to_sumy_document(article: Article):
    """A sumy document of the article's body (title as heading), and a map back to our sentences:
    its first sentences only, within MAX_SENTENCES and MAX_CHARACTERS (always at least one)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = VietnameseTokenizer()
    ours: dict[int, Sentence] = {}
    paragraphs = [Paragraph([SumySentence(article.title, tokenizer, is_heading=True)])]
    sentences_left, characters_left = MAX_SENTENCES, MAX_CHARACTERS
    for para in article.paragraphs:
        if para.heading:
            continue
        converted = []
        for sentence in para.sentences:
            if sentences_left <= 0 or (len(sentence.text) > characters_left and ours):
                break
            sumy_sentence = SumySentence(sentence.text, tokenizer)
            ours[id(sumy_sentence)] = sentence
            converted.append(sumy_sentence)
            sentences_left -= 1
            characters_left -= len(sentence.text)
        if converted or not para.sentences:
            paragraphs.append(Paragraph(converted))
        if len(converted) < len(para.sentences):
            break
    return ObjectDocumentModel(paragraphs), ours
