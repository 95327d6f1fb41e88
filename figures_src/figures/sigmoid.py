"""sigma(z) and sigma'(z), the two article starts, and the flat regions where learning stalls."""

import numpy as np

from figures_src.figures.style import COLORS, new_figure, tr
from figures_src.model import results
from figures_src.model.trainer import sigmoid, sigmoid_prime

IDS = ("sigmoid",)
STARTS = ("quadratic-start1", "quadratic-start2")
Z_MAX = 8.0
# "Flat" = sigma'(z) below a fifth of its peak 1/4: there the quadratic cost's step is tiny.
FLAT_BELOW = 0.05


def data(fig_id="sigmoid"):
    """z grid, sigma, sigma', the flat mask, and each start's (z, a) from history[0]."""
    z = np.linspace(-Z_MAX, Z_MAX, 801)
    sp = sigmoid_prime(z)
    starts = {}
    for sid in STARTS:
        h = results.load(sid)["history"]
        starts[sid] = (h["z"][0], h["a"][0])
    return {"z": z, "a": sigmoid(z), "sigma_prime": sp, "flat": sp < FLAT_BELOW, "starts": starts}


def draw(lang, fig_id="sigmoid"):
    d = data(fig_id)
    fig, ax = new_figure(7.0, 4.2)
    z = d["z"]
    ax.fill_between(
        z,
        0,
        1.1,
        where=d["flat"],
        color=COLORS["flat"],
        linewidth=0,
        label=tr(
            lang,
            f"平坦区：σ′(z) < {FLAT_BELOW:g}，学习缓慢",
            f"flat: σ′(z) < {FLAT_BELOW:g}, learning slows down",
        ),
    )
    ax.plot(z, d["a"], color=COLORS["text"], label=tr(lang, "a = σ(z)", "a = σ(z)"))
    ax.plot(
        z,
        d["sigma_prime"],
        color=COLORS["sigmoid-prime"],
        linestyle="--",
        label=tr(lang, "导数 σ′(z)", "slope σ′(z)"),
    )
    for n, (z0, a0) in enumerate(d["starts"].values(), start=1):
        ax.plot([z0], [a0], "o", color=COLORS["quadratic"], markersize=8, zorder=5)
        ax.plot([z0, z0], [0, a0], ":", color=COLORS["quadratic"], linewidth=1.2)
        ax.annotate(
            tr(lang, f"起点 {n}：z = {z0:g}，a = {a0:.2f}", f"start {n}: z = {z0:g}, a = {a0:.2f}"),
            (z0, a0),
            xytext=(-10, 4) if n == 1 else (-8, 9),
            textcoords="offset points",
            ha="right",
            fontsize=9.5,
            color=COLORS["quadratic"],
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        )
    ax.set_xlim(-Z_MAX, Z_MAX)
    ax.set_ylim(0, 1.1)
    ax.set_xlabel(tr(lang, "带权输入 z", "weighted input z"))
    ax.set_title(tr(lang, "S 型函数与它的导数", "The sigmoid and its slope"))
    ax.legend(
        loc="lower right",
        bbox_to_anchor=(1.0, 0.12),
        frameon=True,
        framealpha=1,
        edgecolor="#BBBBBB",
    )
    fig.tight_layout()
    return fig
