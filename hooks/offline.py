"""The offline copy (`make offline`: OFFLINE=true turns on Material's offline plugin).

Material's plugin turns directory URLs off and inlines the search index into search/search_index.js,
which the page loads with a <script> tag when it is opened from file:// (fetch is refused there).
What it leaves to us, and this hook does only when that plugin is on:

- The search worker cannot start from file:// either; the plugin adds @squidfunk's iframe-worker
  shim from a CDN. We serve the npm package's copy from the site itself (no other host, no network).
- Search in the reader's language: the plugin inlines the merged index of both languages; we write
  one search_index.js holding both per-language indexes (hooks/search_index.py) and picking the
  page's language, as overrides/partials/search-lang.js does online.
- Links written for directory URLs: raw HTML in a page (`<script src="../assets/...">`) is not
  rewritten by MkDocs, so we re-resolve it for the page's file URL; and a link to a folder
  ("en/", "./", from the language switcher) gets "index.html", since file:// lists folders.
- Font preloads are dropped: a preload is a CORS request, which file:// refuses.
- Caption tracks are inlined as data: URLs: Chromium refuses a <track> file from file://
  ("file: URLs are treated as unique security origins"), but plays a data: track.
"""

import base64
import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from figures_src.paths import ROOT
from hooks.placeholders import TOKEN  # skip code and math the same way

SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URI = "assets/iframe-worker/shim.js"
RAW_URL = re.compile(r'\b(src|href)="(?![a-z][a-z0-9+.-]*:|/|#)([^"]+)"')
FONT_PRELOAD = re.compile(r'<link rel="preload" href="[^"]*" as="font"[^>]*>\s*')
TRACK = re.compile(r'(<track\b[^>]*?\bsrc=")(?![a-z][a-z0-9+.-]*:|/)([^"]+)(")')
LINK = re.compile(r'\bhref="(?![a-z][a-z0-9+.-]*:|/|#)([^"#]*)(#[^"]*)?"')


def enabled(config):
    plugin = next((p for p in config.plugins.values() if type(p).__name__ == "OfflinePlugin"), None)
    return plugin is not None and plugin.config.enabled


def on_config(config):
    if not enabled(config):
        return config
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    config.extra["polyfills"] = [*polyfills, SHIM_URI]
    return config


_files = {}  # the build's Files, for on_post_page (which is not given them)


def on_files(files, config):
    if not enabled(config):
        return files
    _files["current"] = files
    if not SHIM.is_file():
        raise PluginError("node_modules/iframe-worker is missing: run `make setup`")
    if files.get_file_from_path(SHIM_URI) is None:
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
    return files


def _directory_url(page_url):
    """ "en/playground.html" -> "en/playground/", the URL the page's raw HTML was written for."""
    head, name = posixpath.split(page_url)
    if name in ("", "index.html"):
        return head + "/" if head else ""
    return posixpath.join(head, name.removesuffix(".html")) + "/"


def rebase(value, page_url):
    """A relative URL written for the directory-URL page, made relative to the file-URL page."""
    target = posixpath.normpath(posixpath.join(_directory_url(page_url), value))
    if value.endswith("/"):
        target = posixpath.join(target, "index.html")
    start = posixpath.dirname(page_url) or "."
    return posixpath.relpath(target, start)


def on_page_markdown(markdown, page, config, files):
    if not enabled(config):
        return markdown
    out, last = [], 0
    for match in TOKEN.finditer(markdown):  # code, math and placeholders stay as they are
        text = markdown[last : match.start()]
        out.append(RAW_URL.sub(lambda m: f'{m[1]}="{rebase(m[2], page.url)}"', text))
        out.append(match[0])
        last = match.end()
    out.append(RAW_URL.sub(lambda m: f'{m[1]}="{rebase(m[2], page.url)}"', markdown[last:]))
    return "".join(out)


def _folder_to_index(match):
    path, fragment = match[1], match[2] or ""
    if path == "" or not (path.endswith("/") or path in (".", "..")):
        return match[0]
    return f'href="{path.rstrip("/")}/index.html{fragment}"'


def _inline_track(match, page):
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), match[2]))
    file = _files["current"].get_file_from_path(uri)
    if file is None:
        raise PluginError(f"offline: {page.file.src_uri}: caption track {match[2]} not found")
    data = base64.b64encode(Path(file.abs_src_path).read_bytes()).decode("ascii")
    return f"{match[1]}data:text/vtt;base64,{data}{match[3]}"


def on_post_page(output, page, config):
    if not enabled(config):
        return output
    output = TRACK.sub(lambda m: _inline_track(m, page), output)
    # A preload is a CORS request, which file:// refuses; the stylesheet's own font loads work.
    return LINK.sub(_folder_to_index, FONT_PRELOAD.sub("", output))


@event_priority(-300)  # after the per-language indexes (-200) and Material's search_index.js (-100)
def on_post_build(config):
    if not enabled(config) or config.plugins["i18n"].building:
        return
    search = Path(config.site_dir) / "search"
    indexes = {}
    for path in sorted(search.glob("search_index.*.json")):
        lang = path.name.split(".")[1]
        indexes[lang] = json.loads(path.read_text(encoding="utf-8"))
    if not indexes:
        raise PluginError("offline: no per-language search index (hooks/search_index.py)")
    default = config.plugins["i18n"].default_language
    data = json.dumps(indexes, ensure_ascii=False, separators=(",", ":"))
    lang = f"document.documentElement.lang || {json.dumps(default)}"
    pick = f"function (all) {{ return all[{lang}] || all[{json.dumps(default)}]; }}"
    (search / "search_index.js").write_text(f"var __index = ({pick})({data});", encoding="utf-8")
