"""Words, colors and get_* builders shared by the scenes.  Text only: no TeX anywhere."""

from functools import partial

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Circle,
    DecimalNumber,
    Dot,
    Integer,
    Text,
    VGroup,
    VMobject,
)

from figures_src import palette
from figures_src.languages import FONTS
from figures_src.model import results

# The figures' look: a white card, dark text, the same fonts and colours (figures_src/palette.py).
BACKGROUND = palette.COLORS["card"]  # a white card reads the same on both site palettes
INK = palette.COLORS["text"]
MUTED = palette.COLORS["muted"]

WORDS = {
    "zh": {
        "epoch": "迭代期",
        "cost": "代价",
        "input": "输入",
        "output": "输出",
        "output-a": "输出 a",
        "quadratic": "二次代价函数",
        "cross-entropy": "交叉熵代价函数",
        "compare-title": "同一起点，两种代价函数：w = {w0}、b = {b0}，η = {eta}",
    },
    "en": {
        "epoch": "Epoch",
        "cost": "Cost",
        "input": "input",
        "output": "output",
        "output-a": "Output a",
        "quadratic": "Quadratic cost",
        "cross-entropy": "Cross-entropy cost",
        "compare-title": "Same start, two costs: w = {w0}, b = {b0}, η = {eta}",
    },
}


def get_colors():
    """The palette's colours, so a quantity has the same colour in a figure and a video."""
    return dict(palette.COLORS)


def get_text(lang, string, font_size=28, color=INK, **kwargs):
    return Text(string, font=FONTS[lang], font_size=font_size, color=color, **kwargs)


def get_number(lang, value, places=3, font_size=28, color=INK):
    """A live number drawn with Text glyphs (DecimalNumber's default would call LaTeX)."""
    mob_class = partial(Text, font=FONTS[lang])
    cls = Integer if places == 0 else partial(DecimalNumber, num_decimal_places=places)
    return cls(value, mob_class=mob_class, font_size=font_size, color=color)


def get_readout(lang, label, get_value, font_size=28, color=INK, places=3):
    """`label = 0.123` whose number follows get_value() every frame.

    The digits sit on the label's baseline, read off a "0" set in the same line (the label's
    own bottom is lower when it has parentheses or descenders).
    """
    line = get_text(lang, f"{label} = 0", font_size=font_size, color=color)
    baseline = line[-1].get_bottom()[1]
    name = VGroup(*line[:-1])
    number = get_number(lang, get_value(), places, font_size, color)

    def update(mob):
        value = get_value()
        if value == mob.get_value() and mob.get_left()[0] > name.get_right()[0]:
            return  # same number, already in place: rebuilding its glyphs is the costly part
        mob.set_value(value)
        mob.next_to(name, RIGHT, buff=0.15)
        mob.shift((name.get_bottom()[1] + baseline_offset - mob.get_bottom()[1]) * UP)

    baseline_offset = baseline - name.get_bottom()[1]  # moves with the label
    update(number)

    number.add_updater(update)
    return VGroup(name, number)


def get_run(scenario_id):
    """The trainer's JSON for one scenario, with numpy arrays for the history."""
    run = results.load(scenario_id)
    history = {key: np.asarray(values, dtype=float) for key, values in run["history"].items()}
    return {"scenario": run["scenario"], "final": run["final"], "history": history}


def get_nice_step(top, max_ticks=5):
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving at most max_ticks gaps."""
    raw = top / max_ticks
    power = 10 ** np.floor(np.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if mult * power >= raw:
            return float(mult * power)
    return float(10 * power)


def get_tick_text(lang, value, step):
    """A tick label with as many decimals as the step needs: 100 -> 0, 0.5 -> 1, 0.25 -> 2."""
    places = next((p for p in range(4) if abs(step * 10**p - round(step * 10**p)) < 1e-9), 3)
    return get_text(lang, f"{value:.{places}f}", font_size=20, color=MUTED)


def get_cost_axes(lang, epochs, cost_top, width, height, y_word="cost"):
    """Axes epoch x cost (or y_word) with Text tick labels (add_coordinates would need TeX)."""
    x_step = epochs / 3 if epochs % 3 == 0 else get_nice_step(epochs, 4)
    y_step = get_nice_step(cost_top, 5)
    y_top = y_step * np.ceil(cost_top / y_step - 1e-9)
    axes = Axes(
        x_range=[0, epochs, x_step],
        y_range=[0, y_top, y_step],
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"color": MUTED, "stroke_width": 2, "include_ticks": True},
    )
    labels = VGroup()
    for x in np.arange(0, epochs + 1e-9, x_step):
        labels.add(get_tick_text(lang, x, x_step).next_to(axes.c2p(x, 0), DOWN, buff=0.15))
    last_x_tick = labels[-1]
    # From the first step up: the corner already has the epoch axis's "0".
    for y in np.arange(y_step, y_top + 1e-9, y_step):
        labels.add(get_tick_text(lang, y, y_step).next_to(axes.c2p(0, y), LEFT, buff=0.15))
    words = WORDS[lang]
    x_label = get_text(lang, words["epoch"], font_size=22, color=MUTED)
    # In the tick row, right of the last tick label: no extra height, no overlap.
    x_label.next_to(last_x_tick, RIGHT, buff=0.25).align_to(last_x_tick, DOWN)
    y_label = get_text(lang, words[y_word], font_size=22, color=MUTED)
    y_label.next_to(axes.c2p(0, y_top), UP, buff=0.3).align_to(labels, LEFT)
    return axes, VGroup(labels, x_label, y_label)


def get_cost_curve(axes, cost, get_t, color):
    """The cost curve drawn up to the clock's time get_t() (in epochs), redrawn every frame."""
    epochs = len(cost) - 1

    def points():
        t = min(max(get_t(), 0.0), epochs)
        k = int(np.floor(t))
        xs = np.arange(k + 1, dtype=float)
        ys = cost[: k + 1]
        if t > k:  # the part of the next step already drawn
            xs = np.append(xs, t)
            ys = np.append(ys, cost[k] + (t - k) * (cost[k + 1] - cost[k]))
        if len(xs) == 1:  # a zero-length line still needs two points
            xs, ys = np.append(xs, xs), np.append(ys, ys)
        return [axes.c2p(x, y) for x, y in zip(xs, ys, strict=True)]

    curve = VMobject(color=color, stroke_width=4)
    curve.set_points_as_corners(points())
    curve.add_updater(lambda mob: mob.set_points_as_corners(points()))
    dot = Dot(radius=0.07, color=color)
    dot.move_to(points()[-1])
    dot.add_updater(lambda mob: mob.move_to(points()[-1]))
    return VGroup(curve, dot)


def get_neuron(lang, x, color, get_state, font_size=26):
    """Input x -> circle -> output a, with w on the input arrow and b under the circle.

    The circle fills with the cost's color as much as the output a: a full circle means a = 1.
    """
    words = WORDS[lang]
    circle = Circle(radius=0.55, color=INK, stroke_width=3)

    def fill(mob):  # a faint fill even at a = 0, so the circle never looks empty
        mob.set_fill(color, opacity=0.15 + 0.85 * get_state("a"))

    circle.add_updater(fill)
    fill(circle)
    x_text = get_text(lang, f"x = {x:.1f}", font_size=font_size)
    x_text.next_to(circle, LEFT, buff=2.1)
    x_caption = get_text(lang, words["input"], font_size=20, color=MUTED)
    x_caption.next_to(x_text, UP, buff=0.15)
    arrow_in = Arrow(x_text.get_right(), circle.get_left(), buff=0.12, color=INK)
    arrow_out = Arrow(circle.get_right(), circle.get_right() + 1.1 * RIGHT, buff=0.12, color=INK)
    w = get_readout(lang, "w", lambda: get_state("w"), font_size=font_size)
    w.next_to(arrow_in, UP, buff=0.12)
    b = get_readout(lang, "b", lambda: get_state("b"), font_size=font_size)
    b.next_to(circle, DOWN, buff=0.2)
    a = get_readout(lang, "a", lambda: get_state("a"), font_size=font_size, color=INK)
    a.next_to(arrow_out, RIGHT, buff=0.12)
    a_caption = get_text(lang, words["output"], font_size=20, color=MUTED)
    a_caption.next_to(a, UP, buff=0.15).align_to(a, LEFT)
    return VGroup(x_caption, x_text, arrow_in, w, circle, b, arrow_out, a_caption, a)


def get_epoch_counter(lang, get_t, epochs, font_size=28):
    """`Epoch 123 / 300`: the one clock every panel of a video shares."""
    label = get_text(lang, WORDS[lang]["epoch"], font_size=font_size)
    number = get_number(lang, epochs, places=0, font_size=font_size)  # widest value, for layout
    total = get_text(lang, f"/ {epochs}", font_size=font_size)
    VGroup(label, number, total).arrange(RIGHT, buff=0.15)
    # Sit every part on the digits' baseline ("Epoch" has a descender, "/" too).
    label.shift((total[-1].get_bottom()[1] - label[0].get_bottom()[1]) * UP)

    def update(mob):
        # Right-aligned against "/ 300", so the digits grow to the left.
        value = int(np.floor(min(get_t(), epochs) + 1e-9))
        if value == mob.get_value() and mob.get_right()[0] < total.get_left()[0]:
            return  # same epoch, already in place
        mob.set_value(value)
        mob.next_to(total, LEFT, buff=0.15)
        mob.align_to(total[-1], DOWN)

    number.add_updater(update)
    update(number)
    return VGroup(label, number, total)


def split_static(*mobjects):
    """(static, live): the smallest parts without updaters, and the parts that have them.

    Manim redraws, each frame, every scene mobject from the first one with an updater on: a
    live number added before a static axis makes the axis redraw 800 times.  Adding the static
    parts first lets the renderer paint them once per beat and draw only the live ones on top.
    """
    static, live = [], []

    def walk(mob):
        if not mob.get_family_updaters():
            static.append(mob)
        elif mob.updaters or not mob.submobjects:
            live.append(mob)
        else:
            for sub in mob.submobjects:
                walk(sub)

    for mob in mobjects:
        walk(mob)
    return static, live


def add_static_first(scene, *mobjects):
    """Add mobjects to the scene, the parts without updaters first (see split_static)."""
    static, live = split_static(*mobjects)
    scene.add(*static, *live)
