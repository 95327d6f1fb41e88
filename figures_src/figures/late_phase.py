"""Slow at both ends: the article's four runs, continued past 300 epochs, on log-log axes with
the late-phase asymptotes a ~ 1/sqrt(4 eta t) (quadratic) and a ~ 1/(2 eta t) (cross-entropy).

The runs are the trainer's, read from analysis.json (``long``: the same starts and eta as the
article, sampled at log-spaced epochs); the asymptotes are analysis.asymptote.
"""

import numpy as np

from figures_src.figures.style import COLORS, START_STYLE, new_figure, tr
from figures_src.model import analysis, results

IDS = ("late-phase",)
RUNS = tuple(f"{cost}-{start}" for cost in analysis.ANALYSED for start in START_STYLE)


def data(fig_id="late-phase"):
    """Epochs, a of every run at those epochs, and both asymptotes on the same epochs."""
    long = results.load(analysis.DATA_ID)["long"]
    t = np.asarray(long["epochs"], dtype=float)
    eta = results.load(analysis.DATA_ID)["eta"]
    return {
        "t": t,
        "runs": {sid: np.asarray(long[sid]) for sid in RUNS},
        "asymptote": {cost: analysis.asymptote(cost, eta, t) for cost in analysis.ANALYSED},
        "eta": eta,
        "article_epochs": results.load("quadratic-start1")["scenario"]["epochs"],
    }


def draw(lang, fig_id="late-phase"):
    d = data(fig_id)
    fig, ax = new_figure(7.0, 4.8)
    name = {
        "quadratic": tr(lang, "二次代价函数", "quadratic"),
        "cross-entropy": tr(lang, "交叉熵", "cross-entropy"),
    }
    for sid in RUNS:
        cost, start = sid.rsplit("-", 1)
        n = start[-1]
        ax.plot(
            d["t"],
            d["runs"][sid],
            color=COLORS[cost],
            linestyle=START_STYLE[start],
            label=tr(lang, f"{name[cost]}，起点 {n}", f"{name[cost]}, start {n}"),
        )
    formula = {
        "quadratic": "1/√(4ηt)",
        "cross-entropy": "1/(2ηt)",
    }
    for cost, curve in d["asymptote"].items():
        ax.plot(d["t"], curve, color=COLORS["text"], linestyle=":", linewidth=1.3)
        # Labels where nothing else is drawn: just under each line.
        at, ha, off = (90, "center", (0, -7)) if cost == "quadratic" else (600, "left", (6, -20))
        k = int(np.searchsorted(d["t"], at))
        ax.annotate(
            f"a ≈ {formula[cost]}",
            (d["t"][k], curve[k]),
            xytext=off,
            textcoords="offset points",
            ha=ha,
            va="top",
            fontsize=9.5,
            color=COLORS["text"],
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        )
    end = d["article_epochs"]
    ax.axvline(end, color="#777777", linewidth=1, linestyle="-.")
    ax.annotate(
        tr(lang, f"原文训练到第 {end} 个迭代期", f"the article stops at epoch {end}"),
        (end, 1.0),
        xytext=(4, -2),
        textcoords="offset points",
        va="top",
        fontsize=9,
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, d["t"][-1])
    ax.set_ylim(3e-4, 1.2)
    ax.set_xlabel(tr(lang, "迭代期 t（对数刻度）", "epoch t (log scale)"))
    ax.set_ylabel(tr(lang, "输出 a（对数刻度，目标 y = 0）", "output a (log scale, target y = 0)"))
    ax.set_title(
        tr(
            lang,
            f"结尾也慢：a 趋近 0 时二次代价函数只按 1/√t 下降（η = {d['eta']:g}）",
            f"Slow at the end too: as a → 0 the quadratic cost only falls like 1/√t "
            f"(η = {d['eta']:g})",
        ),
        fontsize=11,
    )
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig
