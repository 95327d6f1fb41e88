"""The site's two languages and the one font each is set in (figures and videos alike).

中文 is the default: a page `x.md` is Chinese and served at /x/; `x.en.md` is English at /en/x/.
mkdocs.yml lists the same languages for mkdocs-static-i18n (tests/test_site.py checks it).
"""

LANGS = ("zh", "en")
DEFAULT_LANG = LANGS[0]
FONTS = {"zh": "Noto Sans CJK SC", "en": "DejaVu Sans"}
CJK_PACKAGE = "fonts-noto-cjk"  # the Debian package that has FONTS["zh"]
