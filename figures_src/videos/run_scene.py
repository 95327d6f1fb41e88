"""One neuron learning: x = 1 -> neuron -> a, with w, b, a, the epoch and the cost curve live."""

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Scene, ValueTracker, VGroup, config

from figures_src import titles
from figures_src.videos.common import (
    BACKGROUND,
    WORDS,
    add_static_first,
    get_colors,
    get_cost_axes,
    get_cost_curve,
    get_epoch_counter,
    get_neuron,
    get_run,
    get_text,
)
from figures_src.videos.timeline import RATES, beats
from figures_src.videos.timing import VIDEO_RUNS


class RunScene(Scene):
    """Every number on screen is read from the trainer's JSON at the clock's epoch."""

    def __init__(self, video_id, lang, **kwargs):
        self.video_id = video_id
        self.lang = lang
        super().__init__(**kwargs)

    def construct(self):
        self.camera.background_color = BACKGROUND
        runs = [get_run(run_id) for run_id in VIDEO_RUNS[self.video_id]]
        epochs = max(run["scenario"]["epochs"] for run in runs)
        clock = ValueTracker(0)  # time measured in epochs
        beat = {b.key: b for b in beats(self.video_id)}  # the same clock as the captions

        # Title, and the epoch counter all panels share
        title = self.get_title(runs).to_edge(UP, buff=0.3)
        counter = get_epoch_counter(self.lang, clock.get_value, epochs)
        counter.next_to(title, DOWN, buff=0.15).to_edge(RIGHT, buff=0.6)

        # One panel per run, stacked: the neuron on the left, its cost curve on the right
        axes_height = 4.4 if len(runs) == 1 else 2.1
        panels = VGroup(*(self.get_panel(run, clock, axes_height) for run in runs))
        panels.arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        free_top, free_bottom = counter.get_bottom()[1], -config.frame_height / 2
        panels.move_to([0, (free_top + free_bottom) / 2, 0])  # centered in the space left

        # Hold the start so it can be read
        add_static_first(self, title, counter, panels)
        check_fits(title, counter, panels)
        play_beat(self, clock, beat["start"])

        # Train: the clock runs through every epoch at a steady pace
        play_beat(self, clock, beat["train"])

        # Hold the end state
        play_beat(self, clock, beat["end"])

    def get_title(self, runs):
        """The scenario's own title (the hook the side-by-side scene overrides)."""
        scenario = runs[0]["scenario"]
        return get_text(self.lang, titles.title(scenario["id"], self.lang), font_size=32)

    def get_panel(self, run, clock, axes_height):
        scenario, history = run["scenario"], run["history"]
        color = get_colors()[scenario["cost"]]
        epochs = scenario["epochs"]

        def get_state(field):
            k = int(np.floor(min(clock.get_value(), epochs) + 1e-9))
            return float(history[field][k])

        heading = get_text(self.lang, WORDS[self.lang][scenario["cost"]], font_size=26)
        heading.set_color(color)
        neuron = get_neuron(self.lang, scenario["x"], color, get_state)
        cost_top = float(np.max(history["cost"]))
        axes, labels = get_cost_axes(self.lang, epochs, cost_top, 4.5, axes_height)
        curve = get_cost_curve(axes, history["cost"], clock.get_value, color)
        plot = VGroup(axes, labels, curve)
        # The heading names the cost in its curve's color: the legend of this panel.
        column = VGroup(heading, neuron).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        plot.next_to(column, RIGHT, buff=0.5)
        column.match_y(plot)
        return VGroup(column, plot)


def play_beat(scene, clock, beat):
    """Run the clock through one beat of timeline.py, then hold: the captions use the same."""
    if beat.seconds > 0:
        scene.play(
            clock.animate.set_value(beat.epoch_to),
            run_time=beat.seconds,
            rate_func=RATES[beat.rate],
        )
    if beat.hold > 0:
        scene.wait(beat.hold)


def check_fits(*mobjects, margin=0.05):
    """Fail the render rather than ship a video with clipped labels."""
    half_w, half_h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
    for mob in mobjects:
        left, right = mob.get_left()[0], mob.get_right()[0]
        bottom, top = mob.get_bottom()[1], mob.get_top()[1]
        if left < -half_w or right > half_w or bottom < -half_h or top > half_h:
            box = f"x {left:.2f}..{right:.2f}, y {bottom:.2f}..{top:.2f}"
            raise ValueError(f"{type(mob).__name__} ({box}) does not fit in the frame")
