"""Site-wide plumbing that no plugin does for us.

- Serve our styles as one stylesheet, assets/style.css (the only one mkdocs.yml names), so a
  page waits for one file before its first paint instead of four (on Lighthouse's slow phone
  the first paint came 0.3 s sooner).  It holds, in this order:
  - KaTeX's CSS, straight from node_modules, except that the fonts swap in (font-display:
    swap) instead of hiding the formulas' text until they arrive: on a slow phone that is up
    to 3 s of blank formulas.  Only the woff2 fonts ship (every browser that runs the site
    reads woff2): the CSS names no .woff or .ttf.  The fonts are served from the site itself
    (assets/katex/fonts/); hooks/katex_fonts.py cuts them to the characters of the formulas.
  - The palette's colours as CSS custom properties, written from figures_src/palette.py, so
    page text, the playground, the figures and the videos share them.
  - docs/assets/site.css and docs/assets/exercises.css, which are not served on their own.
- Make the language switcher's links relative, so the site works under any path (GitHub Pages
  serves it under /<repo>/, a local server at /): the i18n plugin writes "/" and "/en/".
- Rank the home page below the topic pages in search: it names every topic in passing, and its
  title ("交叉熵为什么学得更快") would otherwise put it first for 交叉熵 / cross-entropy.
- Keep one 404 page per language: both builds write site/404.html, the English one last;
  we move the English page to en/404.html and put the Chinese one back.
"""

import copy
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from figures_src import palette
from figures_src.paths import ROOT

KATEX = ROOT / "node_modules" / "katex" / "dist"
KATEX_DEST = "assets/katex"
KATEX_FONT = ".woff2"
# `,url(fonts/X.woff) format("woff")` and the .ttf one, after the woff2 source of each font
OLDER_FONTS = re.compile(r',url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)')

STYLE = "assets/style.css"
STYLE_SOURCES = ("assets/site.css", "assets/exercises.css")  # under docs/, after the palette

_first_404 = {}  # language -> bytes of the 404 page its build wrote


def katex_css():
    """KaTeX's CSS with swapping woff2 fonts, its font URLs relative to STYLE."""
    if not (KATEX / "katex.min.css").is_file():
        raise PluginError("node_modules/katex is missing: run `make setup`")
    css = (KATEX / "katex.min.css").read_text(encoding="utf-8")
    if "font-display:block" not in css or "url(fonts/" not in css:
        raise PluginError(
            "node_modules/katex/dist/katex.min.css: no font-display:block or url(fonts/ to rewrite"
        )
    content = OLDER_FONTS.sub("", css.replace("font-display:block", "font-display:swap"))
    if ".woff)" in content or ".ttf)" in content:
        raise PluginError("node_modules/katex/dist/katex.min.css: a font source other than woff2")
    fonts = f"{KATEX_DEST}/fonts/".removeprefix(STYLE.rpartition("/")[0] + "/")
    return content.replace("url(fonts/", f"url({fonts}")


def on_files(files, config):
    parts = [katex_css(), palette.css()]
    for uri in STYLE_SOURCES:
        source = files.get_file_from_path(uri)
        if source is None:
            raise PluginError(f"docs/{uri} is missing")
        parts.append(f"/* docs/{uri} */\n" + Path(source.abs_src_path).read_text(encoding="utf-8"))
        files.remove(source)
    _add_generated(files, config, STYLE, "\n".join(parts))
    for src in sorted((KATEX / "fonts").glob(f"*{KATEX_FONT}")):
        uri = f"{KATEX_DEST}/{src.relative_to(KATEX).as_posix()}"
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(src)))
    return files


def _add_generated(files, config, uri, content):
    """Serve text written at build time; it lives under build/ (the i18n plugin needs a path)."""
    path = ROOT / "build" / uri
    if not path.is_file() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if files.get_file_from_path(uri) is None:
        files.append(File.generated(config, uri, abs_src_path=str(path)))


HOME_SEARCH_BOOST = 0.1


def on_page_markdown(markdown, page, config, files):
    # (page.is_homepage is False for /en/, so look at the source: index.md, index.en.md)
    if page.file.src_uri.split(".")[0] == "index":
        page.meta.setdefault("search", {}).setdefault("boost", HOME_SEARCH_BOOST)
    return markdown


@event_priority(0)  # after mkdocs-static-i18n (priority 50) has set the per-page links
def on_page_context(context, page, config, nav):
    # The i18n plugin sets `config.extra.alternate` as an attribute, which Jinja reads first.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    base = _base_path(config)
    for alternate in alternates:
        link = alternate["link"]
        if link.startswith(base):
            # Site-root relative ("en/"); Material's `url` filter makes it page relative.
            alternate["link"] = link[len(base) :] or "./"
    context["language_homes"] = _language_homes(config)
    return context


def _base_path(config):
    """The site's path on its host: "/" locally, "/<repo>/" once site_url says so."""
    return urlsplit(config.site_url or "/").path.rstrip("/") + "/"


def _language_homes(config):
    """[{lang, link}] of each built language's home, site-root relative (overrides/main.html)."""
    i18n = config.plugins["i18n"]
    return [
        {"lang": lang.locale, "link": lang.link.lstrip("/") or "./"}
        for lang in i18n.config.languages
        if lang.build
    ]


def on_template_context(context, template_name, config):
    """The 404 page has no page context: reset the switcher the last page left behind to the
    language home pages (absolute, like the rest of the 404 page, which any URL may serve)."""
    if template_name == "404.html":
        default = copy.deepcopy(config.plugins["i18n"].extra_alternate)
        config.extra.alternate = default
        config.extra["alternate"] = default
        # absolute, like every link of the 404 page
        context["language_homes"] = [
            {**home, "link": _base_path(config) + home["link"].removeprefix("./")}
            for home in _language_homes(config)
        ]
    return context


def on_post_build(config):
    site = Path(config.site_dir)
    lang = config.theme["language"]
    page = site / "404.html"
    if not page.is_file():
        return
    _first_404[lang] = page.read_bytes()
    default = config.plugins["i18n"].default_language
    if lang != default and default in _first_404:
        (site / lang).mkdir(exist_ok=True)
        (site / lang / "404.html").write_bytes(_first_404[lang])
        page.write_bytes(_first_404[default])
