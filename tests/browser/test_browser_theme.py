"""The palette toggle switches light/dark, and figures stay legible in both palettes.

Legibility is measured on screenshots of each figure image: the dark "ink" of the figure in
the light palette (axes, labels, text) must keep a contrast of at least 3:1 (WCAG's level for
graphics) against the figure's background as it is painted in the dark palette.  A figure
with a transparent background and black text on the slate page fails; one that paints its
own background, or that the dark palette inverts, passes.  Each page's figures are shot once in
each palette for both figure tests.
"""

import io

import numpy as np
import pytest
from browser_helpers import SCHEMES, lay_out_everything, scheme, set_scheme, toggle_palette
from conftest import close_page, open_page
from PIL import Image

MIN_CONTRAST = 3.0
INK = 0.08  # relative luminance below which a light-palette pixel counts as ink


def luminance(rgb):
    """WCAG relative luminance of an (..., 3) uint8 array."""
    c = rgb.astype(float) / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(l1, l2):
    hi, lo = np.maximum(l1, l2), np.minimum(l1, l2)
    return (hi + 0.05) / (lo + 0.05)


def background(lum):
    """Luminance of the most common colour: the figure's background as painted."""
    values, counts = np.unique(np.round(lum, 3), return_counts=True)
    return values[counts.argmax()]


def shot(locator):
    png = locator.screenshot(animations="disabled")
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def legibility(light, dark):
    """Median contrast of the light-palette ink against the background, in each palette."""
    lum_light, lum_dark = luminance(light), luminance(dark)
    ink = lum_light < INK
    if ink.sum() < 20 or light.shape != dark.shape:
        # No dark ink to follow: judge each palette by its strongest 1% of pixels.
        return tuple(
            float(np.percentile(contrast(lum, background(lum)), 99))
            for lum in (lum_light, lum_dark)
        )
    return tuple(
        float(np.median(contrast(lum[ink], background(lum)))) for lum in (lum_light, lum_dark)
    )


@pytest.fixture(scope="module")
def shown(context, base_url, page_path):
    """The page, opened once for the tests of this module."""
    page, _, log = open_page(context, base_url, page_path)
    yield page, log
    close_page(page)


def test_palette_toggle_switches(shown, page_path):
    page, log = shown
    first = scheme(page)
    assert first in SCHEMES, f"/{page_path}: body data-md-color-scheme={first!r}"
    assert toggle_palette(page), f"/{page_path}: no palette toggle in the header"
    second = scheme(page)
    assert {first, second} == set(SCHEMES), (
        f"/{page_path}: toggle went from {first!r} to {second!r}, expected default <-> slate"
    )
    assert set_scheme(page, first), f"/{page_path}: toggling again does not return to {first}"
    log.assert_clean(everything=False)


FIGURES = ".md-content figure img"
FIGURE_CARDS = ".md-content figure.figure img"  # the figures_src figures (a card of their own)


@pytest.fixture(scope="module")
def figure_shots(shown):
    """Screenshots of every figure image in each palette, taken once for the two tests below:
    {"src": [...], "card": [is a FIGURE_CARDS image], "shots": {scheme: [...]}, "log",
    "cannot": the palette it could not switch to, or None}."""
    page, log = shown
    figures = page.locator(FIGURES)
    found = {"src": [], "card": [], "shots": {}, "log": log, "cannot": None}
    if figures.count():
        lay_out_everything(page)
        found["src"] = figures.evaluate_all("(imgs) => imgs.map((i) => i.getAttribute('src'))")
        found["card"] = figures.evaluate_all(
            f"(imgs) => imgs.map((i) => i.matches({FIGURE_CARDS!r}))"
        )
        for name in SCHEMES:
            if not set_scheme(page, name):
                found["cannot"] = name
                break
            found["shots"][name] = [shot(figures.nth(i)) for i in range(figures.count())]
    return found


def test_figures_legible_in_both_palettes(figure_shots, page_path):
    if not figure_shots["src"]:
        return
    if figure_shots["cannot"]:
        pytest.fail(f"/{page_path}: cannot switch to the {figure_shots['cannot']} palette")
    shots = figure_shots["shots"]
    poor = []
    for i, src in enumerate(figure_shots["src"]):
        light, dark = legibility(shots["default"][i], shots["slate"][i])
        if min(light, dark) < MIN_CONTRAST:
            poor.append(f"{src}: contrast {light:.1f} (default), {dark:.1f} (slate)")
    assert not poor, f"/{page_path}: figures hard to read (need {MIN_CONTRAST}:1):\n" + "\n".join(
        poor
    )
    figure_shots["log"].assert_clean(everything=False)


def test_no_figure_is_a_white_box_in_the_dark_palette(figure_shots, page_path):
    """Each figure's background follows the palette: light in default, dark in slate."""
    cards = [i for i, card in enumerate(figure_shots["card"]) if card]
    if not cards:
        return
    if figure_shots["cannot"]:
        pytest.fail(f"/{page_path}: cannot switch to the {figure_shots['cannot']} palette")
    wrong = []
    for name, ok in (("default", lambda lum: lum > 0.8), ("slate", lambda lum: lum < 0.05)):
        for i in cards:
            lum = background(luminance(figure_shots["shots"][name][i]))
            if not ok(lum):
                wrong.append(f"{figure_shots['src'][i]}: background {lum:.2f} in {name}")
    assert not wrong, f"/{page_path}:\n" + "\n".join(wrong)
    figure_shots["log"].assert_clean(everything=False)
