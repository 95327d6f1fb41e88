"""The article's last sentence, checked: a linear neuron with the quadratic cost has no slowdown.

For a = z = w x + b and C = (a - y)^2 / 2, dC/dz = a - y: there is no sigma'(z) factor to
vanish, so the step never stalls.  ``trainer.train`` is a sigmoid neuron by construction, so
the linear neuron gets the tiny loop below (vectorized over starts, one line per update) --
the only place outside the trainer that updates w and b, and only for this check.
"""

import numpy as np

from figures_src.figures.style import COLORS, START_STYLE, new_figure, tr
from figures_src.model import results

IDS = ("linear-neuron",)
SIGMOID_RUNS = ("quadratic-start1", "quadratic-start2")
A_FLOOR = 1e-3  # lowest output shown on the log axis


def train_linear(w, b, eta, epochs, x, y):
    """Gradient descent on C = (a - y)^2 / 2 with a = w x + b.  Returns a of every epoch,
    shape (epochs + 1, starts)."""
    w, b = np.array(w, dtype=float), np.array(b, dtype=float)
    a = [w * x + b]
    for _ in range(epochs):
        delta = a[-1] - y  # dC/dz: no sigma'(z) factor
        w, b = w - eta * delta * x, b - eta * delta
        a.append(w * x + b)
    return np.stack(a)


def data(fig_id="linear-neuron"):
    """{"sigmoid": {id: a}, "linear": {id: a}, "epoch": epochs}; the linear runs use the same
    start, eta, x, y and epochs as the sigmoid run they sit beside (read from the JSON)."""
    sigmoid, linear = {}, {}
    for sid in SIGMOID_RUNS:
        run = results.load(sid)
        s = run["scenario"]
        sigmoid[sid] = np.asarray(run["history"]["a"])
        linear[sid] = train_linear([s["w0"]], [s["b0"]], s["eta"], s["epochs"], s["x"], s["y"])[
            :, 0
        ]
    return {"epoch": np.arange(sigmoid[SIGMOID_RUNS[0]].size), "sigmoid": sigmoid, "linear": linear}


def draw(lang, fig_id="linear-neuron"):
    d = data(fig_id)
    fig, ax = new_figure(7.0, 4.4)
    for n, sid in enumerate(SIGMOID_RUNS, start=1):
        style = START_STYLE[sid.rsplit("-", 1)[1]]
        ax.plot(
            d["epoch"],
            d["sigmoid"][sid],
            color=COLORS["quadratic"],
            linestyle=style,
            label=tr(lang, f"S 型神经元，起点 {n}", f"sigmoid neuron, start {n}"),
        )
        ax.plot(
            d["epoch"],
            d["linear"][sid],
            color=COLORS["linear"],
            linestyle=style,
            label=tr(lang, f"线性神经元 a = z，起点 {n}", f"linear neuron a = z, start {n}"),
        )
    s = results.load(SIGMOID_RUNS[0])["scenario"]
    ax.set_yscale("log")
    ax.set_ylim(A_FLOOR, 5)
    ax.set_xlim(0, s["epochs"])
    ax.set_xlabel(tr(lang, "迭代期", "epoch"))
    ax.set_ylabel(tr(lang, "输出 a（对数刻度，目标 y = 0）", "output a (log scale, target y = 0)"))
    ax.set_title(
        tr(
            lang,
            f"都用二次代价函数（η = {s['eta']:g}）：线性神经元一开始就学得快",
            f"Both with the quadratic cost (η = {s['eta']:g}):\n"
            "the linear neuron learns fast from the start",
        ),
        fontsize=11,
    )
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.4))
    fig.tight_layout()
    return fig
