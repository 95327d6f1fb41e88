"""Command line: render figures into a directory, both languages each.

    python -m figures_src.figures OUT_DIR [FIGURE_ID ...]    # no ids: every figure

Each file is written atomically.  Bad input (an unknown id, no Chinese font) exits non-zero
with one line on stderr and writes nothing.
"""

import sys
import time
from importlib import import_module
from pathlib import Path

from figures_src.figures import style

MODULES = (
    "cost_curves",
    "sigmoid",
    "step_size",
    "neurons",
    "start_map",
    "linear_neuron",
    "reproduce",
    "cost_of_z",
    "late_phase",
    "plateau_length",
)
EXT = "svg"


def registry():
    """{figure id: module}, in a fixed order."""
    out = {}
    for name in MODULES:
        module = import_module(f"figures_src.figures.{name}")
        out.update({fig_id: module for fig_id in module.IDS})
    return out


def file_name(fig_id, lang):
    return f"{fig_id}-{lang}.{EXT}"


def render(fig_id, lang):
    """The bytes of one figure in one language."""
    module = registry()[fig_id]
    with style.rc(lang):
        return style.figure_bytes(module.draw(lang, fig_id), EXT)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("-"):
        sys.stderr.write("usage: python -m figures_src.figures OUT_DIR [FIGURE_ID ...]\n")
        return 2
    out, ids = Path(argv[0]), argv[1:]
    known = registry()
    unknown = [i for i in ids if i not in known]
    if unknown:
        sys.stderr.write(f"figures: unknown figure id {unknown[0]!r} (known: {', '.join(known)})\n")
        return 2
    try:
        style.font_family("zh")
        for fig_id in ids or known:
            start = time.perf_counter()
            for lang in style.LANGS:
                style.write_atomic(out / file_name(fig_id, lang), render(fig_id, lang))
            print(f"{fig_id}: {time.perf_counter() - start:.2f} s")
    except (style.FontMissing, FileNotFoundError, UserWarning) as e:
        sys.stderr.write(f"figures: error: {e}\n")
        return 1
    return 0
