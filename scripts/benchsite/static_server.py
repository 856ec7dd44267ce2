"""A local static server for the built site that compresses the way a static host does.

GitHub Pages, Netlify and nginx with `gzip on` send text (HTML, CSS, JS, JSON, SVG, XML)
gzip-compressed and images or fonts as they are; this server does the same, on 127.0.0.1 only.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6  # the usual server default


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def content_type(path: Path) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    if path.suffix == ".js":
        return "application/javascript"
    return guessed or "application/octet-stream"


def is_compressible(mime: str) -> bool:
    return mime.startswith(COMPRESSIBLE_TYPES)


class _CompressingHandler(BaseHTTPRequestHandler):
    """Serves the built site from `server.root`, gzip-compressing text when the client accepts it."""

    server: _SiteServer

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the signature http.server calls)
        pass

    def _respond(self, send_body: bool) -> None:
        url_path = unquote(urlsplit(self.path).path)
        target = (self.server.root / url_path.lstrip("/")).resolve()
        if not target.is_relative_to(self.server.root):
            self._send(HTTPStatus.NOT_FOUND, self.server.root / "404.html", send_body)
        elif target.is_dir() and not url_path.endswith("/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif target.is_dir() and (target / "index.html").is_file():
            self._send(HTTPStatus.OK, target / "index.html", send_body)
        elif target.is_file():
            self._send(HTTPStatus.OK, target, send_body)
        else:
            self._send(HTTPStatus.NOT_FOUND, self.server.root / "404.html", send_body)

    def _send(self, status: HTTPStatus, path: Path, send_body: bool) -> None:
        body = path.read_bytes() if path.is_file() else b"Not found"
        mime = content_type(path)
        gzipped = is_compressible(mime) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = self.server.compressed(path, body)
        self.send_response(status)
        self.send_header("Content-Type", f"{mime}; charset=utf-8" if mime.startswith("text/") else mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        super().__init__(("127.0.0.1", 0), _CompressingHandler)
        self.root = root.resolve()
        self._cache: dict[Path, bytes] = {}
        self._lock = threading.Lock()

    def compressed(self, path: Path, body: bytes) -> bytes:
        with self._lock:
            if path not in self._cache:
                self._cache[path] = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            return self._cache[path]


@contextmanager
def serve_site(site_dir: Path):
    """Serve `site_dir` on 127.0.0.1 (a free port) with gzip; yields the base URL ending in '/'."""
    server = _SiteServer(site_dir)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
