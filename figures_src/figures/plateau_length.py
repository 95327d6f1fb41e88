"""What the start decides: along z0 = w0 + b0 (with x = 1 nothing else matters), the epochs of
the plateau (until a < 2/3) and of the late phase (from a < 2/3 until a < 0.1), measured by the
trainer (analysis.json ``sweep``) and drawn over the closed forms of figures_src/model/analysis.py.
"""

import numpy as np

from figures_src.figures.style import COLORS, new_figure, tr
from figures_src.model import analysis, results

IDS = ("plateau-length",)


def data(fig_id="plateau-length"):
    """z0, the trainer's plateau and late-phase epochs per cost, the closed forms on a fine z0
    grid, the article's starts and epochs."""
    d = results.load(analysis.DATA_ID)
    sweep = d["sweep"]
    eta = sweep["eta"]
    z = np.linspace(sweep["z0"][0], sweep["z0"][-1], 300)
    return {
        "z0": np.asarray(sweep["z0"]),
        "plateau": {c: np.asarray(v) for c, v in sweep["plateau"].items()},
        "late": {c: np.asarray(v) for c, v in sweep["late"].items()},
        "z": z,
        "plateau_closed": {c: analysis.plateau_closed(c, z, eta) for c in analysis.ANALYSED},
        "late_closed": {c: analysis.late_closed(c, eta) for c in analysis.ANALYSED},
        "eta": eta,
        "starts": d["z0"],
        "epochs": results.load("quadratic-start1")["scenario"]["epochs"],
    }


def draw(lang, fig_id="plateau-length"):
    d = data(fig_id)
    fig, ax = new_figure(7.4, 5.0)
    name = {
        "quadratic": tr(lang, "二次代价函数", "quadratic"),
        "cross-entropy": tr(lang, "交叉熵", "cross-entropy"),
    }
    for cost in analysis.ANALYSED:
        color = COLORS[cost]
        ax.plot(d["z"], d["plateau_closed"][cost], color=color, linewidth=1.8)
        ax.plot(
            d["z0"],
            d["plateau"][cost],
            "o",
            color=color,
            markersize=5,
            label=tr(
                lang,
                f"{name[cost]}：平台期，到 a < 2/3",
                f"{name[cost]}: plateau, until a < 2/3",
            ),
        )
        ax.axhline(d["late_closed"][cost], color=color, linewidth=1.4, linestyle="--")
        ax.plot(
            d["z0"],
            d["late"][cost],
            "s",
            markerfacecolor="white",
            color=color,
            markersize=5,
            label=tr(
                lang,
                f"{name[cost]}：后期，从 2/3 到 a < 0.1",
                f"{name[cost]}: late phase, 2/3 down to a < 0.1",
            ),
        )
    ax.axhline(d["epochs"], color="#777777", linewidth=1, linestyle="-.")
    ax.annotate(
        tr(lang, f"原文的 {d['epochs']} 个迭代期", f"the article's {d['epochs']} epochs"),
        (d["z0"][-1], d["epochs"]),
        xytext=(0, 3),
        textcoords="offset points",
        ha="right",
        fontsize=9,
    )
    for n, z0 in enumerate(d["starts"].values(), start=1):
        ax.axvline(z0, color="#999999", linewidth=1, linestyle=":")
        ax.annotate(
            tr(lang, f"起点 {n}", f"start {n}"),
            (z0, 1.0),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=9,
        )
    ax.set_yscale("log")
    ax.set_ylim(0.8, 2e4)
    ax.set_xlim(0.5, d["z0"][-1] + 0.25)
    ax.set_xlabel(
        tr(lang, "起点的带权输入 $z_0 = w_0 + b_0$", "starting weighted input $z_0 = w_0 + b_0$")
    )
    ax.set_ylabel(tr(lang, "迭代期数（对数刻度）", "epochs (log scale)"))
    ax.set_title(
        tr(
            lang,
            f"起点只决定平台期，后期与起点无关\n（点：训练器的结果；线：闭式解；η = {d['eta']:g}）",
            "The start sets the plateau; the late phase is the same from every start\n"
            f"(dots: the trainer; lines: the closed forms; η = {d['eta']:g})",
        ),
        fontsize=11,
    )
    ax.legend(loc="upper left", fontsize=8.5)
    fig.tight_layout()
    return fig
