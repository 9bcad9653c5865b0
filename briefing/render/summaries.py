"""Per-meeting summaries as text (optionally coloured), Markdown or JSON."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.summarize.summary import Summary
from briefing.render.templating import environment
from briefing.render.visible import json_text, md, md_code, visible, web_link
from briefing.text.writing import date_text

_ANSI = {"title": "\x1b[1;36m", "meta": "\x1b[2m", "reset": "\x1b[0m"}


def text_block(meeting: Summary, color: bool = False) -> str:
    """A meeting's summary for a terminal: every piece from an article or a file name is shown with
    its control characters written out (``visible``), so only our own colours reach the terminal."""

    def paint(kind: str, text: str) -> str:
        return f"{_ANSI[kind]}{text}{_ANSI['reset']}" if color else text

    meta = " · ".join(visible(x) for x in (meeting.date, meeting.outlet, ", ".join(meeting.articles), meeting.method)
                      if x)
    lines = [paint("title", visible(meeting.title)), paint("meta", meta)]
    lines += [paint("meta", visible(meeting.url))] if meeting.url else []
    lines += [f"  - {visible(sentence)}" for sentence in meeting.summary]
    return "\n".join(lines) + "\n"


def as_text(meetings: Iterable[Summary], color: bool = False) -> str:
    return "\n".join(text_block(m, color) for m in meetings)


def as_markdown(meetings: Iterable[Summary]) -> str:
    return environment().get_template("summaries.md.j2").render(meetings=[_markdown_safe(m) for m in meetings],
                                                                 date=date_text)


def _markdown_safe(meeting: Summary) -> Summary:
    """The meeting with what its articles say made Markdown text: titles, outlets and sentences
    escaped (md), file names fit to go between the template's backticks (a longer fence around a
    name that holds one), and the address kept only when it is http or https."""
    return replace(
        meeting,
        title=md(meeting.title),
        outlet=md(meeting.outlet) if meeting.outlet else meeting.outlet,
        summary=[md(sentence) for sentence in meeting.summary],
        source=md_code(meeting.source)[1:-1],
        sources=[md_code(source)[1:-1] for source in meeting.articles],
        url=web_link(meeting.url),
        date=visible(meeting.date) if meeting.date else meeting.date,
        method=md(meeting.method),
    )


def as_json(meetings: Iterable[Summary]) -> str:
    return json_text({"meetings": [m.as_json() for m in meetings]})


def render(fmt: str, meetings: list[Summary], color: bool = False) -> str:
    """The summaries in ``fmt`` ("text", "md" or "json"); only text is ever coloured."""
    return as_text(meetings, color) if fmt == "text" else {"md": as_markdown, "json": as_json}[fmt](meetings)
