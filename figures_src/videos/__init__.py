"""Manim scenes of the site's videos: one neuron learning, alone or side by side.

`timing` holds the clock and the video list and imports no manim, so the catalog and the
tests can read durations without paying for manim's import.
"""
