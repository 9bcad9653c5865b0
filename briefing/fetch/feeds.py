"""RSS and Atom feeds, read with feedparser: each item's address, title and publication date."""

from __future__ import annotations

import time
from dataclasses import dataclass

FEED_TYPES = ("rss", "atom", "xml")
FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")


class FeedError(ValueError):
    """Not a feed, or one with no readable item."""


@dataclass
class Item:
    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


def is_feed(content_type: str, body: bytes) -> bool:
    """Whether an answer is a feed (by its type, or by how it starts when the type says little)."""
    if "html" in content_type:
        return False
    return any(kind in content_type for kind in FEED_TYPES) or body.lstrip()[:64].lower().startswith(FEED_STARTS)


def feed_items(body: bytes, base_url: str) -> list[Item]:
    """The feed's items, newest first as the feed lists them; FeedError if it is not a readable feed."""
    import feedparser  # imported only when a feed is read

    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    items = [Item(entry.link, entry.get("title"), _day(entry)) for entry in parsed.entries if entry.get("link")]
    if not items:
        reason = getattr(parsed, "bozo_exception", None)
        raise FeedError(f"not a readable feed ({' '.join(str(reason).split())})" if reason else "a feed with no items")
    return items


def _day(entry) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None
