"""The test server itself: Range requests, MIME types, page discovery (no browser needed)."""

import urllib.request

from tools.sitebrowser import discover_pages, parse_range, serve, twin


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, r.headers, r.read()  # headers: case-insensitive
    except urllib.error.HTTPError as e:
        return e.code, e.headers, b""


def test_range_requests_and_mime_types(tmp_path):
    (tmp_path / "v.mp4").write_bytes(bytes(range(100)))
    for name in ("a.svg", "f.woff2", "d.json"):
        (tmp_path / name).write_text("x")
    with serve(tmp_path) as base:
        status, headers, body = fetch(base + "v.mp4", Range="bytes=10-19")
        assert status == 206 and body == bytes(range(10, 20))
        assert headers["Content-Range"] == "bytes 10-19/100"
        assert headers["Content-Type"] == "video/mp4"
        status, _, body = fetch(base + "v.mp4", Range="bytes=90-")
        assert status == 206 and body == bytes(range(90, 100))
        assert fetch(base + "v.mp4", Range="bytes=100-")[0] == 416
        status, headers, body = fetch(base + "v.mp4")
        assert status == 200 and len(body) == 100 and headers["Accept-Ranges"] == "bytes"
        types = {n: fetch(base + n)[1]["Content-Type"] for n in ("a.svg", "f.woff2", "d.json")}
        assert types == {
            "a.svg": "image/svg+xml",
            "f.woff2": "font/woff2",
            "d.json": "application/json",
        }


def test_parse_range_suffix_and_clamp():
    assert parse_range("bytes=-10", 100) == (90, 99)
    assert parse_range("bytes=5-500", 100) == (5, 99)
    assert parse_range("bytes=50-40", 100) is None
    assert parse_range("items=0-1", 100) is None


def test_discover_pages_and_twins(tmp_path):
    for d in ("", "learning", "en", "en/learning", "assets/x", "search"):
        (tmp_path / d).mkdir(parents=True, exist_ok=True)
        (tmp_path / d / "index.html").write_text("<html></html>")
    (tmp_path / "404.html").write_text("")
    assert sorted(discover_pages(tmp_path)) == ["", "en/", "en/learning/", "learning/"]
    assert twin("learning/") == "en/learning/" and twin("en/") == ""


def test_compressing_server_gzips_pages_and_text_only(tmp_path):
    import gzip

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "x" * 500)
    (tmp_path / "v.mp4").write_bytes(b"\0" * 500)
    with serve(tmp_path, compress=True) as base:
        status, headers, body = fetch(base + "page/", **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == b"<p>" + b"x" * 500
        _, headers, body = fetch(base + "v.mp4", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] is None and len(body) == 500


def test_compressing_server_keeps_the_connection_alive(tmp_path):
    """As a static host does: several replies (a page, a range of a video, a folder without its
    slash) come over one connection, each with its length."""
    import http.client
    from urllib.parse import urlsplit

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "x" * 500)
    (tmp_path / "v.mp4").write_bytes(bytes(range(200)))
    with serve(tmp_path, compress=True) as base:
        conn = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
        answers = []
        for path, headers in [
            ("/page/", {"Accept-Encoding": "gzip"}),
            ("/v.mp4", {"Range": "bytes=10-19"}),
            ("/page", {}),
            ("/page/", {}),
        ]:
            conn.request("GET", path, headers=headers)
            reply = conn.getresponse()
            answers.append((reply.status, reply.read()))
            assert reply.version == 11 and not reply.will_close, path
        sock = conn.sock
        conn.close()
    assert [status for status, _ in answers] == [200, 206, 301, 200]
    assert answers[1][1] == bytes(range(10, 20))
    assert answers[3][1] == b"<p>" + b"x" * 500
    assert sock is not None
