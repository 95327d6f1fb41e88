"""Shared look of every figure: colours, fonts, the card background, deterministic saving.

Background choice: every figure is drawn on a solid white card with rounded corners (the
corners outside the card are transparent).  A transparent figure would put dark text on
Material's dark (slate) palette; a white card reads the same on both palettes, so one file
serves both and the colours (figures_src/palette.py) only have to work on white.
"""

import re
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
    return compact_svg(buf.getvalue()) if fmt == "svg" else buf.getvalue()


# --- smaller SVG, same drawing ------------------------------------------------------------------
# matplotlib writes every path with absolute coordinates to 6 decimals and each glyph outline in
# 1/64 units: a Chinese figure is mostly glyph outlines (Noto Sans CJK).  Relative coordinates
# (small deltas repeat, so gzip packs them) at the precision the eye can see cut a page's figure
# bytes by about a fifth (issue 11: every page under 300 KB).
PATH_TOKEN = re.compile(r"[MLQCz]|-?\d+(?:\.\d+)?")
PATH_ARGS = {"M": 2, "L": 2, "Q": 4, "C": 6, "z": 0}  # the commands matplotlib writes
PLOT_DIGITS = 2  # plot paths in pt: 0.01 pt is far below a pixel
GLYPH_STEP = 16  # glyph outlines in steps of 16/64 units: 1/400 of the em, far below a pixel
PATH_ELEMENT = re.compile(r"<path\s[^>]*>")
PATH_DATA = re.compile(r'(\sd=")([^"]*)(")')
GLYPH_SCALE = re.compile(r'(\stransform="scale\()([\d.]+)(\)")')  # only glyphs have one
METADATA_BLOCK = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def relative_path(d, unit, rescale=False):
    """Path data ``d`` (absolute M/L/Q/C/z) as relative commands, every point rounded to a
    multiple of ``unit``: deltas are taken between rounded points, so errors do not add up.
    ``rescale``: write the numbers in steps of ``unit`` (the caller scales the path up)."""
    tokens, out, i = PATH_TOKEN.findall(d), [], 0
    here = start = (0, 0)  # in units
    while i < len(tokens):
        command, i = tokens[i], i + 1
        if command == "z":
            out.append("z")
            here = start
            continue
        points = [round(float(v) / unit) for v in tokens[i : i + PATH_ARGS[command]]]
        i += PATH_ARGS[command]
        deltas = []
        for x, y in zip(points[::2], points[1::2], strict=True):
            deltas += [x - here[0], y - here[1]]
        here = (points[-2], points[-1])
        if command == "M":
            start = here
        if command == "L" and 0 in deltas:  # a horizontal or vertical line: one number
            command, deltas = ("V", deltas[1:]) if deltas[0] == 0 else ("H", deltas[:1])
        numbers = (str(v) if rescale else _number(v * unit) for v in deltas)
        out.append(command.lower() + " ".join(numbers).replace(" -", "-"))
    return "".join(out)


def _number(x):
    text = f"{x:.{PLOT_DIGITS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def compact_svg(data):
    """The same drawing in fewer bytes: relative paths, glyphs on a coarser grid, no metadata."""
    text = METADATA_BLOCK.sub("", data.decode("utf-8"), count=1)

    def path(match):
        element, unit, rescale = match[0], 10**-PLOT_DIGITS, False
        if GLYPH_SCALE.search(element):  # draw the glyph on the coarser grid, scaled back up
            element = GLYPH_SCALE.sub(
                lambda m: f"{m[1]}{float(m[2]) * GLYPH_STEP:g}{m[3]}", element
            )
            unit, rescale = GLYPH_STEP, True
        return PATH_DATA.sub(lambda m: m[1] + relative_path(m[2], unit, rescale) + m[3], element)

    text = PATH_ELEMENT.sub(path, text)
    return text.encode("utf-8")
