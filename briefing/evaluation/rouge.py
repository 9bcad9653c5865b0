"""ROUGE-1, ROUGE-2 and ROUGE-L F1 with tokens Vietnamese can use.

Common ROUGE packages keep only ``[a-z0-9]`` by default and so drop most
Vietnamese letters; here tokens are NFC, lower-case, one tone-mark style,
syllables ``\\w+``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from briefing.text.normalize import syllables


@dataclass(frozen=True)
class Scores:
    rouge1: float
    rouge2: float
    rougeL: float


def tokens(text: str) -> list[str]:
    return syllables(text)


def score(candidate: str, reference: str) -> Scores:
    cand, ref = tokens(candidate), tokens(reference)
    return Scores(_ngram_f1(cand, ref, 1), _ngram_f1(cand, ref, 2), _lcs_f1(cand, ref))


def _f1(overlap: int, cand_total: int, ref_total: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / cand_total, overlap / ref_total
    return 2 * precision * recall / (precision + recall)


def _ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def _ngram_f1(cand: list[str], ref: list[str], n: int) -> float:
    c, r = _ngrams(cand, n), _ngrams(ref, n)
    overlap = sum((c & r).values())
    return _f1(overlap, sum(c.values()), sum(r.values()))


def _lcs_f1(cand: list[str], ref: list[str]) -> float:
    return _f1(_lcs_length(cand, ref), len(cand), len(ref))


def _lcs_length(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]
