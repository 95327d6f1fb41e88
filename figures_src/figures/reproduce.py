"""Where the article's cross-entropy "0.04" comes from: three ways to run the same cost.

Cross-entropy with the true gradient at eta = 0.15 (the article's "everything else
unchanged"), the book widget's dC/da step at eta = 0.005, and the true gradient at
eta = 0.005; one panel per start, every curve read from the JSON.
"""

import numpy as np

from figures_src.figures.style import COLORS, new_figure, tr
from figures_src.model import results

IDS = ("reproduce-cross-entropy",)
KINDS = ("cross-entropy", "cross-entropy-dcda", "cross-entropy-eta0.005")
STARTS = ("start1", "start2")
LABEL = {
    "cross-entropy": ("真实梯度 ∂C/∂z，η = {eta:g}", "true gradient ∂C/∂z, η = {eta:g}"),
    "cross-entropy-dcda": (
        "原书动画：按 ∂C/∂a 更新，η = {eta:g}",
        "book animation: steps by ∂C/∂a, η = {eta:g}",
    ),
    "cross-entropy-eta0.005": ("真实梯度 ∂C/∂z，η = {eta:g}", "true gradient ∂C/∂z, η = {eta:g}"),
}


def data(fig_id="reproduce-cross-entropy"):
    """{start: {kind: a over epochs}} read from the JSON runs ``<kind>-<start>``."""
    return {
        start: {k: np.asarray(results.load(f"{k}-{start}")["history"]["a"]) for k in KINDS}
        for start in STARTS
    }


def draw(lang, fig_id="reproduce-cross-entropy"):
    d = data(fig_id)
    fig, axes = new_figure(9.6, 4.6, ncols=2, sharey=True, layout="constrained")
    for ax, (n, start) in zip(axes, enumerate(STARTS, start=1), strict=True):
        for kind, a in d[start].items():
            s = results.load(f"{kind}-{start}")["scenario"]
            ax.plot(
                np.arange(a.size),
                a,
                color=COLORS[kind],
                label=tr(lang, *LABEL[kind]).format(eta=s["eta"]),
            )
            ax.annotate(
                f"{a[-1]:.3f}",
                (a.size - 1, a[-1]),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=9,
                color=COLORS[kind],
            )
        ax.set_title(
            tr(
                lang,
                f"起点 {n}：w = {s['w0']:g}，b = {s['b0']:g}",
                f"Start {n}: w = {s['w0']:g}, b = {s['b0']:g}",
            )
        )
        ax.set_xlabel(tr(lang, "迭代期", "epoch"))
        ax.set_xlim(0, s["epochs"])
        ax.set_ylim(0, 1)
    axes[0].set_ylabel(tr(lang, "输出 a（目标 y = 0）", "output a (target y = 0)"))
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize=9)
    fig.suptitle(
        tr(
            lang,
            "交叉熵代价函数的三种跑法：文中的“0.04”从哪里来",
            "Cross-entropy run three ways: where the article's “0.04” comes from",
        ),
        fontsize=12,
    )
    return fig
