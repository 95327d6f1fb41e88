"""Titles of the runs in both languages, read from docs/content/titles.yml.

They are content, not training input: the trainer never sees them, so fixing a title retrains
nothing and redraws only what shows it (make's figure rules add SOURCE_FILES to the deps of every
figure module that imports this one).
"""

from functools import cache

import yaml

from figures_src.paths import ROOT

SOURCE_FILES = ("docs/content/titles.yml",)


@cache
def _titles(stamp):
    return yaml.safe_load((ROOT / SOURCE_FILES[0]).read_text(encoding="utf-8"))


def title(scenario_id, lang):
    """The title of one run in one language; a missing one names the file to edit."""
    path = ROOT / SOURCE_FILES[0]
    entry = _titles(path.stat().st_mtime_ns).get(scenario_id) or {}
    if lang not in entry:
        raise KeyError(f"{SOURCE_FILES[0]} has no {lang} title for '{scenario_id}'")
    return entry[lang]
