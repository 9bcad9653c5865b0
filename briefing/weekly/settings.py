"""Settings of the weekly run: one table of names, defaults and allowed values.

The command line and ``briefing.toml`` are checked by the same rules, once,
before anything runs; an error names the option, or the file, line and key.
A value given on the command line wins over the config file, which wins over
the default. The config file is looked up in the current folder, then in the
user's config folder ($XDG_CONFIG_HOME/briefing/briefing.toml, else
~/.config/briefing/briefing.toml), unless a path is given.
"""

from __future__ import annotations

import os
import re
import reprlib
import tomllib
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from briefing.ingest.files import InputError, read_input, shown
from briefing.ingest.header import WEB_ADDRESS
from briefing import bundled_seeds
from briefing.render import DEFAULT_PDF_VARIANT, PDF_VARIANTS
from briefing.summarize import DEFAULT_METHOD, DEFAULT_SENTENCES, METHODS

CONFIG_NAME = "briefing.toml"
MAX_CONFIG_BYTES = 64 * 1024
PACK_FORMATS = ("pdf", "html", "md")
# The other names a user may type for a format, everywhere a format is asked for: md or markdown.
FORMAT_ALIASES = {"markdown": "md"}


def format_name(name: str) -> str:
    """The one name of a format: "markdown" is "md"."""
    return FORMAT_ALIASES.get(name, name)
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]


def language_suffix(lang: str) -> str:
    """"" for the default language, ".en" for another: a pack's file name says its language."""
    return "" if lang == DEFAULT_LANGUAGE else f".{lang}"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class SettingsError(ValueError):
    """A setting that cannot be used; the message says where it came from."""


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxdict = 2, 2, 2, 2
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlong = 80, 80, 40


def _said(value: Any) -> str:
    """A value quoted in a message, cut short: a list of 501 addresses shows two and "...", a
    table nested 30,000 deep shows two levels, so a message stays one readable line."""
    return _SHORT.repr(value)


@dataclass(frozen=True)
class Rule:
    """What one setting may hold."""

    kind: type
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    each: "Rule | None" = None  # for a list: the rule every item follows; ``high`` bounds its length
    pattern: re.Pattern | None = None  # for text: the shape it must have
    shape: str = ""  # that shape, in words
    aliases: dict | None = None  # other names a user may give for a choice ("markdown" for "md")

    def check(self, value: Any) -> Any:
        """The value to use, or SettingsError with what was wrong (without where)."""
        if self.kind is tuple:
            if not isinstance(value, list):
                raise SettingsError(f"must be a list of at most {self.high} items, not {_said(value)}")
            if len(value) > self.high:
                raise SettingsError(f"must be a list of at most {self.high} items, not {len(value)}"
                                    f" items ({_said(value)})")
            try:
                return tuple(self.each.check(item) for item in value)
            except SettingsError as err:
                raise SettingsError(f"an item {err}") from None
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingsError(f"must be a whole number from {self.low} to {self.high}, not {_said(value)}")
            if not self.low <= value <= self.high:
                raise SettingsError(f"must be from {self.low} to {self.high}, not {_said(value)}")
            return value
        if not isinstance(value, str):
            raise SettingsError(f"must be text, not {_said(value)}")
        value = (self.aliases or {}).get(value, value)
        if self.choices and value not in self.choices:
            raise SettingsError(f"must be one of {', '.join(self.choices)}, not {_said(value)}")
        if _CONTROL.search(value):
            raise SettingsError("must not contain control characters (such as a line break)")
        if self.pattern and not self.pattern.match(value):
            raise SettingsError(f"must be {self.shape}, not {_said(value)}")
        if self.kind is Path:
            if not value.strip():
                raise SettingsError("must be a path, not empty")
            return Path(os.path.expanduser(value))
        return value


RULES: dict[str, Rule] = {
    "input": Rule(Path),
    "output": Rule(Path),
    "state": Rule(Path),
    "method": Rule(str, choices=tuple(METHODS)),
    "sentences": Rule(int, low=1, high=50),
    "lang": Rule(str, choices=LANGUAGES),
    "title": Rule(str),
    "keep": Rule(int, low=1, high=1000),
    "format": Rule(str, choices=PACK_FORMATS, aliases=FORMAT_ALIASES),
    "pdf_variant": Rule(str, choices=PDF_VARIANTS),
    "jobs": Rule(int, low=1, high=256),
    "min_confidence": Rule(int, low=0, high=100),
    "feeds": Rule(tuple, high=500, each=Rule(str, pattern=WEB_ADDRESS, shape="an http or https address")),
    "keywords": Rule(tuple, high=500, each=Rule(str)),
}


@dataclass(frozen=True)
class RunSettings:
    """Everything a run needs, checked. ``input`` None means the bundled seeds; ``state`` None
    means ``.briefing`` beside the output folder."""

    input: Path | None = None
    output: Path = Path("reports")
    state: Path | None = None
    method: str = DEFAULT_METHOD
    sentences: int = DEFAULT_SENTENCES
    lang: str = DEFAULT_LANGUAGE
    title: str | None = None
    keep: int | None = None
    format: str = "pdf"
    pdf_variant: str = DEFAULT_PDF_VARIANT
    feeds: tuple[str, ...] = ()  # RSS or Atom feeds (or article pages) `fetch` and `run --fetch` collect
    keywords: tuple[str, ...] = ()  # words that make a fetched article worth keeping even without facts
    min_confidence: int | None = None  # percent a figure's confidence needs for the tables; None: the shipped
    # threshold (confidence.json's filter threshold, else its shown_from; every figure if it has neither)
    jobs: int = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)

    @property
    def input_folder(self) -> Path:
        return self.input if self.input is not None else bundled_seeds()

    @property
    def state_folder(self) -> Path:
        return self.state if self.state is not None else self.output.resolve().parent / ".briefing"


def settings(options: dict[str, Any], config: dict[str, Any] | None = None,
             names: dict[str, str] | None = None) -> RunSettings:
    """Command-line ``options`` (None = not given) over ``config`` over the defaults, each checked;
    an error names the option as the command calls it (``names``: "--into", "FEED_OR_URL"), else --NAME."""
    chosen: dict[str, Any] = {}
    for field in fields(RunSettings):
        given = options.get(field.name)
        if given is not None:
            where = (names or {}).get(field.name, "--" + field.name.replace("_", "-"))  # min_confidence: --min-confidence
            chosen[field.name] = _checked(field.name, given, where)
        elif config and field.name in config:
            chosen[field.name] = config[field.name]  # checked when the file was read
    return RunSettings(**chosen)


def _checked(name: str, value: Any, where: str) -> Any:
    try:
        return RULES[name].check(str(value) if isinstance(value, Path) else value)
    except SettingsError as err:
        raise SettingsError(f"{where}: {err}") from None


def check_period(since: str | None, until: str | None) -> None:
    """A period given by ``--since`` and ``--until`` (ISO dates, see is_iso_date): SettingsError
    when it ends before it begins, which would choose no meeting at all."""
    if since is not None and until is not None and until < since:
        raise SettingsError(f"--until {until} is before --since {since}; the period would hold no day")


def is_iso_date(text: str) -> bool:
    """``2024-01-05`` yes; ``2024-1-5``, ``05/01/2024`` or ``2024-02-30`` no."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def check_input_and_output(run: RunSettings) -> None:
    """The run's folders: the input must exist, and reports must not land among the articles."""
    if not run.input_folder.is_dir():
        raise SettingsError(f"input folder {shown(run.input_folder)}: no such folder")
    source, reports = run.input_folder.resolve(), run.output.resolve()
    if reports == source or source in reports.parents:
        raise SettingsError(
            f"output folder {shown(run.output)} is inside the input folder {shown(run.input_folder)}; "
            "its reports would be read as articles next time"
        )


# the config file ---------------------------------------------------------------

def find_config(explicit: str | Path | None = None) -> Path | None:
    if explicit:
        return Path(explicit)
    here = Path(CONFIG_NAME)
    if here.is_file():
        return here
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    user = base / "briefing" / CONFIG_NAME
    return user if user.is_file() else None


def load_config(path: Path | None) -> dict[str, Any]:
    """The checked settings of a config file; SettingsError names the file and line."""
    if path is None:
        return {}
    name = shown(path)
    try:
        raw = read_input(path, MAX_CONFIG_BYTES)
        text = raw.decode("utf-8-sig")
    except InputError as err:
        raise SettingsError(f"{name}: {err}") from None
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise SettingsError(f"{name}: line {line}: not UTF-8 text (byte 0x{raw[err.start]:02X})") from None
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise SettingsError(f"{name}: arrays or tables nested too deeply (no setting needs more than a list)") from None
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        message = re.sub(r"\s*\(at line .*\)$", "", str(err))
        raise SettingsError(f"{name}: {'line ' + where.group(1) + ': ' if where else ''}{message}") from None
    checked = {}
    for key, value in data.items():
        line = f"{name}: line {_line_of(text, key)}"
        if key not in RULES:
            raise SettingsError(f"{line}: unknown setting {key!r} (known: {', '.join(RULES)})")
        checked[key] = _checked(key, value, f"{line}: {key}")
    return checked


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return 1
