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
from briefing.weekly.settings import RunSettings, language_suffix

# File extensions and the pack format each one means.
FORMAT_OF_SUFFIX = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
DEFAULT_FORMAT = "pdf"


class FormatError(ValueError):
    """--format and --output's extension disagree, or the extension says nothing."""


class OutputAmongInputs(ValueError):
    """The pack would overwrite an input, or land where the next build reads it as an article."""


def check_output(inputs: list[str], target: Path) -> None:
    """Refuse a pack written over an input file or inside an input folder (checked before any reading)."""
    written = target.resolve()
    for name in inputs:
        if name == "-":
            continue
        source = Path(name).resolve()
        if written == source or source in written.parents:
            raise OutputAmongInputs(f"{target}: the pack would be written {'over' if written == source else 'inside'} "
                                    f"the input {name}; its text would be read as an article next time")


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
    """"reports/briefing-2026-12-03.pdf", "….en.pdf": the English and Vietnamese packs of a day are two files."""
    return settings.output / f"briefing-{(today or date.today()).isoformat()}{language_suffix(settings.lang)}.{fmt}"


def build(paths: list[str] | None, settings: RunSettings, fmt: str, output: Path | None = None,
          since: str | None = None, template_folder: Path | None = None,
          progress: Callable[[int, int | None, str], None] | None = None) -> Built:
    """Build the pack of ``paths`` (default: the settings' input, else the bundled seeds) and write it."""
    inputs = paths or [str(settings.input_folder)]
    target = output or default_output(settings, fmt)
    check_output(inputs, target)
    pack = build_pack(inputs, title=settings.title, since=since, method=settings.method,
                      sentences=settings.sentences, progress=progress,
                      default_title=labels(settings.lang)["pack_title"], jobs=settings.jobs,
                      min_confidence=settings.min_confidence)
    folder = str(template_folder.resolve()) if template_folder else None
    write_output(target, render_pack(pack, fmt, settings.lang, folder, settings.pdf_variant))
    return Built(target, pack)
