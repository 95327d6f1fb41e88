"""The run in one dimension: with x = 1 only z = w + b matters, so every run rolls down one
curve, the cost as a function of z (target y = 0).  Each epoch moves z by 2 eta times the slope.

Top: the two costs, each on its own scale; bottom: their slopes dC/dz, which set the step.
Curves come from the cost classes (``fn``, ``delta``); the two starts from the JSON's z[0].
"""

import numpy as np

from figures_src.figures.style import COLORS, START_STYLE, new_figure, tr
from figures_src.model import results
from figures_src.model.costs import CrossEntropyCost, QuadraticCost
from figures_src.model.trainer import sigmoid

IDS = ("cost-of-z",)
COSTS = {"quadratic": QuadraticCost, "cross-entropy": CrossEntropyCost}
Z_MAX = 6.0
Y = 0.0


def data(fig_id="cost-of-z"):
    """z grid, C(z) and dC/dz per cost, and each start's z0 (from the quadratic runs' JSON)."""
    z = np.linspace(-Z_MAX, Z_MAX, 601)
    a = sigmoid(z)
    cost = {name: c.fn(z, a, Y) for name, c in COSTS.items()}
    slope = {name: c.delta(z, a, Y) for name, c in COSTS.items()}
    starts = {s: results.load(f"quadratic-{s}")["history"]["z"][0] for s in START_STYLE}
    return {"z": z, "cost": cost, "slope": slope, "starts": starts}


def draw(lang, fig_id="cost-of-z"):
    d = data(fig_id)
    eta = results.load("quadratic-start1")["scenario"]["eta"]
    fig, axes = new_figure(
        8.0, 6.0, layout="constrained", nrows=2, ncols=2, sharex=True, height_ratios=(1, 1)
    )
    gs = axes[1, 0].get_gridspec()
    for ax in axes[1]:
        ax.remove()
    slope_ax = fig.add_subplot(gs[1, :])
    z = d["z"]
    formula = {
        "quadratic": tr(lang, "二次代价函数 C = σ(z)²/2", "quadratic C = σ(z)²/2"),
        "cross-entropy": tr(lang, "交叉熵 C = ln(1 + $e^z$)", "cross-entropy C = ln(1 + $e^z$)"),
    }
    for ax, name in zip(axes[0], COSTS, strict=True):
        ax.plot(z, d["cost"][name], color=COLORS[name])
        ax.set_title(formula[name], color=COLORS[name], fontsize=11)
        for n, z0 in enumerate(d["starts"].values(), start=1):
            c0 = float(np.interp(z0, z, d["cost"][name]))
            ax.plot([z0], [c0], "o", color=COLORS[name], markeredgecolor="white", markersize=8)
            ax.annotate(
                tr(lang, f"起点 {n}", f"start {n}"),
                (z0, c0),
                xytext=(-8, 6),
                textcoords="offset points",
                ha="right",
                fontsize=9,
            )
        ax.set_xlabel(tr(lang, "带权输入 z", "weighted input z"))
        ax.tick_params(labelbottom=True)
    axes[0, 0].set_ylabel(tr(lang, "代价 C", "cost C"))
    label = {
        "quadratic": tr(lang, "二次代价函数：aσ′(z) = a²(1 − a)", "quadratic: a·σ′(z) = a²(1 − a)"),
        "cross-entropy": tr(lang, "交叉熵：a", "cross-entropy: a"),
    }
    for name in COSTS:
        slope_ax.plot(z, d["slope"][name], color=COLORS[name], label=label[name])
    for n, (start, z0) in enumerate(d["starts"].items(), start=1):
        slope_ax.axvline(z0, color="#777777", linestyle=START_STYLE[start], linewidth=1)
        slope_ax.annotate(
            tr(lang, f"起点 {n}", f"start {n}"),
            (z0, 1.0),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=9,
            va="top",
        )
    flat = (
        (tr(lang, "平坦：结尾慢", "flat: slow finish"), (-4.0, 0.01), (-5.7, 0.3)),
        (tr(lang, "平坦：开头慢", "flat: slow start"), (5.0, 0.02), (3.2, 0.4)),
    )
    for text, point, where in flat:
        slope_ax.annotate(
            text,
            point,
            xytext=where,
            fontsize=9,
            color=COLORS["quadratic"],
            arrowprops={"arrowstyle": "->", "color": COLORS["quadratic"], "lw": 1},
        )
    slope_ax.set_xlim(-Z_MAX, Z_MAX)
    slope_ax.set_ylim(0, 1.05)
    slope_ax.set_xlabel(tr(lang, "带权输入 z", "weighted input z"))
    slope_ax.set_ylabel(tr(lang, "坡度 ∂C/∂z", "slope ∂C/∂z"))
    slope_ax.set_title(
        tr(
            lang,
            f"每个迭代期 z 沿曲线往左挪 2η × 坡度（η = {eta:g}）",
            f"Each epoch z moves left by 2η × slope (η = {eta:g})",
        ),
        fontsize=11,
    )
    slope_ax.legend(loc="upper left", bbox_to_anchor=(0.0, 0.8))
    fig.suptitle(
        tr(
            lang,
            "x = 1 时整个训练都在一条曲线上：代价是 z 的函数（y = 0）",
            "With x = 1 the whole run lives on one curve: the cost as a function of z (y = 0)",
        ),
        fontsize=12,
    )
    return fig
