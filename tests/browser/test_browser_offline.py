"""The offline copy (`make offline`), unzipped and opened from file:// with no server.

One page per language: every request stays on file://, no script error; formulas drawn with
KaTeX's own fonts, figures decoded, each video's metadata and every caption track loaded, the
language switch lands on the twin page, search answers in the page's language, the playground
runs, and the notebook page opens.
"""

import re
import tomllib
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools import sitebrowser

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
FOLDER = f"{PROJECT['name']}-{PROJECT['version']}"
ZIP = ROOT / "build" / "offline" / f"{FOLDER}.zip"
CJK = re.compile(r"[\u4e00-\u9fff]")
PREFIX = {"zh": "", "en": "en/"}
QUERY = {"zh": "交叉熵", "en": "cross-entropy"}


def is_file(url):
    """A request that stays on the machine: a file, or what the page builds itself."""
    return urlsplit(url).scheme in ("file", "data", "blob", "about")


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory):
    if not ZIP.is_file():
        pytest.fail(f"{ZIP.relative_to(ROOT)} is missing: run `make offline`")
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ZIP) as archive:
        assert {n.split("/", 1)[0] for n in archive.namelist()} == {FOLDER}
        archive.extractall(out)
    return out / FOLDER


@pytest.fixture(scope="module")
def offline_tab(browser):
    """The tab every test loads its pages in (a new tab starts a renderer process).  Anything
    but a file fails at the proxy that is not there; open_file lists it."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, proxy=sitebrowser.NO_NETWORK
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def open_file(offline_tab, offline_root):
    """Opens a page of the unzipped copy; afterwards, no request left file:// and no JS error."""
    outside, errors = [], []
    page = offline_tab
    watched = {
        "pageerror": lambda e: errors.append(str(e)),
        "console": lambda m: m.type == "error" and errors.append(m.text),
        "request": lambda r: is_file(r.url) or outside.append(r.url),
    }
    for event, handler in watched.items():
        page.on(event, handler)

    def opener(path):
        page.goto((offline_root / path).as_uri())
        page.wait_for_load_state("load")
        return page

    yield opener
    for event, handler in watched.items():
        page.remove_listener(event, handler)
    page.emulate_media(reduced_motion="null")
    assert not outside, f"requests left file://: {outside}"
    assert not errors, f"errors: {errors}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_opens_from_the_file_system(open_file, offline_root, lang):
    page = open_file(PREFIX[lang] + "index.html")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("nav.md-nav a[href$='.html']").count() >= 10


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_formulas_figures_and_videos_work_offline(open_file, lang):
    page = open_file(PREFIX[lang] + "in-action.html")
    assert page.locator("article .katex").count() > 0
    page.wait_for_function(
        """() => document.fonts.ready.then(() => [...document.fonts].some((f) =>
               f.family.replace(/["']/g, "").startsWith("KaTeX") && f.status === "loaded"))"""
    )
    images = page.locator("article figure img")
    assert images.count() > 0
    for i in range(images.count()):
        images.nth(i).scroll_into_view_if_needed()
        images.nth(i).evaluate("(img) => img.decode()")
        assert images.nth(i).evaluate("(img) => img.naturalWidth") > 0
    videos = page.locator("article video")
    assert videos.count() > 0
    for i in range(videos.count()):
        video = videos.nth(i)
        video.evaluate("(v) => { v.preload = 'metadata'; v.load(); }")
        video.evaluate(
            """(v) => v.readyState >= 1 || new Promise((ok, fail) => {
                   v.addEventListener('loadedmetadata', ok, {once: true});
                   v.addEventListener('error', () => fail(new Error('video error')), {once: true});
               })"""
        )
        assert video.evaluate("(v) => v.duration") > 0
        poster = video.get_attribute("poster")
        assert poster and not poster.startswith(("http:", "https:", "/"))
        # caption tracks: each loads its cues from the file system
        for j in range(video.locator("track").count()):
            track = video.locator("track").nth(j)
            track.evaluate("(t) => { t.track.mode = 'hidden'; }")
            track.evaluate(
                """(t) => t.readyState === 2 || new Promise((ok, fail) => {
                       t.addEventListener('load', ok, {once: true});
                       t.addEventListener('error', () => fail(new Error('track ' + t.src)));
                   })"""
            )
            assert track.evaluate("(t) => t.track.cues.length") > 0


@pytest.mark.parametrize("lang, other", [("zh", "en"), ("en", "zh")])
def test_language_switch_lands_on_the_twin_page(open_file, lang, other):
    page = open_file(PREFIX[lang] + "learning.html")
    link = page.locator(f".md-select a.md-select__link[hreflang={other}]")
    href = link.get_attribute("href")
    assert href.endswith("learning.html"), href
    link.evaluate("(a) => a.click()")
    page.wait_for_function(f"document.documentElement.lang === '{other}'")
    assert page.url.endswith(PREFIX[other] + "learning.html"), page.url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_works_offline_in_the_page_language(open_file, lang):
    page = open_file(PREFIX[lang] + "index.html")
    box = page.locator("[data-md-component=search-query]")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    page.keyboard.type(QUERY[lang], delay=20)
    page.keyboard.press("End")  # Chinese arrives as inserted text; End gives the keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > a", "(as) => as.map((a) => a.href)"
    )
    titles = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item h1",
        "(hs) => hs.map((h) => h.innerText)",
    )
    assert hrefs and all(h.startswith("file://") for h in hrefs)
    in_en = [("/en/" in h) for h in hrefs]
    assert all(in_en) if lang == "en" else not any(in_en), hrefs
    assert urlsplit(hrefs[0]).path.endswith("/" + PREFIX[lang] + "cross-entropy.html"), hrefs
    assert bool(CJK.search(titles[0])) == (lang == "zh"), titles


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_playground_and_notebook_work_offline(open_file, lang):
    page = open_file(PREFIX[lang] + "playground.html")
    # The run shows its end at once (tests/test_playground.py checks the animated replay too).
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_selector("[data-playground].pg-ready [data-action='run']")
    page.click("[data-action='run']")
    page.wait_for_selector("[data-playground][data-state='done']", timeout=30_000)
    notebook = open_file(PREFIX[lang] + "notebook.html")
    assert notebook.locator("article .katex, article .jp-Cell").count() > 0
