"""sumy's summarisers run on the Vietnamese tokenizer and stop words."""

from __future__ import annotations

from briefing.ingest.article import Article, Sentence
from briefing.summarize.tokenizer import BONUS_WORDS, STIGMA_WORDS, VietnameseTokenizer
from briefing.text.stopwords import stop_words

# Graph and matrix methods grow with the square of the sentence count; a very
# long file is summarised from its first sentences only.
MAX_SENTENCES = 400

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
    document, ours = to_sumy_document(article)
    chosen = build_summarizer(name)(document, count)
    return [ours[id(s)] for s in chosen]


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
    """A sumy document of the article's body (title as heading), and a map back to our sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = VietnameseTokenizer()
    ours: dict[int, Sentence] = {}
    paragraphs = [Paragraph([SumySentence(article.title, tokenizer, is_heading=True)])]
    budget = MAX_SENTENCES
    for para in article.paragraphs:
        if para.heading or budget <= 0:
            continue
        converted = []
        for sentence in para.sentences[:budget]:
            sumy_sentence = SumySentence(sentence.text, tokenizer)
            ours[id(sumy_sentence)] = sentence
            converted.append(sumy_sentence)
        budget -= len(converted)
        paragraphs.append(Paragraph(converted))
    return ObjectDocumentModel(paragraphs), ours
