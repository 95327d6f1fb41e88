"""The fixed clock of every video and which runs each video shows (no manim import here)."""

from figures_src.languages import LANGS  # noqa: F401  (re-exported for the scenes)
from figures_src.model.scenarios import BY_ID

INTRO_SECONDS = 1.0  # the start state, held still so the viewer can read it
EPOCHS_PER_SECOND = 30  # 300 epochs take 10 s
OUTRO_SECONDS = 2.0  # the final state, held still

# Video id -> the scenario ids it plays on one clock, top to bottom.
VIDEO_RUNS = {
    "run-quadratic-start1": ("quadratic-start1",),
    "run-quadratic-start2": ("quadratic-start2",),
    "run-cross-entropy-start1": ("cross-entropy-start1",),
    "run-cross-entropy-start2": ("cross-entropy-start2",),
    "compare-start1": ("quadratic-start1", "cross-entropy-start1"),
    "compare-start2": ("quadratic-start2", "cross-entropy-start2"),
    # The mechanism: both costs side by side, on the curve the run lives on (timeline.py beats).
    "mechanism-start1": ("quadratic-start1", "cross-entropy-start1"),
    "mechanism-start2": ("quadratic-start2", "cross-entropy-start2"),
}
MECHANISM_IDS = ("mechanism-start1", "mechanism-start2")
# The scene that plays a video, by the id's first word: (module in figures_src/videos/, class).
SCENES = {
    "run": ("run_scene", "RunScene"),
    "compare": ("compare_scene", "CompareScene"),
    "mechanism": ("mechanism_scene", "MechanismScene"),
}
VIDEO_IDS = tuple(VIDEO_RUNS)

# Output sizes: the site's quality and a fast one for tests.
QUALITIES = {
    "site": {"width": 1280, "height": 720, "fps": 30},
    "draft": {"width": 854, "height": 480, "fps": 15},
}


def scene_of(video_id):
    """(module, class name) of the scene that plays ``video_id``."""
    return SCENES[video_id.split("-", 1)[0]]


def epochs_for(video_id):
    """The number of epochs a video plays: the longest of its runs."""
    return max(BY_ID[run_id].epochs for run_id in VIDEO_RUNS[video_id])


def train_seconds(epochs):
    return epochs / EPOCHS_PER_SECOND


def duration_for(video_id):
    """Seconds of the whole video: the sum of its beats (timeline.py)."""
    from figures_src.videos.timeline import duration

    return duration(video_id)
