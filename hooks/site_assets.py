"""Site-wide plumbing that no plugin does for us.

- Serve the palette's colours as CSS custom properties (assets/palette.css, written from
  figures_src/palette.py), so page text, the playground, the figures and the videos share them.
- Serve KaTeX's CSS and fonts from the site itself (assets/katex/), straight from node_modules,
  except that the fonts swap in (font-display: swap) instead of hiding the formulas' text
  until they arrive: on a slow phone that is up to 3 s of blank formulas.  Only the woff2
  fonts ship (every browser that runs the site reads woff2): the CSS names no .woff or .ttf.
  hooks/katex_fonts.py then cuts them to the characters of the site's formulas.
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

PALETTE_CSS = palette.CSS_NAME

_first_404 = {}  # language -> bytes of the 404 page its build wrote


def on_files(files, config):
    if not (KATEX / "katex.min.css").is_file():
        raise PluginError("node_modules/katex is missing: run `make setup`")
    css = (KATEX / "katex.min.css").read_text(encoding="utf-8")
    if "font-display:block" not in css:
        raise PluginError("node_modules/katex/dist/katex.min.css: no font-display:block to swap")
    # mkdocs-static-i18n needs every file to have a source path: write ours under build/.
    swapped = ROOT / "build" / "katex" / "katex.min.css"
    content = OLDER_FONTS.sub("", css.replace("font-display:block", "font-display:swap"))
    if ".woff)" in content or ".ttf)" in content:
        raise PluginError("node_modules/katex/dist/katex.min.css: a font source other than woff2")
    if not swapped.is_file() or swapped.read_text(encoding="utf-8") != content:
        swapped.parent.mkdir(parents=True, exist_ok=True)
        swapped.write_text(content, encoding="utf-8")
    uri = f"{KATEX_DEST}/katex.min.css"
    if files.get_file_from_path(uri) is None:
        files.append(File.generated(config, uri, abs_src_path=str(swapped)))
    _add_generated(files, config, PALETTE_CSS, palette.css())
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
