"""The contributing page's recipes, followed in a temporary copy of the tree: adding a scenario
is one entry in scenarios.py, adding a figure is one module plus one catalog entry, and `make`
then builds exactly what they need (every other JSON and figure keeps its bytes and its time)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("Makefile", "mk", "figures_src", "tools", "pyproject.toml", "requirements.lock")
COPIED += ("package.json", "package-lock.json")
GENERATED = ("data", "figures")
# The copy links the shared .venv and node_modules: its make must never reinstall them (its
# copied lock files may be newer than their stamps; a reinstall would point the editable
# install at the temporary tree, or empty node_modules for everyone).
SHARED_SETUP = ("-o", ".venv/.installed", "-o", "node_modules/.installed")

NEW_SCENARIO = """
SCENARIOS.append(
    _scenario(
        "quadratic-start3",
        "quadratic",
        (1.0, 1.0),
        0.15,
    )
)
BY_ID = {s.id: s for s in SCENARIOS}
"""

NEW_FIGURE = '''"""The recipe's figure: the output of the new scenario."""

from figures_src.model import results
from figures_src.figures.style import new_figure

IDS = ("recipe-demo",)


def draw(lang, fig_id="recipe-demo"):
    fig, ax = new_figure(4.0, 3.0)
    ax.plot(results.load("quadratic-start3")["history"]["a"])
    return fig
'''

CATALOG_ENTRY = """    texts["recipe-demo"] = ("示意", "新场景", "Sketch", "The new run")
    return {fig_id: _entry(fig_id, t) for fig_id, t in texts.items()}"""


def _stamps(folder):
    """Name -> (time, bytes) of the outputs in a folder (not the stamps make keeps there)."""
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in files}


@pytest.fixture
def tree(tmp_path):
    """A copy of what make needs, with the built data and figures (times kept), sharing .venv."""
    for name in COPIED:
        src, dst = ROOT / name, tmp_path / name
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)
    (tmp_path / "docs" / "content").mkdir(parents=True)
    shutil.copy2(ROOT / "docs/content/titles.yml", tmp_path / "docs/content")
    for name in GENERATED:
        shutil.copytree(ROOT / "docs" / "generated" / name, tmp_path / "docs" / "generated" / name)
    (tmp_path / "build" / "make").mkdir(parents=True)
    shutil.copy2(ROOT / "build" / "make" / "figures.mk", tmp_path / "build" / "make")
    shutil.copytree(ROOT / "build" / "pins", tmp_path / "build" / "pins")  # the figures' pins
    for link in (".venv", "node_modules"):
        (tmp_path / link).symlink_to(ROOT / link)
    return tmp_path


def _make(tree, *goals):
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    proc = subprocess.run(
        ["make", "-j1", "--no-print-directory", *SHARED_SETUP, *goals],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return proc.stdout


def test_adding_a_scenario_and_a_figure_builds_only_what_they_need(tree):
    data, figures = tree / "docs/generated/data", tree / "docs/generated/figures"
    assert "Nothing to be done" in _make(tree, "figures"), "the copy should start up to date"
    before_data, before_figures = _stamps(data), _stamps(figures)

    # The recipe: one entry in scenarios.py; one figure module plus one catalog entry.
    with (tree / "figures_src/model/scenarios.py").open("a") as f:
        f.write(NEW_SCENARIO)
    (tree / "figures_src/figures/recipe_demo.py").write_text(NEW_FIGURE)
    catalog = tree / "figures_src/figures/catalog.py"
    text = catalog.read_text()
    old = "    return {fig_id: _entry(fig_id, t) for fig_id, t in texts.items()}"
    assert text.count(old) == 1
    catalog.write_text(text.replace(old, CATALOG_ENTRY))

    _make(tree, "data", "figures")

    after_data, after_figures = _stamps(data), _stamps(figures)
    assert set(after_data) - set(before_data) == {"quadratic-start3.json"}
    assert set(after_figures) - set(before_figures) == {"recipe-demo-zh.svg", "recipe-demo-en.svg"}
    # Nothing that was there was rewritten: not the other runs, not a single other figure.
    assert {k: after_data[k] for k in before_data} == before_data
    assert {k: after_figures[k] for k in before_figures} == before_figures
    # And a second make has nothing left to do.
    assert "Nothing to be done" in _make(tree, "figures")


def test_a_removed_scenario_leaves_no_json_behind(tree):
    data = tree / "docs/generated/data"
    stale = data / "renamed-long-ago.json"
    shutil.copy2(data / "quadratic-start1.json", stale)
    (tree / "figures_src/model/scenarios.py").touch()  # any trainer edit reruns `make data`
    _make(tree, "data")
    assert not stale.exists()
    assert (data / "quadratic-start1.json").is_file()


def test_a_removed_figure_leaves_no_svg_behind(tree):
    figures = tree / "docs/generated/figures"
    stale = figures / "renamed-long-ago-zh.svg"
    shutil.copy2(figures / "sigmoid-zh.svg", stale)
    (tree / "figures_src/figures/sigmoid.py").touch()  # any figure edit remakes the rules
    _make(tree, "figures")
    assert not stale.exists()
    assert (figures / "sigmoid-zh.svg").is_file() and (figures / "sigmoid-en.svg").is_file()
