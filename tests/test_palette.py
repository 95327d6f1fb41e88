"""One colour per quantity, defined once in figures_src/palette.py and read by every consumer."""

import re
from pathlib import Path

import pytest

from figures_src import palette

ROOT = Path(__file__).resolve().parent.parent
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
SLATE_BG = "#1E2029"  # Material's slate background, near enough for a contrast check


def luminance(color):
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, two):
    low, high = sorted((luminance(one), luminance(two)))
    return (high + 0.05) / (low + 0.05)


def test_every_quantity_has_a_colour_in_both_palettes():
    assert set(palette.QUANTITIES) == {
        "quadratic", "cross-entropy", "w", "b", "z", "a", "sigma-prime"
    }  # fmt: skip
    assert palette.LIGHT["quadratic"] == "#0072B2" and palette.LIGHT["cross-entropy"] == "#D55E00"
    for name in palette.QUANTITIES:
        assert contrast(palette.LIGHT[name], "#FFFFFF") >= 3, name
        assert contrast(palette.DARK[name], SLATE_BG) >= 3, name
    # Within one palette the quantities are told apart.
    assert len(set(palette.LIGHT.values())) == len(palette.LIGHT)
    assert len(set(palette.DARK.values())) == len(palette.DARK)


def test_css_declares_every_variable_light_and_dark():
    css = palette.css()
    root, slate = css.split('[data-md-color-scheme="slate"]')
    for name in palette.QUANTITIES:
        assert f"--color-{name}: {palette.LIGHT[name]};" in root
        assert f"--color-{name}: {palette.DARK[name]};" in slate


def test_figures_and_scenes_copy_no_colour():
    scenes = (ROOT / "figures_src" / "videos").glob("*.py")
    for path in [ROOT / "figures_src" / "figures" / "style.py", *scenes]:
        assert not HEX.search(path.read_text()), f"{path.name} defines its own colour"


@pytest.mark.media  # imports matplotlib and manim: seconds, not the fast tier
def test_figures_and_scenes_read_the_palette():
    from figures_src.figures import style
    from figures_src.videos import common

    assert style.COLORS is palette.COLORS
    assert common.get_colors() == palette.COLORS


def test_the_site_serves_the_palette_stylesheet(site):
    from hooks import site_assets  # imports mkdocs: not at collection (the fast tier)

    assert palette.css() in (site / site_assets.STYLE).read_text()
    assert f"- {site_assets.STYLE}" in (ROOT / "mkdocs.yml").read_text()
