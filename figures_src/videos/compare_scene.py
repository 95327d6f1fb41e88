"""Both costs from one start on one clock: the two neurons on the left, both outputs a on one
shared axis on the right (what both costs aim at), each cost as a secondary live number."""

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, ValueTracker, VGroup, config

from figures_src.videos.common import (
    BACKGROUND,
    WORDS,
    add_static_first,
    get_colors,
    get_cost_axes,
    get_cost_curve,
    get_epoch_counter,
    get_neuron,
    get_readout,
    get_run,
    get_text,
)
from figures_src.videos.run_scene import RunScene, check_fits, play_beat
from figures_src.videos.timeline import beats
from figures_src.videos.timing import VIDEO_RUNS


class CompareScene(RunScene):
    def construct(self):
        self.camera.background_color = BACKGROUND
        runs = [get_run(run_id) for run_id in VIDEO_RUNS[self.video_id]]
        epochs = max(run["scenario"]["epochs"] for run in runs)
        clock = ValueTracker(0)  # time measured in epochs
        beat = {b.key: b for b in beats(self.video_id)}  # the same clock as the captions

        # Title, and the epoch counter both neurons share
        title = self.get_title(runs).to_edge(UP, buff=0.3)
        counter = get_epoch_counter(self.lang, clock.get_value, epochs)
        counter.next_to(title, DOWN, buff=0.15).to_edge(RIGHT, buff=0.6)

        # Left: one neuron per cost, stacked.  Right: both outputs on one axis from 0 to 1.
        neurons = VGroup(*(self.get_neuron_column(run, clock) for run in runs))
        neurons.arrange(DOWN, buff=0.45, aligned_edge=LEFT)
        axes, labels = get_cost_axes(self.lang, epochs, 1.0, 4.6, 4.4, y_word="output-a")
        curves = VGroup(
            *(
                get_cost_curve(axes, run["history"]["a"], clock.get_value, self.color_of(run))
                for run in runs
            )
        )
        plot = VGroup(axes, labels, curves).next_to(neurons, RIGHT, buff=0.6)
        body = VGroup(neurons, plot)
        free_top, free_bottom = counter.get_bottom()[1], -config.frame_height / 2
        body.move_to([0, (free_top + free_bottom) / 2, 0])  # centered in the space left

        # Hold the start so it can be read
        add_static_first(self, title, counter, body)
        check_fits(title, counter, body)
        play_beat(self, clock, beat["start"])

        # Train: the clock runs through every epoch at a steady pace
        play_beat(self, clock, beat["train"])

        # Hold the end state
        play_beat(self, clock, beat["end"])

    def get_title(self, runs):
        """The title names the shared start."""
        scenario = runs[0]["scenario"]
        words = WORDS[self.lang]["compare-title"]
        string = words.format(w0=scenario["w0"], b0=scenario["b0"], eta=scenario["eta"])
        return get_text(self.lang, string, font_size=32)

    @staticmethod
    def color_of(run):
        return get_colors()[run["scenario"]["cost"]]

    def get_neuron_column(self, run, clock):
        """The cost's name in its curve's colour (the legend), its cost C live, the neuron."""
        scenario, history = run["scenario"], run["history"]
        epochs = scenario["epochs"]

        def get_state(field):
            k = int(np.floor(min(clock.get_value(), epochs) + 1e-9))
            return float(history[field][k])

        color = self.color_of(run)
        heading = get_text(self.lang, WORDS[self.lang][scenario["cost"]], font_size=26)
        heading.set_color(color)
        cost = get_readout(self.lang, "C", lambda: get_state("cost"), font_size=22)
        cost.next_to(heading, RIGHT, buff=0.5)
        neuron = get_neuron(self.lang, scenario["x"], color, get_state, font_size=24)
        neuron.scale(0.9)
        return VGroup(VGroup(heading, cost), neuron).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
