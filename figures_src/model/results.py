"""Read the trainer's JSON: how figures, scenes, pages and tests get their numbers."""

import json
from functools import cache
from pathlib import Path

from figures_src.paths import DATA_DIR


def load(scenario_id, data_dir=DATA_DIR):
    """The run of one scenario: {"scenario": {...}, "final": {...}, "history": {...}}.

    Read again whenever the file changes (keyed on its modification time), so a long-lived
    process such as `mkdocs serve` never shows the numbers of an earlier `make data`.
    """
    path = Path(data_dir) / f"{scenario_id}.json"
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} is missing: run `make data` first") from None
    return _parse(path, stamp)


@cache
def _parse(path, stamp):
    return json.loads(path.read_text())


def first_epoch_below(run, threshold, field="a"):
    """The first epoch at which ``field`` is below ``threshold``, or None."""
    for epoch, value in enumerate(run["history"][field]):
        if value < threshold:
            return epoch
    return None
