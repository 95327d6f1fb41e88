"""What keeps pages light, tested as behaviour (the bytes themselves are `make bench`'s job):
the notebook page keeps only the CSS it can use, KaTeX ships woff2 fonts cut to the characters
of the formulas, and videos show a WebP poster sized to the page."""

import io
import os
import re
from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from figures_src.videos import posters
from hooks import katex_fonts, notebook_cells, site_assets
from tools import sitebrowser

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))  # as in test_site.py


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make site` (make test does it first)")
    return SITE


@pytest.fixture(scope="module")
def pages(site):
    """{(url path, lang): index.html} for every page, e.g. ("en/notebook/", "en")."""
    return {
        (path, sitebrowser.lang_of(path)): site / path / "index.html"
        for path in sitebrowser.discover_pages(site)
    }


# --- notebook CSS ---------------------------------------------------------------------------


def test_prune_keeps_rules_whose_classes_are_on_the_page():
    css = (
        ".w .jp-Cell{color:red}.w .jp-Widget{color:blue}"
        ".w .jp-Cell,.w .jp-Slider{margin:0}"
        ".w .jp-Cell:not(.jp-mod-active){padding:0}"  # :not() needs no class
        ".w .md-clipboard{top:0}"  # Material's JavaScript adds md-* later
        "pre{line-height:1}"  # no class: kept
        '.w a[href$=".pdf"]{x:y}'  # a dot inside an attribute value is no class
        "@media (max-width:10px){.w .jp-Widget{a:b}.w .jp-Cell{c:d}}"
        "@media print{.w .jp-Widget{a:b}}"  # empty after pruning: dropped
        "@keyframes spin{to{transform:rotate(1turn)}}"
    )
    css += ".w :is(.jp-Cell,.jp-Widget) .x{y:z}.w .jp-Widget,.w :not(.jp-Cell,.jp-Gone){q:r}"
    out = notebook_cells.serialize(notebook_cells.parse(css), {"w", "jp-Cell", "x"})
    assert ".w .jp-Widget{" not in out and ".w .jp-Widget," not in out
    assert ".jp-Slider" not in out and "print" not in out
    for kept in (
        ".w .jp-Cell{color:red}",
        ".w .jp-Cell{margin:0}",
        ".w .jp-Cell:not(.jp-mod-active){padding:0}",
        ".w .md-clipboard{top:0}",
        "pre{line-height:1}",
        '.w a[href$=".pdf"]{x:y}',
        "@media (max-width:10px){.w .jp-Cell{c:d}}",
        "@keyframes spin",
        ".w :is(.jp-Cell,.jp-Widget) .x{y:z}",  # commas inside :is() do not split selectors
        "}.w :not(.jp-Cell,.jp-Gone){q:r}",
    ):
        assert kept in out, kept


def test_prune_page_drops_unread_custom_properties_and_keeps_read_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(notebook_cells, "CACHE", tmp_path)
    page = (
        "<style>.w{--jp-a:1px;--jp-b:var(--jp-c);--jp-c:2px;--jp-d:3px;--md-x:1}"
        ".w .jp-Cell{margin:var(--jp-a)}.w .jp-Gone{margin:var(--jp-b)}</style>"
        '<div class="w"><div class="jp-Cell" style="padding:var(--jp-d)"></div></div>'
    )
    out = notebook_cells.prune_page(page)
    # --jp-b was read only by a dropped rule, and --jp-c only by --jp-b
    assert "--jp-b" not in out and "--jp-c" not in out
    assert "--jp-a:1px" in out and "--jp-d:3px" in out  # read by a rule / by an inline style
    assert "--md-x:1" in out  # not the notebook's own: never dropped
    assert len(list(tmp_path.iterdir())) == 1
    assert notebook_cells.prune_page(page) == out  # the second time from the cache


def test_notebook_page_styles_can_all_match(pages):
    for path in ("notebook/", "en/notebook/"):
        html = pages[path, sitebrowser.lang_of(path)].read_text(encoding="utf-8")
        used = notebook_cells.used_classes(html)
        styles = [m[2] for m in notebook_cells.STYLE.finditer(html)]
        css = "".join(styles)
        assert ".jp-Cell" in css or ".jp-CodeCell" in css, "the notebook's own rules are gone"
        for selectors in re.findall(r"([^{};]+)\{[^{}]*\}", css):
            for selector in selectors.split(","):
                if selector.strip().startswith(("@", "from", "to")) or "%" in selector:
                    continue
                assert notebook_cells.may_match(selector, used), selector
        defined = set(re.findall(r"(--jp-[\w-]+)\s*:", css))
        read = set(notebook_cells.VAR_USE.findall(html))
        assert defined <= read, sorted(defined - read)[:5]


# --- KaTeX fonts ----------------------------------------------------------------------------


def test_formula_characters_are_the_text_of_katex_html_spans():
    page = (
        '<p>not this</p><span class="katex"><span class="katex-mathml">mathml</span>'
        '<span aria-hidden="true" class="katex-html"><span class="mord">x</span>'
        '<span class="mbin">&lt;</span><span class="vlist"><span>β</span></span></span>'
        "</span><p>nor this</p>"
    )
    assert katex_fonts.formula_characters(page) == {"x", "<", "β"}


def test_katex_ships_woff2_only(site):
    fonts = site / "assets" / "katex" / "fonts"
    assert {p.suffix for p in fonts.iterdir()} == {".woff2"}
    css = (site / site_assets.STYLE).read_text()
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls and all(url.strip("'\"").endswith(".woff2") for url in urls)


def test_katex_fonts_draw_every_formula_character(site):
    from fontTools.ttLib import TTFont

    chars = katex_fonts.site_formula_characters(site)
    assert {"x", "w", "b", "η", "σ"} <= chars
    for served in sorted((site / "assets" / "katex" / "fonts").glob("*.woff2")):
        original = katex_fonts.KATEX / "fonts" / served.name
        needed = set(TTFont(original).getBestCmap()) & set(map(ord, chars))
        have = set(TTFont(served).getBestCmap())
        assert needed <= have, (served.name, sorted(map(chr, needed - have)))
    main = "KaTeX_Main-Regular.woff2"
    fonts = site / "assets" / "katex" / "fonts"
    assert (fonts / main).stat().st_size < (katex_fonts.KATEX / "fonts" / main).stat().st_size / 2


def test_font_subset_is_deterministic():
    data = (katex_fonts.KATEX / "fonts" / "KaTeX_Math-Italic.woff2").read_bytes()
    assert katex_fonts.subset_font(data, "abc") == katex_fonts.subset_font(data, "cab")


# --- posters --------------------------------------------------------------------------------


def _jpeg(path, size=(1280, 720)):
    image = Image.new("RGB", size, "white")
    image.paste((200, 60, 0), (100, 100, 700, 500))
    image.save(path, "JPEG", quality=90)


def test_web_poster_is_a_webp_at_the_page_width(tmp_path):
    src, dst = tmp_path / "a.jpg", tmp_path / "a.webp"
    _jpeg(src)
    assert posters.main([str(src), str(dst)]) == 0
    with Image.open(dst) as image:
        assert image.format == "WEBP"
        assert image.size == (posters.WEB_WIDTH, round(720 * posters.WEB_WIDTH / 1280))
        assert image.getpixel((10, 10))[0] > 240  # the same picture, made smaller
    assert dst.read_bytes() == posters.web_poster(src)  # same input, same bytes


@pytest.mark.parametrize("args", [["x.jpg"], ["x.png", "x.webp"], ["missing.jpg", "x.webp"]])
def test_posters_bad_input_one_line_and_nothing_written(tmp_path, capsys, args):
    assert posters.main([str(tmp_path / a) for a in args]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_pages_show_each_video_with_its_webp_poster(pages, site):
    checked = 0
    for (path, lang), index in pages.items():
        soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        for video in soup.select("figure.video video"):
            poster = video["poster"]
            assert poster.endswith(f"-{lang}.webp"), (path, poster)
            data = (index.parent / poster).resolve().read_bytes()
            with Image.open(io.BytesIO(data)) as image:
                assert image.format == "WEBP" and image.width == posters.WEB_WIDTH
            checked += 1
    assert checked > 0


@pytest.mark.media  # reads the rendered posters
def test_every_site_video_has_a_jpeg_and_a_webp_poster_of_the_same_picture():
    from figures_src.videos.timing import LANGS, VIDEO_IDS

    videos = ROOT / "docs" / "generated" / "videos"
    for name in (f"{video_id}-{lang}" for video_id in VIDEO_IDS for lang in LANGS):
        jpeg, webp = videos / f"{name}.jpg", videos / f"{name}.webp"
        assert jpeg.is_file() and webp.is_file(), f"{name}: run `make animations`"
        with Image.open(jpeg) as big, Image.open(webp) as small:
            assert small.format == "WEBP" and small.width == posters.WEB_WIDTH
            assert small.height == round(big.height * posters.WEB_WIDTH / big.width)
            # the same picture: the JPEG scaled down differs from the WebP only by encoding
            scaled = np.asarray(big.convert("L").resize(small.size), dtype=float)
            assert np.abs(scaled - np.asarray(small.convert("L"), dtype=float)).mean() < 1.5, name
