"""Per-language outputs written once both languages are built.

One search index per language: search/search_index.zh.json and search/search_index.en.json.

Material loads a single search/search_index.json, and mkdocs-static-i18n fills it with the pages
of every language, so a Chinese reader would get English hits and vice versa.
After the last language is built (i18n's on_post_build, priority -100, writes the merged index),
we split it by location; overrides/partials/search-lang.js makes each page load its own
language's file.

Material's language selector also fetches `sitemap.xml` next to the other language's home page
(/en/sitemap.xml); the i18n plugin writes one sitemap for both languages at the root, so we copy
it there instead of leaving a 404 in the reader's console.
"""

import json
import shutil
from pathlib import Path

from mkdocs.plugins import event_priority


def split(index, other_langs):
    """{lang: index} with the entries under `<lang>/` for each other language, the rest default."""
    prefixes = tuple(f"{lang}/" for lang in other_langs)
    parts = {}
    for entry in index["docs"]:
        location = entry["location"]
        lang = location.split("/", 1)[0] if location.startswith(prefixes) else None
        parts.setdefault(lang, []).append(entry)
    return parts


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:
        return  # an inner (per-language) build: the merged index is written afterwards
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    parts = split(index, others)
    for lang in i18n.build_languages:
        docs = parts.get(None if lang == i18n.default_language else lang, [])
        out = {"config": index["config"], "docs": docs}
        text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
        (path.parent / f"search_index.{lang}.json").write_text(text, encoding="utf-8")
    site = Path(config.site_dir)
    for lang in others:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).is_file() and (site / lang).is_dir():
                shutil.copyfile(site / name, site / lang / name)
