"""The jinja2 environment over the templates shipped with the package."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from briefing import SOURCE_ROOT


def template_dir() -> Path:
    """``briefing/templates`` in an installed package; the repository's ``templates/`` otherwise."""
    shipped = Path(str(resources.files("briefing"))) / "templates"
    if shipped.is_dir():
        return shipped
    return SOURCE_ROOT / "templates"


def user_folder(folder: str | Path | None) -> Path | None:
    """A user's template folder as an absolute path (WeasyPrint needs file URIs)."""
    return Path(folder).resolve() if folder else None


def template_file(name: str, folder: str | Path | None = None) -> Path:
    """``name`` (say ``pack.css`` or ``fonts/NotoSans-Bold.ttf``) from the user's folder if it has it,
    else the bundled one: a folder with only its own pack.css still gets the bundled templates and fonts."""
    mine = user_folder(folder)
    if mine is not None and (mine / name).is_file():
        return mine / name
    return template_dir() / name


EXCERPT_CHARS = 200  # the most of a source sentence the annex quotes beside a number set aside


def around(sentence: str, number: str, width: int = EXCERPT_CHARS) -> str:
    """``sentence`` cut to ``width`` characters around ``number``, whole words, "…" where cut: the annex
    quotes a long sentence where its number stands, not only its first words."""
    if len(sentence) <= width:
        return sentence
    at = max(0, sentence.find(number))
    start = max(0, min(at - width // 3, len(sentence) - width))
    end = start + width
    if start:
        start = sentence.find(" ", start) + 1 or start  # from a word's start
    space = sentence.rfind(" ", start, end)
    if end < len(sentence) and space > at:
        end = space  # to a word's end
    return ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")


@lru_cache(maxsize=4)
def environment(folder: str | None = None):
    import jinja2

    searched = [str(user_folder(folder))] if folder else []
    loader = jinja2.FileSystemLoader([*searched, str(template_dir())])  # the user's first, then the bundled
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["around"] = around
    return env
