"""Save a PNG of every page, both languages, desktop (1280x800) and phone (390x844).

Usage: python -m tools.screenshots [SITE_DIR] [OUT_DIR]   (defaults: site build/screenshots)
Files: OUT_DIR/<desktop|phone>/<lang>-<page>.png, full page, light palette.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools import sitebrowser

VIEWPORTS = {"desktop": sitebrowser.DESKTOP, "phone": sitebrowser.PHONE}


def file_name(path):
    lang = sitebrowser.lang_of(path)
    return f"{lang}-{sitebrowser.source_name(path)}.png"


def main(site="site", out="build/screenshots"):
    site, out = Path(site), Path(out)
    pages = sitebrowser.discover_pages(site)
    if not pages:
        sys.exit(f"no pages in {site}: run `make site` first")
    with sitebrowser.serve(site) as base, sync_playwright() as p:
        browser = sitebrowser.launch(p)
        for kind, viewport in VIEWPORTS.items():
            (out / kind).mkdir(parents=True, exist_ok=True)
            context = browser.new_context(
                viewport=viewport, color_scheme="light", is_mobile=kind == "phone"
            )
            # Only this site: anything else is aborted, as in the tests.
            context.route(lambda url, base=base: not url.startswith(base), lambda r: r.abort())
            page = context.new_page()
            for path in pages:
                page.goto(base + path, wait_until="load")
                sitebrowser.scroll_to_bottom(page)
                page.evaluate("window.scrollTo(0, 0)")
                target = out / kind / file_name(path)
                page.screenshot(path=str(target), full_page=True, animations="disabled")
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
