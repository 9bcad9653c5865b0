"""How likely one reading of a number is a fact as stated: a linear model over the reading's parts,
its evidence, the words of its sentence and how many figures its article reports, learned from the
tuning half of the hand annotations (``benchmarks/train_confidence.py``) and applied here in plain
Python. Training chooses which of these features the model uses, by cross-validation on the tuning
half (a feature the shipped model leaves out has no weight in it); confidence.json says which it is.

Every number the rules read as a figure is a candidate, reported or set aside (``Context.candidates``).
The model gives each a confidence; the trained model's ``mode`` says what it decides: ``rules``, the
rules decide and the model's confidence rides along (with no model file, none); ``filter``, the
rules' figures are all reported, each with its confidence, and those under the model's threshold are
held back from the pack's tables; ``decide``, any candidate whose confidence reaches the threshold is
reported. The mode was chosen by cross-validation on the tuning half.

The confidence a figure needs to stand in the pack's tables, flags and charts (``tables_from``): a
filter's threshold; with the rules deciding, ``shown_from``, a threshold cross-validation on the
tuning half found to reach a precision of 0.90 while keeping half the rules' recall, or None (every
figure). A reader may choose another (--min-confidence); the figures under it stay in the annex's
"figures not attributed", with their sentence (``held_back``), and stay figures everywhere else
(the weekly pack's revised targets, the reports of one meeting merged).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from briefing.extract.figures import Candidate, Figure, Unattributed, fact_key
from briefing.extract.indicators import INDICATORS
from briefing.extract.owner import CONDITION_AFTER, FORECASTER, HYPOTHETICAL, ORGANISATION
from briefing.extract.stance import AVERAGE, FORECAST_CUES, PART_YEAR, RESULT_CUES, TARGET_CUES
from briefing.text.normalize import match_form
from briefing.text.numbers import find_quantities

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "confidence.json"
RULES, FILTER, DECIDE = "rules", "filter", "decide"
LOW_CONFIDENCE = "low confidence"  # the reason a figure is left to the annex (its confidence is in the JSON)

# Words of a figure's sentence that tell for or against it being a fact as stated; each is one feature.
SENTENCE_CUES = {
    "target words": TARGET_CUES, "result words": RESULT_CUES, "forecast": FORECAST_CUES,
    "part of a year": PART_YEAR, "average": AVERAGE, "forecaster": FORECASTER, "organisation": ORGANISATION,
    "hypothetical": HYPOTHETICAL, "condition": CONDITION_AFTER,
}


@dataclass(frozen=True)
class Model:
    mode: str
    threshold: float
    weights: dict  # feature → weight; "bias" included
    shown_from: float | None = None  # the confidence a figure needs to stand in the pack's tables

    @property
    def tables_from(self) -> float | None:
        """The confidence a figure needs to stand in the pack's tables (None: every figure)."""
        return self.threshold if self.mode == FILTER else self.shown_from if self.mode == RULES else None

    def confidence(self, names: list[str]) -> float:
        total = sum(self.weights.get(name, 0.0) for name in names)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


RULES_ONLY = Model(RULES, 0.0, {})


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model shipped with the package (rules only when there is none)."""
    try:
        data = json.loads(MODEL_FILE.read_text("utf-8"))
        shown_from = data.get("shown_from")
        return Model(data["mode"], float(data["threshold"]), {str(k): float(v) for k, v in data["weights"].items()},
                     float(shown_from) if shown_from is not None else None)
    except (OSError, ValueError, KeyError, TypeError):
        return RULES_ONLY


# How many figures the rules report in the whole article, in bands: a meeting's report states many,
# an article that mentions a figure in passing one or two, and those are more often someone else's.
ARTICLE_BANDS = ((0, "no figure"), (1, "one figure"), (3, "two or three figures"),
                 (math.inf, "four or more figures"))


def features(candidate: Candidate, info, reported: int) -> list[str]:
    """The names of the features a candidate has (each counts 1); ``reported`` is how many figures
    the rules report in its article (``rules_reported``)."""
    figure, reason, position = candidate.figure, candidate.reason, candidate.position
    names = ["bias", f"reason={reason or 'reported'}", _article_feature(reported), f"indicator={figure.indicator}",
             f"kind={figure.kind}", f"unit={figure.unit}", f"comparator={figure.comparator}",
             f"kind={figure.kind}|reason={reason or 'reported'}",
             f"indicator={figure.indicator}|kind={figure.kind}", f"level={info.level}",
             "first number" if position == 0 else "a later number"]
    names += [f"{attribute}<-{source}" for attribute, source in figure.evidence]
    names.append(_year_feature(figure.year, info))
    names.append(_owner_feature(figure.locality, info))
    names += _sentence_cues(figure.sentence)
    names.append("long sentence" if len(figure.sentence) > 300 else "short sentence")
    # The words next to the number: "tăng 769 xã", "(43,02%)", "so với năm 2017", "còn 10 xã".
    names += [f"word {i - len(candidate.before)}: {w}" for i, w in enumerate(candidate.before)]
    names += [f"word +{i + 1}: {w}" for i, w in enumerate(candidate.after)]
    if candidate.before:
        names.append(f"words before: {' '.join(candidate.before[-2:])}")
    low, high = INDICATORS[figure.indicator].plausible.get(figure.unit, (-math.inf, math.inf))
    if not all(low <= v <= high for v in (figure.value, figure.value_max) if v is not None):
        names.append("implausible value")
    return names


@lru_cache(maxsize=64)
def _sentence_cues(sentence: str) -> tuple[str, ...]:
    """The SENTENCE_CUES a sentence has, read once for all the figures it states (a sentence of a long
    article with no full stop, cut at 1,500 characters, states many)."""
    key = match_form(sentence)
    return tuple(f"sentence: {name}" for name, pattern in SENTENCE_CUES.items() if pattern.search(key))


def _article_feature(reported: int) -> str:
    return "article: " + next(name for most, name in ARTICLE_BANDS if reported <= most) + " reported"


def rules_reported(candidates: list[Candidate]) -> int:
    """How many figures the rules report in an article (a fact stated twice counts once)."""
    return len({fact_key(c.figure) for c in candidates if c.reason is None})


def _year_feature(year: int | None, info) -> str:
    if year is None:
        return "year=none"
    if year == info.plan_year:
        return "year=plan year"
    if year == info.review_year:
        return "year=review year"
    if not info.date:
        return "year=no meeting date"
    gap = year - int(info.date[:4])
    return f"year=meeting year{gap:+d}" if -2 <= gap <= 2 else "year=far from the meeting"


def _owner_feature(locality: str | None, info) -> str:
    if locality is None:
        return "owner=nation" if info.level == "national" else "owner=none"
    return "owner=the meeting's place" if locality in (info.locality, info.bridge) else "owner=another place"


def decide(candidates: list[Candidate], info, model: Model | None = None) -> tuple[list[Figure], list[Unattributed]]:
    """A ``decide`` model's figures: every candidate whose confidence reaches its threshold, each with
    that confidence, and the rules' figures it sets aside for a low one. A fact stated twice is
    reported, or set aside, once; a reading of it left below the threshold decides nothing, so the
    same fact stated surely in another sentence is still reported."""
    model = model or shipped_model()
    reported, set_aside, seen = [], [], set()
    in_article = rules_reported(candidates)
    for candidate in candidates:
        fact = fact_key(candidate.figure)
        if fact in seen:
            continue
        confidence = round(model.confidence(features(candidate, info, in_article)), 3)
        if confidence >= model.threshold:
            reported.append(replace(candidate.figure, confidence=confidence))
        elif candidate.reason is None:
            set_aside.append(left_out(candidate.figure))
        else:
            continue
        seen.add(fact)
    return reported, set_aside


def with_confidence(figures: list[Figure], candidates: list[Candidate], info, model: Model | None = None) -> list[Figure]:
    """The rules' figures as they are, each with the model's confidence in it (the rules decide). Each
    figure is the very object of its candidate, which the features are read from."""
    model = model or shipped_model()
    in_article = rules_reported(candidates)
    chances = {id(c.figure): model.confidence(features(c, info, in_article)) for c in candidates if c.reason is None}
    return [replace(f, confidence=round(chances[id(f)], 3)) if id(f) in chances else f for f in figures]


def shown_from(percent: int | None) -> float | None:
    """The confidence a figure needs to stand in the pack's tables: ``percent`` (0-100) when a user
    chose one (--min-confidence), else the shipped model's ``tables_from`` (None: every figure)."""
    return percent / 100 if percent is not None else shipped_model().tables_from


def held_back(figures: list[Figure], threshold: float | None) -> tuple[list[Figure], list[Unattributed]]:
    """The figures the pack's tables, flags and charts show (a confidence of at least ``threshold``,
    or none known), and the others as numbers for the annex, with their sentence."""
    if not threshold:
        return figures, []
    shown = [f for f in figures if f.confidence is None or f.confidence >= threshold]
    return shown, [left_out(f) for f in figures if f.confidence is not None and f.confidence < threshold]


def left_out(figure: Figure) -> Unattributed:
    """A figure held back, as the annex lists it: its number as written, its indicator, why, its sentence."""
    return Unattributed(_number_text(figure), figure.indicator, LOW_CONFIDENCE, figure.sentence)


def _number_text(figure: Figure) -> str:
    """The figure's number as its sentence writes it ("17.500 tỷ đồng"), as the annex quotes numbers."""
    for quantity in find_quantities(figure.sentence):
        if quantity.value == figure.value and quantity.value_max == figure.value_max:
            return quantity.text
    value = f"{figure.value:g}" + (f"-{figure.value_max:g}" if figure.value_max is not None else "")
    return f"{value} {figure.unit}"  # a figure read as another unit ("vượt 8% dự toán": 108% of plan)
