"""One colour per quantity, read by the figures (matplotlib), the videos (manim) and the site's CSS.

Plain data and one CSS writer, no plotting import, so every reader pays nothing to load it.
The hues are Okabe and Ito's (safe for the common colour-vision deficiencies).  Each quantity
has a ``light`` value (figures, videos and light pages) and a ``dark`` value for Material's
dark (slate) palette: the same hue, lightened where the light value would sink into a dark
background, so each reads at 3:1 or better as a line on its own background.

    python -m figures_src.palette       # print the CSS custom properties
"""

import sys

QUANTITIES = {
    # name: (light, dark, what it colours)
    "quadratic": ("#0072B2", "#56B4E9", "the quadratic cost and its runs (blue, sky blue)"),
    "cross-entropy": ("#D55E00", "#D55E00", "the cross-entropy cost and its runs (vermillion)"),
    "w": ("#CC79A7", "#CC79A7", "the weight w (reddish purple)"),
    "b": ("#9A6A00", "#E69F00", "the bias b (orange; darkened on white)"),
    "z": ("#6B6300", "#F0E442", "the weighted input z (yellow; darkened on white)"),
    "a": ("#222222", "#E6E6E6", "the output a, what both costs aim at (ink)"),
    "sigma-prime": ("#009E73", "#009E73", "the slope σ′(z) of the sigmoid (bluish green)"),
}
LIGHT = {name: light for name, (light, _, _) in QUANTITIES.items()}
DARK = {name: dark for name, (_, dark, _) in QUANTITIES.items()}

# The colours of the scenario variants and the drawing's neutrals (light backgrounds only:
# figures and videos sit on a white card).
EXTRA = {
    "cross-entropy-dcda": "#CC79A7",  # the book widget's dC/da step
    "cross-entropy-eta0.005": "#009E73",  # true gradient, small eta
    "linear": "#E69F00",  # the linear neuron
    "flat": "#E8E8E8",  # shading of the flat (saturated) regions
    "never": "#BBBBBB",  # start-map cells that never get below the threshold
    "text": "#222222",
    "muted": "#666666",
    "axis": "#555555",
    "tick": "#444444",
    "grid": "#DDDDDD",
    "card": "#FFFFFF",
}
COLORS = {**LIGHT, "sigmoid-prime": LIGHT["sigma-prime"], **EXTRA}
# Extras the site's CSS needs too (the playground's third neuron), the same on both palettes.
CSS_EXTRA = ("cross-entropy-dcda",)


def css_variable(name):
    """`sigma-prime` -> `--color-sigma-prime`."""
    return f"--color-{name}"


def css():
    """The palette as CSS custom properties: light on :root, dark on Material's slate scheme."""

    def block(selector, colors):
        lines = [f"  {css_variable(name)}: {value};" for name, value in colors.items()]
        return selector + " {\n" + "\n".join(lines) + "\n}\n"

    head = "/* Generated from figures_src/palette.py: edit the colours there. */\n"
    extra = {name: EXTRA[name] for name in CSS_EXTRA}
    light, dark = {**LIGHT, **extra}, {**DARK, **extra}
    return head + block(":root", light) + block('[data-md-color-scheme="slate"]', dark)


if __name__ == "__main__":
    sys.stdout.write(css())
