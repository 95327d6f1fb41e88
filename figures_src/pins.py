"""The exact versions a kind of output is drawn with, so a lock-file upgrade re-renders only it.

``python -m figures_src.pins OUT_DIR`` writes ``OUT_DIR/<group>.txt`` for each group below: the
installed version of every package the group's drawing libraries need, followed through their
requirements.  A file is rewritten only when its pins change, so upgrading pytest through
requirements.lock re-renders nothing, upgrading matplotlib re-draws the figures only, and
upgrading manim or anything under it (cairo's bindings, PyAV, Pillow) re-renders the videos.
"""

import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from figures_src.atomic import write_if_changed

# What draws each kind of output (the trainer's numbers reach them through the JSON).
GROUPS = {
    "figures": ["matplotlib", "numpy"],
    "videos": ["manim", "av", "pillow", "numpy"],
}


def closure(roots):
    """{canonical name: version} of `roots` and everything they require (no extras)."""
    pins, todo = {}, [canonicalize_name(r) for r in roots]
    while todo:
        name = todo.pop()
        if name in pins:
            continue
        dist = metadata.distribution(name)
        pins[name] = dist.version
        for text in dist.requires or ():
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(canonicalize_name(req.name))
    return pins


def write_pins(out_dir):
    """Write each group's pins; return the groups whose file changed."""
    changed = []
    for group, roots in GROUPS.items():
        pins = closure(roots)
        text = "".join(f"{name}=={pins[name]}\n" for name in sorted(pins))
        if write_if_changed(Path(out_dir) / f"{group}.txt", text):
            changed.append(group)
    return changed


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.stderr.write("usage: python -m figures_src.pins OUT_DIR\n")
        return 2
    write_pins(argv[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
