"""`briefing build`: read the inputs, assemble the pack, render it, write it. One call for the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.output import write_output
from briefing.pack import Pack, build_pack
from briefing.render.document import render_pack
from briefing.render.labels import labels
from briefing.weekly.settings import RunSettings

# File extensions and the pack format each one means.
FORMAT_OF_SUFFIX = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
DEFAULT_FORMAT = "pdf"


class FormatError(ValueError):
    """--format and --output's extension disagree, or the extension says nothing."""


@dataclass
class Built:
    path: Path
    pack: Pack


def choose_format(output: Path | None, given: str | None) -> str:
    """The pack format: --format if given, else the output file's extension; a mismatch is refused."""
    if output is None:
        return given or DEFAULT_FORMAT
    implied = FORMAT_OF_SUFFIX.get(output.suffix.lower())
    if given and implied and given != implied:
        raise FormatError(f"--format {given} does not match {output.name} (a .{output.suffix[1:]} file is {implied})")
    if not given and not implied:
        raise FormatError(f"cannot tell the format from {output.name}; add --format pdf, html or md")
    return given or implied


def default_output(settings: RunSettings, fmt: str, today: date | None = None) -> Path:
    return settings.output / f"briefing-{(today or date.today()).isoformat()}.{fmt}"


def build(paths: list[str] | None, settings: RunSettings, fmt: str, output: Path | None = None,
          since: str | None = None, template_folder: Path | None = None,
          progress: Callable[[int, int | None, str], None] | None = None) -> Built:
    """Build the pack of ``paths`` (default: the settings' input, else the bundled seeds) and write it."""
    inputs = paths or [str(settings.input_folder)]
    pack = build_pack(inputs, title=settings.title, since=since, method=settings.method,
                      sentences=settings.sentences, progress=progress,
                      default_title=labels(settings.lang)["pack_title"], jobs=settings.jobs)
    target = output or default_output(settings, fmt)
    folder = str(template_folder.resolve()) if template_folder else None
    write_output(target, render_pack(pack, fmt, settings.lang, folder))
    return Built(target, pack)
