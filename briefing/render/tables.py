"""Meeting facts and comparisons as JSON, Markdown or plain-text tables."""

from __future__ import annotations

import shutil
import textwrap
import unicodedata
from dataclasses import asdict
from datetime import datetime

from briefing.compare import Comparison, FigureRow
from briefing.extract.facts import ArticleFacts
from briefing.flags import Flag
from briefing.meetings.merged import Meeting
from briefing.pack import source_name
from briefing.render.flag_text import flag_label, flag_text
from briefing.render.labels import labels
from briefing.render.visible import json_text, md, visible
from briefing.text.writing import date_text, figure_text, number

GAP = "  "
NARROWEST = 8  # a column is never wrapped narrower than this


def facts_json(meetings: list[Meeting], lang: str = "vi") -> str:
    """Each meeting's facts; ``conflicts`` lists the figures its reports give differently (flags in ``lang``)."""
    data = [{**_cited_facts(m.facts.as_json()), "conflicts": [_flag_json(flag, row.unit, lang) for row, flag in m.conflicts]}
            for m in meetings]
    return json_text({"meetings": data})


def _cited_facts(facts: dict) -> dict:
    """Facts whose every theme and figure names the articles that state it: a one-article meeting's
    own article where merging named none (the contract: "sources" is never empty)."""
    for item in facts["themes"] + facts["figures"]:
        item["sources"] = list(item.get("sources") or facts["sources"])
    return facts


def facts_table(meetings: list[Meeting], lang: str = "vi", width: int | None = None) -> str:
    """Each meeting's metadata, then its themes and figures in one table, labelled in ``lang``."""
    t = labels(lang)
    blocks = []
    for m in meetings:
        header = [t["kind"], t["year"], t["place"], t["content"]] + ([t["in_reports"]] if m.articles else [])
        rows = _fact_rows(m.facts, t, lang, cited=bool(m.articles))
        blocks.append(_meeting_head(m, t, lang) + "\n" + grid_table(header, rows, width, empty=f"  {t['none']}"))
    return "\n\n".join(blocks) + "\n"


def _meeting_head(meeting: Meeting, t: dict, lang: str) -> str:
    """The meeting's title and metadata lines; what comes from an article or a file name is shown
    with its control characters written out, so each piece stays on its own line."""
    m, info = meeting.facts, meeting.facts.info
    level = t["levels"].get(info.level, info.level) if info.level else t["unknown"]
    when = date_text(info.date, lang) or t["unknown"]
    head = [m.title, f"  {when} · {level} · {info.locality or t['whole_country']}"]
    if meeting.articles:  # numbered, so that each fact can say which reports state it
        head += [f"  [{n}] {source}" for n, source in enumerate(m.articles, 1)]
    else:
        head[-1] += f" · {m.source}"
    if m.url:
        head.append(f"  {m.outlet + ' · ' if m.outlet else ''}{m.url}")
    if info.bridge:
        head.append(f"  {t['bridge']}: {info.bridge}")
    if info.officials:
        head.append(f"  {t['presided']}: " + "; ".join(f"{o['title']} {o['name']}" for o in info.officials))
    head += [f"  ! {flag_text(flag, row.unit, lang)}" for row, flag in meeting.conflicts]
    return "\n".join(visible(line) for line in head)


def _fact_rows(m: ArticleFacts, t: dict, lang: str, cited: bool = False) -> list[list[str]]:
    """One row per theme and figure; with ``cited``, a last column numbers the reports stating it."""
    place = m.place
    number = {source: str(n) for n, source in enumerate(m.articles, 1)}

    def reports(fact) -> list[str]:
        return [", ".join(number[s] for s in fact.sources)] if cited else []

    rows = [[t[th.kind], str(th.year or ""), _whose(th.scope, place, t), th.text, *reports(th)] for th in m.themes]
    rows += [
        [t[f.kind], str(f.year or ""), f.locality or t["whole_country"],
         f"{t['indicator_names'][f.indicator]}: {figure_text(f, lang=lang)}{_confidence(f, t, lang)}", *reports(f)]
        for f in m.figures
    ]
    return rows


def _confidence(figure, t: dict, lang: str) -> str:
    """" (độ tin cậy 0,86)": how sure the reading is, as JSON gives it; nothing when not known."""
    return "" if figure.confidence is None else f" ({t['confidence']} {number(figure.confidence, 2, lang)})"


def comparison_output(comparison: Comparison, fmt: str, lang: str = "vi") -> str:
    """The comparison as ``fmt`` asks: "json", "md" (Markdown tables) or "table" (terminal tables)."""
    if fmt == "json":
        return comparison_json(comparison, lang)
    return comparison_table(comparison, markdown=fmt == "md", lang=lang)


def comparison_json(comparison: Comparison, lang: str = "vi") -> str:
    """The comparison as JSON; each flag has its machine kind, its text in ``lang`` and the facts it compares."""
    data = {
        "meetings": [asdict(g) for g in comparison.meetings],
        "themes": [asdict(t) for t in comparison.themes],
        "persistent_words": [{"word": w, "years": y} for w, y in comparison.persistent_words],
        "figures": [_row_json(r, lang) for r in comparison.figures],
        "held_back": comparison.held_back,
    }
    return json_text(data)


def comparison_table(comparison: Comparison, markdown: bool = False, lang: str = "vi", width: int | None = None) -> str:
    """Themes by year, persistent watchwords, and figures with their flags, labelled in ``lang``."""
    t = labels(lang)

    def grid(header, rows):
        return markdown_table(header, rows, t["none"]) if markdown else grid_table(header, rows, width, empty=f"  {t['none']}")

    theme_rows = [
        [str(th.year or ""), _whose(th.scope, th.locality, t), t[th.kind],
         th.text + (f" (+ {t['variant']})" if th.variants else ""), str(len(th.sources))]
        for th in comparison.themes
    ]
    figure_rows = [
        [t["indicator_names"][r.indicator] + (f" ({t['counted'].get(r.counts, r.counts)})" if r.counts else ""),
         r.locality or t["whole_country"],
         str(r.year or ""),
         figure_text(r.target, r.unit, lang), figure_text(r.result, r.unit, lang), "; ".join(flag_text(f, r.unit, lang) for f in r.flags)]
        for r in comparison.figures
    ]
    shown = md if markdown else visible
    words = "; ".join(f"{shown(w)} ({', '.join(map(str, y))})" for w, y in comparison.persistent_words) or t["none"]
    title = "## " if markdown else ""
    parts = [
        f"{title}{t['themes']}",
        grid([t["year"], t["whose"], t["kind"], t["slogan"], t["articles"]], theme_rows),
        f"{title}{t['persistent']}\n{words}",
        f"{title}{t['figures']}",
        grid([t["indicator"], t["place"], t["year"], t["target"], t["result"], t["flags"]], figure_rows),
    ]
    if comparison.held_back:
        parts.append(t["held_back"].format(n=comparison.held_back))
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
        [_local_time(r.started), status(r), f"{count(r.new_articles)}/{count(r.total_articles)}",
         r.output or (r.error or "")[:60], f"{r.duration:.1f} s" if r.duration is not None else ""]
        for r in runs
    ]
    offset = datetime.now().astimezone().strftime("%z")
    # nothing is wrapped: a path cut in two cannot be copied, and the other cells are short
    return grid_table([f"when (UTC{offset[:3]}:{offset[3:]})", "status", "new/total", "report or error", "duration"], rows,
                 whole=set(range(5)))


def _local_time(stamp: str) -> str:
    """"2026-12-03 13:45:16": a run's start, recorded in UTC, in this machine's time zone."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp.replace("T", " ")[:19]


def _row_json(row: FigureRow, lang: str) -> dict:
    data = asdict(row)
    data["target"] = asdict(row.target) if row.target else None
    data["result"] = asdict(row.result) if row.result else None
    data["flags"] = [_flag_json(f, row.unit, lang) for f in row.flags]
    return data


def _flag_json(flag: Flag, unit: str, lang: str) -> dict:
    return {
        "kind": flag.kind,
        "label": flag_label(flag, lang),
        "text": flag_text(flag, unit, lang),
        "better": flag.better,
        "facts": [{"role": c.role, "year": c.year, **asdict(c.cell), "source_name": source_name(c.cell.source),
                   "unit": unit} for c in flag.facts],
    }


def _whose(scope: str, locality: str | None, t: dict) -> str:
    return t["national"] if scope == "national" else (locality or t["local"])


def grid_table(header: list[str], rows: list[list[str]], width: int | None = None, empty: str = "  (none)",
          whole: set[int] = frozenset()) -> str:
    """Aligned columns that fit ``width`` (the terminal's by default): long cells wrap within their
    column, except in the ``whole`` columns (paths), which keep their width."""
    if not rows:
        return empty
    header = [_text(h) for h in header]
    rows = [[_text(c) for c in row] for row in rows]
    widths = _fit([max(len(x) for x in col) for col in zip(header, *rows)], width or _terminal_width(), whole)
    lines = _grid_lines(header, widths)
    lines.append(GAP.join("-" * w for w in widths).rstrip())
    for row in rows:
        lines += _grid_lines(row, widths)
    return "\n".join(lines)


def _text(cell) -> str:
    """NFC, so that one character is one column (tone marks are not separate characters), with
    control characters written out (an article's text or a file name is shown, never obeyed)."""
    return visible(unicodedata.normalize("NFC", str(cell)))


def _terminal_width() -> int:
    return shutil.get_terminal_size((100, 24)).columns


def _fit(widths: list[int], room: int, whole: set[int] = frozenset()) -> list[int]:
    """Narrow the widest column (not one of ``whole``), one character at a time, until the row fits ``room``."""
    widths = list(widths)
    room -= len(GAP) * (len(widths) - 1)
    narrowable = [i for i in range(len(widths)) if i not in whole]
    while narrowable and sum(widths) > room:
        widest = max(narrowable, key=lambda i: widths[i])
        if widths[widest] <= NARROWEST:
            break
        widths[widest] -= 1
    return widths


def _grid_lines(row: list[str], widths: list[int]) -> list[str]:
    """One table row as one or more lines, each cell wrapped to its column."""
    cells = [textwrap.wrap(c, w, break_on_hyphens=False) or [""] for c, w in zip(row, widths)]
    height = max(len(c) for c in cells)
    return [
        GAP.join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths)).rstrip()
        for i in range(height)
    ]


def markdown_table(header: list[str], rows: list[list[str]], empty: str = "(none)") -> str:
    if not rows:
        return empty
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
