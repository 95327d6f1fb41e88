"""The whole argument in one picture: the gradient |dC/db| against the output a, for y = 0.

Quadratic: dC/db = (a - y) sigma'(z) = a^2 (1 - a), which vanishes as a -> 1 (and as a -> 0).
Cross-entropy: dC/db = a - y = a, largest exactly where the output is most wrong.
The update of w and of b is eta |dC/db|; with x = 1, z = w + b moves by twice that.
Curves come from the cost classes' ``delta``; the start markers from the JSON's dc_db[0].
"""

import numpy as np

from figures_src.figures.style import COLORS, START_STYLE, new_figure, tr
from figures_src.model import results
from figures_src.model.costs import CrossEntropyCost, QuadraticCost

IDS = ("step-size",)
COSTS = {"quadratic": QuadraticCost, "cross-entropy": CrossEntropyCost}
Y = 0.0
PEAK_A = 2 / 3  # where a^2 (1 - a) is largest


def data(fig_id="step-size"):
    """a grid, |dC/db| per cost on it, and each run's starting (a, |dC/db|) from the JSON."""
    a = np.linspace(0.001, 0.999, 999)
    z = np.log(a / (1 - a))  # the z that gives this output
    curves = {name: np.abs(cost.delta(z, a, Y)) for name, cost in COSTS.items()}
    starts = {}
    for name in COSTS:
        for start in START_STYLE:
            h = results.load(f"{name}-{start}")["history"]
            starts[f"{name}-{start}"] = (h["a"][0], abs(h["dc_db"][0]))
    return {"a": a, "curves": curves, "starts": starts}


def draw(lang, fig_id="step-size"):
    d = data(fig_id)
    fig, ax = new_figure(7.0, 4.4)
    label = {
        "quadratic": tr(lang, "二次代价函数：aσ′(z) = a²(1 − a)", "quadratic: a·σ′(z) = a²(1 − a)"),
        "cross-entropy": tr(lang, "交叉熵代价：a − y = a", "cross-entropy: a − y = a"),
    }
    for name, curve in d["curves"].items():
        ax.plot(d["a"], curve, color=COLORS[name], label=label[name])
    for sid, (a0, step) in d["starts"].items():
        name, start = sid.rsplit("-", 1)
        ax.plot(
            [a0], [step], "o", color=COLORS[name], markersize=8, zorder=5, markeredgecolor="white"
        )
    for n, start in enumerate(START_STYLE, start=1):
        a0, quad = d["starts"][f"quadratic-{start}"]
        _, cross = d["starts"][f"cross-entropy-{start}"]
        ax.plot([a0, a0], [quad, cross], ":", color="#777777", linewidth=1.2, zorder=1)
        ratio = cross / quad
        ratio = f"{ratio:.1f}" if ratio < 10 else f"{ratio:.0f}"
        ax.annotate(
            tr(
                lang,
                f"起点 {n}：a = {a0:.2f}\n交叉熵的更新量是\n二次代价函数的 {ratio} 倍",
                f"start {n}: a = {a0:.2f}\ncross-entropy update\n= {ratio} × quadratic update",
            ),
            (a0, 0.3 + 0.25 * (n - 1)),
            xytext=(-6, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=9,
            bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none"},
        )
    # Right of the quadratic peak (a = 2/3) its gradient shrinks as the output gets worse.
    ax.axvline(PEAK_A, color="#999999", linewidth=1, linestyle=":")
    ax.annotate(
        "a = 2/3",
        (PEAK_A, 0.02),
        xytext=(-3, 0),
        textcoords="offset points",
        ha="right",
        fontsize=9,
    )
    ax.text(
        0.02,
        0.72,
        tr(
            lang,
            "更新量 = η × |∂C/∂b|；\nx = 1 时 z 每步挪动它的两倍",
            "update = η × |∂C/∂b|;\nwith x = 1, z moves by twice that",
        ),
        transform=ax.transAxes,
        fontsize=9,
        va="top",
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(tr(lang, "输出 a（目标 y = 0）", "output a (target y = 0)"))
    ax.set_ylabel(tr(lang, "梯度 |∂C/∂b|", "gradient |∂C/∂b|"))
    ax.set_title(
        tr(
            lang,
            "a > 2/3 时，输出错得越离谱，交叉熵的梯度越大，二次代价函数的梯度反而越小",
            "For a > 2/3: the more wrong the output, the larger the cross-entropy gradient,\n"
            "while the quadratic gradient shrinks",
        ),
        fontsize=11,
    )
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
