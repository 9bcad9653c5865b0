"""`briefing fetch`: feeds and article addresses → article files in a folder, each new article once.

For each address given: a feed's items (published on or after ``since``), or the page itself. A
page already collected (by address, or by the hash of its text when a site moves it) is not
fetched or written again; a feed is asked for with its ETag and Last-Modified, so an unchanged
feed costs one short answer. Each page's main text (``ingest/html.py``) is kept when it is about
what a briefing reports (``relevant``), written with its metadata header (``ingest/header.py``)
to a temporary file and renamed, and remembered in ``FETCHED_NAME`` in the folder. Every failure is
one line naming the address; the other items are still collected.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from briefing.fetch.client import Client, FetchError, RefusedAddress, RobotsRefused, Response
from briefing.fetch.feeds import FeedError, Item, feed_items, is_feed
from briefing.ingest.decode import DecodeError, decode
from briefing.ingest.header import write_header
from briefing.ingest.html import WebArticle, looks_like_html
from briefing.ingest.read import ArticleError, article_text, parse, web_page
from briefing.output import write_output
from briefing.text.normalize import match_form

FETCHED_NAME = ".fetched.db"  # hidden: never read as an article
NAME_CHARS = 60  # of the title, in a written file's name
ITEMS_PER_FEED = 200  # new items fetched from one feed in one run; the rest wait for the next run
RUN_DEADLINE = 20 * 60.0  # seconds one collect may take; what is left waits for the next run
RETRY_AFTER = 3600.0  # seconds before a failed item is tried again; doubled after each failure
RETRIES = 5  # failures after which an item is given up (it is still said once more)


@dataclass
class Collected:
    written: list[Path] = field(default_factory=list)
    known: int = 0  # items collected before
    older: int = 0  # feed items published before --since
    irrelevant: int = 0  # pages not about what a briefing reports
    problems: list[str] = field(default_factory=list)  # one line each: "address: what went wrong"
    deferred: int = 0  # items left for the next run (a feed's cap, or the run's time limit)
    retried: int = 0  # items that failed on an earlier run, tried again
    notes: list[str] = field(default_factory=list)  # one line each, not failures: what was left and why

    def summary(self, folder) -> str:
        """One line of what happened: "4 new article(s) in news; 1 already collected; …"."""
        parts = [f"{len(self.written)} new article(s) in {folder}"]
        parts += [f"{n} {what}" for n, what in ((self.known, "already collected"),
                  (self.irrelevant, "not about a meeting's themes or targets (skipped)"),
                  (self.older, "older than --since"), (len(self.problems), "failed")) if n]
        return "; ".join(parts)


def collect(sources: Iterable[str], into: Path, since: str | None = None, keywords: Iterable[str] = (),
            keep_all: bool = False, client: Client | None = None,
            progress: Callable[[int, int | None, str], None] | None = None,
            deadline: float = RUN_DEADLINE) -> Collected:
    """Collect each new article of ``sources`` into ``into``; raise FetchRecordError if the folder's
    record of what was fetched cannot be used (nothing is fetched then)."""
    into.mkdir(parents=True, exist_ok=True)
    client = client or Client()
    sources = list(sources)
    client.trust(sources)
    memory = Memory(into / FETCHED_NAME)
    result = Collected()
    words = [match_form(k) for k in keywords if k.strip()]
    stop_at = time.monotonic() + deadline
    done = 0
    tried: set[str] = set()  # addresses fetched this run: a failure is tried again on a later one
    try:
        for source in sources:
            fetched = 0
            for item, page in _items(source, client, memory, result):
                done += 1
                if progress:
                    progress(done, None, item.url)
                if since and item.published and item.published < since:
                    result.older += 1
                elif memory.knows_url(item.url) and not memory.worth_again(item.url, keep_all, words):
                    result.known += 1
                elif fetched >= ITEMS_PER_FEED or time.monotonic() > stop_at:
                    result.deferred += 1
                else:
                    fetched += 1
                    tried.add(item.url)
                    _collect_item(item, page, into, client, memory, result, words, keep_all)
        for url in memory.due_failures():  # failed before: tried again even while its feed answers 304
            if time.monotonic() > stop_at:
                break
            if url in tried:
                continue
            result.retried += 1
            _collect_item(Item(url), None, into, client, memory, result, words, keep_all)
    finally:
        memory.close()
    if result.deferred:
        result.notes.append(f"{result.deferred} item(s) left for the next run (at most {ITEMS_PER_FEED} new items "
                            f"a feed and {deadline / 60:g} minutes a run)")
    return result


def _items(source: str, client: Client, memory: "Memory", result: Collected):
    """(item, its page if already fetched) for each item of a feed, or the one page at ``source``."""
    try:
        answer = client.get(source, *memory.validators(source))
    except FetchError as err:
        result.problems.append(f"{source}: {err}")
        return
    if answer.status == 304:
        return  # the feed has not changed since the last fetch
    if not is_feed(answer.content_type, answer.body):
        yield Item(answer.url), answer
        return
    try:
        items = feed_items(answer.body, answer.url)
    except FeedError as err:
        result.problems.append(f"{source}: {err}")
        return
    memory.remember_feed(source, answer.etag, answer.last_modified)
    for item in items:
        yield item, None


def _collect_item(item: Item, page: Response | None, into: Path, client: Client, memory: "Memory",
                  result: Collected, words: list[str], keep_all: bool) -> None:
    try:
        page = page or client.get(item.url)
        article = _article(page)
    except (FetchError, ArticleError) as err:
        result.problems.append(f"{item.url}: {err}{_retry(item.url, err, memory)}")
        return
    text = article_text(article)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if memory.knows_text(sha):
        memory.remember(item.url, sha, None)
        result.known += 1
        return
    if not keep_all and not relevant(text, words):
        memory.remember(item.url, sha, None, skipped_for=" ".join(words))
        result.irrelevant += 1
        return
    fetched = datetime.now(timezone.utc).isoformat(timespec="seconds")
    header = write_header({"url": without_credentials(article.url or page.url), "outlet": article.outlet,
                           "published": article.date or item.published, "fetched": fetched})
    path = into / file_name(article.date or item.published, article.title or item.title or "", sha)
    try:
        write_output(path, header + text)
    except OSError as err:
        result.problems.append(f"{item.url}: cannot write {path.name} ({getattr(err, 'strerror', None) or err})")
        return
    memory.remember(item.url, sha, path.name)
    result.written.append(path)


def _retry(url: str, err: Exception, memory: "Memory") -> str:
    """Remember a failure that may pass (a server error, a time-out, a missing page) to try it again
    on later runs, with a growing wait; what the page is, or where it is, does not change: not retried."""
    if isinstance(err, (ArticleError, RefusedAddress, RobotsRefused)):
        return ""
    tries = memory.failed(url, str(err))
    return "; tried again next run" if tries < RETRIES else f"; given up after {tries} tries"


def _article(page: Response) -> WebArticle:
    if page.content_type and not any(kind in page.content_type for kind in ("html", "xml")):
        raise ArticleError(f"not a web page ({page.content_type.split(';')[0]})")
    try:
        text = decode(page.body)
    except DecodeError as err:
        raise ArticleError(str(err)) from None
    if not looks_like_html(text):
        raise ArticleError("a web page with no article text")
    return web_page(text, page.url)


def without_credentials(url: str) -> str:
    """The address without a user name or password (http://user:secret@host/… → http://host/…)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def relevant(text: str, keywords: list[str]) -> bool:
    """Whether an article is about what a briefing reports: extraction finds a year theme, a motto
    or a target or result in it, or it names one of the user's ``keywords`` (matching form)."""
    from briefing.extract.facts import extract_article

    try:
        facts = extract_article(parse(text))
    except ArticleError:
        return False
    return reports_facts(facts) or any(word in match_form(text) for word in keywords)


def reports_facts(facts) -> bool:
    """Whether an article states what a briefing reports: a year theme, a motto, a target or a result,
    even one the learned decision held back for a low confidence (the annex shows it to be checked)."""
    from briefing.extract.confidence import LOW_CONFIDENCE  # extraction is loaded only when articles are read

    return bool(facts.themes or facts.figures or any(u.reason == LOW_CONFIDENCE for u in facts.unattributed))


def file_name(day: str | None, title: str, sha: str) -> str:
    """"2024-01-20-ha-tinh-trien-khai-nhiem-vu-nam-2024-1a2b3c4d.txt": sorted by date, readable, unique."""
    plain = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-")[:NAME_CHARS]
    return f"{day or 'undated'}-{slug.rstrip('-') or 'article'}-{sha[:8]}.txt"


class FetchRecordError(RuntimeError):
    """The folder's record of what was fetched cannot be used; one line naming it."""


class Memory:
    """What a folder's fetches have collected: each page's address and text hash, each feed's validators."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.db = sqlite3.connect(path)
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, sha256 TEXT NOT NULL, file TEXT);"
                "CREATE INDEX IF NOT EXISTS pages_sha ON pages (sha256);"
                "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);"
                # items that failed, to try again with backoff (a feed answering 304 lists them no more)
                "CREATE TABLE IF NOT EXISTS failed (url TEXT PRIMARY KEY, tries INTEGER NOT NULL, "
                "next_try REAL NOT NULL, problem TEXT NOT NULL);"
                # A write now, so a record that cannot take one fails before any page is fetched or written.
                "PRAGMA user_version = 1;"
            )
            if "skipped_for" not in {row[1] for row in self.db.execute("PRAGMA table_info(pages)")}:
                # the keywords a page was judged against when it was skipped as not relevant (NULL: kept)
                self.db.execute("ALTER TABLE pages ADD COLUMN skipped_for TEXT")
        except sqlite3.Error as err:
            raise FetchRecordError(f"{path}: not a usable record of fetched pages ({err}); "
                                   "check its permissions and free space, or move it aside") from None

    def _query(self, sql: str, args: tuple, write: bool = False):
        """One statement; any SQLite failure (read-only, full disk, damage) as one FetchRecordError line."""
        try:
            if write:
                with self.db:
                    return self.db.execute(sql, args)
            return self.db.execute(sql, args).fetchone()
        except sqlite3.Error as err:
            raise FetchRecordError(f"{self.path}: cannot {'write' if write else 'read'} the record of fetched "
                                   f"pages ({err})") from None

    def knows_url(self, url: str) -> bool:
        return self._query("SELECT 1 FROM pages WHERE url = ?", (url,)) is not None

    def knows_text(self, sha: str) -> bool:
        """Whether this text was collected (a page skipped as not relevant was not)."""
        return self._query("SELECT 1 FROM pages WHERE sha256 = ? AND skipped_for IS NULL", (sha,)) is not None

    def remember(self, url: str, sha: str, file: str | None, skipped_for: str | None = None) -> None:
        self._query("INSERT OR REPLACE INTO pages (url, sha256, file, skipped_for) VALUES (?, ?, ?, ?)",
                    (url, sha, file, skipped_for), write=True)
        self._query("DELETE FROM failed WHERE url = ?", (url,), write=True)

    def worth_again(self, url: str, keep_all: bool, words: list[str]) -> bool:
        """Whether a page skipped as not relevant should be fetched again: --all now, or keywords
        other than those it was judged against."""
        row = self._query("SELECT skipped_for FROM pages WHERE url = ?", (url,))
        return bool(row) and row[0] is not None and (keep_all or row[0] != " ".join(words))

    def failed(self, url: str, problem: str) -> int:
        """Record a failure; return how many times the item has failed."""
        row = self._query("SELECT tries FROM failed WHERE url = ?", (url,))
        tries = (row[0] if row else 0) + 1
        self._query("INSERT OR REPLACE INTO failed VALUES (?, ?, ?, ?)",
                    (url, tries, time.time() + RETRY_AFTER * 2 ** (tries - 1), problem), write=True)
        return tries

    def due_failures(self) -> list[str]:
        """Failed items whose wait is over and that have not been given up."""
        try:
            rows = self.db.execute("SELECT url FROM failed WHERE next_try <= ? AND tries < ? ORDER BY next_try",
                                   (time.time(), RETRIES)).fetchall()
        except sqlite3.Error as err:
            raise FetchRecordError(f"{self.path}: cannot read the record of fetched pages ({err})") from None
        return [row[0] for row in rows]

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        return self._query("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed,)) or (None, None)

    def remember_feed(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        self._query("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?)", (feed, etag, last_modified), write=True)

    def close(self) -> None:
        self.db.close()
