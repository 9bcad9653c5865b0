"""A polite HTTP client for news sites, on urllib3, that a hostile server cannot hang or misdirect.

Every request: only http and https; the briefing User-Agent; connect and read time-outs and one
total deadline (``REQUEST_DEADLINE``, headers, body and retries together), so a server sending a
byte a second is cut off; at most ``RETRIES`` retries of a failed connection or a 429/5xx answer,
with exponential backoff and the server's Retry-After up to ``RETRY_AFTER_LIMIT`` (a longer wait
leaves the address for the next run); at most ``REDIRECTS`` redirects, each hop's address checked
after resolution (``addresses.py``); at most ``MAX_PAGE_BYTES`` of decoded body (a gzip bomb stops
there); one request per ``HOST_DELAY`` seconds per host, or the site's Crawl-delay; robots.txt read
with protego as RFC 9309 says (its first ``MAX_ROBOTS_BYTES``; a 4xx means no rules, a server error
or no answer means nothing may be fetched). Every failure is a FetchError with one line.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from briefing import __version__
from briefing.fetch.addresses import AddressRefused, checked_address, trusted_addresses

USER_AGENT = f"briefing/{__version__} (briefings of Vietnamese government meetings; urllib3)"
ROBOTS_AGENT = "briefing"  # the product token robots.txt rules name
CONNECT_TIMEOUT, READ_TIMEOUT = 5.0, 15.0
REQUEST_DEADLINE = 30.0  # seconds for one address, from the first connect to the last byte, retries included
RETRIES = 2
BACKOFF = 0.5  # seconds before the first retry; doubled for each next one
RETRY_AFTER_LIMIT = 60.0  # seconds a server may ask to be left alone before the address waits for the next run
REDIRECTS = 5
MAX_PAGE_BYTES = 5 * 1024 * 1024  # decoded
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB
HOST_DELAY = 1.0  # seconds between two requests to one news site
CRAWL_DELAY_LIMIT = 30.0  # a site's Crawl-delay is honoured up to this
LOCAL_HOST_DELAY = 0.01  # to this machine (tests, a local mirror)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WEB_SCHEMES = ("http", "https")


class FetchError(RuntimeError):
    """A page or feed that could not be fetched; the message is one line."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered with an error


class RefusedAddress(FetchError):
    """The address is one the fetcher does not connect to (``addresses.py``)."""


class RobotsRefused(FetchError):
    """The site's robots.txt does not allow the page."""


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for "not modified"
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


@dataclass
class _Request:
    """What the connections of one request must know: whom to trust, and when to give up."""

    trusted: frozenset[str]
    deadline: float  # time.monotonic() by which the request must be over
    timers: list = field(default_factory=list)
    expired: bool = False


_current: ContextVar[_Request | None] = ContextVar("briefing_fetch_request", default=None)


class _Guarded:
    """A connection that goes only to a checked address and is cut at its request's deadline."""

    def _new_conn(self) -> socket.socket:
        request = _current.get()
        # urllib3 connects to _dns_host; the TLS name check still uses the host name.
        self._dns_host = checked_address(self.host, self.port, request.trusted if request else ())
        # Kept for _cut: http.client forgets self.sock once a "Connection: close" answer has its headers.
        self._tcp = super()._new_conn()
        return self._tcp

    def request(self, *args, **kwargs):
        request = _current.get()
        if request is not None:
            left = request.deadline - time.monotonic()
            if left <= 0:
                request.expired = True
                raise _DeadlinePassed()
            timer = threading.Timer(left, self._cut, (request,))
            timer.daemon = True
            timer.start()
            request.timers.append(timer)
        return super().request(*args, **kwargs)

    def _cut(self, request: _Request) -> None:
        """The deadline passed: shut the socket, so a read blocked on a slow server returns at once."""
        request.expired = True
        sock = getattr(self, "_tcp", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _DeadlinePassed(RuntimeError):
    """Raised inside urllib3 when a retry would start after the deadline (not retried itself)."""


class _GuardedHTTP(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPS(_Guarded, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTP


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPS


class _ServerAskedToWait(RuntimeError):
    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


class _PoliteRetry(urllib3.Retry):
    """Retry-After is honoured only while it is short and the request's deadline allows it."""

    def sleep_for_retry(self, response) -> bool:
        seconds = self.get_retry_after(response)
        request = _current.get()
        left = request.deadline - time.monotonic() if request else RETRY_AFTER_LIMIT
        if seconds is not None and seconds > min(RETRY_AFTER_LIMIT, left):
            raise _ServerAskedToWait(seconds)
        return super().sleep_for_retry(response)


class Client:
    """One collecting session: a connection pool, each host's pace and robots.txt, the trusted addresses."""

    def __init__(self, host_delay: float = HOST_DELAY, timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
                 retries: int = RETRIES, deadline: float = REQUEST_DEADLINE, trusted: frozenset[str] = frozenset()):
        # total=None: each kind of retry has its own count, so redirects are not capped by RETRIES.
        retry = _PoliteRetry(total=None, connect=retries, read=retries, status=retries, other=0, redirect=REDIRECTS,
                             status_forcelist=(429, 500, 502, 503, 504), backoff_factor=BACKOFF,
                             respect_retry_after_header=True, raise_on_status=False, raise_on_redirect=True)
        self.pool = urllib3.PoolManager(retries=retry, timeout=urllib3.Timeout(connect=timeout[0], read=timeout[1]))
        self.pool.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
        self.host_delay = host_delay
        self.deadline = deadline
        self.trusted = trusted
        self.next_request: dict[str, float] = {}
        self.pace: dict[str, float] = {}  # host → seconds between requests, from its Crawl-delay
        self.robots: dict[str, object] = {}
        self.lock = threading.Lock()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at ``url`` (its body, or status 304 when unchanged since ``etag``/``last_modified``)."""
        _check_scheme(url)
        if not self._allowed(url):
            raise RobotsRefused("robots.txt does not allow fetching it")
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return self._request(url, headers)

    def _request(self, url: str, headers: dict[str, str], limit: int | None = None,
                 truncate: bool = False) -> Response:
        self._wait_turn(url)
        request = _Request(self.trusted, time.monotonic() + self.deadline)
        token = _current.set(request)
        too_long = f"took longer than {self.deadline:g} s; left for the next run"
        try:
            response = self._exchange(url, {"User-Agent": USER_AGENT, **headers}, limit or MAX_PAGE_BYTES, truncate)
        except AddressRefused as err:
            raise RefusedAddress(str(err)) from None
        except _ServerAskedToWait as err:
            raise FetchError(f"the server asked to wait {err.seconds:g} s; left for the next run") from None
        except (_DeadlinePassed, urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as err:
            raise FetchError(too_long if request.expired or isinstance(err, _DeadlinePassed) else _reason(err)) from None
        finally:
            for timer in request.timers:
                timer.cancel()
            _current.reset(token)
        if request.expired:  # cut off: what was read may look complete, but is not
            raise FetchError(too_long)
        return response

    def trust(self, urls) -> None:
        """Allow the non-public addresses of the hosts of ``urls``: the feeds and pages the user named."""
        self.trusted = self.trusted | trusted_addresses(urls)

    def _exchange(self, url: str, headers: dict[str, str], limit: int, truncate: bool) -> Response:
        try:
            answer = self.pool.request("GET", url, headers=headers, preload_content=False, redirect=True)
        except urllib3.exceptions.MaxRetryError as err:
            raise (err.reason or err) from None  # what went wrong on the last try, classified by the caller
        try:
            final = urljoin(url, answer.geturl() or url)  # urllib3 gives the path of the last address
            _check_scheme(final)
            if answer.status == 304:
                return Response(final, 304, b"", "", headers.get("If-None-Match"), headers.get("If-Modified-Since"))
            if answer.status >= 400:
                raise FetchError(f"HTTP {answer.status} {answer.reason or ''}".strip(), answer.status)
            body = _read_bounded(answer, limit, truncate)
            return Response(final, answer.status, body, answer.headers.get("Content-Type", "").lower(),
                            answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
        finally:
            answer.release_conn()

    def _wait_turn(self, url: str) -> None:
        """Keep to one request per host every HOST_DELAY seconds (or the site's Crawl-delay)."""
        host = urlsplit(url).hostname or ""
        delay = LOCAL_HOST_DELAY if host in LOCAL_HOSTS else max(self.host_delay, self.pace.get(host, 0.0))
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
        if rules is None or rules is True:
            return rules is None
        return rules.can_fetch(url, ROBOTS_AGENT)

    def _robots(self, origin: str):
        """The site's robots.txt rules (protego), None when there are none (everything allowed), or
        True when they cannot be read (a server error or no answer: nothing may be fetched)."""
        from protego import Protego

        try:
            answer = self._request(urljoin(origin, "/robots.txt"), {}, MAX_ROBOTS_BYTES, truncate=True)
        except RefusedAddress:
            raise  # the page is refused for its address, whatever robots.txt would say
        except FetchError as err:
            return None if err.status and 400 <= err.status < 500 else True
        rules = Protego.parse(answer.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.pace[urlsplit(origin).hostname or ""] = min(float(delay), CRAWL_DELAY_LIMIT)
        return rules


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise FetchError(f"not an http or https address ({scheme or 'no scheme'})")


def _read_bounded(answer, limit: int, truncate: bool) -> bytes:
    """The decoded body, at most ``limit`` bytes: past it, an error (or, with ``truncate``, the first
    ``limit`` bytes). Decoded bytes are counted, so a small gzip bomb stops at the limit."""
    declared = answer.headers.get("Content-Length")
    if not truncate and declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"over {_size(limit)} ({_size(int(declared))} declared)")
    chunks, size = [], 0
    for chunk in answer.stream(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            if truncate:
                break
            raise FetchError(f"over {_size(limit)}")
    return b"".join(chunks)[:limit]


def _size(count: int) -> str:
    return f"{count // 2**20} MB" if count >= 2**20 else f"{count // 2**10} KB"


def _reason(err: BaseException | None) -> str:
    """One line for what urllib3 raised: a time-out, a refused connection, too many redirects …"""
    if isinstance(err, urllib3.exceptions.ResponseError) and "redirect" in str(err).lower():
        return f"more than {REDIRECTS} redirects"
    if isinstance(err, urllib3.exceptions.URLSchemeUnknown):
        return f"redirected to a {err.scheme}: address, which is not fetched"
    if isinstance(err, urllib3.exceptions.LocationValueError):  # file:///…, which has no host
        return "redirected to an address with no host (file: or similar), which is not fetched"
    if isinstance(err, urllib3.exceptions.NewConnectionError):  # before time-outs: urllib3 makes it one
        return "cannot connect (refused or no such host)"
    if isinstance(err, urllib3.exceptions.NameResolutionError):
        return "cannot connect (no such host)"
    if isinstance(err, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        return "timed out"
    if isinstance(err, urllib3.exceptions.DecodeError):
        return "the page's compression is broken (Content-Encoding does not match the body)"
    if isinstance(err, (urllib3.exceptions.ProtocolError, http.client.HTTPException)):
        return "the connection broke before the page was complete"
    if isinstance(err, urllib3.exceptions.ResponseError):
        return f"the server kept failing ({err})"
    return " ".join(str(err).split()) or type(err).__name__
