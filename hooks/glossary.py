"""Glossary: hover tooltips at a term's first occurrence per page, and the `{{ glossary }}` table.

Data: docs/content/glossary.yml, entries {id, en, zh, zh_variants, en_variants, def_zh, def_en}.
Chinese has no spaces between words, so we cannot lean on word boundaries there: we match
plain substrings in text nodes, longest term first, and skip code, headings, math, links,
figure captions and the glossary table itself (a tooltip there would only repeat the cell).
Material shows `<abbr title>` as a styled tooltip with the `content.tooltips` feature.
"""

import atexit
import hashlib
import html
import re
from functools import lru_cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

DATA = ROOT / "docs" / "content" / "glossary.yml"
CACHE = ROOT / "build" / "glossary"
USED = set()  # cache entries read or written by this process
FIELDS = ("id", "en", "zh", "zh_variants", "en_variants", "def_zh", "def_en")
SKIP_TAGS = {
    "code",
    "pre",
    "kbd",
    "a",
    "abbr",
    "script",
    "style",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "summary",
    "math",
    "svg",
    "button",
    "label",
    "details",
    "option",
    "textarea",
}
SKIP_CLASSES = {
    "arithmatex",
    "katex",
    "katex-display",
    "glossary-table",
    "num",
    "headerlink",
    "jp-InputArea",
    "jp-OutputArea",
    "highlight",
}
HEADINGS = {
    "zh": ("中文", "English", "其他说法", "释义"),
    "en": ("English", "中文", "Other names", "Meaning"),
}


def load():
    """The entries, checked against the schema: a typo in the data fails the build."""
    if not DATA.is_file():
        raise PluginError(f"{DATA.relative_to(DATA.parent.parent)} is missing")
    return _parse(DATA, DATA.stat().st_mtime_ns)


@lru_cache(maxsize=2)  # read once per build, not once per page; an edit changes the mtime
def _parse(path, mtime_ns):
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        missing = [key for key in FIELDS if key not in entry]
        if missing:
            raise PluginError(f"docs/content/glossary.yml: entry {entry.get('id')} lacks {missing}")
    return entries


def render_table(lang):
    """HTML table of all terms: the page's language first, then the other, variants, meaning."""
    other = "en" if lang == "zh" else "zh"
    head = "".join(f"<th>{h}</th>" for h in HEADINGS[lang])
    rows = []
    for e in load():
        variants = "、".join(e["zh_variants"]) if lang == "zh" else ", ".join(e["en_variants"])
        other_variants = (
            ", ".join(e["en_variants"]) if lang == "zh" else "、".join(e["zh_variants"])
        )
        both = " / ".join(v for v in (variants, other_variants) if v)
        cells = (e[lang], e[other], both, e[f"def_{lang}"])
        rows.append(
            f'<tr id="term-{html.escape(e["id"])}">'
            + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
            + "</tr>"
        )
    return (
        '<table class="glossary-table"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _patterns(entries, lang):
    """(entry, regex) per entry; each regex matches any of its names, longest first."""
    result = []
    for e in entries:
        names = [e[lang], *e[f"{lang}_variants"]]
        names = sorted({n for n in names if n}, key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        # English: whole words, any case. Chinese: plain substring.
        regex = rf"(?<![\w-])(?:{body})(?![\w-])" if lang == "en" else body
        flags = re.IGNORECASE if lang == "en" else 0
        result.append((len(names[0]), e, re.compile(regex, flags)))
    # Longest name first, so 交叉熵代价函数 is taken before 代价函数 can claim part of it.
    return [(e, regex) for _, e, regex in sorted(result, key=lambda item: -item[0])]


def _text_nodes(tag):
    """The text nodes a term may be marked in, in document order.  One walk that never enters
    a skipped element: a formula page has thousands of KaTeX spans, and walking them once per
    glossary entry took most of a page-edit rebuild."""
    for child in tag.children:
        if type(child) is NavigableString:  # not comments, doctype, CDATA (subclasses)
            yield child
        elif isinstance(child, Tag):
            if child.name in SKIP_TAGS or SKIP_CLASSES & set(child.get("class") or ()):
                continue
            yield from _text_nodes(child)


def _tooltip(e, lang):
    if lang == "zh":
        return f"{e['zh']}（{e['en']}）：{e['def_zh']}"
    return f"{e['en']} ({e['zh']}): {e['def_en']}"


def annotate(content, lang):
    """Wrap the first occurrence of each term in `<abbr title=...>`."""
    soup = BeautifulSoup(content, "html.parser")
    nodes = list(_text_nodes(soup))
    for entry, regex in _patterns(load(), lang):
        for i, node in enumerate(nodes):
            match = regex.search(node)
            if not match:
                continue
            abbr = soup.new_tag("abbr", attrs={"title": _tooltip(entry, lang)})
            abbr["class"] = "glossary-term"
            abbr.string = match[0]
            # The text around the term stays open to the shorter terms that come later.
            before, after = node[: match.start()], node[match.end() :]
            parts = [NavigableString(before), abbr, NavigableString(after)]
            parts = [p for p in parts if p != ""]
            node.replace_with(*parts)
            nodes[i : i + 1] = [p for p in parts if p is not abbr]
            break
    return str(soup)


def cached_annotate(content, lang, cache=CACHE):
    """annotate(), remembered under build/glossary/ by a hash of the page's HTML, the language,
    the glossary and this file: a page-text edit re-annotates only the edited page (parsing a
    formula-heavy page took most of such a rebuild).  Entries this process did not use are
    removed when it ends."""
    digest = hashlib.sha256(f"{lang}\0{content}".encode())
    digest.update(DATA.read_bytes() if DATA.is_file() else b"")
    digest.update(Path(__file__).read_bytes())
    path = cache / f"{digest.hexdigest()[:32]}.html"
    if not USED:
        atexit.register(_prune, cache)
    USED.add(path.name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    out = annotate(content, lang)
    write_atomic(path, out.encode("utf-8"))
    return out


def _prune(cache):
    for old in cache.glob("*.html"):
        if old.name not in USED:
            old.unlink(missing_ok=True)


@event_priority(-50)  # after the math hook: formulas are already HTML and are skipped
def on_page_content(content, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return cached_annotate(content, lang)
