"""The default summary, built as a brief: what the meeting was, then what it decided.

1. **The opening.** In an article about a meeting, the first of its opening sentences that says
   what the meeting was (a meeting word and who held it: "Sáng 5/1, Chính phủ tổ chức Hội nghị …",
   "… chủ trì Hội nghị giao ban …") comes first, whatever its score.
2. **The decisions.** Then the sentences that state a figure or theme extraction reported, then the
   others, each group best score first (position, centrality and length, see ``position.py``).
3. **Never shown alone.** A sentence is skipped when it cannot stand without what it does not show:
   a verbless list of who attended ("Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; Thường trực …"), an
   opener that leans on the sentence before ("Đồng thời …", "Trên cơ sở đó …", "Theo đó …") unless
   that sentence is shown too, a task with no subject ("Tập trung chỉ đạo …"), or a fragment.

Sentences stay the article's own words; after the opening, in article order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.ingest.article import Article, Sentence
from briefing.summarize import NO_DECISIONS, Decisions
from briefing.summarize.position import WINDOW, sentence_scores
from briefing.text.normalize import syllables
from briefing.text.similarity import near_duplicate

LEADING_TIERS = (0, 1)  # a brief takes one theme sentence and one headline-figure sentence before anything else
OPENING_REACH = 4  # what the meeting was is said in its first sentences, or not at all
SHORT_LEAD = 15  # syllables; a first sentence this short rarely holds the point, so it is not taken blindly
SHORTEST = 6  # syllables; anything shorter is a fragment ("Kiên quyết không lùi bước.")

# Matching form (lower case, one tone style) throughout.
MEETING_WORDS = re.compile(
    r"\b(?:hội nghị|kỳ họp|phiên họp|cuộc họp|buổi làm việc|hội thảo|đại hội|lễ (?:phát động|công bố|khởi công))\b"
)
HELD_BY = re.compile(
    r"\b(?:tổ chức|chủ trì|khai mạc|diễn ra|bế mạc|làm việc với|dự và chỉ đạo)\b"
    r"|^(?:(?:sáng|chiều|tối|trưa) )?(?:ngày |hôm nay )?(?:\(?\d{1,2}[/-]\d{1,2})"  # "Ngày 29/12/2020, Hội nghị …"
)
# Openers that point back at the sentence before, with their comma: matched (at the start) on the
# matching form to tell, and on the text as written (any case) to drop; "…" stands for what is dropped.
LEANS_BACK = re.compile(
    r"(?:đồng thời|trên cơ sở đó|theo đó|bên cạnh đó|ngoài ra|điều này|cùng với đó|trong đó|do đó|vì vậy|"
    r"vì thế|tuy nhiên|mặt khác|như vậy|từ đó|qua đó|trên tinh thần đó|với (?:niềm tin tưởng|tinh thần) đó|"
    r"ngoài những|bên cạnh những|nhờ đó|song|nhưng)\b\s*,?\s*",
    re.IGNORECASE,
)
DROPPED_MARK = "… "
# A task listed with no subject, as a speech's list of directions is written.
SUBJECTLESS_TASK = re.compile(
    r"^(?:tập trung|tiếp tục|đẩy mạnh|nâng cao|tăng cường|chú trọng|quan tâm|ưu tiên|bám sát|siết chặt|"
    r"bảo đảm|đảm bảo|thúc đẩy|quản lý|chỉ đạo|nêu|phát huy|kiên quyết|thi đua|cho ý kiến|rà soát|xây dựng|"
    r"phát triển|khẩn trương|chủ động|quyết liệt|tích cực|hoàn thiện|đổi mới|bổ sung|đề nghị|yêu cầu|"
    r"nhấn mạnh|khẳng định|cần|phải|cho|là|được|sẽ|đã|đang)\b"
)
# Who attended, as a list: "Dự hội nghị có …", "Tại điểm cầu X, có các đồng chí …", "Các đồng chí …; …".
ATTENDANCE_LIST = re.compile(
    r"^(?:(?:cùng |tham )?dự(?: (?:hội nghị|buổi|lễ|kỳ họp|phiên|cuộc|tại|về)\b|\s*,|\s+có\b)|tại (?:các )?điểm cầu\b[^.]*?\bcó\b|các đồng chí\b[^.]*;|về phía\b|"
    r"đến dự\b|(?:có )?sự (?:tham dự|có mặt)\b)"
)


def brief(article: Article, count: int, decisions: Decisions = NO_DECISIONS) -> list[Sentence]:
    """``count`` sentences of ``article``: what the meeting was, then its decisions in article order.
    A sentence whose leading connective leans on one not shown is given without it, marked "…"."""
    candidates = article.sentences[:WINDOW]
    opening = _opening(candidates)
    chosen = [] if opening is None else [opening]
    ranked = _ranked(candidates, decisions)
    for i in ranked:
        if len(chosen) >= count:
            break
        if i not in chosen and _usable(candidates[i].key, i - 1 in chosen) and not any(
            near_duplicate(candidates[i].key, candidates[j].key) for j in chosen
        ):
            chosen.append(i)
    if len(chosen) < count:  # an article of nothing but lists and fragments: its best sentences anyway
        chosen += [i for i in ranked if i not in chosen]
    rest = sorted(i for i in chosen[:count] if i != opening)
    order = ([opening] if opening is not None else []) + rest
    return [_shown(candidates[i], i - 1 in order) for i in order]


def _ranked(candidates: list[Sentence], decisions: Decisions) -> list[int]:
    """Candidates in the order a brief takes them: the best theme sentence, the sentence with most
    headline figures, the other decisions, then everything else; best score first within each."""
    scores = sentence_scores(candidates)
    tier = {i: decisions[s.text] for i, s in enumerate(candidates) if s.text in decisions}
    firsts = [min((i for i in tier if tier[i][0] == t), key=lambda i: (tier[i][1], -scores[i]), default=None)
              for t in LEADING_TIERS]
    firsts = [i for i in firsts if i is not None]
    decided = sorted((i for i in tier if i not in firsts), key=lambda i: -scores[i])
    others = sorted((i for i in range(len(candidates)) if i not in tier), key=lambda i: -scores[i])
    return firsts + decided + others


def _usable(key: str, after_its_predecessor: bool) -> bool:
    return stands_alone(key, after_its_predecessor) or stands_alone(_drop_connective(key))


def _shown(sentence: Sentence, after_its_predecessor: bool) -> Sentence:
    """The sentence as the summary shows it: without a leading connective that leans on a sentence not shown."""
    if after_its_predecessor or not LEANS_BACK.match(sentence.key):
        return sentence
    rest = _drop_connective(sentence.text)
    if rest == sentence.text:
        return sentence
    return replace(sentence, text=DROPPED_MARK + rest)


def _drop_connective(text: str) -> str:
    """"Theo đó, vào ngày 25/11 …" → "vào ngày 25/11 …". What is left must still stand alone:
    "Đồng thời nêu giải pháp …" has no subject once "Đồng thời" goes."""
    m = LEANS_BACK.match(text)
    return text[m.end():] if m else text


def stands_alone(key: str, after_its_predecessor: bool = False) -> bool:
    """Whether a sentence (in matching form) can be shown without the sentences around it."""
    if ATTENDANCE_LIST.search(key) or len(syllables(key)) < SHORTEST:
        return False
    if SUBJECTLESS_TASK.search(key):
        return False
    return after_its_predecessor or not LEANS_BACK.match(key)


def says_what_the_meeting_was(key: str) -> bool:
    return bool(MEETING_WORDS.search(key) and HELD_BY.search(key)) and not ATTENDANCE_LIST.search(key)


def _opening(candidates: list[Sentence]) -> int | None:
    """What the meeting was; in other news, its first sentence that stands alone (news puts the point first)."""
    first = candidates[:OPENING_REACH]
    meeting = next((i for i, s in enumerate(first) if says_what_the_meeting_was(s.key)), None)
    if meeting is not None:
        return meeting
    return next((i for i, s in enumerate(first) if _usable(s.key, False) and len(syllables(s.key)) >= SHORT_LEAD), None)
