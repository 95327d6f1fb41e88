"""Notebook pages: keyboard access to code cells, and only the notebook CSS the page uses.

- mkdocs-jupyter renders a code cell as `<div class="highlight-ipynb">`, which scrolls sideways
  when a line is long; a reader without a mouse can scroll it only if it can take the focus
  (axe-core: scrollable-region-focusable).  site.css draws the focus ring.
- mkdocs-jupyter inlines all of JupyterLab's stylesheet (about 580 KB, 90 KB gzipped) into the
  page, mostly rules for widgets a static notebook never shows.  We keep a rule only if one of
  its selectors can match: every class it needs (outside :not() and the like) occurs on the
  page, or is Material's (md-*: its JavaScript adds some after load).  Rules without classes,
  @font-face, @keyframes and the like stay as they are.  JupyterLab's own custom properties
  (--jp-*: icons as data URIs, about 80 KB) stay only if something on the page reads them.
  Parsing the stylesheet takes a second or two, so the result is kept in build/notebook-css/
  under a hash of the stylesheet, the page's classes and this file.
- nbconvert puts each plotted figure into the page as a base64 data URI: three quarters of the
  page's bytes, all of them before the first paint.  Each becomes a file of the site named by
  its content (generated/notebook/<hash>.png), loaded lazily, with its size given so nothing
  moves when it arrives.
"""

import base64
import hashlib
import re
import struct
from pathlib import Path

import tinycss2
from mkdocs.utils import get_relative_url

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

CACHE = ROOT / "build" / "notebook-css"
CODE_BOX = re.compile(r'<div class="(highlight-ipynb[^"]*)">')
STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.DOTALL)
CLASS_ATTR = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)')""")
# Parts of a selector that do not have to match for the selector to apply: the arguments of
# functional pseudo-classes (:not(.x) needs no .x) and attribute values ([href$=".pdf"]).
LOOSE = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\([^()]*\)|\[[^\]]*\]")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
RUNTIME_PREFIX = "md-"  # Material's JavaScript adds these classes after load
OWN_VARS = "--jp-"  # custom properties only the notebook stylesheet defines and reads
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def is_notebook(page):
    return page.file.src_uri.endswith((".py", ".ipynb"))


def on_page_content(content, page, config, files):
    if not is_notebook(page):
        return content
    return CODE_BOX.sub(r'<div class="\1" tabindex="0">', content)


def used_classes(html):
    return {name for m in CLASS_ATTR.finditer(html) for name in "".join(m.groups("")).split()}


def may_match(selector, used):
    strict = None
    while strict != selector:  # innermost first: :not(:is(.a)) -> :not() -> ""
        strict, selector = selector, LOOSE.sub("", selector)
    return all(name in used or name.startswith(RUNTIME_PREFIX) for name in CLASS.findall(strict))


def selectors(prelude):
    """A rule's selectors: its prelude split at the commas outside brackets and functions."""
    parts = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [tinycss2.serialize(part).strip() for part in parts]


def parse(css):
    """The stylesheet as a list of items, each one of
    ("rule", [selector], [(property or None, text)]), ("group", head, [item]), ("raw", text)."""
    items = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            body = tinycss2.parse_blocks_contents(
                rule.content, skip_whitespace=True, skip_comments=True
            )
            decls = [
                (d.name if d.type == "declaration" else None, d.serialize())
                for d in body
                if d.type != "error"
            ]
            items.append(("rule", selectors(rule.prelude), decls))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            head = f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}"
            items.append(("group", head, parse(tinycss2.serialize(rule.content or []))))
        elif rule.type != "error":
            items.append(("raw", rule.serialize()))
    return items


def serialize(items, used, read_vars=None):
    """The items that can match a page whose elements have the classes `used`; with
    `read_vars`, --jp-* custom properties not in it are dropped too."""
    out = []
    for kind, *rest in items:
        if kind == "rule":
            selectors, decls = rest
            kept = [s for s in selectors if may_match(s, used)]
            body = [
                text for name, text in decls
                if read_vars is None or not (name or "").startswith(OWN_VARS) or name in read_vars
            ]  # fmt: skip
            if kept and body:
                out.append(",".join(kept) + "{" + ";".join(body) + "}")
        elif kind == "group":
            head, inner = rest
            inner = serialize(inner, used, read_vars)
            if inner:
                out.append(head + "{" + inner + "}")
        else:
            out.append(rest[0])
    return "".join(out)


def prune_styles(styles, outside, used):
    """Pruned copies of the stylesheets `styles`; `outside` is the rest of the page (its
    inline style attributes may read custom properties too)."""
    parsed = [parse(css) for css in styles]
    read_vars = None
    while True:  # dropping a property can leave another one unread: repeat until stable
        pruned = [serialize(items, used, read_vars) for items in parsed]
        now_read = set(VAR_USE.findall(outside + "".join(pruned)))
        if now_read == read_vars:
            return pruned
        read_vars = now_read


def prune_page(html):
    """The page with its <style> blocks pruned to what the page can use."""
    styles = [m[2] for m in STYLE.finditer(html)]
    outside = STYLE.sub("", html)
    used = used_classes(html)
    # The key includes this file: a change to the pruning must not reuse an old result.
    parts = [Path(__file__).read_text(encoding="utf-8"), *styles, outside, *sorted(used)]
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    cached = CACHE / f"{key}.css"
    if cached.is_file():
        pruned = cached.read_text(encoding="utf-8").split("\0")
    else:
        pruned = prune_styles(styles, outside, used)
        write_atomic(cached, "\0".join(pruned))
    parts = iter(pruned)
    return STYLE.sub(lambda m: m[1] + next(parts) + m[3], html)


IMAGE_FOLDER = "generated/notebook"
DATA_PNG = re.compile(r'(<img\b[^>]*?)\ssrc="data:image/png;base64,([A-Za-z0-9+/=\s]+)"')


def png_size(data):
    """(width, height) from a PNG's header chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def move_images_out(html, page_url, site_dir):
    """Each inline PNG as a file of the site, linked from the page, loaded lazily."""

    def to_file(m):
        data = base64.b64decode(m[2])
        width, height = png_size(data)
        uri = f"{IMAGE_FOLDER}/{hashlib.sha256(data).hexdigest()[:16]}.png"
        target = Path(site_dir) / uri
        if not target.is_file():
            write_atomic(target, data)
        src = get_relative_url(uri, page_url)
        return (
            f'{m[1]} src="{src}" width="{width}" height="{height}" loading="lazy" decoding="async"'
        )

    return DATA_PNG.sub(to_file, html)


def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    return move_images_out(prune_page(output), page.url, config["site_dir"])
