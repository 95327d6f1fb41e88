"""Glossary: hover tooltips at a term's first occurrence per page, and the `{{ glossary }}` table.

Data: docs/content/glossary.yml, entries {id, en, zh, zh_variants, en_variants, def_zh, def_en}.
Chinese has no spaces between words, so we cannot lean on word boundaries there: we match
plain substrings in text nodes, longest term first, and skip code, headings, math, links,
figure captions and the glossary table itself (a tooltip there would only repeat the cell).
Material shows `<abbr title>` as a styled tooltip with the `content.tooltips` feature.
"""

import html
import re

import yaml
from bs4 import BeautifulSoup, NavigableString
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from figures_src.paths import ROOT

DATA = ROOT / "docs" / "content" / "glossary.yml"
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
    entries = yaml.safe_load(DATA.read_text(encoding="utf-8")) or []
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


def _skipped(node):
    for parent in node.parents:
        if parent.name in SKIP_TAGS:
            return True
        if SKIP_CLASSES & set(parent.get("class") or ()):
            return True
    return False


def _tooltip(e, lang):
    if lang == "zh":
        return f"{e['zh']}（{e['en']}）：{e['def_zh']}"
    return f"{e['en']} ({e['zh']}): {e['def_en']}"


def annotate(content, lang):
    """Wrap the first occurrence of each term in `<abbr title=...>`."""
    soup = BeautifulSoup(content, "html.parser")
    for entry, regex in _patterns(load(), lang):
        for node in soup.find_all(string=True):
            if type(node) is not NavigableString:
                continue  # comments, doctype, CDATA are NavigableString subclasses
            match = regex.search(node)
            if not match or _skipped(node):
                continue
            abbr = soup.new_tag("abbr", attrs={"title": _tooltip(entry, lang)})
            abbr["class"] = "glossary-term"
            abbr.string = match[0]
            parts = [node[: match.start()], abbr, node[match.end() :]]
            node.replace_with(*[p for p in parts if p != ""])
            break
    return str(soup)


@event_priority(-50)  # after the math hook: formulas are already HTML and are skipped
def on_page_content(content, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    return annotate(content, lang)
