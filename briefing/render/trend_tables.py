"""Trends across years (briefing.trends) as terminal tables, Markdown or JSON: for each place, its
indicators' targets and results by year with their mark and sources, then its themes by year."""

from __future__ import annotations

from dataclasses import asdict

from briefing.compare import FigureRow
from briefing.pack import source_name
from briefing.render.flag_text import trend_mark
from briefing.render.labels import labels
from briefing.render.tables import grid_table, markdown_table
from briefing.render.visible import json_text
from briefing.text.writing import figure_text, first_few
from briefing.trends import Trend, outcome

SOURCES_NAMED = 3  # articles named for one row in a table; JSON lists them all


def trends_output(found: list[Trend], fmt: str, lang: str = "vi") -> str:
    """``found`` as ``fmt`` asks: "json", "md" (Markdown) or "table" (terminal tables)."""
    if fmt == "json":
        return trends_json(found, lang)
    return trends_table(found, markdown=fmt == "md", lang=lang)


def trends_table(found: list[Trend], markdown: bool = False, lang: str = "vi") -> str:
    t = labels(lang)
    if not found:
        return f"{t['none']}\n"
    parts = []
    for trend in found:
        place = trend.place or t["whole_country"]
        parts.append(f"{'## ' if markdown else ''}{t['trend_of'].format(place=place)} "
                     f"({', '.join(map(str, trend.years))})")
        rows = [[t["indicator_names"][row.indicator], str(row.year), figure_text(row.target, row.unit, lang),
                 figure_text(row.result, row.unit, lang), trend_mark(row, lang), _sources(row)]
                for rows in trend.figures.values() for row in rows]
        themes = [[str(th.year), t[th.kind], th.text] for th in trend.themes]
        grid = (lambda header, body, whole=frozenset(): markdown_table(header, body, t["none"])) if markdown else (
            lambda header, body, whole=frozenset(): grid_table(header, body, None, f"  {t['none']}", whole))
        if rows:
            parts.append(grid([t["indicator"], t["year"], t["target"], t["result"], t["mark"], t["row_sources"]], rows))
        if themes:
            parts.append(grid([t["year"], t["kind"], t["slogan"]], themes))
    return "\n\n".join(parts) + "\n"


def trends_json(found: list[Trend], lang: str = "vi") -> str:
    t = labels(lang)
    return json_text({"trends": [{
        "place": trend.place,
        "years": trend.years,
        "figures": [{"indicator": row.indicator, "label": t["indicator_names"][row.indicator], "year": row.year,
                     "unit": row.unit, "target": _cell(row.target, row.unit, lang),
                     "result": _cell(row.result, row.unit, lang), "mark": outcome(row)}
                    for rows in trend.figures.values() for row in rows],
        "themes": [asdict(th) for th in trend.themes],
    } for trend in found]})


def _sources(row: FigureRow) -> str:
    names = list(dict.fromkeys(source_name(s) for c in (row.target, row.result) if c for s in c.articles))
    return first_few(names, SOURCES_NAMED, "; ", " … +")


def _cell(cell, unit: str, lang: str) -> dict | None:
    if cell is None:
        return None
    return {"value": cell.value, "value_max": cell.value_max, "comparator": cell.comparator,
            "text": figure_text(cell, unit, lang), "sentence": cell.sentence, "sources": list(cell.articles)}
