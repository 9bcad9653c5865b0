"""Meeting facts and comparisons as JSON, Markdown or plain-text tables."""

from __future__ import annotations

import json
from dataclasses import asdict

from briefing.compare import Comparison, FigureRow
from briefing.extract.facts import ArticleFacts
from briefing.text.writing import figure_value


def facts_json(meetings: list[ArticleFacts]) -> str:
    return json.dumps({"meetings": [m.as_json() for m in meetings]}, ensure_ascii=False, indent=2) + "\n"


def facts_table(meetings: list[ArticleFacts]) -> str:
    blocks = []
    for m in meetings:
        info = m.info
        head = [m.title, f"  {info.date or '?'} · {info.level or '?'} · {info.locality or 'cả nước'} · {m.source}"]
        if info.bridge:
            head.append(f"  điểm cầu: {info.bridge}")
        if info.officials:
            head.append("  chủ trì: " + "; ".join(f"{o['title']} {o['name']}" for o in info.officials))
        rows = [[t.kind, str(t.year or ""), t.scope, t.text] for t in m.themes]
        rows += [
            [f.kind, str(f.year or ""), f.locality or "cả nước", f"{f.indicator}: {_value(f)}"] for f in m.figures
        ]
        blocks.append("\n".join(head) + ("\n" + _grid(["kind", "year", "scope/place", "fact"], rows) if rows else "\n  (no themes or figures)"))
    return "\n\n".join(blocks) + "\n"


def comparison_json(comparison: Comparison) -> str:
    data = {
        "meetings": [asdict(g) for g in comparison.meetings],
        "themes": [asdict(t) for t in comparison.themes],
        "persistent_words": [{"word": w, "years": y} for w, y in comparison.persistent_words],
        "figures": [_row_json(r) for r in comparison.figures],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def comparison_table(comparison: Comparison, markdown: bool = False) -> str:
    grid = _markdown if markdown else _grid
    theme_rows = [
        [str(t.year or ""), t.scope if t.scope == "national" else (t.locality or "local"), t.kind,
         t.text + (" (+ variant)" if t.variants else ""), str(len(t.sources))]
        for t in comparison.themes
    ]
    figure_rows = [
        [r.indicator, r.locality or "cả nước", str(r.year or ""), _cell_text(r.target, r.unit),
         _cell_text(r.result, r.unit), ", ".join(r.flags)]
        for r in comparison.figures
    ]
    words = ", ".join(f"{w} ({', '.join(map(str, y))})" for w, y in comparison.persistent_words) or "none"
    title = "## " if markdown else ""
    parts = [
        f"{title}Themes and mottos by year",
        grid(["year", "whose", "kind", "slogan", "articles"], theme_rows),
        f"{title}Watchwords that persist across years\n{words}",
        f"{title}Targets and results",
        grid(["indicator", "place", "year", "target", "result", "flags"], figure_rows),
    ]
    return "\n\n".join(parts) + "\n"


def history_table(runs, running_now: bool = False) -> str:
    """Recent runs: when, status, new/total articles, report (or error), duration.

    A run still marked 'running' when no run holds the lock was killed: it is
    shown as 'interrupted' (the next run records it so).
    """

    def count(value):
        return "-" if value is None else str(value)

    def status(run):
        return "interrupted" if run.status == "running" and not running_now else run.status

    rows = [
        [r.started.replace("T", " ")[:19], status(r), f"{count(r.new_articles)}/{count(r.total_articles)}",
         r.output or (r.error or "")[:60], f"{r.duration:.1f} s" if r.duration is not None else ""]
        for r in runs
    ]
    return _grid(["when (UTC)", "status", "new/total", "report or error", "duration"], rows)


def _row_json(row: FigureRow) -> dict:
    data = asdict(row)
    data["target"] = asdict(row.target) if row.target else None
    data["result"] = asdict(row.result) if row.result else None
    return data


def _value(f) -> str:
    return figure_value(f.value, f.value_max, f.unit, f.comparator, f.of)


def _cell_text(cell, unit: str) -> str:
    return figure_value(cell.value, cell.value_max, unit, cell.comparator, cell.of) if cell else ""


def _grid(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "  (none)"
    widths = [min(60, max(len(str(x)) for x in col)) for col in zip(header, *rows)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    return "\n".join(lines)


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "(none)"
    escape = lambda s: str(s).replace("|", "\\|")  # noqa: E731
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
