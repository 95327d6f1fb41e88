"""The built site: both languages, numbers from the JSON, math as HTML, nothing from other hosts.

Most tests read site/, which `make test` builds first (`make site`). The strict-build test reads
the log that build left in build/site-build.log; only when site/ came from another build (the
log is missing or older than the pages) does it build again into a temporary directory.
"""

import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, CData, NavigableString

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))  # override to test another build
DOCS = ROOT / "docs"
DATA = DOCS / "generated" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]")
RAW_TEX = ("{{", "$$", "\\frac", "\\partial", "\\(", "\\)", "\\[", "\\sigma", "\\tag", "\\eta")
CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1|`+[^`\n]*`+", re.MULTILINE | re.DOTALL)
GENERATED_ID = re.compile(r"generated/(figures|videos)/([\w.-]+)-(zh|en)\.(\w+)$")


def _pages():
    """Page names (docs/<name>.md or notebook .py) that have a Chinese source."""
    names = {p.name.split(".")[0] for p in DOCS.glob("*.md")}
    names |= {p.name.split(".")[0] for p in DOCS.glob("notebook*.py")}
    return sorted(names)


PAGES = _pages()


def _html_path(name, lang):
    prefix = SITE / "en" if lang == "en" else SITE
    return prefix / "index.html" if name == "index" else prefix / name / "index.html"


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def pages(site):
    """{(name, lang): soup} for every page in both languages."""
    return {(n, lang): _soup(_html_path(n, lang)) for n in PAGES for lang in ("zh", "en")}


HIDDEN = "script, style, code, pre, .katex-mathml, annotation"


def _visible_text(soup):
    """The page's text (article, navigation, title): no scripts, styles, code, hidden MathML.
    (The session's soups are shared, so the hidden parts are skipped, not cut out.)"""
    hidden = {id(tag) for tag in soup.select(HIDDEN)}
    return "".join(
        text
        for text in soup.find_all(string=True)
        if type(text) in (NavigableString, CData)  # what get_text() reads: no comments
        and not any(id(parent) in hidden for parent in text.parents)
    )


# --- the build itself ---------------------------------------------------------------------------


BUILD_LOG = ROOT / "build" / "site-build.log"  # written by mk/site.mk's strict build


def _strict_build_log(site, tmp_path):
    """The output of the `mkdocs build --strict` that made site/, or of a fresh one."""
    index = site / "index.html"
    if BUILD_LOG.is_file() and BUILD_LOG.stat().st_mtime >= index.stat().st_mtime:
        return 0, BUILD_LOG.read_text(encoding="utf-8", errors="replace")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return proc.returncode, proc.stdout + proc.stderr


def test_strict_build_has_no_warnings(site, tmp_path):
    status, log = _strict_build_log(site, tmp_path)
    # MkDocs' own lines start with the level; the notebook's kernel writes "[IPKernelApp] WARNING |"
    # or a bare traceback. Either one means the build needs a look.
    kernel_log = re.compile(r"\] (WARNING|ERROR) \|")
    warnings = [
        line
        for line in log.splitlines()
        if line.startswith(("WARNING", "ERROR", "Traceback")) or kernel_log.search(line)
    ]
    assert status == 0, log[-3000:]
    assert "Documentation built in" in log, log[-3000:]
    assert warnings == [], log[-6000:]


def test_every_page_exists_in_both_languages(site):
    assert "index" in PAGES and "notebook" in PAGES
    for name in PAGES:
        for lang in ("zh", "en"):
            assert _html_path(name, lang).is_file(), f"{name} ({lang}) was not built"


def test_pages_declare_their_language(pages):
    for (name, lang), soup in pages.items():
        assert soup.html["lang"] == lang, name


# --- the two languages match --------------------------------------------------------------------


def _generated_ids(soup):
    found = set()
    for tag in soup.select("img[src], source[src], video[poster], a.figure-zoom[href]"):
        for attr in ("src", "poster", "href"):
            match = GENERATED_ID.search(tag.get(attr, ""))
            if match:
                found.add((match[1], match[2], match[4]))
    return found


def test_twins_embed_the_same_figures_and_videos(pages):
    for name in PAGES:
        assert _generated_ids(pages[name, "zh"]) == _generated_ids(pages[name, "en"]), name


def test_generated_files_match_the_page_language(pages, site):
    for (name, lang), soup in pages.items():
        for tag in soup.select("img[src], source[src], video[poster]"):
            url = tag.get("src") or tag.get("poster")
            match = GENERATED_ID.search(url)
            if match:
                assert match[3] == lang, f"{name} ({lang}) embeds {url}"
                page = _html_path(name, lang).relative_to(site).as_posix()
                assert (site / _site_path(page, url)).is_file(), f"{name} ({lang}): {url}"


def test_twins_have_the_same_number_of_equations(pages):
    counts = {
        (name, lang): (
            len(pages[name, lang].select(".katex-display")),
            len(pages[name, lang].select(".katex")),
        )
        for name in PAGES
        for lang in ("zh", "en")
    }
    differ = {
        n: (counts[n, "zh"], counts[n, "en"]) for n in PAGES if counts[n, "zh"] != counts[n, "en"]
    }
    assert differ == {}, "(display, all) formulas differ between zh and en"


def _site_path(page, href):
    """The site-relative directory a relative link on `page` (a site/ file) points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), urlsplit(href).path))


def test_language_switcher_lands_on_the_twin(pages, site):
    for (name, lang), soup in pages.items():
        page = _html_path(name, lang).relative_to(site).as_posix()
        links = soup.select("a.md-select__link[hreflang]")
        assert {link["hreflang"] for link in links} == {"zh", "en"}, (name, lang)
        for link in links:
            twin = _html_path(name, link["hreflang"]).relative_to(site).as_posix()
            expected = posixpath.dirname(twin) or "."
            assert _site_path(page, link["href"]) == expected, (name, lang, link["href"])


def test_every_page_has_a_description_in_its_language(pages):
    for (name, lang), soup in pages.items():
        meta = soup.find("meta", attrs={"name": "description"})
        assert meta and meta.get("content", "").strip(), f"{name} ({lang}) has no description"
        has_han = bool(HAN.search(meta["content"]))
        assert has_han == (lang == "zh"), f"{name} ({lang}): {meta['content']!r}"
        source = DOCS / (f"{name}.md" if lang == "zh" else f"{name}.en.md")
        if source.is_file():
            front = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.DOTALL)
            assert front, f"{source.name} has no front matter"
            assert yaml.safe_load(front[1])["description"].strip() == meta["content"].strip()


# --- numbers ------------------------------------------------------------------------------------


def _expected(src):
    """Recompute a `span.num` from the JSON (independently of the hook)."""
    words = src.split()
    if words[0] == "epoch_below":
        _, scenario, field, threshold = words
        history = json.loads((DATA / f"{scenario}.json").read_text())["history"][field]
        return str(next(i for i, v in enumerate(history) if v < float(threshold)))
    scenario, path, spec = words
    value = json.loads((DATA / f"{scenario}.json").read_text())
    for key in path.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return format(value, spec)


def test_every_number_comes_from_the_json(pages):
    count = 0
    for (name, lang), soup in pages.items():
        for span in soup.select("span.num[data-src]"):
            assert span.get_text() == _expected(span["data-src"]), (name, lang, span["data-src"])
            count += 1
    assert count > 0


# --- math ---------------------------------------------------------------------------------------


def test_no_raw_tex_in_visible_text(pages):
    for (name, lang), soup in pages.items():
        text = _visible_text(soup)
        for tex in RAW_TEX:
            assert tex not in text, f"{name} ({lang}) shows raw TeX {tex!r}"


def test_no_math_javascript(pages):
    for (name, lang), soup in pages.items():
        html = str(soup)
        assert "MathJax.Hub" not in html and "mathjax.js" not in html.lower(), (name, lang)


def test_tagged_equations_have_anchor_ids(pages):
    tags = re.compile(r"\\tag\*?\{([^{}]*)\}")
    checked = 0
    for name in PAGES:
        for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
            source = DOCS / f"{name}{suffix}"
            if not source.is_file():
                continue
            text = CODE.sub("", source.read_text(encoding="utf-8"))  # examples in code don't count
            for tag in tags.findall(text):
                element = pages[name, lang].find(id=f"eq-{tag}")
                assert element is not None, f"{source.name}: no #eq-{tag}"
                assert "math-display" in element["class"] and element.select(".katex-display")
                checked += 1
    assert checked > 0


def test_katex_css_and_fonts_are_served_by_the_site(site):
    from hooks import site_assets

    css = site / site_assets.STYLE  # KaTeX's CSS opens the site's one stylesheet
    assert css.is_file()
    text = css.read_text()
    assert text.startswith(site_assets.katex_css())
    for url in re.findall(r"url\(([^)]+)\)", text):
        assert (css.parent / url.strip("'\"")).is_file(), url
    # Formulas show in a fallback font until KaTeX's arrive, instead of staying blank.
    assert "font-display:block" not in text
    assert "font-display:swap" in text


def test_search_language_script_runs_inline_before_the_bundle(pages):
    """A separate file would block the first paint; the bundle must still come after it."""
    for (name, lang), soup in pages.items():
        html = str(soup)
        assert "search-lang.js" not in html, f"{name} ({lang}) loads search-lang.js"
        inline = html.find("search_index.")
        bundle = html.find("assets/javascripts/bundle.")
        assert 0 <= inline < bundle, f"{name} ({lang}): search language script missing or late"


# --- nothing from other hosts -------------------------------------------------------------------

RESOURCE_ATTRS = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "link": ["href"],
}
NOT_LOADED_LINKS = {"canonical", "alternate", "author", "license", "next", "prev"}


def _is_remote(url):
    url = url.strip()
    has_scheme = bool(re.match(r"[a-z][a-z0-9+.-]*:", url, re.I))
    return url.startswith("//") or (has_scheme and not url.startswith(("data:", "blob:")))


def test_no_page_loads_anything_from_another_host(site):
    files = sorted(site.rglob("*.html"))
    assert len(files) >= 2 * len(PAGES)
    for path in files:
        soup = _soup(path)
        for tag_name, attrs in RESOURCE_ATTRS.items():
            for tag in soup.find_all(tag_name):
                if tag_name == "link" and NOT_LOADED_LINKS & set(tag.get("rel") or ()):
                    continue
                for attr in attrs:
                    for url in re.split(r",\s*", tag.get(attr) or ""):
                        assert not _is_remote(url.split(" ")[0]), f"{path}: <{tag_name} {url}>"
        for tag in soup.select("[style]"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", tag["style"]), path
        for script in soup.find_all("script", src=False):
            assert not re.search(r"import\s*\(\s*['\"](https?:)?//", script.get_text()), path


def test_site_css_loads_nothing_from_another_host(site):
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert not _is_remote(url), f"{css}: {url}"
        assert "@import url(http" not in css.read_text(encoding="utf-8")


# --- reader features ----------------------------------------------------------------------------


def test_glossary_tooltips_once_per_term_and_never_in_headings(pages):
    total = 0
    for (name, lang), soup in pages.items():
        titles = [abbr["title"] for abbr in soup.select("article abbr.glossary-term")]
        assert len(titles) == len(set(titles)), f"{name} ({lang}) repeats a tooltip"
        for abbr in soup.select("article abbr.glossary-term"):
            assert not abbr.find_parent(["h1", "h2", "h3", "h4", "code", "a", "figcaption"])
            if lang == "en":
                assert not HAN.search(abbr.get_text()), f"{name}: {abbr}"
        total += len(titles)
    assert total > 0


def test_glossary_page_has_the_table(pages):
    for lang in ("zh", "en"):
        table = pages["glossary", lang].select_one("table.glossary-table")
        entries = yaml.safe_load(
            (ROOT / "docs" / "content" / "glossary.yml").read_text(encoding="utf-8")
        )
        assert table is not None and len(table.select("tbody tr")) == len(entries)


def test_search_index_is_split_by_language(site):
    zh = json.loads((site / "search" / "search_index.zh.json").read_text())["docs"]
    en = json.loads((site / "search" / "search_index.en.json").read_text())["docs"]
    assert zh and en
    assert not any(d["location"].startswith("en/") for d in zh)
    assert all(d["location"].startswith("en/") for d in en)


def test_404_page_in_both_languages(site):
    zh, en = _soup(site / "404.html"), _soup(site / "en" / "404.html")
    assert zh.html["lang"] == "zh" and HAN.search(zh.select_one("article h1").get_text())
    assert en.html["lang"] == "en" and en.select_one("article h1").get_text() == "Page not found"


def test_figures_are_zoomable_and_sized(pages):
    for soup in pages.values():
        images = soup.select("figure.figure img")
        # The first figure loads at once (it may be the largest paint); the rest lazily.
        expected = ([None] + ["lazy"] * len(images))[: len(images)]
        assert [img.get("loading") for img in images] == expected
        for img in images:
            assert img.find_parent("a", class_="figure-zoom")["href"] == img["src"]
            assert int(img["width"]) > 0 and int(img["height"]) > 0
            assert img["alt"].strip()
        for video in soup.select("figure.video video"):
            assert video["preload"] == "none" and video.has_attr("playsinline")
            assert video["poster"] and int(video["width"]) > 0
            assert soup.find(id=video["aria-describedby"]).get_text().strip()


# --- the placeholder hook fails loudly ----------------------------------------------------------


@pytest.fixture(scope="module")
def placeholders():
    from hooks import placeholders

    return placeholders


def _fake_page(src_uri="learning.md", url="learning/", locale="zh"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), url=url)


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("{{ nonsense 1 }}", "unknown placeholder"),
        ("{{ num no-such-scenario final.a .2f }}", "unknown scenario"),
        ("{{ num quadratic-start1 final.nope .2f }}", "no number at"),
        ("{{ num quadratic-start1 final.a }}", "bad arguments"),
        ("{{ epoch_below quadratic-start1 a -1 }}", "never falls below"),
        ("{{ figure no-such-figure }}", "unknown figure id"),
        ("{{ video no-such-video }}", "unknown video id"),
    ],
)
def test_bad_placeholders_stop_the_build(placeholders, markdown, message):
    config = SimpleNamespace(docs_dir=str(DOCS), theme={"language": "zh"})
    with pytest.raises(placeholders.PlaceholderError) as err:
        placeholders.expand(f"text\n\n{markdown}\n", _fake_page(), config)
    assert "learning.md" in str(err.value) and markdown in str(err.value)
    assert message in str(err.value)


def test_placeholders_in_code_and_math_are_left_alone(placeholders):
    config = SimpleNamespace(docs_dir=str(DOCS), theme={"language": "en"})
    text = "`{{ nonsense }}`\n\n```\n{{ nonsense }}\n```\n\n$x_{{1}}$\n"
    assert placeholders.expand(text, _fake_page(), config) == text


def test_num_placeholder_markup(placeholders):
    config = SimpleNamespace(docs_dir=str(DOCS), theme={"language": "en"})
    out = placeholders.expand("{{ num quadratic-start1 final.a .2f }}", _fake_page(), config)
    expected = _expected("quadratic-start1 final.a .2f")
    assert out == f'<span class="num" data-src="quadratic-start1 final.a .2f">{expected}</span>'


# Search in a real browser: tests/browser/test_browser_search.py.


def test_mkdocs_builds_exactly_the_languages_the_code_knows():
    """mkdocs.yml's i18n list is the one copy the config language forces; it must equal LANGS."""
    from figures_src.languages import DEFAULT_LANG, LANGS

    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=_IgnoreTags)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    locales = [lang["locale"] for lang in i18n["languages"]]
    assert tuple(locales) == LANGS
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [DEFAULT_LANG]
    assert config["theme"]["language"] == DEFAULT_LANG


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as plain values."""


_IgnoreTags.add_multi_constructor("!", lambda loader, tag, node: None)


def test_notebook_figures_are_files_of_the_site_with_their_size(pages, site):
    """No picture travels inside a page as a data URI (the notebook's plots did: three quarters
    of its bytes before the first paint); each is a file, lazy, its box reserved."""
    from PIL import Image

    for (name, lang), soup in pages.items():
        for img in soup.select("img"):
            src = img.get("src", "")
            assert not src.startswith("data:image/png"), f"{name} ({lang}): inline PNG"
        if not name.startswith("notebook"):
            continue
        plots = soup.select(".jp-RenderedImage img")
        assert len(plots) >= 2, f"{name} ({lang}): {len(plots)} plots"
        for img in plots:
            path = _site_path(_html_path(name, lang), img["src"])
            with Image.open(path) as picture:
                assert picture.size == (int(img["width"]), int(img["height"])), img["src"]
            assert img["loading"] == "lazy"


def test_no_script_file_stops_the_parser(pages):
    """Every script file is deferred (or async): the page paints before scripts load."""
    for (name, lang), soup in pages.items():
        for script in soup.select("script[src]"):
            assert (
                script.has_attr("defer")
                or script.has_attr("async")
                or (script.get("type") == "module")
            ), f"{name} ({lang}): {script['src']} blocks the parser"
