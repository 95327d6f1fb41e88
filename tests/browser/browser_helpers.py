"""Small page actions several browser tests share."""

import re
from pathlib import Path

from tools.sitebrowser import discover_pages, lang_of, site_dir, source_name

ROOT = Path(__file__).resolve().parents[2]
SITE = site_dir()
PAGES = discover_pages(SITE) if (SITE / "index.html").is_file() else []
SCHEMES = ("default", "slate")

# Math in Markdown source: $$ blocks, inline $...$, \( \) and \[ \] (pymdownx.arithmatex).
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
DISPLAY = re.compile(r"\$\$.+?\$\$|\\\[.+?\\\]", re.S)
INLINE = re.compile(r"(?<![\\$])\$(?=\S)[^$\n]+?(?<=[^\s\\])\$(?!\$)|\\\(.+?\\\)")
# Raw TeX a reader should never see outside code.
RAW_TEX = re.compile(r"\$\$|\\(frac|partial|sigma|eta|left|right|cdot|tag|begin|sum|ln)\b")


def built_html(path):
    """The built page's HTML from disk: a test can skip opening a page with nothing for it."""
    return (SITE / path / "index.html").read_text(encoding="utf-8")


def source_file(path):
    """docs/<name>.md (中文) or docs/<name>.en.md for a page path; None if not Markdown."""
    name = source_name(path)
    suffix = ".en.md" if lang_of(path) == "en" else ".md"
    for candidate in (ROOT / "docs" / (name + suffix), ROOT / "docs" / name / ("index" + suffix)):
        if candidate.is_file():
            return candidate
    return None


def math_in_source(text):
    """(display, inline) counts of math in Markdown text, code removed."""
    text = INLINE_CODE.sub("", FENCE.sub("", text))
    display = len(DISPLAY.findall(text))
    inline = len(INLINE.findall(DISPLAY.sub("", text)))
    return display, inline


# What scrolling to the bottom would leave, without the scrolling: every block laid out (site.css
# skips the layout of off-screen formulas) and every lazy image loaded.  No transitions either.
LAY_OUT_ALL = "*{transition:none!important;content-visibility:visible!important}"
LOAD_LAZY_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach((img) => { img.loading = "eager"; });
    await Promise.all(images.filter((img) => !img.complete).map((img) => new Promise((r) => {
        img.addEventListener("load", r, {once: true});
        img.addEventListener("error", r, {once: true});
        setTimeout(r, 5000);
    })));
}"""


def lay_out_everything(page):
    """The whole page laid out and its images loaded, as a reader who scrolled through it sees
    it (test_browser_pages.py scrolls for real, to check that lazy images load on the way)."""
    page.add_style_tag(content=LAY_OUT_ALL)
    page.evaluate(LOAD_LAZY_IMAGES)


def scheme(page):
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def toggle_palette(page):
    """Click the visible palette toggle once; returns False if the page has none."""
    label = page.locator("form[data-md-component=palette] label:not([hidden])")
    if label.count() == 0:
        return False
    label.first.click()
    return True


def set_scheme(page, wanted):
    """Click the palette toggle until the body has data-md-color-scheme=wanted."""
    for _ in range(4):
        if scheme(page) == wanted:
            return True
        if not toggle_palette(page):
            return False
    return scheme(page) == wanted


def visible_text_outside_code(page):
    """Rendered text of the page, leaving out code, KaTeX output and hidden nodes."""
    return page.evaluate(
        """() => {
            const skip = "pre, code, kbd, script, style, noscript, .katex, textarea";
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const out = [];
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const el = n.parentElement;
                if (!el || el.closest(skip)) continue;
                const shown = {visibilityProperty: true, opacityProperty: true};
                if (!el.checkVisibility(shown)) continue;
                out.push(n.textContent);
            }
            return out.join(" ");
        }"""
    )
