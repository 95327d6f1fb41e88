"""Shared look of every figure: colours, fonts, the card background, deterministic saving.

Background choice: every figure is drawn on a solid white card with rounded corners (the
corners outside the card are transparent).  A transparent figure would put dark text on
Material's dark (slate) palette; a white card reads the same on both palettes, so one file
serves both and the colours (figures_src/palette.py) only have to work on white.
"""

import warnings
from contextlib import contextmanager

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from figures_src import palette  # noqa: E402
from figures_src.languages import CJK_PACKAGE, FONTS, LANGS  # noqa: E402, F401  (LANGS re-exported)

# One colour per quantity, shared with the videos and the site's CSS (figures_src/palette.py).
COLORS = palette.COLORS
# Two starts, told apart by line style as well as by label (not by colour alone).
START_STYLE = {"start1": "-", "start2": "--"}

CJK_FONT = FONTS["zh"]
LATIN_FONT = FONTS["en"]
HASHSALT = "cross-entropy-site"
METADATA = {"Date": None, "Creator": "figures_src.figures"}


class FontMissing(RuntimeError):
    """The Chinese font is not installed."""


def font_family(lang):
    """The one font family used for a language; Chinese must be Noto Sans CJK SC."""
    if lang == "zh":
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=CJK_FONT), fallback_to_default=False
            )
        except ValueError:
            raise FontMissing(
                f"font {CJK_FONT!r} not found: install the Debian package {CJK_PACKAGE}"
            ) from None
        return CJK_FONT
    return LATIN_FONT


def tr(lang, zh, en):
    """Pick the text of one language."""
    return zh if lang == "zh" else en


@contextmanager
def rc(lang):
    """rcParams for one language; fixed hash salt so SVG ids are the same every render."""
    params = {
        "font.family": [font_family(lang)],
        "mathtext.fontset": "dejavusans",
        "svg.hashsalt": HASHSALT,
        "svg.fonttype": "path",  # glyphs as paths: the browser needs no CJK font
        "axes.edgecolor": COLORS["axis"],
        "axes.labelcolor": COLORS["text"],
        "axes.titlesize": 12,
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": COLORS["grid"],
        "grid.linewidth": 0.6,
        "xtick.color": COLORS["tick"],
        "ytick.color": COLORS["tick"],
        "text.color": COLORS["text"],
        "legend.frameon": False,
        "legend.fontsize": 9.5,
        "lines.linewidth": 2.0,
        "figure.dpi": 100,
        "savefig.dpi": 100,
    }
    with matplotlib.rc_context(params), warnings.catch_warnings():
        # A missing glyph would silently draw a box: make it fail the build instead.
        warnings.filterwarnings("error", message=r"Glyph .* missing from font")
        yield


def new_figure(width=7.0, height=4.2, **subplots):
    """A figure on the white rounded card, plus its axes."""
    fig, axes = plt.subplots(figsize=(width, height), **subplots)
    fig.patch.set_alpha(0.0)
    card = FancyBboxPatch(
        (0, 0),
        1,
        1,
        boxstyle="round,pad=0,rounding_size=0.025",
        mutation_aspect=width / height,
        transform=fig.transFigure,
        facecolor=COLORS["card"],
        edgecolor="none",
        zorder=-10,
    )
    fig.patches.append(card)
    if subplots.get("layout") == "constrained":
        # Keep titles and colour-bar labels clear of the card's rounded corners.
        fig.get_layout_engine().set(w_pad=0.15, h_pad=0.12)
    return fig, axes


def figure_bytes(fig, fmt="svg"):
    """Render to bytes with fixed metadata: two renders give identical bytes."""
    import io

    buf = io.BytesIO()
    metadata = dict(METADATA) if fmt == "svg" else {"Software": METADATA["Creator"]}
    fig.savefig(buf, format=fmt, metadata=metadata)
    plt.close(fig)
    return buf.getvalue()
