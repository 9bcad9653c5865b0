r"""Install the weekly run in the user's crontab, or as a systemd user timer.

Crontab lines that briefing writes end with a tag, so `list` and `remove` touch
only briefing's own entries; every other line, blank ones included, is kept
byte for byte. The job is the absolute path of this Python running
`-m briefing run` with absolute folders, so it runs in the same environment
whatever the schedule's working folder.

The crontab (or ``--crontab-file``) is read as any input is: a regular file only, at most
MAX_CRONTAB_BYTES, UTF-8 text; anything else is refused on one line naming it, and nothing is
changed. Paths reach a crontab or a unit file only escaped for it: a control character (a line
break would start a second cron job) or a name that is not UTF-8 text is refused; for cron the command
is quoted for /bin/sh and each `%` (which cron turns into a line break) is
written `\%`; for systemd each word is double-quoted with `\\` and `\"`, and
`%` and `$` are doubled so that neither specifiers nor variables expand.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.ingest.files import InputError, read_input, shown
from briefing.output import write_output
from briefing.render.visible import visible
from briefing.render import DEFAULT_PDF_VARIANT
from briefing.weekly.settings import RunSettings

TAG = "# briefing-schedule"
RUN_LOG = "run.log"  # a cron run's lines, appended in the state folder
DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}
DAY_NAMES = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 0}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
SYSTEMD_DAYS = {0: "Sun", 1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat"}
UNIT = "briefing-weekly"
MAX_CRONTAB_BYTES = 1024 * 1024  # a crontab is a few lines; this is far past any real one
NOTHING_SCHEDULED = "nothing scheduled"


class ScheduleError(ValueError):
    """A schedule that cannot be understood or installed."""


@dataclass(frozen=True)
class Weekly:
    day: int  # 0 = Sunday, as cron counts
    hour: int
    minute: int


def parse_weekly(day: str, at: str) -> Weekly:
    key = day.strip().lower()
    if key.isdigit() and 0 <= int(key) <= 7:
        number = int(key) % 7
    elif key in DAYS or key in DAY_NAMES:
        number = DAYS.get(key, DAY_NAMES.get(key))
    else:
        raise ScheduleError(f"day must be mon … sun (or monday … sunday, or 0-7), not {day!r}")
    m = _TIME.fullmatch(at.strip())
    if not m:
        raise ScheduleError(f"time must be HH:MM, not {at!r}")
    hour, minute = int(m.group(1)), int(m.group(2))
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ScheduleError(f"time must be HH:MM within a day, not {at!r}")
    return Weekly(number, hour, minute)


def job_command(settings: RunSettings, config: Path | None = None) -> list[str]:
    """The run's command line, with absolute paths; refuses what no schedule can carry."""
    if not settings.input_folder.is_dir():
        raise ScheduleError(f"input folder {settings.input_folder}: no such folder")
    command = [sys.executable, "-m", "briefing", "run", "--input", str(settings.input_folder.resolve()),
               "--output", str(settings.output.resolve())]
    for option, given in (("--state", settings.state), ("--config", config)):
        if given is not None:
            command += [option, str(Path(given).resolve())]
    variant = settings.pdf_variant if settings.pdf_variant != DEFAULT_PDF_VARIANT else None
    for option, given in (("--keep", settings.keep), ("--lang", settings.lang), ("--format", settings.format),
                          ("--pdf-variant", variant), ("--min-confidence", settings.min_confidence)):
        if given is not None:
            command += [option, str(given)]
    for word in command:
        if _CONTROL.search(word):
            raise ScheduleError(f"a path with a control character (such as a line break) cannot be scheduled: {word!r}")
        if not _is_utf8(word):
            raise ScheduleError(f"{shown(word)}: a path that is not UTF-8 text cannot be scheduled"
                                " (a crontab or a systemd unit is UTF-8 text); rename it")
    return command


def _is_utf8(word: str) -> bool:
    """Whether a path (undecodable bytes carried as surrogates) is UTF-8 text."""
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# crontab ---------------------------------------------------------------------

def cron_line(when: Weekly, command: list[str], log: Path | None = None) -> str:
    """The crontab entry; with ``log``, what the run prints is appended there (cron would mail it, or lose it)."""
    output = f" >> {cron_command([str(log)])} 2>&1" if log else ""
    return f"{when.minute} {when.hour} * * {when.day} {cron_command(command)}{output} {TAG}"


def run_log(settings: RunSettings) -> Path:
    """Where a scheduled run's lines go: ``run.log`` in the state folder, beside its history."""
    return settings.state_folder.resolve() / RUN_LOG


def cron_command(command: list[str]) -> str:
    """The command quoted for /bin/sh, with cron's `%` escaped."""
    return shlex.join(command).replace("%", "\\%")


def read_crontab(file: Path | None = None) -> str:
    """The crontab's text (the user's, or ``file``'s; "" when there is none). ScheduleError, on one
    line naming it, for anything that is not a regular file of UTF-8 text within MAX_CRONTAB_BYTES:
    a FIFO or a device is never opened for a blocking read, so it cannot hang the command."""
    if file is not None:
        name = shown(file)
        if not os.path.exists(file):
            return ""
        try:
            data = read_input(file, MAX_CRONTAB_BYTES)
        except InputError as err:
            raise ScheduleError(f"crontab file {name}: {_crontab_problem(err)}; nothing changed") from None
        return _crontab_text(data, f"crontab file {name}", "fix that line")
    if not shutil.which("crontab"):
        raise ScheduleError("no crontab command on this machine (try --systemd)")
    done = subprocess.run(["crontab", "-l"], capture_output=True)
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip()
        if "no crontab" in problem.lower():
            return ""
        raise ScheduleError(f"crontab -l failed: {' '.join(problem.split())}")
    if len(done.stdout) > MAX_CRONTAB_BYTES:
        raise ScheduleError(f"the user's crontab: too large (over {MAX_CRONTAB_BYTES // 1024} KB); nothing changed")
    return _crontab_text(done.stdout, "the user's crontab", "fix that line with crontab -e")


def _crontab_problem(err: InputError) -> str:
    text = str(err)
    if text.startswith("file too large"):
        return f"too large (over {MAX_CRONTAB_BYTES // 1024} KB)"
    return text.replace(", not an article file", ", not a regular file")


def _crontab_text(data: bytes, name: str, fix: str) -> str:
    """``data`` as text; ScheduleError naming the line and the byte that is not UTF-8 (as briefing.toml's
    are named), so that no schedule command works on a crontab it would have to guess at."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ScheduleError(f"{name}: line {line}: not UTF-8 text (byte 0x{data[err.start]:02X});"
                            f" {fix}, nothing changed") from None


def write_crontab(text: str, file: Path | None = None) -> None:
    if file is not None:
        try:
            write_output(file, text)
        except OSError as err:
            raise ScheduleError(f"crontab file {shown(file)}: cannot write ({err.strerror or err})") from None
        return
    done = subprocess.run(["crontab", "-"], input=text.encode("utf-8"), capture_output=True)
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip()
        raise ScheduleError(f"crontab - failed: {' '.join(problem.split())}")


def cron_entries(text: str) -> list[str]:
    return [line for line in text.splitlines() if _is_ours(line)]


def _is_ours(line: str) -> bool:
    return line.rstrip().endswith(TAG)


def cron_add(line: str, file: Path | None = None) -> list[str]:
    """Install ``line`` in place of briefing's earlier entries; return the entries it replaced."""
    text = read_crontab(file)
    replaced = [ln for ln in text.splitlines(keepends=True) if _is_ours(ln)]
    kept = "".join(ln for ln in text.splitlines(keepends=True) if not _is_ours(ln))
    if kept and not kept.endswith("\n"):
        kept += "\n"
    write_crontab(kept + line + "\n", file)
    return [ln.rstrip("\n") for ln in replaced if ln.rstrip("\n") != line]


def cron_remove(file: Path | None = None) -> list[str]:
    """Remove briefing's entries, and only those; return what was removed (as shown: control
    characters written out)."""
    text = read_crontab(file)
    removed = cron_entries(text)
    if removed:
        write_crontab("".join(ln for ln in text.splitlines(keepends=True) if not _is_ours(ln)), file)
    return [visible(line) for line in removed]


# systemd ---------------------------------------------------------------------

def default_unit_dir() -> Path:
    return Path.home() / ".config" / "systemd" / "user"


def systemd_units(when: Weekly, command: list[str]) -> dict[str, str]:
    service = (
        "[Unit]\nDescription=briefing: build the weekly briefing pack\n\n"
        f"[Service]\nType=oneshot\nExecStart={systemd_command(command)}\n"
    )
    timer = (
        "[Unit]\nDescription=briefing: weekly run\n\n"
        f"[Timer]\nOnCalendar={SYSTEMD_DAYS[when.day]} *-*-* {when.hour:02d}:{when.minute:02d}:00\n"
        f"Persistent=true\nUnit={UNIT}.service\n\n[Install]\nWantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def systemd_command(command: list[str]) -> str:
    """Each word double-quoted for systemd, with `%` specifiers and `$` variables made literal."""
    def quoted(word: str) -> str:
        word = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
        return f'"{word}"'

    return " ".join(quoted(word) for word in command)


def systemd_install(units: dict[str, str], folder: Path) -> list[Path]:
    written = []
    for name, text in units.items():
        written.append(write_output(folder / name, text))
    return written


def systemd_installed(folder: Path) -> list[Path]:
    return [p for p in (folder / f"{UNIT}.service", folder / f"{UNIT}.timer") if p.exists()]


def systemd_remove(folder: Path | None = None) -> list[str]:
    """Remove briefing's unit files and the timer's enabling link (``systemctl disable`` does no
    more); return their names as shown (undecodable bytes as ``\\xNN``)."""
    folder = folder or default_unit_dir()
    enabled = folder / "timers.target.wants" / f"{UNIT}.timer"
    removed = systemd_installed(folder) + ([enabled] if enabled.is_symlink() or enabled.exists() else [])
    for path in removed:
        path.unlink()
    return [visible(shown(path)) for path in removed]


# What to run after removing the units: systemd still has the timer loaded until it is told.
AFTER_SYSTEMD_REMOVE = f"then: systemctl --user daemon-reload && systemctl --user stop {UNIT}.timer"


# what the commands show ---------------------------------------------------------

def install(when: Weekly, command: list[str], systemd: bool = False, dry_run: bool = False,
            crontab_file: Path | None = None, unit_dir: Path | None = None, log: Path | None = None) -> str:
    """Install (unless ``dry_run``) and return exactly what was, or would be, installed."""
    if systemd:
        folder = unit_dir or default_unit_dir()
        units = systemd_units(when, command)
        printed = [f"# {visible(shown(folder / name))}\n{text}" for name, text in units.items()]
        if not dry_run:
            systemd_install(units, folder)
            printed.append(f"# then: systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer")
        return "\n".join(printed)
    line = cron_line(when, command, log)
    if log and not dry_run:
        log.parent.mkdir(parents=True, exist_ok=True)  # a redirection into a missing folder stops the run
    replaced = [] if dry_run else cron_add(line, crontab_file)
    return "\n".join([line] + [f"replaced: {visible(old)}" for old in replaced])


def scheduled(crontab_file: Path | None = None, unit_dir: Path | None = None) -> list[str]:
    """briefing's crontab entries and systemd unit files, as shown (control characters written
    out); an empty list when nothing is scheduled."""
    lines = cron_entries(read_crontab(crontab_file)) if crontab_file or shutil.which("crontab") else []
    lines += [shown(path) for path in systemd_installed(unit_dir or default_unit_dir())]
    return [visible(line) for line in lines]


def listing(crontab_file: Path | None = None, unit_dir: Path | None = None) -> str:
    """briefing's crontab entries and systemd unit files, one a line; NOTHING_SCHEDULED when there
    are none, so that ``schedule list`` never answers with silence."""
    lines = scheduled(crontab_file, unit_dir) or [NOTHING_SCHEDULED]
    return "".join(f"{line}\n" for line in lines)
