"""Growth targets beside results, by place and year, as an SVG bar chart (vector, no image files).

Each place and year has two slots, target then result. A range ("8 - 8,5%") is a bar to its low
end with the rest of the range drawn as a dashed box; an empty slot says what is missing.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefing.compare import Cell, FigureRow
from briefing.text.writing import figure_text, number

BAR, GAP, GROUP_GAP, HEIGHT, LEFT, TOP, BOTTOM = 18, 3, 22, 150, 34, 24, 46
GROUP_WIDTH = 2 * BAR + GAP + GROUP_GAP
HEADROOM = 1.15  # the tallest bar leaves room above it for its value
ZOOM = 1.6  # drawn size over viewBox size: readable labels on A4
TARGET_COLOUR, RESULT_COLOUR, NOTE_COLOUR = "#9fb8d6", "#1f4e79", "#777"
LEGEND_FONT, PLACE_FONT, VALUE_FONT, NOTE_FONT = 8, 7, 6.5, 6
# SVG cannot measure text; this is the average glyph width of the pack's sans-serif, in ems.
CHAR_WIDTH = 0.55
SWATCH = 9  # legend colour square
# A place label is written at a 30° slant below the axis: its length reaches this far across and down.
ACROSS, DOWN = 0.87, 0.5
PLACE_DROP = 12  # from the axis to the first place label's baseline


def growth_chart(
    rows: list[FigureRow],
    title: str,
    target_label: str,
    result_label: str,
    country: str,
    no_target: str | None = None,
    no_result: str | None = None,
    lang: str = "vi",
) -> str:
    """An SVG of economic growth (%) with a target bar and a result bar per place and year; "" if no data.

    ``no_target`` and ``no_result`` ("các bài không nêu kết quả") are written in a slot whose figure no article
    gave; without them the slot says "Mục tiêu: –" or "Kết quả: –" in the labels' own language.
    Values are written the ``lang`` way ("8,05" or "8.05").
    """
    groups = [r for r in rows if r.indicator == "economic_growth" and r.unit == "%" and (r.target or r.result)]
    if not groups:
        return ""
    scale = HEIGHT / (max(_high(c) for r in groups for c in (r.target, r.result) if c) * HEADROOM or 1)
    places = [f"{row.locality or country} {row.year or ''}".strip() for row in groups]
    # Room for the place labels: the first slants left of its bars, the longest slants down.
    left = max(LEFT, _text_width(places[0], PLACE_FONT) * ACROSS - GROUP_GAP / 2 - BAR + 8)
    bottom = max(BOTTOM, PLACE_DROP + max(_text_width(p, PLACE_FONT) for p in places) * DOWN + PLACE_FONT)
    legend, legend_width = _legend(left, target_label, result_label)
    width = max(left + len(groups) * GROUP_WIDTH + 10, legend_width + 10)
    height = TOP + HEIGHT + bottom
    axis = TOP + HEIGHT
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width * ZOOM:.0f}" height="{height * ZOOM:.0f}" role="img" aria-label="{escape(title)}">'
        ),
        f"<title>{escape(described(title, groups, places, target_label, result_label, lang))}</title>",
        f'<line x1="{left:.0f}" y1="{axis}" x2="{width - 5:.0f}" y2="{axis}" stroke="#666" stroke-width="0.8"/>',
    ]
    x = left + GROUP_GAP / 2
    for row, place in zip(groups, places):
        parts.append(_slot(x, row.target, scale, TARGET_COLOUR, no_target or f"{target_label}: –", lang))
        parts.append(_slot(x + BAR + GAP, row.result, scale, RESULT_COLOUR, no_result or f"{result_label}: –", lang))
        parts.append(_place_label(x + BAR, place))
        x += GROUP_WIDTH
    parts += legend
    parts.append("</svg>")
    return "\n".join(parts)


def described(title: str, rows: list[FigureRow], names: list[str], target_label: str, result_label: str,
              lang: str) -> str:
    """A chart in words, its alternative text for a screen reader (a tagged PDF's /Alt): each of
    ``rows``, by its name ("Hà Tĩnh 2023", or a year), with its target and result."""
    def said(cell: Cell | None) -> str:
        return figure_text(cell, "%", lang) if cell else "–"

    return f"{title}. " + "; ".join(f"{place}: {target_label} {said(row.target)}, {result_label} {said(row.result)}"
                                    for row, place in zip(rows, names))


def _high(cell: Cell) -> float:
    return cell.value_max if cell.value_max is not None else cell.value


def _slot(x: float, cell: Cell | None, scale: float, colour: str, missing: str, lang: str) -> str:
    if cell is None:
        return _missing(x, missing)
    if cell.value_max is None:
        return _bar(x, cell.value, scale, colour) + _value(x, cell.value, scale, number(cell.value, lang=lang))
    return _range(x, cell.value, cell.value_max, scale, colour, lang)


def _bar(x: float, value: float, scale: float, colour: str) -> str:
    height = max(value * scale, 0.5)
    return f'<rect x="{x:.1f}" y="{TOP + HEIGHT - height:.1f}" width="{BAR}" height="{height:.1f}" fill="{colour}"/>'


def _range(x: float, low: float, high: float, scale: float, colour: str, lang: str) -> str:
    """A bar to the low end, a dashed box from low to high, labelled "8 - 8,5"."""
    top, bottom = TOP + HEIGHT - high * scale, TOP + HEIGHT - low * scale
    box = (
        f'<rect x="{x + 0.4:.1f}" y="{top:.1f}" width="{BAR - 0.8}" height="{bottom - top:.1f}" fill="{colour}" '
        f'fill-opacity="0.3" stroke="{colour}" stroke-width="0.8" stroke-dasharray="2 1.5"/>'
    )
    label = f"{number(low, lang=lang)} - {number(high, lang=lang)}"
    return _bar(x, low, scale, colour) + box + _value(x, high, scale, label)


def _value(x: float, value: float, scale: float, text: str) -> str:
    y = TOP + HEIGHT - max(value * scale, 0.5) - 2
    return (
        f'<text x="{x + BAR / 2:.1f}" y="{y:.1f}" font-size="{VALUE_FONT}" text-anchor="middle">{escape(text)}</text>'
    )


def _missing(x: float, note: str) -> str:
    """The note written upwards in the empty slot, so the reader knows the gap is no figure, not zero."""
    cx, y = x + BAR / 2 + NOTE_FONT / 3, TOP + HEIGHT - 3
    return (
        f'<text x="{cx:.1f}" y="{y:.1f}" font-size="{NOTE_FONT}" fill="{NOTE_COLOUR}" font-style="italic" '
        f'transform="rotate(-90 {cx:.1f} {y:.1f})">{escape(note)}</text>'
    )


def _place_label(x: float, text: str) -> str:
    y = TOP + HEIGHT + PLACE_DROP
    return (
        f'<text x="{x:.1f}" y="{y}" font-size="{PLACE_FONT}" text-anchor="end" '
        f'transform="rotate(-30 {x:.1f} {y})">{escape(text)}</text>'
    )


def _legend(left: float, target_label: str, result_label: str) -> tuple[list[str], float]:
    """The legend's SVG and where it ends, so the chart is made wide enough for it."""
    parts, x = [], left
    for label, colour in ((target_label, TARGET_COLOUR), (result_label, RESULT_COLOUR)):
        parts.append(f'<rect x="{x:.1f}" y="4" width="{SWATCH}" height="{SWATCH}" fill="{colour}"/>')
        parts.append(f'<text x="{x + SWATCH + 3:.1f}" y="12" font-size="{LEGEND_FONT}">{escape(label)}</text>')
        x += SWATCH + 3 + _text_width(label, LEGEND_FONT) + 18
    return parts, x - 18


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH
