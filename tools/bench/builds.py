"""Build timings on a clean clone: cold (with and without setup), no-op, one page edited, and
the test tiers' times there (`make check`; `make test` with --full-tests).

Every recipe of the cold build runs through a timing shell (make's SHELL, given on the command
line), so the report can set the cold build against its render floor: the seconds spent
rendering figures and videos, divided by the cores that render them in parallel.
"""

import os
import re
import shutil
import subprocess
import time

from tools.sitebrowser import ROOT

MAKE_TIMEOUT = 3600
# Setup inputs: given an old mtime in the "without setup" clone, so the linked .venv and
# node_modules (whose stamps are older than a fresh checkout) count as up to date.
SETUP_INPUTS = (
    "requirements.lock",
    "requirements.txt",
    "pyproject.toml",
    "package.json",
    "package-lock.json",
)
EDITED_PAGE = "docs/learning.md"
# Recipes that render media: the render floor is their summed time over the cores.
RENDERERS = ("figures_src.figures ", "figures_src.videos.render ", "figures_src.videos.posters ")
# make's SHELL for the cold build: runs each recipe with bash and logs start, end, command.
TIMING_SHELL = """#!/bin/bash
t0=$EPOCHREALTIME
/bin/bash "$@"
code=$?
cmd="${@: -1}"
printf '%s %s %s\\n' "$t0" "$EPOCHREALTIME" "${cmd//$'\\n'/ }" >> "$BENCH_RECIPE_LOG"
exit $code
"""
PYTEST_TIME = re.compile(r"\bin ([\d.]+)s\b")
SENTENCE = "\n\n这句话是基准测试加上的，用来计时只改一页文字后的重建。\n"


def git(*args):
    """Read-only git queries on the project."""
    out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return out.returncode, out.stdout


def clone(dest):
    """A clean checkout in ``dest``: a clone of HEAD when the working tree is clean, else a
    copy of the files git would commit (tracked and unignored), so that uncommitted work is
    measured too.  Either way nothing ignored (.venv, site/, docs/generated/) comes along."""
    code, head = git("rev-parse", "HEAD")
    _, dirty = git("status", "--porcelain")
    if code == 0 and not dirty.strip():
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True)
        return f"clone of HEAD {head.strip()[:12]}"
    _, listing = git("ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listing.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    base = f"HEAD {head.strip()[:12]}" if code == 0 else "no commit yet"
    return f"copy of the working tree's tracked and unignored files ({base}, uncommitted changes)"


def make(cwd, *targets, env_extra=None):
    """(seconds, return code, last lines of output) of `make` in ``cwd``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    # The clone's own code first (the shared .venv may hold an editable install of another
    # checkout).
    env["PYTHONPATH"] = str(cwd)
    env.update(env_extra or {})
    load = os.getloadavg()[0]  # other work on the machine slows the build: keep it on record
    t0 = time.perf_counter()
    try:
        out = subprocess.run(
            ["make", *targets],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=MAKE_TIMEOUT,
        )
        code, text = out.returncode, out.stdout + out.stderr
    except subprocess.TimeoutExpired as e:
        code, text = "timeout", str(e)
    seconds = time.perf_counter() - t0
    found = PYTEST_TIME.findall(text)
    return {
        "seconds": seconds,
        "code": code,
        "tail": text.strip().splitlines()[-15:],
        "load": (load, os.getloadavg()[0]),
        "pytest_seconds": float(found[-1]) if found else None,
    }


def timed_make(cwd, work):
    """`make` with every recipe timed: the run, plus {"recipes": [(seconds, command)]}."""
    shell, log = work / "timing-shell", work / "recipes.log"
    shell.write_text(TIMING_SHELL)
    shell.chmod(0o755)
    log.write_text("")
    run = make(cwd, f"SHELL={shell}", env_extra={"BENCH_RECIPE_LOG": str(log)})
    recipes = []
    for line in log.read_text().splitlines():
        start, end, command = line.split(" ", 2)
        recipes.append((float(end) - float(start), command))
    run["recipes"] = recipes
    return run


def render_floor(recipes, cores):
    """Seconds spent rendering media, and the floor: that sum over the cores, but never less
    than the longest single render (one render runs on one core)."""
    renders = [
        s for s, cmd in recipes if any(r in cmd for r in RENDERERS) and "--make-deps" not in cmd
    ]
    total = sum(renders)
    return {
        "renders": len(renders),
        "render_seconds": total,
        "longest": max(renders, default=0.0),
        "cores": cores,
        "floor": max(total / cores, max(renders, default=0.0)),
        "site_seconds": sum(s for s, cmd in recipes if "mkdocs build" in cmd),
    }


def media_mtimes(clone_dir):
    gen = clone_dir / "docs" / "generated"
    return {
        str(p.relative_to(gen)): p.stat().st_mtime_ns
        for sub in ("figures", "videos")
        for p in (gen / sub).glob("*")
        if p.is_file()
    }


def link_setup(clone_dir):
    """Reuse the project's .venv and node_modules: 'without setup'."""
    for name in (".venv", "node_modules"):
        (clone_dir / name).symlink_to(ROOT / name)
    old = time.time() - 10 * 365 * 86400
    for name in SETUP_INPUTS:
        if (clone_dir / name).exists():
            os.utime(clone_dir / name, (old, old))


def without_setup(work, full_tests=False):
    """Cold build reusing .venv/node_modules (every recipe timed), then a no-op make, then a
    one-page edit, then `make check` (and `make test` when ``full_tests``)."""
    d = work / "reuse"
    d.mkdir()
    result = {"source": clone(d)}
    link_setup(d)
    result["cold"] = timed_make(d, work)
    result["floor"] = render_floor(result["cold"].pop("recipes"), os.cpu_count())
    result["noop"] = make(d)
    before = media_mtimes(d)
    with open(d / EDITED_PAGE, "a", encoding="utf-8") as f:
        f.write(SENTENCE)
    result["edit"] = make(d)
    after = media_mtimes(d)
    result["media_files"] = len(before)
    result["rerendered"] = sorted(k for k in after if before.get(k) != after[k])
    result["site"] = d / "site"
    result["check"] = make(d, "check")
    if full_tests:
        result["test"] = make(d, "test")
    return result


def with_setup(work):
    """Cold build from nothing: make creates .venv (pip, from PyPI) and node_modules (npm ci)."""
    d = work / "fresh"
    d.mkdir()
    result = {"source": clone(d)}
    result["cold"] = make(d)
    return result
