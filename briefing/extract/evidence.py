"""Where each decided part of a figure came from: the vocabulary of ``Figure.evidence``, named once.

A figure's evidence pairs each part (indicator, kind, year, owner) with one of these sources; the
values are the words ``extract --format json`` writes, and the pack's labels translate them.
"""

# The indicator
OWN_WORDS = "its own words"
FIGURE_BEFORE = "the figure before it"  # also the year, shared with the figure before in its sentence
SENTENCE_BEFORE = "the sentence before"  # also the year, the one the sentences before spoke of
# The kind, target or result
WORDING = "its wording"
ITS_INDICATOR = "its indicator"  # an indicator that is always a result (indicators met)
PLAN_YEAR = "the meeting's plan year"
NO_TARGET_WORD = "no target word"
# The year
CLAUSE = "its clause"
CLAUSE_RELATIVE = "its clause, relative to the meeting"  # "năm nay", "năm qua"
SAME_PERIOD = "its clause: the same period a year before"  # "(cùng kỳ tăng 8,05%)", also its kind
SENTENCE = "its sentence"  # also the owner, a province named in it
LIST_HEADER = "a list header"  # "Các chỉ tiêu chủ yếu năm 2019 gồm:", also its kind
REVIEW_YEAR = "the meeting's review year"
MEETING_DATE = "the meeting's date"
DISCUSSED_YEAR = "the year the article speaks of"
NONE = "none"  # also the owner
# The owner
MEETING = "the meeting"
RECENT_PLACE = "a sentence before"
PLACE_ABOUT = "the place the article is about"
NATIONAL_IN_CLAUSE = "national words in its clause"
NATIONAL_AFTER = "national words after it"
BRIDGE = "the province watching from its bridge"

# Sources outside the figure's own sentence: the pack's annex lists those figures for the reader to check.
BORROWED = frozenset({SENTENCE_BEFORE, FIGURE_BEFORE, RECENT_PLACE, DISCUSSED_YEAR, MEETING_DATE, BRIDGE,
                      LIST_HEADER, PLACE_ABOUT})
