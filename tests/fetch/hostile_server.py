"""A hostile web server on 127.0.0.1: each path a raw-socket behaviour no polite server has (a body
that stops short, a byte a second, a gzip bomb, wrong encodings, endless redirects, Retry-After
for an hour). Only loopback is ever listened on or connected to."""

from __future__ import annotations

import gzip
import socketserver
import threading
import zlib

BOMB_BYTES = 50 * 1024 * 1024  # what the gzip bomb expands to


def _headers(status: str, fields: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in fields.items()] + ["Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


class Hostile:
    """Routes: path → function(socket, server) that writes whatever it likes."""

    def __init__(self, page: bytes):
        self.page = page
        self.stop = threading.Event()
        self.requests: list[tuple[str, str]] = []  # (path, the request's raw header block)
        bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
        self.bomb = bomb.compress(b"\0" * BOMB_BYTES) + bomb.flush()
        self.routes = {
            "/short": self.short_body, "/stall": self.stall, "/fake-gzip": self.fake_gzip,
            "/chained": self.chained, "/bomb": self.gzip_bomb, "/slow-headers": self.slow_headers,
            "/slow-body": self.slow_body, "/wait-an-hour": self.wait_an_hour, "/good": self.good,
        }
        hostile = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                head = b""
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    data = self.request.recv(4096)
                    if not data:
                        return
                    head += data
                text = head.decode("latin-1")
                path = text.split(" ", 2)[1] if text.count(" ") >= 2 else "/"
                hostile.requests.append((path, text))
                route = hostile.routes.get(path.split("?")[0], hostile.not_found)
                try:
                    route(self.request, path)
                except OSError:
                    pass  # the client hung up: what a deadline does

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def _dribble(self, sock, data: bytes) -> None:
        for byte in data:
            if self.stop.wait(1.0):
                return
            sock.sendall(bytes([byte]))

    # behaviours ------------------------------------------------------------------
    def good(self, sock, path):
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html; charset=utf-8",
                                          "Content-Length": str(len(self.page))}) + self.page)

    def not_found(self, sock, path):
        sock.sendall(_headers("404 Not Found", {"Content-Length": "0"}))

    def short_body(self, sock, path):  # promises 100,000 bytes, sends 3,000, hangs up
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Length": "100000"}) + self.page[:3000])

    def stall(self, sock, path):  # stops half-way and says nothing more
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Length": "100000"}) + self.page[:3000])
        self.stop.wait(30)

    def fake_gzip(self, sock, path):  # says gzip, sends plain HTML
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip",
                                          "Content-Length": str(len(self.page))}) + self.page)

    def chained(self, sock, path):  # twenty encodings, one on another
        body = self.page
        for _ in range(20):
            body = gzip.compress(body)
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Encoding": ", ".join(["gzip"] * 20),
                                          "Content-Length": str(len(body))}) + body)

    def gzip_bomb(self, sock, path):  # 50 KB that decode to 50 MB
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Content-Encoding": "gzip",
                                          "Content-Length": str(len(self.bomb))}) + self.bomb)

    def slow_headers(self, sock, path):  # the status line and headers at a byte a second
        self._dribble(sock, _headers("200 OK", {"Content-Type": "text/html", "X-Padding": "x" * 200}))

    def slow_body(self, sock, path):  # a chunked body at a byte a second, for ever
        sock.sendall(_headers("200 OK", {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}))
        while not self.stop.is_set():
            self._dribble(sock, b"1\r\nx\r\n")

    def wait_an_hour(self, sock, path):
        sock.sendall(_headers("503 Service Unavailable", {"Retry-After": "3600", "Content-Length": "0"}))

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
