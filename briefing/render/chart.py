"""Growth targets beside results, by place and year, as an SVG bar chart (vector, no image files)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefing.compare import FigureRow
from briefing.text.writing import number

BAR, GAP, GROUP_GAP, HEIGHT, LEFT, TOP, BOTTOM = 14, 2, 22, 150, 34, 24, 46
ZOOM = 1.6  # drawn size over viewBox size: readable labels on A4
TARGET_COLOUR, RESULT_COLOUR = "#9fb8d6", "#1f4e79"


def growth_chart(rows: list[FigureRow], title: str, target_label: str, result_label: str, country: str) -> str:
    """An SVG of economic growth (%) with a target bar and a result bar per place and year; "" if no data."""
    groups = [r for r in rows if r.indicator == "economic_growth" and r.unit == "%" and (r.target or r.result)]
    if not groups:
        return ""
    top = max(_high(r.target) for r in groups if r.target) if any(r.target for r in groups) else 0
    top = max([top] + [r.result.value for r in groups if r.result]) or 1
    scale = HEIGHT / (top * 1.15)
    width = LEFT + len(groups) * (2 * BAR + GAP + GROUP_GAP) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {TOP + HEIGHT + BOTTOM}" '
        f'width="{width * ZOOM:.0f}" height="{(TOP + HEIGHT + BOTTOM) * ZOOM:.0f}" role="img" aria-label="{escape(title)}">',
        f'<line x1="{LEFT}" y1="{TOP + HEIGHT}" x2="{width - 5}" y2="{TOP + HEIGHT}" stroke="#666" stroke-width="0.8"/>',
    ]
    x = LEFT + GROUP_GAP / 2
    for row in groups:
        for offset, cell, colour in ((0, row.target, TARGET_COLOUR), (BAR + GAP, row.result, RESULT_COLOUR)):
            if cell:
                parts.append(_bar(x + offset, _high(cell) if cell is row.target else cell.value, scale, colour))
        label = f"{row.locality or country} {row.year or ''}".strip()
        parts.append(
            f'<text x="{x + BAR}" y="{TOP + HEIGHT + 12}" font-size="7" text-anchor="end" '
            f'transform="rotate(-30 {x + BAR} {TOP + HEIGHT + 12})">{escape(label)}</text>'
        )
        x += 2 * BAR + GAP + GROUP_GAP
    parts += _legend(target_label, result_label)
    parts.append("</svg>")
    return "\n".join(parts)


def _high(cell) -> float:
    return cell.value_max if cell.value_max is not None else cell.value


def _bar(x: float, value: float, scale: float, colour: str) -> str:
    height = max(value * scale, 0.5)
    y = TOP + HEIGHT - height
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BAR}" height="{height:.1f}" fill="{colour}"/>'
        f'<text x="{x + BAR / 2:.1f}" y="{y - 2:.1f}" font-size="6.5" text-anchor="middle">{escape(number(value))}</text>'
    )


def _legend(target_label: str, result_label: str) -> list[str]:
    return [
        f'<rect x="{LEFT}" y="4" width="9" height="9" fill="{TARGET_COLOUR}"/>',
        f'<text x="{LEFT + 12}" y="12" font-size="8">{escape(target_label)}</text>',
        f'<rect x="{LEFT + 90}" y="4" width="9" height="9" fill="{RESULT_COLOUR}"/>',
        f'<text x="{LEFT + 102}" y="12" font-size="8">{escape(result_label)}</text>',
    ]
