"""Remember each page's search entries, so a page-text edit re-indexes only the edited page.

Material's search plugin parses every page's HTML (thousands of KaTeX spans on a formula page)
and cuts its Chinese into words with jieba: a third of a rebuild.  Its entries depend only on
what it reads from the page (HTML, URL, table of contents, title, meta), so before it runs we
wrap its indexer with a cache under build/search-entries/, keyed by a hash of those inputs, the
plugin's version and this file.  Entries this process did not use are removed when it ends.
"""

import atexit
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import event_priority

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

CACHE = ROOT / "build" / "search-entries"
USED = set()  # cache entries read or written by this process


def _toc(items):
    return [[i.id, i.url, i.title, _toc(i.children)] for i in items]


def page_key(page):
    """A hash of everything Material's SearchIndex.add_entry_from_context reads."""
    meta = {k: page.meta.get(k) for k in ("search", "tags", "title")}
    inputs = [page.content, page.url, str(page.title), _toc(page.toc), meta]
    digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False, default=str).encode())
    digest.update(version("mkdocs-material").encode() + Path(__file__).read_bytes())
    return digest.hexdigest()[:32]


def cached_indexer(index, cache=CACHE):
    """``index.add_entry_from_context`` with its entries remembered per page."""
    add = index.add_entry_from_context

    def add_cached(page):
        path = cache / f"{page_key(page)}.json"
        if not USED:
            atexit.register(_prune, cache)
        USED.add(path.name)
        try:
            index.entries.extend(json.loads(path.read_text(encoding="utf-8")))
            return
        except FileNotFoundError:
            pass
        first = len(index.entries)
        add(page)
        write_atomic(path, json.dumps(index.entries[first:], ensure_ascii=False))

    add_cached.cached = True
    return add_cached


def _prune(cache):
    for old in cache.glob("*.json"):
        if old.name not in USED:
            old.unlink(missing_ok=True)


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None and not getattr(index.add_entry_from_context, "cached", False):
        index.add_entry_from_context = cached_indexer(index)
    return context
