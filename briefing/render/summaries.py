"""Per-meeting summaries as text (optionally coloured), Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from briefing.summarize.summary import Summary
from briefing.render.templating import environment
from briefing.text.writing import date_text

_ANSI = {"title": "\x1b[1;36m", "meta": "\x1b[2m", "reset": "\x1b[0m"}


def text_block(meeting: Summary, color: bool = False) -> str:
    def paint(kind: str, text: str) -> str:
        return f"{_ANSI[kind]}{text}{_ANSI['reset']}" if color else text

    meta = " · ".join(x for x in (meeting.date, meeting.outlet, ", ".join(meeting.articles), meeting.method) if x)
    lines = [paint("title", meeting.title), paint("meta", meta)]
    lines += [paint("meta", meeting.url)] if meeting.url else []
    lines += [f"  - {sentence}" for sentence in meeting.summary]
    return "\n".join(lines) + "\n"


def as_text(meetings: Iterable[Summary], color: bool = False) -> str:
    return "\n".join(text_block(m, color) for m in meetings)


def as_markdown(meetings: Iterable[Summary]) -> str:
    return environment().get_template("summaries.md.j2").render(meetings=list(meetings), date=date_text)


def as_json(meetings: Iterable[Summary]) -> str:
    payload = {"meetings": [m.as_json() for m in meetings]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, meetings: list[Summary], color: bool = False) -> str:
    """The summaries in ``fmt`` ("text", "markdown" or "json"); only text is ever coloured."""
    return as_text(meetings, color) if fmt == "text" else {"markdown": as_markdown, "json": as_json}[fmt](meetings)
