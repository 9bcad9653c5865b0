"""Meeting facts for one article: metadata, themes and mottos, figures, as the JSON contract."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, fields, replace

from briefing.extract.confidence import DECIDE, RULES, Model, decide, held_back, shipped_model, with_confidence
from briefing.extract.dates import discussed_year
from briefing.extract.figures import Context, Figure, Unattributed, find_figures
from briefing.extract.indicators import HEADLINE_INDICATORS
from briefing.extract.metadata import Metadata, meeting_name, read_metadata
from briefing.extract.themes import Theme, find_themes
from briefing.ingest.article import Article


@dataclass
class ArticleFacts:
    source: str
    title: str
    info: Metadata
    themes: list[Theme]
    figures: list[Figure]
    sha256: str = ""
    unattributed: list[Unattributed] = field(default_factory=list)  # numbers not reported, and why
    sources: list[str] = field(default_factory=list)  # every article reporting the meeting, once merged
    url: str | None = None  # a fetched or saved page's address, outlet and publication date
    outlet: str | None = None
    published: str | None = None

    @property
    def place(self) -> str | None:
        """The place its local themes are of: its own, else the province watching a national conference."""
        return self.info.locality or self.info.bridge

    @property
    def articles(self) -> list[str]:
        """The articles these facts come from: the merged meeting's, or this article alone."""
        return self.sources or [self.source]

    @property
    def decisions(self) -> dict[str, tuple[int, int]]:
        """The sentences the reported themes and figures were read from, ranked for a brief:
        sentence → (tier, rank in tier). Themes are tier 0; sentences with headline figures tier 1,
        the one with most of them first; other figures tier 2."""
        headline = Counter(f.sentence for f in self.figures if f.indicator in HEADLINE_INDICATORS)
        ranks = {f.sentence: (2, 0) for f in self.figures}
        ranks.update({sentence: (1, -count) for sentence, count in headline.items()})
        ranks.update({t.sentence: (0, 0) for t in self.themes})
        return ranks

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "sources": self.articles,
            "title": self.title,
            "date": self.info.date,
            "level": self.info.level,
            "locality": self.info.locality,
            "bridge": self.info.bridge,
            "review_year": self.info.review_year,
            "plan_year": self.info.plan_year,
            "officials": self.info.officials,
            "themes": [asdict(t) for t in self.themes],
            "figures": [_figure_json(f) for f in self.figures],
            "sha256": self.sha256,
            "unattributed": [asdict(u) for u in self.unattributed],
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
        }


def facts_from_json(data: dict) -> ArticleFacts:
    """The inverse of ArticleFacts.as_json, for the fact store; ValueError (or KeyError, TypeError)
    for a damaged payload, so the store treats it as a miss and the article is analysed again."""
    facts = _facts_from_json(data)
    for record in (facts, facts.info, *facts.themes, *facts.figures):
        _check_types(record)
    return facts


# What a stored field may hold, by its annotation: a payload edited by hand or damaged on disk
# ("date": 7) is refused here instead of failing later in a comparison or a sort.
STORED_TYPES = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,), "None": (type(None),)}


def _check_types(record) -> None:
    for item in fields(record):
        allowed = [STORED_TYPES.get(name.strip()) for name in str(item.type).split("|")]
        if None in allowed:
            continue  # a container: its items are records checked on their own
        value = getattr(record, item.name)
        if isinstance(value, bool) and bool not in [t for kinds in allowed for t in kinds]:
            raise ValueError(f"{item.name}: {value!r}")
        if not isinstance(value, tuple(t for kinds in allowed for t in kinds)):
            raise ValueError(f"{item.name}: {value!r}")


def _facts_from_json(data: dict) -> ArticleFacts:
    info = Metadata(
        date=data["date"], level=data["level"], locality=data["locality"], bridge=data.get("bridge"),
        review_year=data["review_year"], plan_year=data["plan_year"], officials=data["officials"],
    )
    return ArticleFacts(
        source=data["source"],
        title=data["title"],
        info=info,
        themes=[Theme(**{**t, "sources": tuple(t.get("sources", ()))}) for t in data["themes"]],
        figures=[_figure_from_json(f) for f in data["figures"]],
        sha256=data.get("sha256", ""),
        unattributed=[Unattributed(**u) for u in data.get("unattributed", [])],
        sources=list(data.get("sources", [])),
        url=data.get("url"), outlet=data.get("outlet"), published=data.get("published"),
    )


def _figure_from_json(data: dict) -> Figure:
    """A figure as extraction made it: numbers as floats (JSON writes 6e9 as 6000000000), sources a tuple."""
    numbers = {key: float(data[key]) for key in ("value", "value_max", "of", "confidence") if data.get(key) is not None}
    evidence = tuple((str(k), str(v)) for k, v in dict(data.get("evidence") or {}).items())
    return Figure(**{**data, **numbers, "sources": tuple(data.get("sources", ())), "evidence": evidence})


def _figure_json(figure: Figure) -> dict:
    data = asdict(figure)
    data["evidence"] = dict(figure.evidence)  # {"indicator": "its own words", "year": "the sentence before", …}
    if figure.confidence is None:
        del data["confidence"]
    if not figure.increment:
        del data["increment"]  # the key is written only for the rare increment, so level figures keep their shape
    for key in ("value", "value_max", "of"):
        if isinstance(data[key], float) and data[key].is_integer():
            data[key] = int(data[key])
    return data


def extract_article(article: Article, model: Model | None = None) -> ArticleFacts:
    """The article's meeting, themes and figures; ``model`` decides which readings of numbers are
    reported (default: the shipped one, ``confidence.py``; RULES_ONLY for what the rules report)."""
    info, context, figures = read_figures(article)
    model = model or shipped_model()
    if model.mode == DECIDE:
        figures, low = decide(context.candidates, info, model)
        context.set_aside += low
    elif model.weights:  # the rules' figures, each with the model's confidence (a filter acts on the tables)
        figures = with_confidence(figures, context.candidates, info, model)
    return ArticleFacts(
        source=article.source,
        title=article.title if article.headline else meeting_name(info) or article.title,
        info=info,
        themes=find_themes(article, info.level, info.plan_year or _current_year(info, article)),
        figures=figures,
        sha256=article.sha256,
        unattributed=context.set_aside,
        url=article.url, outlet=article.outlet, published=article.published,
    )


def shown_facts(facts: ArticleFacts, threshold: float | None) -> ArticleFacts:
    """The facts as a pack shows them: figures of a confidence below ``threshold`` (``confidence.held_back``)
    moved to the numbers not attributed, which the annex lists with their sentences."""
    figures, held = held_back(facts.figures, threshold)
    # held-back figures first: read in full, they matter more to a reader than numbers never attributed
    return replace(facts, figures=figures, unattributed=held + facts.unattributed) if held else facts


def read_figures(article: Article) -> tuple[Metadata, Context, list[Figure]]:
    """The article's meeting, the rules' figures, and every reading of a number as a figure
    (``context.candidates``) for the learned decision and its training."""
    info = read_metadata(article)
    context = Context(info.level, info.locality, info.bridge, info.review_year, info.plan_year, info.date,
                      visit=info.visit)
    return info, context, find_figures(article, context)


def _current_year(info: Metadata, article: Article) -> int | None:
    return int(info.date[:4]) if info.date else discussed_year(article)
