"""Bytes a reader downloads before pressing play, for each page.

Each page is opened in a fresh browser context (empty cache), scrolled to the bottom so lazy
images load, and every response body is summed.  Videos are preload="none": only posters.
The static server sends files uncompressed; the gzip column is what a host that gzips
text (HTML, CSS, JS, JSON, SVG) would send.  Requests to any other host are blocked and
counted: a page must make none.
"""

import gzip

from playwright.sync_api import sync_playwright

from tools import sitebrowser

TEXT = ("text/", "application/json", "application/javascript", "image/svg+xml")


def page_weight(context, base, path):
    sizes = []  # (url, bytes, gzip bytes, type)

    def finished(request):
        response = request.response()
        if response is None:
            return
        try:
            body = response.body()
        except Exception:  # aborted media requests have no body
            body = b""
        kind = response.headers.get("content-type", "")
        packed = len(gzip.compress(body, 6)) if kind.startswith(TEXT) else len(body)
        sizes.append((request.url, len(body), packed, kind))

    page = context.new_page()
    page.on("requestfinished", finished)
    page.goto(base + path, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    sitebrowser.scroll_to_bottom(page)
    page.wait_for_load_state("networkidle")
    page.close()
    return sizes


def measure(site):
    pages = sitebrowser.discover_pages(site)
    rows = []
    with sitebrowser.serve(site) as base, sync_playwright() as p:
        browser = sitebrowser.launch(p)
        for path in pages:
            context = browser.new_context(viewport=sitebrowser.DESKTOP)
            off_site = []

            def block(route, off_site=off_site):
                off_site.append(route.request.url)
                route.abort()

            context.route(lambda url: not url.startswith(base), block)
            sizes = page_weight(context, base, path)
            context.close()
            biggest = sorted(sizes, key=lambda s: -s[1])[:3]
            rows.append(
                {
                    "page": "/" + path,
                    "requests": len(sizes),
                    "bytes": sum(s[1] for s in sizes),
                    "gzip": sum(s[2] for s in sizes),
                    "video_bytes": sum(s[1] for s in sizes if s[3].startswith("video/")),
                    "biggest": [(u.replace(base, "/"), n) for u, n, _, _ in biggest],
                    "off_site": off_site,
                }
            )
        browser.close()
    return rows
