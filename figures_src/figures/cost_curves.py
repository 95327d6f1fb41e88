"""Cost against epoch: one figure per article run, and quadratic vs cross-entropy per start.

The two costs are measured in different units, so the comparison figures also show the
output a, which both runs try to bring to the same target y = 0.
"""

import numpy as np

from figures_src import titles
from figures_src.figures.style import COLORS, new_figure, tr
from figures_src.model import results

SINGLE = {
    f"cost-{s}": (s,)
    for s in (
        "quadratic-start1",
        "quadratic-start2",
        "cross-entropy-start1",
        "cross-entropy-start2",
    )
}
COMPARE = {
    f"cost-compare-{start}": (f"quadratic-{start}", f"cross-entropy-{start}")
    for start in ("start1", "start2")
}
IDS = (*SINGLE, *COMPARE)
COST_NAME = {
    "quadratic": ("二次代价函数", "quadratic cost"),
    "cross-entropy": ("交叉熵代价", "cross-entropy cost"),
}


def scenarios(fig_id):
    return {**SINGLE, **COMPARE}[fig_id]


def data(fig_id):
    """{scenario id: {"epoch", "cost", "a"}}: the curves drawn, read from the JSON.

    Single-run figures draw "cost"; comparison figures draw "a" and "cost".
    """
    out = {}
    for sid in scenarios(fig_id):
        history = results.load(sid)["history"]
        cost = np.asarray(history["cost"])
        out[sid] = {"epoch": np.arange(cost.size), "cost": cost, "a": np.asarray(history["a"])}
    return out


def _label(lang, run):
    s = run["scenario"]
    a0, a_end = run["history"]["a"][0], run["final"]["a"]
    name = tr(lang, *COST_NAME[s["cost"]])
    if lang == "zh":
        return f"{name}（输出 a：{a0:.2f} → {a_end:.2f}）"
    return f"{name} (output a: {a0:.2f} → {a_end:.2f})"


def draw(lang, fig_id):
    series = data(fig_id)
    compare = len(series) > 1
    if compare:
        fig, (ax_a, ax_c) = new_figure(9.0, 4.0, ncols=2)
        panels = (("a", ax_a), ("cost", ax_c))
    else:
        fig, ax_c = new_figure(7.0, 4.0)
        panels = (("cost", ax_c),)
    for sid, curves in series.items():
        run = results.load(sid)
        for field, ax in panels:
            ax.plot(
                curves["epoch"],
                curves[field],
                color=COLORS[run["scenario"]["cost"]],
                label=_label(lang, run),
            )
    s = results.load(next(iter(series)))["scenario"]
    eta = tr(lang, f"（η = {s['eta']:g}）", f" (η = {s['eta']:g})")
    if compare:
        fig.suptitle(
            tr(
                lang,
                f"同一起点 w = {s['w0']:g}、b = {s['b0']:g}，两种代价函数{eta}",
                f"Same start w = {s['w0']:g}, b = {s['b0']:g}, two costs{eta}",
            ),
            fontsize=12,
        )
        ax_a.set_ylabel(tr(lang, "输出 a（目标 y = 0）", "output a (target y = 0)"))
        ax_a.set_ylim(0, 1)
        ax_a.legend(loc="center right")
    else:
        ax_c.set_title(titles.title(s["id"], lang) + eta)
        ax_c.legend(loc="upper right")
    ax_c.set_ylabel(tr(lang, "代价 C", "cost C"))
    ax_c.set_ylim(bottom=0)
    for _, ax in panels:
        ax.set_xlabel(tr(lang, "迭代期", "epoch"))
        ax.set_xlim(0, s["epochs"])
    fig.tight_layout()
    return fig
