"""The fetcher against hostile servers (all on 127.0.0.1): each failure is one line, nothing hangs,
nothing is fetched that the user or robots.txt forbid, and no connection goes to a refused address."""

import sys
import time
from pathlib import Path

import pytest
import urllib3

from briefing.fetch import addresses, client as client_module
from briefing.fetch.addresses import AddressRefused, checked_address, refusal
from briefing.fetch.client import Client
from briefing.fetch.collect import FETCHED_NAME, collect, file_name
from conftest import SEEDS

sys.path.insert(0, str(Path(__file__).parent))
from hostile_server import Hostile  # noqa: E402
from site_server import Site, article_page, feed  # noqa: E402

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def site():
    with Site(sorted(SEEDS.glob("*.txt"))) as running:
        yield running


@pytest.fixture
def hostile(site):
    with Hostile(site.routes["/tin-tuc/bai-4.html"][2]) as running:
        yield running


def quick_client(hostile_or_site, deadline=3.0):
    client = Client(timeout=(1.0, 5.0), retries=1, deadline=deadline)  # reads wait longer than the deadline
    client.trust([hostile_or_site.base])
    return client


def failure(client, url):
    with pytest.raises(client_module.FetchError) as caught:
        client.get(url)
    return str(caught.value)


# the address decision ------------------------------------------------------------------
@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "a loopback address"), ("127.8.9.10", "a loopback address"), ("::1", "a loopback address"),
    ("10.1.2.3", "a private address"), ("172.16.0.1", "a private address"), ("192.168.1.1", "a private address"),
    ("169.254.169.254", "a link-local address"), ("fe80::1%eth0", "a link-local address"),
    ("::ffff:169.254.169.254", "a link-local address"), ("224.0.0.1", "a multicast address"),
    ("0.0.0.0", "an unspecified address"), ("fc00::1", "a private address"), ("100.64.0.1", "not a public address"),
    ("93.184.216.34", None), ("2606:4700::1111", None), ("14.225.0.1", None),
])
def test_refused_addresses_are_decided_without_connecting(address, reason):
    assert refusal(address) == reason


def test_a_public_name_that_resolves_to_a_refused_address_is_refused_unless_trusted(monkeypatch):
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["169.254.169.254"])
    with pytest.raises(AddressRefused, match="metadata.test is a link-local address"):
        checked_address("metadata.test", 80)
    assert checked_address("metadata.test", 80, trusted={"169.254.169.254"}) == "169.254.169.254"
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["93.184.216.34", "10.0.0.5"])
    with pytest.raises(AddressRefused, match="a private address"):  # every address a name has is checked
        checked_address("mixed.test", 80)


@pytest.fixture
def no_connection_but_loopback(monkeypatch):
    """Connections to anything but 127.0.0.1 are recorded and refused before a packet leaves."""
    attempted = []
    real = urllib3.util.connection.create_connection

    def guarded(address, *args, **kwargs):
        if address[0] != "127.0.0.1":
            attempted.append(address)
            raise OSError("this test connects to nothing but 127.0.0.1")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.connection.connection, "create_connection", guarded)
    return attempted


def test_a_redirect_to_instance_metadata_or_a_private_host_is_refused_before_connecting(
        site, monkeypatch, no_connection_but_loopback):
    names = {"metadata.test": "169.254.169.254", "admin.test": "10.1.2.3", "sneaky.test": "127.0.0.1"}
    real_resolve = addresses.resolve
    monkeypatch.setattr(addresses, "resolve", lambda host, port: [names[host]] if host in names else real_resolve(host, port))
    site.add("/meta", b"", status=302, headers={"Location": "http://metadata.test/latest/meta-data/"})
    site.add("/admin", b"", status=302, headers={"Location": "http://admin.test/admin"})
    site.add("/file", b"", status=302, headers={"Location": "file:///etc/passwd"})
    client = Client(timeout=(1.0, 1.0), retries=0)
    client.trust([site.base])
    assert "metadata.test is a link-local address (169.254.169.254)" in failure(client, site.url("/meta"))
    assert "admin.test is a private address (10.1.2.3)" in failure(client, site.url("/admin"))
    assert failure(client, site.url("/file")).startswith("redirected to an address with no host (file: or similar)")
    assert no_connection_but_loopback == []


def test_feed_items_on_private_addresses_are_refused(site, tmp_path, monkeypatch, no_connection_but_loopback):
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["10.9.8.7"] if host == "intranet.test" else ["127.0.0.1"])
    items = [("/tin-tuc/bai-4.html", "Hà Tĩnh", "2024-01-20")]
    body = feed(site.base, items).replace("</channel>", "<item><title>x</title><link>http://intranet.test/secret</link>"
                                          "</item></channel>")
    site.add("/mixed.xml", body.encode("utf-8"), "application/rss+xml")
    result = collect([site.url("/mixed.xml")], tmp_path, client=Client(timeout=(1.0, 1.0), retries=0))
    assert len(result.written) == 1
    assert result.problems == ["http://intranet.test/secret: refused: intranet.test is a private address (10.9.8.7); "
                               "only a feed or page you name yourself may be on such an address"]
    assert no_connection_but_loopback == []


# bodies that break -------------------------------------------------------------------------
def test_a_body_that_breaks_is_one_line_and_the_next_address_is_still_fetched(hostile, tmp_path):
    client = quick_client(hostile)
    sources = [hostile.url(p) for p in ("/short", "/stall", "/fake-gzip", "/chained", "/good")]
    started = time.monotonic()
    result = collect(sources, tmp_path, client=client, keep_all=True)
    assert time.monotonic() - started < 20
    lines = dict(line.split(": ", 1) for line in result.problems)
    assert lines[hostile.url("/short")] == "the connection broke before the page was complete"
    assert lines[hostile.url("/stall")] in ("timed out", "took longer than 3 s; left for the next run")
    assert lines[hostile.url("/fake-gzip")].startswith("the page's compression is broken")
    assert hostile.url("/chained") in lines
    assert len(result.written) == 1  # /good, after all of them


def test_a_gzip_bomb_stops_at_the_page_limit_on_decoded_bytes(hostile):
    started = time.monotonic()
    assert failure(quick_client(hostile), hostile.url("/bomb")) == "over 5 MB"
    assert time.monotonic() - started < 10


# servers too slow -------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/slow-headers", "/slow-body"])
def test_a_server_sending_a_byte_a_second_is_cut_off_at_the_deadline(hostile, path):
    started = time.monotonic()
    assert failure(quick_client(hostile, deadline=3.0), hostile.url(path)) == "took longer than 3 s; left for the next run"
    assert time.monotonic() - started < 6


def test_retry_after_an_hour_is_not_obeyed_the_address_waits_for_the_next_run(hostile):
    started = time.monotonic()
    assert failure(quick_client(hostile), hostile.url("/wait-an-hour")) == \
        "the server asked to wait 3600 s; left for the next run"
    assert time.monotonic() - started < 3


def test_redirects_up_to_five_are_followed_and_the_agent_is_briefings(site):
    for hop in range(5):
        site.add(f"/hop{hop}", b"", status=302, headers={"Location": f"/hop{hop + 1}"})
    site.add("/hop5", site.routes["/tin-tuc/bai-4.html"][2])
    client = quick_client(site)
    assert client.get(site.url("/hop0")).url == site.url("/hop5")
    agents = {headers.get("User-Agent") for path, headers in site.requests}
    assert agents == {client_module.USER_AGENT}
    site.add("/hop5", b"", status=302, headers={"Location": "/hop6"})
    assert failure(client, site.url("/hop0")) == "more than 5 redirects"


# robots.txt as RFC 9309 says ------------------------------------------------------------------
def robots_client(site, body=None, status=200):
    if body is not None:
        site.add("/robots.txt", body, "text/plain", status=status)
    return quick_client(site)


def test_robots_rules_follow_wildcards_and_the_longest_match(site):
    client = robots_client(site, b"User-agent: *\nDisallow: /*?print=\nAllow: /search/tin-tuc\nDisallow: /search\n")
    page = site.routes["/tin-tuc/bai-4.html"][2]
    site.add("/a.html", page)
    site.add("/search/tin-tuc/abc", page)
    assert failure(client, site.url("/a.html?print=1")) == "robots.txt does not allow fetching it"
    assert client.get(site.url("/search/tin-tuc/abc")).status == 200


def test_robots_that_cannot_be_read_forbid_everything_and_a_4xx_forbids_nothing(site):
    page = site.url("/tin-tuc/bai-4.html")
    assert failure(robots_client(site, b"oops", status=500), page) == "robots.txt does not allow fetching it"
    assert robots_client(site, b"gone", status=404).get(page).status == 200
    padded = b"User-agent: *\nDisallow: /\n" + b"# padding\n" * 600_000  # past 5 MB
    assert failure(robots_client(site, padded), page) == "robots.txt does not allow fetching it"


def test_crawl_delay_paces_a_site(site):
    client = robots_client(site, b"User-agent: *\nCrawl-delay: 2\n")
    client.get(site.url("/tin-tuc/bai-4.html"))
    assert client.pace["127.0.0.1"] == 2.0


# feeds and what a page can make of a file ----------------------------------------------------------
def test_a_feed_of_100000_items_is_collected_a_bounded_number_a_run(site, tmp_path, monkeypatch):
    from briefing.fetch import collect as collect_module

    monkeypatch.setattr(collect_module, "ITEMS_PER_FEED", 3)
    seed_page = site.articles["/tin-tuc/bai-4.html"]
    for n in range(6):  # the first six items are real, distinct pages
        paragraphs = [p.text for p in seed_page.paragraphs] + [f"Bản tin số {n}."]
        site.add(f"/p/{n}.html", article_page(f"Bài {n}", paragraphs, "2024-01-20", site.url(f"/p/{n}.html")).encode())
    items = "".join(f"<item><link>/p/{n}.html</link></item>" for n in range(100_000))  # 3.5 MB: under the page limit
    site.add("/huge.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
             .encode("utf-8"), "application/rss+xml")
    started = time.monotonic()
    result = collect([site.url("/huge.xml")], tmp_path, client=quick_client(site), keep_all=True)
    assert time.monotonic() - started < 40
    assert len(result.written) == 3 and result.deferred == 99_997 and result.problems == []
    assert result.notes == ["99997 item(s) left for the next run (at most 3 new items a feed and 20 minutes a run)"]
    again = collect([site.url("/huge.xml")], tmp_path, client=quick_client(site), keep_all=True)
    assert len(again.written) == 3 and again.known == 3  # the next run goes on where this one stopped
    assert len(list(tmp_path.glob("*.txt"))) == 6


def test_an_entity_expansion_feed_is_refused_with_bounded_memory(site, tmp_path):
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                                         for i in range(1, 10)]
    bomb = (f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(laughs)}]><rss version="2.0"><channel><title>x</title>'
            f'<item><title>&lol9;</title><link>{site.base}/tin-tuc/bai-4.html</link></item></channel></rss>')
    site.add("/laughs.xml", bomb.encode("utf-8"), "application/rss+xml")
    import resource
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = collect([site.url("/laughs.xml")], tmp_path, client=quick_client(site))
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KiB: no billion laughs
    assert len(result.problems) <= 1


@pytest.mark.parametrize("title", ["../../etc/x", "a" * 5000, "tiêu đề\x00\x1b[2J\nmới/..\\x", "", "...", "/"])
def test_file_names_come_from_the_tool_never_the_page(title):
    name = file_name("2024-01-20", title, "0123456789abcdef" * 4)
    assert "/" not in name and "\\" not in name and not name.startswith(".") and len(name) < 100
    assert name.isascii() and name.isprintable() and name.endswith("-01234567.txt")


def test_a_page_that_changes_on_every_request_is_collected_once(site, tmp_path):
    count = {"n": 0}
    real = site.routes["/tin-tuc/bai-4.html"]

    class Changing(dict):
        def get(self, path, default=None):
            if path == "/doi.html":
                count["n"] += 1
                body = real[2].replace(b"</article>", f"<p>Cập nhật lần {count['n']}.</p></article>".encode())
                return (200, real[1], body, {})
            return super().get(path, default)

    site.routes = Changing(site.routes)
    client = quick_client(site)
    first = collect([site.url("/doi.html")], tmp_path, client=client)
    second = collect([site.url("/doi.html")], tmp_path, client=client)
    assert len(first.written) == 1 and second.written == [] and second.known == 1
    assert len(list(tmp_path.glob("*.txt"))) == 1


def test_credentials_in_an_address_are_never_written(site, tmp_path):
    url = site.url("/tin-tuc/bai-4.html").replace("http://", "http://user:secret@")
    result = collect([url], tmp_path, client=quick_client(site))
    text = result.written[0].read_text("utf-8")
    assert "secret" not in text and "user:" not in text and site.url("/tin-tuc/bai-4.html") in text


def test_a_page_without_a_date_is_not_dated_from_a_year_in_its_text(site, tmp_path):
    body = ("<html><head><title>Hội nghị Ban Chấp hành</title></head><body><article><h1>Hội nghị Ban Chấp hành</h1>"
            "<p>Hội nghị Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020 - 2025 đã họp bàn nhiều nội dung quan trọng.</p>"
            "<p>Tăng trưởng kinh tế năm 2023 đạt 8,05%, thu ngân sách đạt 17.946 tỷ đồng, vượt dự toán.</p>"
            "</article></body></html>")
    site.add("/khong-ngay.html", body.encode("utf-8"))
    result = collect([site.url("/khong-ngay.html")], tmp_path, client=quick_client(site), keep_all=True)
    assert result.written and result.written[0].name.startswith("undated-")
    assert "2020-01-01" not in result.written[0].read_text("utf-8")


@pytest.mark.parametrize("damage", ["read-only", "corrupt"])
def test_a_record_of_fetched_pages_that_cannot_be_used_is_one_line(site, tmp_path, damage, monkeypatch):
    from typer.testing import CliRunner
    from briefing.cli import app

    news = tmp_path / "news"
    assert collect([site.url("/tin-tuc/bai-4.html")], news, client=quick_client(site)).written
    record = news / FETCHED_NAME
    if damage == "corrupt":
        record.write_bytes(b"not a database" * 100)
    else:  # as a read-only file opens for anyone but root (tests may run as root, whom modes do not stop)
        import sqlite3
        from briefing.fetch import collect as collect_module
        real_connect = sqlite3.connect
        monkeypatch.setattr(collect_module.sqlite3, "connect",
                            lambda path: real_connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
    before = record.read_bytes()
    result = CliRunner().invoke(app, ["fetch", site.url("/tin-tuc/bai-3.html"), "--into", str(news)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"briefing: {record}"), lines
    assert record.read_bytes() == before and len(list(news.glob("*.txt"))) == 1
