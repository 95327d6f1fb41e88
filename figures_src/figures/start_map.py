"""How many epochs each cost needs from every starting (w, b) to bring the output below 0.1.

This is the one figure that trains: a grid of starts is not a scenario, so it calls
``trainer.train`` once per cost, batched over all 201 x 201 starts (no loop over starts).
The grid steps by 1/20, so both article starts (0.6, 0.9) and (2.0, 2.0) are grid points
and the map can be checked against their JSON runs.
"""

from functools import lru_cache

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.patches import Patch

from figures_src.figures.style import COLORS, new_figure, tr
from figures_src.model import results
from figures_src.model.costs import COSTS
from figures_src.model.trainer import train

IDS = ("start-map",)
GRID = np.arange(-100, 101) / 20  # -5 .. 5 in steps of 0.05: 201 values, exact k/20
THRESHOLD = 0.1
MAP_COSTS = ("quadratic", "cross-entropy")
STARTS = ("start1", "start2")


def setting():
    """eta, epochs, x, y of the article's runs, as the JSON records them."""
    s = results.load("quadratic-start1")["scenario"]
    return {k: s[k] for k in ("eta", "epochs", "x", "y")}


@lru_cache(maxsize=1)
def _epoch_maps(eta, epochs, x, y):
    w, b = np.meshgrid(GRID, GRID)  # rows: b, columns: w
    maps = {}
    for name in MAP_COSTS:
        run = train(
            COSTS[name], w.reshape(-1, 1), b.reshape(-1), eta, epochs, [[x]], [y], keep=("a",)
        )
        below = run.history["a"][:, :, 0] < THRESHOLD  # (epochs + 1, starts)
        first = np.argmax(below, axis=0).astype(float)
        first[~below.any(axis=0)] = np.nan  # not within the run
        maps[name] = first.reshape(w.shape)
    return maps


def data(fig_id="start-map"):
    """w and b grids, {cost: epochs map (rows b, columns w; NaN = not within the run)},
    and the article starts as (w0, b0) read from the JSON."""
    starts = {}
    for start in STARTS:
        s = results.load(f"quadratic-{start}")["scenario"]
        starts[start] = (s["w0"], s["b0"])
    return {"w": GRID, "b": GRID, "epochs": _epoch_maps(**setting()), "starts": starts}


def value_at(d, cost, w0, b0):
    """The map's value at a grid point (w0, b0)."""
    return d["epochs"][cost][np.flatnonzero(d["b"] == b0)[0], np.flatnonzero(d["w"] == w0)[0]]


def draw(lang, fig_id="start-map"):
    d = data(fig_id)
    run = setting()
    fig, axes = new_figure(9.6, 4.8, ncols=2, sharey=True, layout="constrained")
    cmap = colormaps["viridis"].with_extremes(bad=COLORS["never"])
    norm = Normalize(0, run["epochs"])
    step = d["w"][1] - d["w"][0]
    extent = (
        d["w"][0] - step / 2,
        d["w"][-1] + step / 2,
        d["b"][0] - step / 2,
        d["b"][-1] + step / 2,
    )
    titles = {
        "quadratic": tr(lang, "二次代价函数", "quadratic cost"),
        "cross-entropy": tr(lang, "交叉熵代价", "cross-entropy cost"),
    }
    for ax, name in zip(axes, MAP_COSTS, strict=True):
        image = ax.imshow(
            np.ma.masked_invalid(d["epochs"][name]),
            origin="lower",
            extent=extent,
            cmap=cmap,
            norm=norm,
            interpolation="nearest",
            aspect="equal",
        )
        ax.set_title(titles[name], color=COLORS[name], fontweight="bold")
        ax.set_xlabel(tr(lang, "起始权重 w", "starting weight w"))
        ax.grid(False)
        for n, (w0, b0) in enumerate(d["starts"].values(), start=1):
            ax.plot([w0], [b0], "o", color="white", markeredgecolor="black", markersize=7)
            ax.annotate(
                tr(lang, f"起点 {n}", f"start {n}"),
                (w0, b0),
                xytext=(6, 5),
                textcoords="offset points",
                fontsize=9,
                color="white",
                fontweight="bold",
            )
    axes[0].set_ylabel(tr(lang, "起始偏置 b", "starting bias b"))
    bar = fig.colorbar(image, ax=axes, shrink=0.85, pad=0.02)
    bar.set_label(
        tr(
            lang,
            f"输出 a 降到 {THRESHOLD:g} 以下所需的迭代期数",
            f"epochs until the output a is below {THRESHOLD:g}",
        )
    )
    fig.legend(
        handles=[
            Patch(
                color=COLORS["never"],
                label=tr(
                    lang,
                    f"{run['epochs']} 个迭代期内没有降到 {THRESHOLD:g} 以下",
                    f"not below {THRESHOLD:g} within {run['epochs']} epochs",
                ),
            )
        ],
        loc="outside lower center",
    )
    fig.suptitle(
        tr(
            lang,
            f"从哪里出发都一样快吗？（η = {run['eta']:g}，x = {run['x']:g}，y = {run['y']:g}）",
            f"Does every start learn as fast? (η = {run['eta']:g}, x = {run['x']:g}, "
            f"y = {run['y']:g})",
        ),
        fontsize=12,
    )
    return fig
