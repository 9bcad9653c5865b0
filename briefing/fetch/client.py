"""A polite HTTP client for news sites, on urllib3.

Every request: only http and https; a real User-Agent; connect and read time-outs; at most
``RETRIES`` retries of a failed connection or a 429/5xx answer, with exponential backoff (and the
server's Retry-After); at most ``REDIRECTS`` redirects; at most ``MAX_PAGE_BYTES`` read; one request
per ``HOST_DELAY`` seconds per host (``LOCAL_HOST_DELAY`` for this machine); robots.txt honoured;
conditional requests (ETag, Last-Modified) when the caller knows them. Every failure is a
FetchError with one line saying what went wrong.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from briefing import __version__

USER_AGENT = f"briefing/{__version__} (briefings of Vietnamese government meetings; urllib3)"
CONNECT_TIMEOUT, READ_TIMEOUT = 5.0, 15.0
RETRIES = 2
BACKOFF = 0.5  # seconds before the first retry; doubled for each next one
REDIRECTS = 5
MAX_PAGE_BYTES = 5 * 1024 * 1024
HOST_DELAY = 1.0  # seconds between two requests to one news site
LOCAL_HOST_DELAY = 0.01  # to this machine (tests, a local mirror)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WEB_SCHEMES = ("http", "https")


class FetchError(RuntimeError):
    """A page or feed that could not be fetched; the message is one line."""


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for "not modified"
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


class Client:
    """One collecting session: a connection pool, each host's pace and robots.txt."""

    def __init__(self, host_delay: float = HOST_DELAY, timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
                 retries: int = RETRIES):
        retry = urllib3.Retry(total=retries, connect=retries, read=retries, redirect=REDIRECTS,
                              status_forcelist=(429, 500, 502, 503, 504), backoff_factor=BACKOFF,
                              respect_retry_after_header=True, raise_on_status=False, raise_on_redirect=True)
        self.pool = urllib3.PoolManager(retries=retry, timeout=urllib3.Timeout(connect=timeout[0], read=timeout[1]),
                                        headers={"User-Agent": USER_AGENT})
        self.host_delay = host_delay
        self.next_request: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.lock = threading.Lock()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at ``url`` (its body, or status 304 when unchanged since ``etag``/``last_modified``)."""
        _check_scheme(url)
        if not self._allowed(url):
            raise FetchError("robots.txt does not allow fetching it")
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return self._request(url, headers)

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_turn(url)
        try:
            answer = self.pool.request("GET", url, headers=headers, preload_content=False, redirect=True)
        except urllib3.exceptions.MaxRetryError as err:
            raise FetchError(_reason(err.reason)) from None
        except urllib3.exceptions.HTTPError as err:
            raise FetchError(_reason(err)) from None
        try:
            final = urljoin(url, answer.geturl() or url)  # urllib3 gives the path of the last address
            _check_scheme(final)
            if answer.status == 304:
                return Response(final, 304, b"", "", headers.get("If-None-Match"), headers.get("If-Modified-Since"))
            if answer.status >= 400:
                raise FetchError(f"HTTP {answer.status} {answer.reason or ''}".strip())
            body = _read_bounded(answer)
            return Response(final, answer.status, body, answer.headers.get("Content-Type", "").lower(),
                            answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
        finally:
            answer.release_conn()

    def _wait_turn(self, url: str) -> None:
        """Keep to one request per host every HOST_DELAY seconds."""
        host = urlsplit(url).hostname or ""
        delay = LOCAL_HOST_DELAY if host in LOCAL_HOSTS else self.host_delay
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_request.get(host, now))
            self.next_request[host] = start + delay
        time.sleep(max(0.0, start - time.monotonic()))

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._robots(origin)
        rules = self.robots[origin]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def _robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt rules; None (everything allowed) when it has none."""
        try:
            answer = self._request(urljoin(origin, "/robots.txt"), {})
        except FetchError:
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        return rules


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise FetchError(f"not an http or https address ({scheme or 'no scheme'})")


def _read_bounded(answer) -> bytes:
    declared = answer.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
        raise FetchError(f"over {MAX_PAGE_BYTES // 2**20} MB ({int(declared) // 2**20} MB declared)")
    chunks, size = [], 0
    for chunk in answer.stream(64 * 1024):
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchError(f"over {MAX_PAGE_BYTES // 2**20} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(err: BaseException | None) -> str:
    """One line for what urllib3 raised: a time-out, a refused connection, too many redirects …"""
    if isinstance(err, urllib3.exceptions.ResponseError) and "redirect" in str(err).lower():
        return f"more than {REDIRECTS} redirects"
    if isinstance(err, urllib3.exceptions.NewConnectionError):  # before time-outs: urllib3 makes it one
        return "cannot connect (refused or no such host)"
    if isinstance(err, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError)):
        return "timed out"
    if isinstance(err, urllib3.exceptions.ResponseError):
        return f"the server kept failing ({err})"
    return " ".join(str(err).split()) or type(err).__name__
