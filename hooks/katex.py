"""Render every formula to HTML at build time with KaTeX (no math JavaScript in the browser).

pymdownx.arithmatex (generic) leaves `<span class="arithmatex">\\(...\\)</span>` and
`<div class="arithmatex">\\[...\\]</div>`; notebook pages (mkdocs-jupyter) leave bare `$...$`
in their Markdown cells and ask for MathJax from a CDN, which we remove. One Node process
(hooks/katex_render.mjs) is started on first use and serves the whole build, page by page.
A KaTeX error stops the build. A display formula with `\\tag{N}` gets the anchor id `eq-N`.
Rendered formulas are kept in build/katex-html/ (one file, named by a hash of KaTeX's version
and the renderer script), so a page-text edit starts no Node process unless a formula is new.
"""

import atexit
import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

SCRIPT = Path(__file__).resolve().parent / "katex_render.mjs"
HTML_CACHE = ROOT / "build" / "katex-html"

ARITHMATEX = re.compile(r'<(?P<tag>div|span) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.DOTALL)
DELIMS = {r"\[": (r"\]", True), r"\(": (r"\)", False)}  # opening -> (closing, display)
TAG = re.compile(r"\\tag\*?\{([^{}]*)\}")
# Notebook Markdown cells: $$...$$ (display) before $...$ (inline); \$ is a literal dollar.
NB_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?P<inline>[^$]+?)(?<!\\)\$", re.DOTALL)
# What a notebook page must not load: MathJax (an empty-src loader and its config) and the
# mermaid loader, which imports from a CDN.
NB_REMOTE = re.compile(
    r'<script[^>]*type="text/x-mathjax-config"[^>]*>.*?</script>'
    r'|<script[^>]*\bsrc="(?:(?:https?:)?//[^"]*)?"[^>]*>\s*</script>'
    r'|<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>'
    r'|<link[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*>',
    re.DOTALL | re.IGNORECASE,
)


class Renderer:
    """A long-lived `node hooks/katex_render.mjs`; batches one page's formulas per request."""

    def __init__(self, cache_dir=HTML_CACHE):
        self.proc = None
        self.cache = None  # {(tex, display): html}, read from cache_dir on first use
        self.new = 0  # formulas rendered since the cache was read or written
        self.cache_dir = cache_dir

    def _cache_file(self):
        package = ROOT / "node_modules" / "katex" / "package.json"
        digest = hashlib.sha256(SCRIPT.read_bytes())
        digest.update(package.read_bytes() if package.is_file() else b"")
        return self.cache_dir / f"{digest.hexdigest()[:20]}.json"

    def _load(self):
        try:
            saved = json.loads(self._cache_file().read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            saved = []
        self.cache = {(tex, display): out for tex, display, out in saved}
        atexit.register(self.save)

    def save(self):
        """Write the cache when this process rendered something new.  It only grows (an edited
        formula adds one entry); `make clean` empties build/, a new KaTeX starts a new file."""
        if not self.new:
            return
        entries = [[tex, display, out] for (tex, display), out in sorted(self.cache.items())]
        path = self._cache_file()
        write_atomic(path, json.dumps(entries, ensure_ascii=False))
        self.new = 0
        for old in self.cache_dir.glob("*.json"):
            if old != path:
                old.unlink(missing_ok=True)

    def _start(self):
        node = shutil.which("node")
        if node is None:
            raise PluginError("node is not installed: KaTeX needs Node.js (`make setup`)")
        if not (ROOT / "node_modules" / "katex").is_dir():
            raise PluginError("node_modules/katex is missing: run `make setup`")
        self.proc = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        atexit.register(self.close)

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        self.proc = None

    def render(self, items):
        """items: [(tex, display)] -> [html]; raises PluginError on the first KaTeX error."""
        if self.cache is None:
            self._load()
        todo = sorted({item for item in items if item not in self.cache})
        if todo:
            if self.proc is None or self.proc.poll() is not None:
                self._start()
            batch = [{"tex": tex, "display": display} for tex, display in todo]
            self.proc.stdin.write(json.dumps(batch) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
            if not line:
                raise PluginError("the KaTeX renderer (node hooks/katex_render.mjs) died")
            for item, out in zip(todo, json.loads(line), strict=True):
                if "error" in out:
                    raise PluginError(f"KaTeX cannot render {item[0]!r}: {out['error']}")
                # MathML (with the TeX source) is for screen readers, not for search excerpts.
                self.new += 1
                self.cache[item] = out["html"].replace(
                    '<span class="katex-mathml">', '<span class="katex-mathml" data-search-exclude>'
                )
        return [self.cache[item] for item in items]


RENDERER = Renderer()


def _display_html(tex, rendered, page, ids, element="div"):
    """A display formula; `\\tag{N}` makes it the anchor `eq-N`."""
    tag = TAG.search(tex)
    anchor = ""
    if tag:
        name = "eq-" + re.sub(r"[^\w.-]+", "-", tag[1].strip()).strip("-")
        if name in ids:
            raise PluginError(f"{page.file.src_uri}: two equations are tagged {tag[1]!r}")
        ids.add(name)
        anchor = f' id="{name}"'
    return f'<{element} class="arithmatex math-display"{anchor}>{rendered}</{element}>'


def _split(raw, page):
    """arithmatex's escaped `\\(x\\)` / `\\[x\\]` -> (tex, display)."""
    tex = html.unescape(raw).strip()
    closing, display = DELIMS.get(tex[:2], (None, None))
    if closing is None or not tex.endswith(closing):
        raise PluginError(f"{page.file.src_uri}: unexpected arithmatex output {tex[:40]!r}")
    return tex[2:-2].strip(), display


def render_markdown_math(content, page):
    """The arithmatex blocks of a Markdown page -> KaTeX HTML."""
    found = [_split(match["tex"], page) for match in ARITHMATEX.finditer(content)]
    if not found:
        return content, set()
    try:
        rendered = iter(RENDERER.render(found))
    except PluginError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None
    ids = set()

    def replace(match):
        out = next(rendered)
        tex, display = _split(match["tex"], page)
        if not display:
            return f'<span class="arithmatex">{out}</span>'
        return _display_html(tex, out, page, ids, match["tag"])

    return ARITHMATEX.sub(replace, content), ids


def render_notebook_math(content, page):
    """Bare `$...$` in a notebook's Markdown cells -> KaTeX HTML; MathJax is dropped."""
    content = NB_REMOTE.sub("", content)
    soup = BeautifulSoup(content, "html.parser")
    nodes = []
    for cell in soup.select(".jp-RenderedMarkdown"):
        for node in cell.find_all(string=NB_MATH):
            if type(node) is NavigableString and not node.find_parent(["code", "pre"]):
                nodes.append(node)
    items = [
        ((m["display"] or m["inline"]).strip(), m["display"] is not None)
        for node in nodes
        for m in NB_MATH.finditer(node)
    ]
    try:
        rendered = iter(RENDERER.render(items))
    except PluginError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None
    ids = set()
    for node in nodes:
        parts, last = [], 0
        for m in NB_MATH.finditer(node):
            parts.append(html.escape(node[last : m.start()]))
            out = next(rendered)
            if m["display"] is not None:
                # a span: the formula sits inside a <p>, where a <div> is not allowed
                parts.append(_display_html(m["display"], out, page, ids, "span"))
            else:
                parts.append(f'<span class="arithmatex">{out}</span>')
            last = m.end()
        parts.append(html.escape(node[last:]))
        node.replace_with(BeautifulSoup("".join(parts), "html.parser"))
    return str(soup), ids


@event_priority(50)  # before the glossary hook, which must see formulas as HTML to skip them
def on_page_content(content, page, config, files):
    if page.file.src_uri.endswith(".py") or page.file.src_uri.endswith(".ipynb"):
        content, ids = render_notebook_math(content, page)
    else:
        content, ids = render_markdown_math(content, page)
    # Anchors added after Markdown rendering: tell MkDocs' link validation they exist.
    # (None means MkDocs did not render the page itself, e.g. a notebook: it is not validated.)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= ids
    return content
