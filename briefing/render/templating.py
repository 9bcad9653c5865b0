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


@lru_cache(maxsize=4)
def environment(folder: str | None = None):
    import jinja2

    searched = [str(user_folder(folder))] if folder else []
    loader = jinja2.FileSystemLoader([*searched, str(template_dir())])  # the user's first, then the bundled
    return jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
