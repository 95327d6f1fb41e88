"""No label of any video overlaps or touches another, in either language's text widths, at any beat.

The scenes are built without rendering: each beat jumps the clock to its end and runs every
updater once, then the bounding boxes of all Text mobjects are compared pairwise.
"""

import itertools

import pytest

from figures_src.videos import timing

pytest.importorskip("manim")

GAP = 0.1  # scene units (8 across the frame's height): the least room between two labels


def text_boxes(scene):
    """Every Text, and every live number as one unit (its digits are Texts side by side)."""
    from manim import DecimalNumber, Text

    found = []

    def walk(mob):
        if isinstance(mob, Text | DecimalNumber):  # glyphs or digits: one label
            found.append(mob)
            return
        for sub in mob.submobjects:
            walk(sub)

    for mob in scene.mobjects:
        walk(mob)
    return found


def name(mob):
    return getattr(mob, "text", None) or f"{type(mob).__name__} {mob.get_value():g}"


def box(mob):
    """(left, right, bottom, top) of a mobject, measured once (each edge walks its points)."""
    return mob.get_left()[0], mob.get_right()[0], mob.get_bottom()[1], mob.get_top()[1]


def overlaps(texts):
    problems = []
    boxes = [box(mob) for mob in texts]
    for (a, ba), (b, bb) in itertools.combinations(zip(texts, boxes, strict=True), 2):
        dx = min(ba[1], bb[1]) - max(ba[0], bb[0])
        dy = min(ba[3], bb[3]) - max(ba[2], bb[2])
        if dx > -GAP and dy > -GAP:
            problems.append(f"{name(a)!r} is too close to {name(b)!r}")
    return problems


@pytest.fixture
def layouts(monkeypatch, tmp_path):
    """video id, lang -> {beat key: overlap problems at the end of that beat}."""
    from manim import tempconfig

    from figures_src.videos import compare_scene, mechanism_scene, run_scene
    from figures_src.videos.render import get_scene_class

    def build(video_id, lang):
        found = {}

        def jump(scene, clock, beat):
            clock.set_value(beat.epoch_to)
            for mob in scene.mobjects:
                mob.update(0)
            found[beat.key] = overlaps(text_boxes(scene))

        for module in (run_scene, compare_scene, mechanism_scene):
            monkeypatch.setattr(module, "play_beat", jump)
        with tempconfig({"media_dir": str(tmp_path), "disable_caching": True}):
            scene = get_scene_class(video_id)(video_id, lang)
            scene.construct()
        return found

    return build


@pytest.mark.parametrize("lang", timing.LANGS)
@pytest.mark.parametrize("video_id", timing.VIDEO_IDS)
def test_no_text_overlaps_at_any_beat(layouts, video_id, lang):
    found = layouts(video_id, lang)
    assert found, "the scene played no beat"
    assert not {key: p for key, p in found.items() if p}
