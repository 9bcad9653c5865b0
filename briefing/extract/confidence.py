"""How likely one reading of a number is a fact as stated: a linear model over the reading's parts,
its evidence and the words of its sentence, learned from the tuning half of the hand annotations
(``benchmarks/train_confidence.py``) and applied here in plain Python.

Every number the rules read as a figure is a candidate, reported or set aside (``Context.candidates``).
The model gives each a confidence; what is reported depends on the trained model's ``mode``:
``filter`` reports the rules' figures whose confidence reaches the threshold, ``decide`` reports any
candidate that does, and ``rules`` (or no model file) reports what the rules report. The threshold
and the mode were chosen by cross-validation on the tuning half for precision of at least 0.90.
Figures below it stay in the annex's "figures not attributed", with their sentence.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from briefing.extract.figures import Candidate, Figure, Unattributed
from briefing.extract.indicators import INDICATORS
from briefing.extract.owner import CONDITION_AFTER, FORECASTER, HYPOTHETICAL, ORGANISATION
from briefing.extract.stance import AVERAGE, FORECAST_CUES, PART_YEAR, RESULT_CUES, TARGET_CUES
from briefing.text.normalize import match_form

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "confidence.json"
RULES, FILTER, DECIDE = "rules", "filter", "decide"
LOW_CONFIDENCE = "low confidence ({:.2f})"  # the reason a set-aside reading is given in the annex

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

    def confidence(self, names: list[str]) -> float:
        total = sum(self.weights.get(name, 0.0) for name in names)
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


RULES_ONLY = Model(RULES, 0.0, {})


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model shipped with the package (rules only when there is none)."""
    try:
        data = json.loads(MODEL_FILE.read_text("utf-8"))
        return Model(data["mode"], float(data["threshold"]), {str(k): float(v) for k, v in data["weights"].items()})
    except (OSError, ValueError, KeyError, TypeError):
        return RULES_ONLY


def features(candidate: Candidate, info) -> list[str]:
    """The names of the features a candidate has (each counts 1)."""
    figure, reason, position = candidate.figure, candidate.reason, candidate.position
    names = ["bias", f"reason={reason or 'reported'}", f"indicator={figure.indicator}", f"kind={figure.kind}",
             f"unit={figure.unit}", f"comparator={figure.comparator}", f"kind={figure.kind}|reason={reason or 'reported'}",
             f"indicator={figure.indicator}|kind={figure.kind}", f"level={info.level}",
             "first number" if position == 0 else "a later number"]
    names += [f"{attribute}<-{source}" for attribute, source in figure.evidence]
    names.append(_year_feature(figure.year, info))
    names.append(_owner_feature(figure.locality, info))
    key = match_form(figure.sentence)
    names += [f"sentence: {name}" for name, pattern in SENTENCE_CUES.items() if pattern.search(key)]
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
    """The figures to report, each with its confidence, and the rules' figures set aside for a low one."""
    model = model or shipped_model()
    reported, set_aside, seen = [], [], set()
    for candidate in candidates:
        figure, reason = candidate.figure, candidate.reason
        confidence = round(model.confidence(features(candidate, info)), 3)
        wanted = confidence >= model.threshold and (reason is None or model.mode == DECIDE)
        fact = _fact(figure)
        if wanted and fact not in seen:
            reported.append(replace(figure, confidence=confidence))
        elif reason is None and not wanted and fact not in seen:
            set_aside.append(Unattributed(_number_text(figure), figure.indicator, LOW_CONFIDENCE.format(confidence),
                                          figure.sentence))
        seen.add(fact)  # a fact stated twice is reported, or set aside, once
    return reported, set_aside


def _fact(figure: Figure) -> tuple:
    return (figure.indicator, figure.kind, figure.year, figure.locality, figure.unit, figure.value, figure.value_max)


def _number_text(figure: Figure) -> str:
    value = f"{figure.value:g}" + (f"-{figure.value_max:g}" if figure.value_max is not None else "")
    return f"{value} {figure.unit}"
