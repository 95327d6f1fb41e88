"""`mkdocs serve` never shows stale numbers: before each rebuild, remake the data and figures.

MkDocs watches docs/ (which holds docs/generated/) and, through mkdocs.yml's `watch:`, the
trainer and figure scripts in figures_src/.  An edit there triggers a rebuild; this hook then runs
`make data figures`, which retrains or redraws only what the edit touched (a no-op otherwise),
and the placeholders read the new JSON (figures_src/model/results.py re-reads a changed file).
Videos are not remade here: they take minutes; `make` remakes them.  A plain `mkdocs build`
(as `make site` runs it) does nothing here: make has already built everything it needs.
"""

import logging
import os
import subprocess

from figures_src.paths import ROOT

TARGETS = ("data", "figures")
log = logging.getLogger("mkdocs.hooks.live_data")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    if not _serving:
        return
    # A fresh make: the parent `make serve`'s jobserver is not ours to use.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    proc = subprocess.run(
        ["make", "--no-print-directory", *TARGETS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-5:]
        log.error(
            "`make %s` failed; the preview shows the last good data:\n%s",
            " ".join(TARGETS),
            "\n".join(tail),
        )
