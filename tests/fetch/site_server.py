"""A news site on 127.0.0.1 for the fetch tests: the seeds as web pages with real page furniture
(menus, related links, comments, share buttons, a cookie banner), a feed of them, and each failure
a client meets (404, 500, a page too slow, a PDF, a malformed feed, a redirect loop, robots.txt)."""

from __future__ import annotations

import html
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from briefing.ingest.read import read_article

SECRETARIAT_HEADLINE = "Giao ban công tác năm 2023 với các đồng chí bí thư tỉnh ủy, thành ủy"
FURNITURE_LINES = ("Trang chủ", "Thời sự", "Tin liên quan", "Bình luận", "Chia sẻ Facebook",
                   "Trang web sử dụng cookie", "Giấy phép số", "Bài viết rất hay")


def article_page(title: str, paragraphs: list[str], day: str, url: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{html.escape(title)} - Báo Địa Phương</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="Báo Địa Phương">
<meta property="article:published_time" content="{day}T08:00:00+07:00">
<link rel="canonical" href="{url}"><script>window.ads = [];</script></head><body>
<div class="cookie-banner">Trang web sử dụng cookie để cải thiện trải nghiệm của bạn. <button>Đồng ý</button></div>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<main><article><h1>{html.escape(title)}</h1><div class="meta">Cập nhật {day} 08:00</div>
<div class="share"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="content">{body}</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/b.html">Ra quân đầu xuân trên các công trình trọng điểm</a></li>
<li><a href="/c.html">Giá lúa tăng nhẹ trong tuần qua</a></li></ul></aside>
<section class="comments"><h3>Bình luận</h3><div class="comment">Nguyễn Văn A: Bài viết rất hay, cảm ơn tác giả.</div>
<div class="comment">Trần Thị B: Mong tỉnh nhà phát triển mạnh hơn nữa.</div></section></main>
<footer>© Báo Địa Phương. Giấy phép số 123/GP-BTTTT. Liên hệ quảng cáo.</footer></body></html>"""


def feed(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{html.escape(title)}</title><link>{base}{path}</link>"
        f"<pubDate>{formatdate(time.mktime(time.strptime(day, '%Y-%m-%d')), usegmt=True)}</pubDate></item>"
        for path, title, day in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Địa Phương</title>'
            f"<link>{base}/</link><description>Tin mới</description>{entries}</channel></rss>")


class Site:
    """Routes: path → (status, content type, body bytes, extra headers); ``slow`` paths sleep first."""

    def __init__(self, seeds: list[Path]):
        self.routes: dict[str, tuple[int, str, bytes, dict]] = {}
        self.requests: list[tuple[str, dict]] = []
        self.articles: dict[str, object] = {}  # path → the seed's Article
        self.headlines: dict[str, str] = {}  # path → the page's headline
        self.slow: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        items = []
        for number, seed in enumerate(seeds):
            article = read_article(str(seed))
            day = article.date[:10] if article.date and len(article.date) >= 10 else f"{(article.date or '2024-01')[:7]}-15"
            path = f"/tin-tuc/bai-{number}.html"
            # A seed with no title line has its first sentence cut short as a title; a page has a headline.
            headline = SECRETARIAT_HEADLINE if article.title.endswith("…") else article.title
            page = article_page(headline, [p.text for p in article.paragraphs], day, self.base + path)
            self.add(path, page.encode("utf-8"))
            self.articles[path] = article
            self.headlines[path] = headline
            items.append((path, headline, day))
        items.append(("/tin-tuc/da-go.html", "Bài đã gỡ", "2024-01-20"))  # a 404 in the feed
        self.feed_items = items
        self.add("/feed.xml", feed(self.base, items).encode("utf-8"), "application/rss+xml", {"ETag": '"v1"'})
        self.add("/robots.txt", b"User-agent: *\nDisallow: /rieng-tu/\n", "text/plain")
        self.add("/rieng-tu/bai.html", next(iter(self.routes.values()))[2])
        self.add("/loi.html", b"<html><body>Internal error</body></html>", status=500)
        self.add("/cham.html", next(iter(self.routes.values()))[2])
        self.slow.add("/cham.html")
        self.add("/tai-lieu.pdf", b"%PDF-1.4 not a page", "application/pdf")
        self.add("/hong.xml", b"<?xml version='1.0'?><rss><channel><item><title>x</titl", "application/rss+xml")
        self.add("/vong", b"", status=302, headers={"Location": "/vong"})

    def add(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", headers: dict | None = None,
            status: int = 200) -> None:
        self.routes[path] = (status, content_type, body, headers or {})

    def url(self, path: str) -> str:
        return self.base + path

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server name
                site.requests.append((self.path, dict(self.headers)))
                if self.path in site.slow:
                    time.sleep(1.5)
                status, content_type, body, headers = site.routes.get(self.path, (404, "text/html", b"Not found", {}))
                if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                    status, body = 304, b""
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out test)

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
