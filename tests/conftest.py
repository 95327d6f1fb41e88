"""Test tiers, and one chromium for the whole suite.

Tiers (pytest markers, set here from what a test needs, so no test file has to remember them):
- ``browser``: drives chromium (uses the ``browser`` fixture, or lives in tests/browser/);
- ``site``: reads the built site/ or its downloads, or runs mkdocs (uses the ``site`` or
  ``pages`` fixture, or lives in a module of BUILT_MODULES);
- ``media``: probes rendered videos or renders figures (test_videos.py, test_figures.py);
- ``fast``: everything else: trainer, CLI in-process, hooks, catalogs, page sources.
A test may also name its tier with a marker (``@pytest.mark.media``) when no fixture shows it.
``make check`` runs the fast tier alone (seconds); ``make test`` runs every tier.
Heavy modules (playwright, matplotlib, pypdf) are imported inside the tests and fixtures that use
them, never at a test module's top, so collecting the fast tier stays quick.

Playwright's sync API allows one running instance per thread, so the playground tests and
the browser tests (tests/browser/) share this session-wide browser instead of each starting
their own.  It is Debian's chromium (never a downloaded one); a missing one FAILS the tests.
"""

import os
import re
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
MEDIA_MODULES = {"test_videos.py", "test_figures.py", "test_recipes.py", "test_scene_layout.py"}
BUILT_MODULES = {"test_pdf.py", "test_offline.py"}  # read build/pdf/, build/offline/
TIERS = ("browser", "site", "media", "fast")


def tier(item):
    """The tier of one collected test (see the module docstring)."""
    for name in TIERS:
        if item.get_closest_marker(name):
            return name
    path = Path(item.fspath)
    names = set(getattr(item, "fixturenames", ()))
    if "browser" in names or TESTS / "browser" in path.parents:
        return "browser"
    if names & {"site", "pages"} or path.name in BUILT_MODULES:
        return "site"
    if path.name in MEDIA_MODULES:
        return "media"
    return "fast"


@pytest.fixture(scope="session")
def site():
    """The built site (SITE_DIR overrides); a test that reads it is in the ``site`` tier."""
    root = Path(os.environ.get("SITE_DIR", TESTS.parent / "site"))
    if not (root / "index.html").is_file():
        pytest.fail(f"{root} is not built: run `make site` (make test does it first)")
    return root


def pytest_ignore_collect(collection_path, config):
    """`pytest -m fast` does not even import the modules that hold no fast test (their imports,
    matplotlib and manim among them, were most of the fast tier's collection time)."""
    if config.option.markexpr != "fast":
        return None
    path = Path(collection_path)
    if path == TESTS / "browser" or path.name in MEDIA_MODULES | BUILT_MODULES:
        return True
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(getattr(pytest.mark, tier(item)))


@pytest.fixture(scope="session")
def browser():
    from tools import sitebrowser

    if not Path(sitebrowser.CHROMIUM).exists():
        pytest.fail(f"{sitebrowser.CHROMIUM} missing: `make debs-test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = sitebrowser.launch(p)
        yield b
        b.close()


def _make_plan(pattern, *args):
    """What `make -n ARGS` would run, as the groups of `pattern` joined by spaces; the files
    make cannot know are unchanged are held old (figures_src/makedeps.written_if_changed)."""
    from figures_src.makedeps import written_if_changed

    root = TESTS.parent
    held = [
        f"-o{path.relative_to(root)}"
        for path in written_if_changed(root)
        if str(path.relative_to(root)) not in args
    ]
    # `make -n` still runs the recipes that remake its included rules files, and those need
    # the setup: a dry run must not reinstall .venv or node_modules (lock files newer than
    # their stamps, as in a fresh worktree).
    setup_held = ["-o.venv/.installed", "-onode_modules/.installed"]
    result = subprocess.run(
        ["make", "-n", *setup_held, *held, *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return {" ".join(m.groups()) for m in re.finditer(pattern, result.stdout)}


@pytest.fixture(scope="session")
def make_plan():
    return _make_plan
