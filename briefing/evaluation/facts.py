"""Score extracted facts against facts a person wrote down, as precision and recall.

Expected facts live in JSON files (see tests/data/expected/README.md). A theme
matches when its watchwords, kind, year and scope agree; a figure matches when
indicator, kind, year, place and unit agree and its value (and range end) is
within half a percent. Meeting metadata is scored field by field (level,
place, year reviewed, year planned): the share of fields right.

The annotated articles are split once, by a hash of the file name, into a
tuning half (whose errors may be looked at while changing rules) and a check
half (which is only ever scored): the check half's figures are what a new
article can expect.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.text.slogans import slogan_key
from briefing.extract.facts import ArticleFacts
from briefing.text.gazetteer import lookup

TOLERANCE = 0.005
HALVES = ("tuning", "check")
ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected"  # one JSON file of hand-written facts per article
# Where the annotated articles are: the seeds in the repository, the rest read in place from ../shared/eval.
EVAL = ROOT.parent / "shared" / "eval"
ANNOTATED_FOLDERS = (ROOT / "seeds", EVAL / "meetings", EVAL / "pool", EVAL / "pool2")
ROUGE_FOLDER = EVAL / "rouge"  # its articles are named <name>.article.txt
METADATA_FIELDS = ("level", "locality", "review_year", "plan_year")


@dataclass
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    misses: list[str] = field(default_factory=list)  # readable lines for each error

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


@dataclass
class Score:
    themes: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)
    articles: int = 0
    metadata_right: int = 0
    metadata_fields: int = 0
    metadata_misses: list[str] = field(default_factory=list)

    @property
    def metadata(self) -> float:
        return self.metadata_right / self.metadata_fields if self.metadata_fields else 1.0


def annotation_stem(name: str) -> str:
    """The name an article's annotation goes by: its file name without folder and extension (and
    without the ".article" of the ROUGE set's "<name>.article.txt")."""
    return re.sub(r"(\.article)?\.(txt|md|html?|json)$", "", Path(name).name)


def expected_file(source: str) -> Path:
    """The expected-facts file of an article."""
    return EXPECTED / f"{annotation_stem(source)}.json"


def half_of(name: str) -> str:
    """ "tuning" or "check", fixed for a file name whatever its folder or extension."""
    return HALVES[hashlib.sha256(annotation_stem(name).encode("utf-8")).digest()[0] % 2]


def annotated_articles() -> list[Path]:
    """The article of every expected-facts file that is here (seeds in the repo, the rest in ../shared/eval)."""
    found = []
    for expected in sorted(EXPECTED.glob("*.json")):
        name = expected.stem + ".txt"
        places = [folder / name for folder in ANNOTATED_FOLDERS] + [ROUGE_FOLDER / f"{expected.stem}.article.txt"]
        found += [path for path in places if path.is_file()]
    return found


def as_published(text: str) -> str:
    """The article laid out as a news site prints it: its title, then its lead and body run into one
    paragraph (the evaluation articles put the lead apart and every sentence on its own line, a layout
    that hands the reader sentence and paragraph breaks no published page gives)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, blank, rest = text.strip("\n").partition("\n\n")
    if not blank:  # no blank line: the title is the first line
        title, _, rest = title.partition("\n")
    body = " ".join(line.strip() for line in rest.splitlines() if line.strip())
    return f"{title}\n\n{body}\n" if body else text


def load_expected(path: str | Path) -> dict:
    return json.loads(Path(path).read_text("utf-8"))


def score(pairs: list[tuple[ArticleFacts, dict]]) -> Score:
    result = Score()
    for facts, expected in pairs:
        result.articles += 1
        name = Path(facts.source).name
        _match(
            [_theme_key(t.text, t.kind, t.year, t.scope) for t in facts.themes],
            [_theme_key(t["text"], t["kind"], t["year"], t["scope"]) for t in expected["themes"]],
            lambda a, b: a == b,
            result.themes,
            name,
        )
        _match(
            [_figure(f.__dict__) for f in facts.figures],
            [_figure(f) for f in expected["figures"]],
            _same_figure,
            result.figures,
            name,
        )
        _score_metadata(facts, expected, result, name)
    return result


def _score_metadata(facts: ArticleFacts, expected: dict, result: Score, name: str) -> None:
    for key in METADATA_FIELDS:
        found, wanted = getattr(facts.info, key), expected[key]
        if key == "locality":
            found, wanted = _place(found), _place(wanted)
        result.metadata_fields += 1
        if found == wanted:
            result.metadata_right += 1
        else:
            result.metadata_misses.append(f"{key:<11} {name}: found {found!r}, wanted {wanted!r}")


def _place(name: str | None) -> str | None:
    place = lookup(name) if name else None
    return place.name if place else name


def _match(found: list, wanted: list, same, tally: Tally, name: str) -> None:
    unused = list(range(len(wanted)))
    for item in found:
        hit = next((i for i in unused if same(item, wanted[i])), None)
        if hit is None:
            tally.false_positive += 1
            tally.misses.append(f"extra   {name}: {item}")
        else:
            unused.remove(hit)
            tally.true_positive += 1
    for i in unused:
        tally.false_negative += 1
        tally.misses.append(f"missing {name}: {wanted[i]}")


def _theme_key(text: str, kind: str, year: int | None, scope: str) -> tuple:
    return (slogan_key(text), kind, year, scope)


def _figure(f: dict) -> dict:
    place = lookup(f["locality"]) if f.get("locality") else None
    keys = ("indicator", "kind", "year", "unit", "value", "value_max")
    return {k: f.get(k) for k in keys} | {"locality": place.name if place else None}


def _same_figure(a: dict, b: dict) -> bool:
    if any(a[k] != b[k] for k in ("indicator", "kind", "year", "unit", "locality")):
        return False
    if (a["value_max"] is None) != (b["value_max"] is None):
        return False
    return _close(a["value"], b["value"]) and (a["value_max"] is None or _close(a["value_max"], b["value_max"]))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)
