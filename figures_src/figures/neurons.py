"""Diagrams of the article's neurons: one input (x = 1) and three inputs, each with w, b, a.

No data behind these; ``data`` returns the layout (node positions and labels) that is drawn,
so the diagram and its test read the same description.
"""

from matplotlib.patches import Circle, FancyArrowPatch

from figures_src.figures.style import COLORS, new_figure, tr

IDS = ("neuron-one-input", "neuron-three-inputs")
NEURON = (0.0, 0.0)
OUT = (2.3, 0.0)
RADIUS = 0.45


def data(fig_id):
    """Inputs [(label, (x, y), weight label)], the bias label, and the output label."""
    if fig_id == "neuron-one-input":
        inputs = [("$x = 1$", (-2.4, 0.0), "$w$")]
    else:
        inputs = [(f"$x_{j}$", (-2.4, 1.2 * (2 - j)), f"$w_{j}$") for j in (1, 2, 3)]
    return {"inputs": inputs, "bias": "$b$", "output": "$a = \\sigma(z)$", "neuron": NEURON}


def _arrow(ax, start, end, shrink_start=0.0, shrink_end=0.0):
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=16,
            color=COLORS["text"],
            linewidth=1.6,
            shrinkA=shrink_start,
            shrinkB=shrink_end,
        )
    )


def draw(lang, fig_id):
    d = data(fig_id)
    ys = [y for _, (_, y), _ in d["inputs"]]
    xlim, ylim = (-4.0, 4.2), (min(min(ys) - 0.6, -1.75), max(ys) + 1.0)
    # Size the figure to the drawing, so the equal-aspect diagram fills it.
    width = 6.4
    height = width * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0])
    fig, ax = new_figure(width, height)
    fig.subplots_adjust(0, 0, 1, 1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(
        Circle(NEURON, RADIUS, facecolor="#E3F0F9", edgecolor=COLORS["quadratic"], linewidth=2)
    )
    ax.text(*NEURON, "$\\sigma$", ha="center", va="center", fontsize=20)
    for label, (x, y), weight in d["inputs"]:
        ax.add_patch(Circle((x, y), 0.3, facecolor="white", edgecolor=COLORS["text"]))
        ax.text(x - 0.45, y, label, ha="right", va="center", fontsize=13)
        _arrow(ax, (x, y), NEURON, shrink_start=21, shrink_end=33)
        mx, my = (x + NEURON[0]) / 2, (y + NEURON[1]) / 2
        ax.text(
            mx, my + 0.2, weight, ha="center", va="bottom", fontsize=13, color=COLORS["quadratic"]
        )
    # Bias: added inside the neuron, drawn as a short arrow from below.
    _arrow(ax, (NEURON[0], NEURON[1] - 1.3), NEURON, shrink_end=33)
    ax.text(
        NEURON[0] + 0.12,
        NEURON[1] - 1.25,
        d["bias"] + tr(lang, "（偏置）", " (bias)"),
        ha="left",
        va="bottom",
        fontsize=12,
        color=COLORS["quadratic"],
    )
    _arrow(ax, NEURON, OUT, shrink_start=33)
    ax.text(OUT[0] + 0.1, OUT[1], d["output"], ha="left", va="center", fontsize=13)
    ax.text(
        OUT[0] + 0.1, OUT[1] - 0.45, tr(lang, "输出", "output"), ha="left", va="center", fontsize=11
    )
    ax.text(
        -2.4,
        max(ys) + 0.45,
        tr(lang, "输入", "inputs" if len(d["inputs"]) > 1 else "input"),
        ha="center",
        va="bottom",
        fontsize=11,
    )
    z = "$z = wx + b$" if len(d["inputs"]) == 1 else "$z = \\sum_j w_j x_j + b$"
    ax.text(
        NEURON[0] + 0.5,
        NEURON[1] + 0.45,
        tr(lang, "神经元：", "neuron: ") + z,
        ha="left",
        va="bottom",
        fontsize=11,
    )
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return fig
