"""One place's economic growth across the years as a small SVG, in the pack's chart style: each year's
target as a range (a band from its low to its high end, a thick tick for a single value) and its
result as a point, the points joined. Light bands and dark points stay apart in grey print. The
scale spans the values shown (its ends are labelled), so a change of half a point is visible."""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefing.compare import Cell, FigureRow
from briefing.render.chart import LEGEND_FONT, described, RESULT_COLOUR, SWATCH, TARGET_COLOUR, VALUE_FONT, ZOOM, _text_width
from briefing.text.writing import number

STEP, LEFT, RIGHT, TOP, PLOT, BOTTOM = 60, 30, 20, 30, 100, 16
BAND = 14  # a target's width
POINT = 3.2  # a result's radius
MARGIN = 0.15  # of the span of the values, below the lowest and above the highest
YEAR_FONT = 7


def trend_chart(rows: list[FigureRow], title: str, target_label: str, result_label: str, lang: str = "vi") -> str:
    """The SVG of ``rows`` (one place's growth rows, by year); "" when no year has a figure."""
    rows = [r for r in rows if r.target or r.result]
    if not rows:
        return ""
    values = [v for r in rows for c in (r.target, r.result) if c for v in (c.value, _top(c))]
    span = max(values) - min(values) or abs(max(values)) or 1.0
    low, high = min(values) - MARGIN * span, max(values) + MARGIN * span
    scale = PLOT / (high - low)
    width = max(LEFT + len(rows) * STEP + RIGHT, _legend_width(target_label, result_label) + 2 * LEFT)
    axis = TOP + PLOT
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart trend-chart" viewBox="0 0 {width:.0f} {axis + BOTTOM:.0f}" '
        f'width="{width * ZOOM:.0f}" height="{(axis + BOTTOM) * ZOOM:.0f}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(described(title, rows, [str(r.year) for r in rows], target_label, result_label, lang))}"
        "</title>",
        f'<line x1="{LEFT}" y1="{axis}" x2="{width - RIGHT / 2:.0f}" y2="{axis}" stroke="#666" stroke-width="0.8"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{axis}" stroke="#999" stroke-width="0.5"/>',
        *(f'<text x="{LEFT - 3}" y="{y + 2:.1f}" font-size="{VALUE_FONT}" text-anchor="end" fill="#555">'
          f'{escape(number(round(v, 1), lang=lang))}</text>' for v, y in ((low, axis), (high, TOP))),
        *_legend(target_label, result_label),
    ]
    axis += low * scale  # where zero would be: each value is drawn at axis - value * scale
    points = []
    for i, row in enumerate(rows):
        x = LEFT + STEP * (i + 0.5)
        if row.target:
            parts.append(_target(x, row.target, axis, scale, lang))
        if row.result:
            points.append((x, axis - row.result.value * scale, row.result))
        parts.append(f'<text x="{x:.1f}" y="{TOP + PLOT + 10}" font-size="{YEAR_FONT}" text-anchor="middle">'
                     f'{row.year}</text>')
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{RESULT_COLOUR}" stroke-width="0.8"/>')
    for x, y, cell in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{POINT}" fill="{RESULT_COLOUR}" stroke="white" stroke-width="0.8"/>')
        parts.append(f'<text x="{x + BAND / 2 + 2:.1f}" y="{y + 2:.1f}" font-size="{VALUE_FONT}">'
                     f'{escape(number(cell.value, lang=lang))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _top(cell: Cell) -> float:
    return cell.value_max if cell.value_max is not None else cell.value


def _target(x: float, cell: Cell, axis: float, scale: float, lang: str) -> str:
    """A band from the target's low end to its high end (a tick 2 units thick for one value), labelled."""
    low, high = axis - cell.value * scale, axis - _top(cell) * scale
    top, tall = (high, low - high) if cell.value_max is not None else (low - 1, 2)
    label = number(cell.value, lang=lang) + (f" - {number(cell.value_max, lang=lang)}" if cell.value_max is not None else "")
    return (f'<rect x="{x - BAND / 2:.1f}" y="{top:.1f}" width="{BAND}" height="{max(tall, 2):.1f}" '
            f'fill="{TARGET_COLOUR}" stroke="#555" stroke-width="0.6" stroke-dasharray="2 1.2"/>'
            f'<text x="{x:.1f}" y="{top - 2:.1f}" font-size="{VALUE_FONT}" text-anchor="middle" fill="#444">'
            f'{escape(label)}</text>')


def _legend(target_label: str, result_label: str) -> list[str]:
    x = LEFT
    parts = [f'<rect x="{x}" y="5" width="{SWATCH}" height="{SWATCH}" fill="{TARGET_COLOUR}" stroke="#555" '
             f'stroke-width="0.6" stroke-dasharray="2 1.2"/>',
             f'<text x="{x + SWATCH + 3}" y="13" font-size="{LEGEND_FONT}">{escape(target_label)}</text>']
    x += SWATCH + 3 + _text_width(target_label, LEGEND_FONT) + 14
    parts += [f'<circle cx="{x + SWATCH / 2:.1f}" cy="9.5" r="{POINT}" fill="{RESULT_COLOUR}"/>',
              f'<text x="{x + SWATCH + 3:.1f}" y="13" font-size="{LEGEND_FONT}">{escape(result_label)}</text>']
    return parts


def _legend_width(target_label: str, result_label: str) -> float:
    return 2 * (SWATCH + 3) + 14 + _text_width(target_label, LEGEND_FONT) + _text_width(result_label, LEGEND_FONT)
