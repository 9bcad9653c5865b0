"""briefing: Vietnamese government-meeting news into a briefing pack.

The stages, in the order data flows: ``text`` (Vietnamese primitives) →
``ingest`` (inputs → articles) → ``summarize`` and ``extract`` (summaries,
facts) → ``pack`` (meetings with their articles, facts and summary; the
comparison from ``compare``) → ``render`` (PDF, HTML, Markdown, JSON, tables).
``weekly`` drives the same library on a schedule; ``evaluation`` measures it;
``cli`` is the command line over all of it.
"""

from importlib import resources
from pathlib import Path

__version__ = "0.4.1"  # part of the run cache's key: facts cached by an earlier version are recomputed

# The repository's root when run from a checkout (an editable install); the
# bundled seeds/ and templates/ live there.
SOURCE_ROOT = Path(__file__).resolve().parent.parent


def bundled_seeds() -> Path:
    """The sample articles: shipped inside the package (``briefing/seeds``) when installed,
    the checkout's ``seeds/`` otherwise."""
    shipped = Path(str(resources.files("briefing"))) / "seeds"
    return shipped if shipped.is_dir() else SOURCE_ROOT / "seeds"
