"""Install the weekly run in the user's crontab, or as a systemd user timer.

Crontab lines that briefing writes end with a tag, so `list` and `remove` touch
only briefing's own entries. The job is the absolute path of this Python
running `-m briefing run` with absolute folders, so it runs in the same
environment whatever the schedule's working folder.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic

TAG = "# briefing-schedule"
DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}
SYSTEMD_DAYS = {0: "Sun", 1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat"}
UNIT = "briefing-weekly"


class ScheduleError(ValueError):
    """A schedule that cannot be understood or installed."""


@dataclass(frozen=True)
class Weekly:
    day: int  # 0 = Sunday, as cron counts
    hour: int
    minute: int


def parse_weekly(day: str, at: str) -> Weekly:
    key = day.strip().lower()[:3]
    if key.isdigit() and 0 <= int(key) <= 7:
        number = int(key) % 7
    elif key in DAYS:
        number = DAYS[key]
    else:
        raise ScheduleError(f"day must be mon … sun or 0-7, not {day!r}")
    try:
        hour, minute = (int(x) for x in at.split(":"))
    except ValueError:
        raise ScheduleError(f"time must be HH:MM, not {at!r}") from None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ScheduleError(f"time must be HH:MM within a day, not {at!r}")
    return Weekly(number, hour, minute)


def job_command(input_dir: Path, output_dir: Path, state_dir: Path | None) -> list[str]:
    command = [sys.executable, "-m", "briefing", "run", "--input", str(input_dir.resolve()),
               "--output", str(output_dir.resolve())]
    if state_dir:
        command += ["--state", str(state_dir.resolve())]
    return command


# crontab ---------------------------------------------------------------------

def cron_line(when: Weekly, command: list[str]) -> str:
    return f"{when.minute} {when.hour} * * {when.day} {shlex.join(command)} {TAG}"


def read_crontab(file: Path | None = None) -> str:
    if file is not None:
        return file.read_text("utf-8") if file.exists() else ""
    if not shutil.which("crontab"):
        raise ScheduleError("no crontab command on this machine (try --systemd)")
    done = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    if done.returncode != 0:
        if "no crontab" in done.stderr.lower():
            return ""
        raise ScheduleError(f"crontab -l failed: {done.stderr.strip()}")
    return done.stdout


def write_crontab(text: str, file: Path | None = None) -> None:
    if file is not None:
        write_atomic(file, text)
        return
    done = subprocess.run(["crontab", "-"], input=text, capture_output=True, text=True)
    if done.returncode != 0:
        raise ScheduleError(f"crontab - failed: {done.stderr.strip()}")


def cron_entries(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.rstrip().endswith(TAG)]


def cron_add(line: str, file: Path | None = None) -> None:
    text = read_crontab(file)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if line in lines:
        return
    write_crontab("\n".join(lines + [line]) + "\n", file)


def cron_remove(file: Path | None = None) -> list[str]:
    """Remove briefing's entries, and only those; return what was removed."""
    text = read_crontab(file)
    removed = cron_entries(text)
    kept = [ln for ln in text.splitlines() if ln not in removed]
    write_crontab("\n".join(kept) + ("\n" if kept else ""), file)
    return removed


# systemd ---------------------------------------------------------------------

def default_unit_dir() -> Path:
    return Path.home() / ".config" / "systemd" / "user"


def systemd_units(when: Weekly, command: list[str]) -> dict[str, str]:
    service = (
        "[Unit]\nDescription=briefing: build the weekly briefing pack\n\n"
        f"[Service]\nType=oneshot\nExecStart={shlex.join(command)}\n"
    )
    timer = (
        "[Unit]\nDescription=briefing: weekly run\n\n"
        f"[Timer]\nOnCalendar={SYSTEMD_DAYS[when.day]} *-*-* {when.hour:02d}:{when.minute:02d}:00\n"
        f"Persistent=true\nUnit={UNIT}.service\n\n[Install]\nWantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def systemd_install(units: dict[str, str], folder: Path) -> list[Path]:
    written = []
    for name, text in units.items():
        written.append(write_atomic(folder / name, text))
    return written


def systemd_installed(folder: Path) -> list[Path]:
    return [p for p in (folder / f"{UNIT}.service", folder / f"{UNIT}.timer") if p.exists()]


def systemd_remove(folder: Path) -> list[Path]:
    removed = systemd_installed(folder)
    for path in removed:
        path.unlink()
    return removed
