"""Why the quadratic cost stalls: both costs side by side on one clock, each run as a dot on the
curve it lives on (the cost as a function of z), with the tangent whose slope ∂C/∂z gradient
descent uses, the factor σ′(z) that holds the quadratic slope down, and each epoch's update of
z as a bar on one shared scale.  Storyboard: the beats of timeline.py, one block each below.
"""

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Dot,
    Line,
    Rectangle,
    Scene,
    ValueTracker,
    VGroup,
    VMobject,
)

from figures_src.model.costs import COSTS
from figures_src.model.trainer import sigmoid
from figures_src.videos.common import (
    BACKGROUND,
    MUTED,
    WORDS,
    add_static_first,
    get_colors,
    get_epoch_counter,
    get_readout,
    get_run,
    get_text,
    get_tick_text,
)
from figures_src.videos.run_scene import check_fits, play_beat
from figures_src.videos.timeline import CHAPTERS, beats
from figures_src.videos.timing import VIDEO_RUNS

Z_RANGE = (-5.0, 5.0)  # every run of the two starts stays inside (the tests check)
SIGMA_PRIME_TOP = 0.25  # σ′(z) is at most 1/4 (at z = 0)
BAR_LENGTH = 2.6  # screen units of the longest update bar of the two runs
TANGENT_HALF = 0.9  # the tangent spans z ± 0.9

MECHANISM_WORDS = {
    "zh": {
        "title": "斜率与更新量：两种代价函数都从 w = {w0}、b = {b0} 出发，η = {eta}",
        "slope-quadratic": "斜率 ∂C/∂z = a²(1 − a)",
        "slope-cross-entropy": "斜率 ∂C/∂z = a",
        "cancels": "σ′(z) 被约掉了",
        "update": "每个迭代期 z 挪动",
    },
    "en": {
        "title": "Slope and update: both costs from w = {w0}, b = {b0}, η = {eta}",
        "slope-quadratic": "slope ∂C/∂z = a²(1 − a)",
        "slope-cross-entropy": "slope ∂C/∂z = a",
        "cancels": "σ′(z) cancels out",
        "update": "z moves per epoch",
    },
}


class MechanismScene(Scene):
    def __init__(self, video_id, lang, **kwargs):
        self.video_id = video_id
        self.lang = lang
        super().__init__(**kwargs)

    def construct(self):
        self.camera.background_color = BACKGROUND
        runs = [get_run(run_id) for run_id in VIDEO_RUNS[self.video_id]]
        epochs = max(run["scenario"]["epochs"] for run in runs)
        clock = ValueTracker(0)  # time measured in epochs
        beat = {b.key: b for b in beats(self.video_id)}
        # One scale for both update bars: the largest |Δz| of either run.
        bar_unit = BAR_LENGTH / max(np.max(np.abs(self.get_updates(run))) for run in runs)

        title = self.get_title(runs[0]["scenario"]).to_edge(UP, buff=0.3)
        counter = get_epoch_counter(self.lang, clock.get_value, epochs, font_size=26)
        counter.next_to(title, DOWN, buff=0.2).to_edge(RIGHT, buff=0.5)
        chapter = self.get_chapter("start").next_to(title, DOWN, buff=0.2).to_edge(LEFT, buff=0.5)
        panels = VGroup(*(self.get_panel(run, clock, bar_unit) for run in runs))
        panels.arrange(RIGHT, buff=0.6, aligned_edge=UP)
        panels.next_to(counter, DOWN, buff=0.25).set_x(0)
        panels.update()  # every updater once, so the first frame already shows epoch 0
        add_static_first(self, title, counter, chapter, panels)
        check_fits(title, counter, chapter, panels)

        # The start: z = w + b on both curves; the tangents show the slopes gradient descent
        # uses.  From the saturated start (z = 4) the quadratic one is nearly flat, since σ′(z)
        # is tiny there, while the cross-entropy update bar is at its longest.
        play_beat(self, clock, beat["start"])

        # The plateau (quadratic): the clock starts slowly so the cross-entropy dot's fast
        # slide down its curve can be followed, then runs on while the quadratic dot creeps.
        self.set_chapter(chapter, "plateau")
        play_beat(self, clock, beat["plateau"])

        # The plunge near a = 2/3: σ′(z) grows as z leaves the flat end; the quadratic slope
        # a²(1 − a) and its bar peak where a = 2/3, and the dot slides down fast.
        self.set_chapter(chapter, "plunge")
        play_beat(self, clock, beat["plunge"])

        # The late phase: near a = 0 both slopes shrink, a²(1 − a) against a: at the same
        # output the quadratic step is about a times the cross-entropy one, which is why the
        # cross-entropy run, already far lower, keeps its lead.  Hold the end state.
        self.set_chapter(chapter, "late")
        play_beat(self, clock, beat["late"])

    # --- pieces ------------------------------------------------------------------------------

    def get_title(self, scenario):
        words = MECHANISM_WORDS[self.lang]["title"]
        string = words.format(w0=scenario["w0"], b0=scenario["b0"], eta=scenario["eta"])
        return get_text(self.lang, string, font_size=28)

    def get_chapter(self, key):
        return get_text(self.lang, CHAPTERS[self.lang][key], font_size=26, color=MUTED)

    def set_chapter(self, chapter, key):
        """Swap the chapter label in place, left-aligned where the last one was."""
        new = self.get_chapter(key).move_to(chapter).align_to(chapter, LEFT)
        chapter.become(new)

    @staticmethod
    def get_updates(run):
        """Δz of each epoch: z moves by −η (∂C/∂w · x + ∂C/∂b), as the trainer stepped."""
        s, h = run["scenario"], run["history"]
        return -s["eta"] * (h["dc_dw"] * s["x"] + h["dc_db"])

    def get_panel(self, run, clock, bar_unit):
        lang, scenario, history = self.lang, run["scenario"], run["history"]
        cost_name = scenario["cost"]
        colors = get_colors()
        color = colors[cost_name]
        cost = COSTS[cost_name]
        epochs = scenario["epochs"]
        updates = self.get_updates(run)
        words = MECHANISM_WORDS[lang]

        def epoch():
            return int(np.floor(min(clock.get_value(), epochs) + 1e-9))

        def state(field):
            return float(history[field][epoch()])

        def z_now():  # between two epochs the dot glides
            t = min(max(clock.get_value(), 0.0), epochs)
            k = min(int(np.floor(t)), epochs - 1)
            return float(history["z"][k] + (t - k) * (history["z"][k + 1] - history["z"][k]))

        def cost_of(z):
            return float(cost.fn(z, sigmoid(z), scenario["y"]))

        heading = get_text(lang, WORDS[lang][cost_name], font_size=26, color=color)

        # The curve the run lives on: C(z) for y = 0, with the run as a dot.
        z_grid = np.linspace(*Z_RANGE, 201)
        c_top = max(cost_of(z) for z in z_grid)
        y_step = 0.1 if c_top < 1 else 1.0
        y_top = y_step * np.ceil(c_top / y_step)
        axes = Axes(
            x_range=[Z_RANGE[0], Z_RANGE[1], 1],
            y_range=[0, y_top, y_step],
            x_length=5.2,
            y_length=2.3,
            tips=False,
            axis_config={"color": MUTED, "stroke_width": 2},
        )
        # The C axis drawn at the left edge, by its tick labels, not through z = 0 (moving
        # axes.y_axis itself would move c2p too).
        axes.y_axis.set_stroke(opacity=0)
        c_axis = Line(axes.c2p(Z_RANGE[0], 0), axes.c2p(Z_RANGE[0], y_top), color=MUTED)
        c_axis.set_stroke(width=2)
        ticks = VGroup()
        for z in range(int(Z_RANGE[0]) + 1, int(Z_RANGE[1]), 2):
            ticks.add(get_tick_text(lang, z, 1).next_to(axes.c2p(z, 0), DOWN, buff=0.12))
        for y in (0, y_top / 2, y_top):
            step = y_step / 2 if c_top < 1 else y_step
            ticks.add(get_tick_text(lang, y, step).next_to(axes.c2p(Z_RANGE[0], y), LEFT, 0.12))
        z_label = get_text(lang, "z", font_size=24, color=colors["z"])
        z_label.next_to(axes.x_axis, RIGHT, buff=0.15)
        c_label = get_text(lang, "C", font_size=24, color=MUTED)
        c_label.next_to(axes.c2p(Z_RANGE[0], y_top), UP, buff=0.3)
        curve = VMobject(color=color, stroke_width=3, stroke_opacity=0.55)
        curve.set_points_smoothly([axes.c2p(z, cost_of(z)) for z in z_grid])

        dot = Dot(radius=0.09, color=color)
        dot.add_updater(lambda m: m.move_to(axes.c2p(z_now(), cost_of(z_now()))))

        def tangent_points():
            z, slope = z_now(), float(history["dc_db"][epoch()])
            return [axes.c2p(z + s, cost_of(z) + s * slope) for s in (-TANGENT_HALF, TANGENT_HALF)]

        tangent = Line(*tangent_points(), color=colors["text"], stroke_width=3)
        tangent.add_updater(lambda m: m.put_start_and_end_on(*tangent_points()))
        plot = VGroup(axes, c_axis, ticks, z_label, c_label, curve, tangent, dot)

        # The numbers at the clock's epoch, from the trainer's JSON.
        readouts = VGroup(
            get_readout(lang, "z", lambda: state("z"), 22, colors["z"]),
            get_readout(lang, "a", lambda: state("a"), 22, colors["a"]),
        ).arrange(RIGHT, buff=0.6)
        slope = get_readout(lang, words[f"slope-{cost_name}"], lambda: state("dc_db"), font_size=22)

        # σ′(z): its own quantity for the quadratic cost; cross-entropy has none left.
        if cost_name == "quadratic":

            def sigma_prime():
                return state("a") * (1 - state("a"))

            factor = get_readout(lang, "σ′(z)", sigma_prime, 22, colors["sigma-prime"])
            factor_bar = self.get_bar(
                lambda: BAR_LENGTH * sigma_prime() / SIGMA_PRIME_TOP, colors["sigma-prime"]
            )
            factor_row = VGroup(factor, factor_bar)
        else:
            factor_row = VGroup(get_text(lang, words["cancels"], font_size=22, color=MUTED))

        # The update of z this epoch, as a bar on the scale both panels share.
        update = get_readout(lang, words["update"], lambda: updates[epoch()], 22)
        update_bar = self.get_bar(lambda: bar_unit * abs(updates[epoch()]), color)
        update_row = VGroup(update, update_bar)

        rows = VGroup(readouts, slope, factor_row, update_row)
        for row in (factor_row, update_row):
            if len(row) == 2:
                row[1].next_to(row[0], DOWN, buff=0.12, aligned_edge=LEFT)
        rows.arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        column = VGroup(heading, plot, rows).arrange(DOWN, buff=0.2, aligned_edge=LEFT)
        plot.shift(0.35 * RIGHT)  # room for the tick labels left of the axis
        return column

    @staticmethod
    def get_bar(get_length, color, height=0.16):
        """A bar growing to the right from its left edge; the length follows get_length()."""
        bar = Rectangle(width=BAR_LENGTH, height=height, stroke_width=0)
        bar.set_fill(color, opacity=1)
        track = Rectangle(width=BAR_LENGTH, height=height, stroke_width=1, stroke_color=MUTED)

        def update(mob):  # follows the track wherever the layout moves it
            mob.stretch_to_fit_width(max(get_length(), 1e-3))
            mob.align_to(track, LEFT).match_y(track)

        bar.add_updater(update)
        return VGroup(track, bar)
