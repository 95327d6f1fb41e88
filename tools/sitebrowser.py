"""Serve the built site on 127.0.0.1 and drive Debian's chromium at it.

Shared by the browser tests (tests/browser/), `make screenshots` and `make bench`.
Python's http.server has no HTTP Range support, and Chromium needs it to seek (and
sometimes to play) an mp4, so the handler here answers `Range: bytes=a-b` with 206.
"""

import gzip
import io
import os
import re
import threading
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from figures_src.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
# Debian's chromium runs as root in CI (no sandbox) and must not phone home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LANGS = ("zh", "en")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Directories of the built site that hold no pages.
TEXT_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")
NOT_PAGES = {"assets", "search", "generated", "stylesheets", "javascripts"}


def site_dir():
    """The built site: $BROWSER_SITE_DIR (e.g. a private build in /tmp), else site/."""
    return Path(os.environ.get("BROWSER_SITE_DIR") or ROOT / "site")


def discover_pages(root):
    """URL paths ('' for the home page, 'learning/', 'en/learning/') of every page.

    A page is a directory with an index.html, outside assets and search; 404.html is not one.
    """
    root = Path(root)
    pages = []
    for index in sorted(root.rglob("index.html")):
        rel = index.parent.relative_to(root)
        if any(part in NOT_PAGES for part in rel.parts):
            continue
        pages.append("" if not rel.parts else rel.as_posix() + "/")
    return pages


def lang_of(path):
    return "en" if path == "en/" or path.startswith("en/") else "zh"


def twin(path):
    """The same page in the other language."""
    if lang_of(path) == "en":
        return path[len("en/") :]
    return "en/" + path


def source_name(path):
    """The page's name in docs/: '' -> 'index', 'en/learning/' -> 'learning'."""
    if lang_of(path) == "en":
        path = path[len("en/") :]
    return path.strip("/") or "index"


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with correct MIME types, Range requests and no access log."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mp4": "video/mp4",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".json": "application/json",
        ".js": "text/javascript",
        ".css": "text/css",
        ".jpg": "image/jpeg",
        ".png": "image/png",
        ".ipynb": "application/json",
    }

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    compress = False  # gzip text files, like a static host (the benchmark turns it on)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")  # a page: gzip its index.html too
        spec = self.headers.get("Range")
        if self.compress and not spec and os.path.isfile(path):
            kind = self.guess_type(path)
            if kind.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send_gzipped(path, kind)
        if not spec or not os.path.isfile(path):
            return super().send_head()
        size = os.path.getsize(path)
        span = parse_range(spec, size)
        if span is None:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        start, end = span
        with open(path, "rb") as f:
            f.seek(start)
            body = f.read(end - start + 1)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_gzipped(self, path, kind):
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def parse_range(spec, size):
    """(start, end) inclusive for the first range of 'bytes=a-b', 'bytes=a-', 'bytes=-n'."""
    m = re.fullmatch(r"\s*bytes=(\d*)-(\d*)\s*(,.*)?", spec)
    if not m or (not m[1] and not m[2]):
        return None
    if m[1]:
        start = int(m[1])
        end = min(int(m[2]), size - 1) if m[2] else size - 1
    else:
        start, end = max(size - int(m[2]), 0), size - 1
    if start >= size or start > end:
        return None
    return start, end


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Chromium drops media connections once it has what it needs: not an error.
        pass


@contextmanager
def serve(root, compress=False):
    """Serve ``root`` on 127.0.0.1 at a free port; yields the base URL ending in '/'.

    ``compress`` serves as a static host does: text gzipped, and connections kept alive
    (HTTP/1.1; every reply has its length), so a page's files share a few connections instead
    of opening one each (Lighthouse models a new connection's handshake on a slow network)."""
    protocol = "HTTP/1.1" if compress else "HTTP/1.0"
    handler_class = type(
        "Handler", (RangeHandler,), {"compress": compress, "protocol_version": protocol}
    )
    handler = partial(handler_class, directory=str(root))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# A proxy that is not there: a test browser context sends every request that leaves 127.0.0.1
# to it, where it fails at once.  Unlike routing each request through the test, this keeps
# the browser's cache and costs nothing.  (Playwright proxies loopback too unless told not to.)
NO_NETWORK = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}


def launch(playwright):
    """Debian's chromium, headless (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def scroll_to_bottom(page, step=600):
    """Scroll down in steps so lazy images start loading, then wait for them."""
    page.evaluate(
        """async (step) => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
                window.scrollTo(0, y);
                await new Promise((r) => {  // a frame, or a second when the page draws none
                    requestAnimationFrame(() => setTimeout(r, 30));
                    setTimeout(r, 1000);
                });
            }
            window.scrollTo(0, document.documentElement.scrollHeight);
            const pending = [...document.images].filter((img) => !img.complete);
            await Promise.all(pending.map((img) => new Promise((r) => {
                img.addEventListener("load", r, {once: true});
                img.addEventListener("error", r, {once: true});
                setTimeout(r, 5000);
            })));
        }""",
        step,
    )
