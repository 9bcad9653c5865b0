"""The ``briefing`` command: each command parses options, calls the library, prints, and exits;
the commands live in articles.py, packs.py and weekly.py, by what they do.

Options are declared once in ``console.py``. Heavy libraries (sumy, numpy,
weasyprint) are imported inside commands so that ``briefing --help`` is fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.console import (
    EXIT_USAGE, VersionFlag, fail, failing, progress, report_skipped,
)


app = typer.Typer(
    help="Turn Vietnamese government-meeting news into briefings.\n\nExample: briefing build news/",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
schedule_app = typer.Typer(
    help="Install, list or remove the weekly run (crontab or systemd timer).\n\n"
         "Example: briefing schedule add --weekly mon 07:00", no_args_is_help=True,
)
app.add_typer(schedule_app, name="schedule", short_help="Install, list or remove the weekly run.")


@app.callback()
def main_options(version: VersionFlag = False) -> None:
    """Turn Vietnamese government-meeting news into briefings."""


def settings_from(options: dict, config: Optional[Path], names: Optional[dict] = None):
    """Command line over briefing.toml over the defaults, each checked once (``names``: what the
    command calls an option that is not --SETTING)."""
    from briefing.weekly.settings import SettingsError, find_config, load_config, settings

    with failing((SettingsError, EXIT_USAGE)):
        return settings(options, load_config(find_config(config)), names)


def meetings_from(paths, state: Optional[Path] = None):
    """Every meeting of the readable articles, or of the fact store of ``state``, and the unreadable inputs."""
    from briefing.store.database import StateError
    from briefing.store.facts import NoMeetings, PathsAndStore, meetings_of

    try:
        with failing((PathsAndStore, EXIT_USAGE)), progress("reading") as step:
            meetings, problems = meetings_of(paths, state, progress=step)
    except (NoMeetings, StateError) as err:
        report_skipped(getattr(err, "problems", []))
        fail(str(err), 1)
    report_skipped(problems)
    return meetings, problems


def main() -> None:
    app()


# The commands register themselves on ``app`` when their modules are imported.
from briefing.cli import articles, packs, weekly  # noqa: E402,F401
