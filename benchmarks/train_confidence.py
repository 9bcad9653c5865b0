"""Train the confidence model of extracted figures on the tuning half, by cross-validation there only.

Run from the repository root:  .venv/bin/python benchmarks/train_confidence.py [--write]
(training needs numpy, which the summarisers bring already; applying the model needs nothing.)

1. Every annotated article of the tuning half is read by the rules, and every reading of a number as
   a figure becomes a candidate, labelled 1 when it matches a hand-written figure (indicator, kind,
   year, place, unit and value, as benchmarks/accuracy.py scores) and 0 otherwise.
2. A logistic regression over the candidates' features (briefing/extract/confidence.py) is scored by
   5-fold cross-validation over articles, for each setting (a set of features, FEATURE_SETS, and an
   L2 strength) and each mode: `filter` (the rules' figures above the threshold, which the pack's
   tables show; extract lists every rules' figure with its confidence) and `decide` (report any
   candidate above it). For each, the
   threshold is the one with the most recall at a cross-validated precision of at least 0.90 (else
   the best F1). The rules alone are scored too; the better of rules-only and learned is kept: the
   most recall among those reaching 0.90 precision while keeping 80% of the rules' recall, else the
   best F1 if it beats the rules' by at least 0.01, else the rules.
3. With the rules chosen, each figure's confidence is that of the setting with the lowest
   cross-validated log loss (with a model chosen, that model's), and apart from the decision the
   pack's tables, flags and charts may show only the rules' figures whose confidence reaches a
   threshold (`shown_from`; the others go to the annex): the one with the most cross-validated recall
   at a precision of at least 0.90, if it keeps half the rules' recall; else none (every figure is
   shown, and --min-confidence lets a reader choose one).
   Cross-validation is repeated over five splits into folds and summed, so that one split's luck
   does not decide.
4. With --write, the chosen model is fitted on the whole tuning half and written to
   briefing/data/confidence.json. The check half is never used for a choice: only the learning
   curve (of the chosen model, else the tables' threshold, else 0.8, trained on a quarter, half,
   three quarters and all of the tuning half) is scored on it, to size the next annotation effort.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass

import numpy as np

from briefing.evaluation.facts import HALVES, _figure, _same_figure, annotated_articles, expected_file, half_of, load_expected
from briefing.extract.confidence import DECIDE, FILTER, MODEL_FILE, RULES, features, rules_reported
from briefing.extract.facts import read_figures
from briefing.ingest.read import ArticleError, read_article

TARGET_PRECISION = 0.90
FOLDS = 5
# Cross-validation repeated over this many splits into folds, its counts summed: with one split, the
# threshold that clears 0.90 moved by a few hundredths whenever a rule moved a tuning figure or two.
REPEATS = 5
L2_STRENGTHS = (0.3, 1.0, 3.0, 10.0)
# The features a model may learn from, by family (the words of a name before "=", ":" or "<-"): all of
# them, or only the rules' verdict and how many figures the article reports. Few annotated figures are
# wrong, so hundreds of word features can learn those few: cross-validation chooses.
FEATURE_SETS = {"every feature": None, "reason and article": ("bias", "reason", "article")}
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 10)] + [round(0.01 * i, 2) for i in range(50, 100)]
CURVE = (0.25, 0.5, 0.75, 1.0)
KEPT_RECALL = 0.8  # of the rules' recall, that a model reaching the target precision must keep
SHOWN_RECALL = 0.5  # of the rules' recall, that the tables must keep: a table of one figure in ten is no pack
REFERENCE = 0.8  # a threshold a user may choose (--min-confidence 80), measured when none is shipped
BANDS = ((0.0, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))  # confidence bands whose figures are counted right
MIN_GAIN = 0.01  # of F1 over the rules' that a learned option must show: a figure or two is noise


def labelled(half: str) -> list[dict]:
    """Each article of ``half``: its candidates (features, rules' verdict, label, fact) and how many
    figures it should yield."""
    articles = []
    for path in annotated_articles():
        if half_of(path.name) != half:
            continue
        try:
            article = read_article(str(path))
        except ArticleError:
            continue
        info, context, _ = read_figures(article)
        expected = load_expected(expected_file(path.name))["figures"]
        wanted = [_figure(f) for f in expected]
        matched, rows, in_article = {}, [], rules_reported(context.candidates)
        for candidate in context.candidates:
            figure = candidate.figure
            fact = (figure.indicator, figure.kind, figure.year, figure.locality, figure.unit, figure.value, figure.value_max)
            if fact not in matched:
                found = _figure(figure.__dict__)
                hit = next((i for i, w in enumerate(wanted) if w is not None and _same_figure(found, w)), None)
                if hit is not None:
                    wanted[hit] = None
                matched[fact] = hit is not None
            rows.append({"names": features(candidate, info, in_article), "reported": candidate.reason is None,
                         "label": matched[fact], "fact": fact})
        articles.append({"name": path.name, "rows": rows, "expected": len(expected)})
    return articles


@dataclass(frozen=True)
class Setting:
    features: str  # a name of FEATURE_SETS
    l2: float

    def __str__(self) -> str:
        return f"{self.features}, l2 {self.l2}"

    def names(self, row: dict) -> list[str]:
        families = FEATURE_SETS[self.features]
        return row["names"] if families is None else [n for n in row["names"] if _family(n) in families]


SETTINGS = [Setting(features, l2) for features in FEATURE_SETS for l2 in L2_STRENGTHS]


def _family(name: str) -> str:
    return re.split(r"=|:|<-", name, maxsplit=1)[0]


def fit(rows: list[dict], setting: Setting) -> dict[str, float]:
    """Logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty,
    over the setting's features (a feature it leaves out has no weight, so applying the model needs
    no list of them)."""
    rows = [{**r, "names": setting.names(r)} for r in rows]
    l2 = setting.l2
    names = sorted({n for r in rows for n in r["names"]})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        x[i, [index[n] for n in r["names"]]] = 1.0
    y = np.array([1.0 if r["label"] else 0.0 for r in rows])
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[index["bias"]] = 0.0
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {n: round(float(w[i]), 4) for n, i in index.items()}


def confidence(weights: dict, names: list[str]) -> float:
    total = sum(weights.get(n, 0.0) for n in names)
    return 1 / (1 + np.exp(-np.clip(total, -30, 30)))


def tally(articles: list[dict], probabilities: list[list[float]], mode: str, threshold: float) -> tuple[int, int, int]:
    """(right, wrong, missed) of a decision over the articles, facts counted once per article."""
    right = wrong = wanted = 0
    for article, chances in zip(articles, probabilities):
        shown = {}
        for row, p in zip(article["rows"], chances):
            keep = row["reported"] if mode == RULES else p >= threshold and (row["reported"] or mode == DECIDE)
            if keep:
                shown[row["fact"]] = shown.get(row["fact"], False) or row["label"]
        right += sum(shown.values())
        wrong += len(shown) - sum(shown.values())
        wanted += article["expected"]
    return right, wrong, wanted - right


def precision_recall(counts: tuple[int, int, int]) -> tuple[float, float]:
    right, wrong, missed = counts
    return right / max(1, right + wrong), right / max(1, right + missed)


def fold_of(name: str, split: int = 0) -> int:
    return hashlib.sha256(f"fold:{split}:{name}".encode() if split else f"fold:{name}".encode()).digest()[0] % FOLDS


def repeated(articles: list[dict]) -> list[dict]:
    """The articles once for each split, in the order ``cross_validated`` gives its chances."""
    return articles * REPEATS


def cross_validated(articles: list[dict], setting: Setting) -> list[list[float]]:
    """Each candidate's chance, from a model that did not see its article, for each of REPEATS
    splits into folds: in the order of ``repeated(articles)``."""
    chances = []
    for split in range(REPEATS):
        these = [None] * len(articles)
        for fold in range(FOLDS):
            weights = fit([r for a in articles if fold_of(a["name"], split) != fold for r in a["rows"]], setting)
            for i, a in enumerate(articles):
                if fold_of(a["name"], split) == fold:
                    these[i] = [confidence(weights, r["names"]) for r in a["rows"]]
        chances += these
    return chances


def best_threshold(articles, chances, mode) -> tuple[float, float, float]:
    """(threshold, precision, recall): the lowest threshold reaching TARGET_PRECISION, else the best F1."""
    scored = [(t, *precision_recall(tally(articles, chances, mode, t))) for t in THRESHOLDS]
    good = [s for s in scored if s[1] >= TARGET_PRECISION and s[2] > 0]
    if good:
        return max(good, key=lambda s: (s[2], -s[0]))
    return max(scored, key=lambda s: 2 * s[1] * s[2] / max(1e-9, s[1] + s[2]))


def log_loss(articles: list[dict], chances: list[list[float]]) -> tuple[float, float]:
    """The mean log loss of the chances of the rules' figures, and that of the best constant chance
    (the share of them that are right): a confidence worth showing must beat the constant."""
    pairs = [(p, r["label"]) for a, c in zip(articles, chances) for r, p in zip(a["rows"], c) if r["reported"]]
    share = sum(y for _, y in pairs) / max(1, len(pairs))

    def loss(chance, right):
        return -np.log(max(1e-9, chance if right else 1 - chance))

    return (sum(loss(p, y) for p, y in pairs) / max(1, len(pairs)),
            sum(loss(share, y) for _, y in pairs) / max(1, len(pairs)))


def choose(articles: list[dict]) -> dict:
    rules_p, rules_r = precision_recall(tally(articles, [[0.0] * len(a["rows"]) for a in articles], RULES, 0))
    options = [{"mode": RULES, "setting": None, "threshold": 0.0, "precision": rules_p, "recall": rules_r}]
    chances, losses = {}, {}  # each setting's cross-validated chances, and their log loss and a constant's
    for setting in SETTINGS:
        chances[setting] = cross_validated(articles, setting)
        losses[setting] = log_loss(repeated(articles), chances[setting])
        for mode in (FILTER, DECIDE):
            threshold, p, r = best_threshold(repeated(articles), chances[setting], mode)
            options.append({"mode": mode, "setting": setting, "threshold": threshold, "precision": p, "recall": r})
    # Reaching the target precision counts only while most of the rules' recall is kept: a model
    # that shows one figure in a hundred is precise and useless.
    reaching = [o for o in options if o["precision"] >= TARGET_PRECISION and o["recall"] >= KEPT_RECALL * rules_r]
    better = [o for o in options if _f1(o) >= _f1(options[0]) + MIN_GAIN]  # options[0]: the rules
    chosen = max(reaching, key=lambda o: o["recall"]) if reaching else max(better or options[:1], key=_f1)
    # What the pack's tables show is chosen apart: the rules' figures whose confidence reaches a
    # threshold. The confidence is the setting whose chances are best on unseen articles (lowest
    # cross-validated log loss); its threshold, the one with the most recall at TARGET_PRECISION
    # (none if none reaches it). Choosing the setting by recall too would pick whichever one
    # happens to clear 0.90 by a figure, and change with every rule.
    best = min(losses, key=lambda setting: losses[setting][0])
    shown = next((o for o in options if o["mode"] == FILTER and o["setting"] == best
                  and o["precision"] >= TARGET_PRECISION and o["recall"] >= SHOWN_RECALL * rules_r), None)
    return {"options": options, "chosen": chosen, "shown": shown, "confidence": best, "chances": chances,
            "losses": losses}


def _f1(option: dict) -> float:
    p, r = option["precision"], option["recall"]
    return 2 * p * r / max(1e-9, p + r)


def report(tuning: list[dict], check: list[dict]) -> tuple[dict, list[str]]:
    """The cross-validated choice and the lines that show it: every option, the choice, and the
    learning curve of the best learned option on the check half."""
    result = choose(tuning)
    lines = [f"tuning half: {len(tuning)} articles, {sum(len(a['rows']) for a in tuning)} candidates, "
             f"{sum(a['expected'] for a in tuning)} hand-written figures",
             f"cross-validation on the tuning half ({FOLDS} folds by article, {REPEATS} splits), precision / recall:"]
    for o in result["options"]:
        lines.append(f"  {o['mode']:<7} {str(o['setting'] or '-'):<29} threshold {o['threshold']:<5} "
                     f"{o['precision']:.3f} / {o['recall']:.3f}")
    for setting, (learned, constant) in result["losses"].items():  # does the confidence tell right from wrong unseen?
        lines.append(f"  log loss of the confidence of the rules' figures, {str(setting):<29} {learned:.3f} "
                     f"(a constant: {constant:.3f}; lower is better)")
    chosen, shown = result["chosen"], result["shown"]
    deciding = chosen["mode"] != RULES
    # the confidence a figure carries: the deciding model's, else the setting best on unseen articles
    carried = chosen["setting"] if deciding else result["confidence"]
    lines.append(f"chosen: {chosen['mode']} ({chosen['setting'] or 'no model'}, threshold {chosen['threshold']})")
    if chosen["mode"] == DECIDE:
        lines.append("shown in the pack's tables: every figure the learned decision reports")
    elif deciding:  # a filter: extract lists every rules' figure, the tables those it keeps
        lines.append(f"shown in the pack's tables: the filter's figures, confidence of at least {chosen['threshold']} "
                     f"({chosen['setting']}): {chosen['precision']:.3f} / {chosen['recall']:.3f}")
    elif shown:
        lines.append(f"shown in the pack's tables: confidence of at least {shown['threshold']} ({shown['setting']}): "
                     f"{shown['precision']:.3f} / {shown['recall']:.3f}")
    else:
        lines.append(f"shown in the pack's tables: every figure (no threshold reaches {TARGET_PRECISION} while keeping "
                     f"{SHOWN_RECALL:.0%} of the rules' recall)")
    chances = result["chances"][carried]  # what a reader's threshold would show
    for threshold in (0.7, 0.8, 0.9):
        p, r = precision_recall(tally(repeated(tuning), chances, FILTER, threshold))
        lines.append(f"  figures of confidence >= {threshold} ({carried}): {p:.3f} / {r:.3f}")
    # how often the rules' figures of each confidence are right on the check half (reported, never chosen on)
    weights = fit([r for a in tuning for r in a["rows"]], carried)
    pairs = [(confidence(weights, r["names"]), r["label"]) for a in check for r in a["rows"] if r["reported"]]
    bands = [(low, high, [y for p, y in pairs if low <= p < high]) for low, high in BANDS]
    lines.append("check half, the rules' figures right by confidence: " + "; ".join(
        f"{low}-{min(high, 1.0)}: {sum(b) / max(1, len(b)):.0%} of {len(b)}" for low, high, b in bands))
    # the curve of what a reader is shown: a learned decision's figures, else the tables' threshold,
    # else REFERENCE (what --min-confidence 80 shows)
    best = chosen if deciding else shown or {"mode": FILTER, "setting": result["confidence"], "threshold": REFERENCE}
    lines.append(f"learning curve of the {'reported figures' if best['mode'] == DECIDE else 'tables'} ({best['mode']} at "
                 f"{best['threshold']}, {best['setting']}), scored on the check half (precision / recall):")
    ordered = sorted(tuning, key=lambda a: hashlib.sha256(a["name"].encode()).hexdigest())
    for share in CURVE:
        part = ordered[: max(1, round(share * len(ordered)))]
        weights = fit([r for a in part for r in a["rows"]], best["setting"])
        chances = [[confidence(weights, r["names"]) for r in a["rows"]] for a in check]
        p, r = precision_recall(tally(check, chances, best["mode"], best["threshold"]))
        lines.append(f"  {share:>4.0%} of the tuning half ({len(part)} articles): {p:.3f} / {r:.3f}")
    return result, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the chosen model to {MODEL_FILE.name}")
    options = parser.parse_args()
    tuning, check = labelled(HALVES[0]), labelled(HALVES[1])
    result, lines = report(tuning, check)
    print("\n".join(lines))
    chosen, shown = result["chosen"], result["shown"]
    if options.write:
        # the rules deciding alone, each figure's confidence is of the L2 strength best on unseen articles
        setting = chosen["setting"] if chosen["mode"] != RULES else result["confidence"]
        weights = fit([r for a in tuning for r in a["rows"]], setting)
        MODEL_FILE.write_text(json.dumps({
            "mode": chosen["mode"], "threshold": chosen["threshold"], "features": setting.features, "l2": setting.l2,
            "shown_from": shown["threshold"] if shown and chosen["mode"] == RULES else None,
            "trained_on": f"tuning half: {len(tuning)} articles, {sum(a['expected'] for a in tuning)} figures",
            "cross_validated": {"precision": round(chosen["precision"], 3), "recall": round(chosen["recall"], 3)},
            "shown_cross_validated": {"precision": round(shown["precision"], 3), "recall": round(shown["recall"], 3)}
            if shown else None,
            "weights": dict(sorted(weights.items())),
        }, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    sys.exit(main())
