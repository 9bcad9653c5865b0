"""briefing.toml: defaults for scheduled runs. Command-line options win over it.

Looked up in the current folder, then in the user's config folder
($XDG_CONFIG_HOME/briefing/briefing.toml, else ~/.config/briefing/briefing.toml),
unless a path is given.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

FILE_NAME = "briefing.toml"
KEYS = {
    "input": str, "output": str, "state": str, "method": str, "sentences": int,
    "lang": str, "title": str, "keep": int, "format": str,
}


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and line."""


def find_config(explicit: str | Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        return path
    here = Path(FILE_NAME)
    if here.is_file():
        return here
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    user = base / "briefing" / FILE_NAME
    return user if user.is_file() else None


def load_config(path: Path | None) -> dict:
    if path is None:
        return {}
    text = path.read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        message = re.sub(r"\s*\(at line .*\)$", "", str(err))
        line = f"line {where.group(1)}: " if where else ""
        raise ConfigError(f"{path}: {line}{message}") from None
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: line {_line_of(text, key)}: unknown setting {key!r} (known: {', '.join(KEYS)})")
        if not isinstance(value, KEYS[key]) or isinstance(value, bool):
            kind = KEYS[key].__name__
            raise ConfigError(f"{path}: line {_line_of(text, key)}: {key} must be a {kind}, not {value!r}")
    return data


def merged(options: dict, config: dict, defaults: dict) -> dict:
    """Each setting from the command line if given, else the config file, else the default."""
    return {key: options.get(key) if options.get(key) is not None else config.get(key, defaults.get(key))
            for key in set(defaults) | set(options)}


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1
