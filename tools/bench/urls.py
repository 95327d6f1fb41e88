"""Publishable URLs, read from the built site: every page has a canonical link under site_url
and the right `<html lang>`, and the sitemap lists every page with hreflang alternates for both
languages."""

import re

from tools.sitebrowser import discover_pages, lang_of

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")
SITEMAP_URL = re.compile(r"<url>(.*?)</url>", re.S)
LOC = re.compile(r"<loc>([^<]+)</loc>")
HREFLANG = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')


def measure(site):
    pages = discover_pages(site)
    problems = []
    canonicals = set()
    for path in pages:
        text = (site / path / "index.html").read_text(encoding="utf-8")
        canonical, lang = CANONICAL.search(text), HTML_LANG.search(text)
        if not canonical or not canonical[1].endswith("/" + path):
            problems.append(f"/{path}: canonical {canonical[1] if canonical else 'missing'}")
        else:
            canonicals.add(canonical[1])
        if not lang or lang[1] != lang_of(path):
            problems.append(f"/{path}: html lang {lang[1] if lang else 'missing'}")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    listed = 0
    for entry in SITEMAP_URL.findall(sitemap):
        loc = LOC.search(entry)[1]
        alternates = dict(HREFLANG.findall(entry))
        listed += 1
        if set(alternates) != {"zh", "en"} or loc not in alternates.values():
            problems.append(f"sitemap {loc}: hreflang {sorted(alternates) or 'missing'}")
    # Each URL in the sitemap is one language's page; its alternates name the other.
    in_sitemap = {LOC.search(e)[1] for e in SITEMAP_URL.findall(sitemap)}
    alternates = {h for e in SITEMAP_URL.findall(sitemap) for _, h in HREFLANG.findall(e)}
    missing = sorted(canonicals - in_sitemap - alternates)
    problems += [f"{url}: not in the sitemap" for url in missing]
    return {"pages": len(pages), "sitemap_urls": listed, "problems": problems}
