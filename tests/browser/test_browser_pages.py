"""Every page in both languages loads cleanly and shows its math, images and videos.

Each page is opened once (`shown`) for the tests that only look at it, in file order: loads
clean (scrolls to the bottom), math, images, videos, and last the language switcher, which
leaves the page.  The equation links open a fresh page at the link: the jump must work on a page
whose off-screen formulas were never laid out.
"""

import contextlib
import re
from urllib.parse import urlsplit

import pytest
from browser_helpers import (
    PAGES,
    RAW_TEX,
    SITE,
    built_html,
    math_in_source,
    source_file,
    visible_text_outside_code,
)
from conftest import close_page, open_page

from tools.sitebrowser import lang_of, scroll_to_bottom, twin

VIDEO_NAME = re.compile(r"/([a-z0-9.-]+)-(zh|en)\.mp4$")


def test_site_has_pages_in_both_languages():
    assert (SITE / "index.html").is_file(), f"no built site at {SITE}: run `make site`"
    assert "" in PAGES and "en/" in PAGES, f"home pages missing: {PAGES}"


def test_every_page_has_its_twin():
    missing = [f"/{p} has no twin /{twin(p)}" for p in PAGES if twin(p) not in PAGES]
    assert PAGES, f"no pages found in {SITE}"
    assert not missing, "\n".join(missing)


@pytest.fixture(scope="module")
def shown(context, base_url, page_path):
    """(page, response, log) of ``page_path``, opened once for this module's read-only tests."""
    page, response, log = open_page(context, base_url, page_path)
    yield page, response, log
    close_page(page)


def test_page_loads_clean(shown, page_path):
    page, response, log = shown
    assert response.status == 200, f"/{page_path}: status {response.status}"
    lang = page.evaluate("document.documentElement.lang")
    assert lang.startswith(lang_of(page_path)), f"/{page_path}: <html lang={lang!r}>"
    scroll_to_bottom(page)
    log.wait_for_requests(page)  # the lazy images scrolling started have answered
    log.assert_clean()


def test_math_is_rendered(shown, page_path):
    page, _, log = shown
    found = page.evaluate(
        """() => ({
            katex: [...document.querySelectorAll(".katex")]
                .filter((k) => !k.parentElement.closest(".katex")).length,
            display: document.querySelectorAll(".katex-display").length,
            errors: [...document.querySelectorAll(".katex-error")].map((e) => e.outerHTML),
            font: document.querySelector(".katex")
                ? getComputedStyle(document.querySelector(".katex")).fontFamily : "",
            fontsLoaded: [...document.fonts]
                .filter((f) => f.family.replace(/"/g, "") === "KaTeX_Main"
                    && f.status === "loaded").length,
        })"""
    )
    assert not found["errors"], f"KaTeX errors on /{page_path}: {found['errors'][:3]}"
    text = visible_text_outside_code(page)
    snippets = [text[max(m.start() - 30, 0) : m.end() + 30] for m in RAW_TEX.finditer(text)]
    assert not snippets, f"raw TeX visible on /{page_path}: {snippets[:5]}"
    source = source_file(page_path)
    if source is not None:
        display, inline = math_in_source(source.read_text(encoding="utf-8"))
        assert found["display"] >= display, (
            f"/{page_path}: {source.name} has {display} display formulas, "
            f"page shows {found['display']} .katex-display"
        )
        assert found["katex"] >= display + inline, (
            f"/{page_path}: {source.name} has {display + inline} formulas, "
            f"page shows {found['katex']} .katex"
        )
    if found["katex"]:
        assert "KaTeX_Main" in found["font"], f"/{page_path}: KaTeX CSS not applied"
        assert found["fontsLoaded"], f"/{page_path}: KaTeX fonts did not load"
    log.assert_clean(everything=False)


def test_equation_links_land_on_their_formula(visit, page_path):
    """Off-screen formulas are laid out lazily (content-visibility in site.css): a link to the
    last numbered equation must still scroll to it, and the formula must be drawn there."""
    ids = re.findall(r'\bid="(eq-[^"]+)"', built_html(page_path))
    if not ids:
        return  # no numbered equation: nothing to open
    page, _, log = visit(f"{page_path}#{ids[-1]}")
    assert page.evaluate("(id) => document.getElementById(id).matches('.math-display')", ids[-1])
    # Wait for the lazy layout instead of sleeping a fixed time; on timeout the asserts below
    # report where the formula ended up.
    math = "document.getElementById(id).querySelector('.katex-html')"
    drawn = f"(id) => {math}.getBoundingClientRect().height > 10"
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(drawn, arg=ids[-1], timeout=5000)
    where = page.evaluate(
        """(id) => {
            const box = document.getElementById(id).getBoundingClientRect();
            const math = document.getElementById(id).querySelector(".katex-html");
            const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
            return {top: box.top, bottom: box.bottom, header, height: innerHeight,
                    drawn: math.getBoundingClientRect().height};
        }""",
        ids[-1],
    )
    assert where["header"] - 1 <= where["top"] < where["height"], f"/{page_path}#{ids[-1]}: {where}"
    assert where["drawn"] > 10, f"/{page_path}#{ids[-1]}: formula not drawn: {where}"
    log.assert_clean()


def test_images_decode(shown, page_path):
    page, _, log = shown
    images = page.locator("img")
    broken = []
    for i in range(images.count()):
        img = images.nth(i)
        state = img.evaluate(
            """async (img) => {
                img.scrollIntoView({block: "center"});
                if (!img.complete || img.naturalWidth === 0) {
                    await new Promise((r) => {
                        img.addEventListener("load", r, {once: true});
                        img.addEventListener("error", r, {once: true});
                        setTimeout(r, 5000);
                    });
                }
                return {src: img.currentSrc || img.src, width: img.naturalWidth,
                        alt: img.getAttribute("alt")};
            }"""
        )
        if state["width"] <= 0:
            broken.append(f"{state['src']} did not decode")
        if state["alt"] is None:
            broken.append(f"{state['src']} has no alt attribute")
    assert not broken, f"/{page_path}:\n" + "\n".join(broken)
    log.assert_clean(everything=False)


def video_catalog():
    try:
        from figures_src.videos.catalog import VIDEOS
    except ImportError as e:
        pytest.fail(f"figures_src.videos.catalog not importable: {e}")
    return VIDEOS


# A video plays from its start, seeks to its last second, and plays on to its end (every
# frame of it is counted in tests/test_videos.py; decoding all of them here took most of this
# module's time).
PLAY_TO_END = """async (v) => {
    const until = (name, ms, done = () => true) => new Promise((resolve) => {
        if (name === "loadedmetadata" && v.readyState >= 1) return resolve(true);
        const on = () => { if (done()) { v.removeEventListener(name, on); resolve(true); } };
        v.addEventListener(name, on);
        v.addEventListener("error", () => resolve(false), {once: true});
        setTimeout(() => resolve(false), ms);
    });
    v.scrollIntoView({block: "center"});
    v.muted = true;
    v.defaultPlaybackRate = 16;
    v.playbackRate = 16;
    const src = v.currentSrc || v.src || (v.querySelector("source") || {}).src || "";
    if (v.readyState < 1) { v.preload = "auto"; v.load(); }
    const meta = await until("loadedmetadata", 15000);
    const out = {src, meta, duration: v.duration, width: v.videoWidth, height: v.videoHeight,
                 seekable: v.seekable.length ? v.seekable.end(0) : 0, error: null};
    if (!meta) { out.error = v.error ? v.error.code : "no metadata"; return out; }
    v.playbackRate = 16;
    try { await v.play(); } catch (e) { out.error = String(e); return out; }
    out.played = await until("timeupdate", 10000, () => v.currentTime >= 1);
    v.currentTime = v.duration - 1;
    out.seeked = await until("seeked", 5000);
    out.ended = await until("ended", 10000);
    out.currentTime = v.currentTime;
    return out;
}"""
# All the page's videos at once, as a reader may start one while another plays.
PLAY_ALL_TO_END = f"(videos) => Promise.all(videos.map({PLAY_TO_END}))"


def test_videos_play_to_the_end(shown, page_path):
    page, _, log = shown
    videos = page.locator("video")
    if videos.count() == 0:
        log.assert_clean(everything=False)
        return
    catalog = video_catalog()
    lang = lang_of(page_path)
    problems = []
    posters = videos.evaluate_all("(vs) => vs.map((v) => v.getAttribute('poster') || '')")
    for poster, state in zip(posters, videos.evaluate_all(PLAY_ALL_TO_END), strict=True):
        name = VIDEO_NAME.search(urlsplit(state["src"]).path)
        if not name:
            problems.append(f"video {state['src']!r} is not <id>-<lang>.mp4")
            continue
        vid, vlang = name[1], name[2]
        if vlang != lang:
            problems.append(f"{vid}: {lang} page shows the {vlang} video")
        if not re.search(rf"{re.escape(vid)}-{lang}\.webp$", poster):
            problems.append(f"{vid}: poster {poster!r} is not {vid}-{lang}.webp")
        if state["error"]:
            problems.append(f"{vid}: {state['error']}")
            continue
        entry = catalog.get(vid)
        if entry is None:
            problems.append(f"{vid}: not in figures_src.videos.catalog.VIDEOS")
            continue
        if abs(state["duration"] - entry["duration"]) > 0.1:
            problems.append(
                f"{vid}: lasts {state['duration']:.3f} s, scenario implies "
                f"{entry['duration']:.3f} s"
            )
        if (state["width"], state["height"]) != (entry["width"], entry["height"]):
            problems.append(
                f"{vid}: {state['width']}x{state['height']}, catalog says "
                f"{entry['width']}x{entry['height']}"
            )
        if not state.get("played"):
            problems.append(f"{vid}: did not play its first second")
        if not state.get("ended"):
            problems.append(f"{vid}: did not play to the end (stopped at {state['currentTime']})")
        if not state.get("seeked") or abs(state["seekable"] - state["duration"]) > 0.1:
            problems.append(f"{vid}: cannot seek (seekable to {state['seekable']})")
    assert not problems, f"/{page_path}:\n" + "\n".join(problems)
    log.assert_clean(everything=False)


def test_language_switcher_goes_to_twin(shown, page_path):
    page, _, log = shown
    other = "en" if lang_of(page_path) == "zh" else "zh"
    link = page.locator(f".md-select a.md-select__link[hreflang={other}]")
    assert link.count() == 1, f"/{page_path}: no language link to {other}"
    href = link.evaluate("(a) => a.href")
    assert urlsplit(href).path == "/" + twin(page_path), (
        f"/{page_path}: {other} link goes to {urlsplit(href).path}, not /{twin(page_path)}"
    )
    log.assert_clean(everything=False)
    response = page.goto(href)
    assert response.status == 200, f"{href}: status {response.status}"
    lang = page.evaluate("document.documentElement.lang")
    assert lang.startswith(other), f"{href}: <html lang={lang!r}>, expected {other}"
    back = page.locator(f".md-select a.md-select__link[hreflang={lang_of(page_path)}]")
    assert urlsplit(back.evaluate("(a) => a.href")).path == "/" + page_path
    log.assert_clean(everything=False)


def test_requests_to_other_hosts_fail_and_are_listed(visit):
    """The tests' own guard (conftest.make_context): nothing leaves 127.0.0.1, by name or by
    address, and every try is listed, so a page that reaches out fails its test."""
    page, _, log = visit("")
    outside = ["http://example.com/font.woff2", "http://192.0.2.1/x.png"]
    failed = page.evaluate(
        """async (urls) => Promise.all(urls.map((u) => fetch(u, {mode: "no-cors"})
            .then(() => false, () => true)))""",
        outside,
    )
    assert failed == [True, True]
    assert sorted(log.outside) == sorted(outside)
    assert "requests to other hosts" in log.problems()
