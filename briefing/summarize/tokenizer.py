"""A Vietnamese tokenizer that sumy accepts.

sumy's own ``Tokenizer`` needs NLTK's punkt data, which is a download; this one
needs nothing: sentences come from :mod:`briefing.sentences`, words are syllables
in matching form (lower case, one tone-mark style).
"""

from __future__ import annotations

from briefing.text import sentences
from briefing.text.normalize import match_form, syllables



class VietnameseTokenizer:
    language = "vietnamese"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentences.split(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(syllables(sentence))


# Cue words for Edmundson's method, as syllables: decisions and results are
# what a meeting summary must keep; greetings and scene-setting are not.
BONUS_WORDS = frozenset(
    match_form(w)
    for w in """mục tiêu chỉ tiêu chủ đề phương châm nhiệm vụ kết quả tăng trưởng đạt
    phấn đấu kết luận nhấn mạnh khẳng định yêu cầu quyết định thông qua giải pháp""".split()
)
STIGMA_WORDS = frozenset(
    match_form(w) for w in """chúc mừng tặng hoa chụp ảnh dự có các đồng chí tham dự""".split()
)
