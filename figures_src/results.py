"""Read the trainer's JSON: how figures, scenes, pages and tests get their numbers."""

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "docs" / "generated" / "data"


@cache
def load(scenario_id, data_dir=DATA_DIR):
    """The run of one scenario: {"scenario": {...}, "final": {...}, "history": {...}}."""
    path = Path(data_dir) / f"{scenario_id}.json"
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} is missing: run `make data` first") from None


def first_epoch_below(run, threshold, field="a"):
    """The first epoch at which ``field`` is below ``threshold``, or None."""
    for epoch, value in enumerate(run["history"][field]):
        if value < threshold:
            return epoch
    return None
