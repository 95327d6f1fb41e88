"""KaTeX's fonts cut down to the characters of the site's formulas.

hooks/site_assets.py ships KaTeX's woff2 fonts.  Once every language is built, each font is cut
to the characters of the site's formulas: the text of every `katex-html` span, which is all the
fonts ever draw (formulas are rendered at build time, never in the browser).  Main-Regular
drops from 26 KB to under 7 KB.  The cuts are kept in build/katex-fonts/ under a hash of the
font, the characters and this file, so a build whose formulas did not change cuts nothing.
"""

import hashlib
import html
import io
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

KATEX = ROOT / "node_modules" / "katex" / "dist"
FONTS = "assets/katex/fonts"  # hooks/site_assets.py puts them there
FONT_CACHE = ROOT / "build" / "katex-fonts"
FORMULA = re.compile(r'<span[^>]*\bclass="katex-html"')
SPAN_OR_TEXT = re.compile(r"<(/?)span\b[^>]*>|<[^>]*>|([^<]+)")


def formula_characters(page):
    """Every character KaTeX draws on one page: the text inside its `katex-html` spans."""
    chars, pos = set(), 0
    while match := FORMULA.search(page, pos):
        depth = 0
        for part in SPAN_OR_TEXT.finditer(page, match.start()):
            if part[2] is not None:
                chars.update(html.unescape(part[2]))
            elif part[0].startswith("<span"):
                depth += 1
            elif part[1]:
                depth -= 1
            if depth == 0:
                break
        pos = part.end()
    return chars


def site_formula_characters(site):
    """formula_characters of every page under `site`."""
    chars = set()
    for page in sorted(Path(site).rglob("*.html")):
        chars |= formula_characters(page.read_text(encoding="utf-8"))
    return chars


def subset_font(data, chars):
    """The woff2 `data` cut down to the glyphs of `chars` (and what they need)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, chars)))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def subset_katex_fonts(site):
    """Overwrite the site's KaTeX fonts with cuts to the characters its pages contain."""
    fonts = Path(site) / FONTS
    if not fonts.is_dir():
        return
    chars = "".join(sorted(site_formula_characters(site)))
    for dest in sorted(fonts.glob("*.woff2")):
        data = (KATEX / "fonts" / dest.name).read_bytes()
        # the key includes this file: a change to the cutting must not reuse an old cut
        key = hashlib.sha256(data + chars.encode("utf-8") + Path(__file__).read_bytes())
        key = key.hexdigest()
        cached = FONT_CACHE / f"{dest.stem}-{key[:24]}.woff2"
        if not cached.is_file():
            write_atomic(cached, subset_font(data, chars))
        dest.write_bytes(cached.read_bytes())


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # one language's inner build: the site is not complete yet
    subset_katex_fonts(Path(config.site_dir))
