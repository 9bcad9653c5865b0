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


@lru_cache(maxsize=4)
def environment(folder: str | None = None):
    import jinja2

    loader = jinja2.FileSystemLoader(folder or str(template_dir()))
    return jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
