"""Command line: render figures into a directory, both languages each.

    python -m figures_src.figures OUT_DIR [FIGURE_ID ...]    # no ids: every figure
    python -m figures_src.figures --make-deps FILE           # the Makefile's figure rules

A figure is a module in this package with ``IDS`` and ``draw(lang, fig_id)`` (and its alt text
and caption in figures_src/figures/catalog.py): nothing else lists it.  The Makefile's rules come
from here (--make-deps), each figure depending on its module and on exactly the JSON files its
drawing reads.  Each file is written atomically.  Bad input (an unknown id, no Chinese font)
exits non-zero with one line on stderr and writes nothing.
"""

import pkgutil
import sys
import time
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import figures_src.figures as package
from figures_src import makedeps
from figures_src.atomic import write_atomic
from figures_src.figures import style
from figures_src.model import results

NOT_FIGURES = {"build", "catalog", "style", "__main__"}  # the package's helpers and words
EXT = "svg"


def registry():
    """{figure id: module}, modules in name order, ids in each module's order."""
    out = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name in NOT_FIGURES:
            continue
        module = import_module(f"{package.__name__}.{info.name}")
        for fig_id in module.IDS:
            if fig_id in out:
                raise ValueError(
                    f"figure id {fig_id!r} is in {out[fig_id].__name__} and {info.name}"
                )
            out[fig_id] = module
    return out


@contextmanager
def _recording_loads():
    """Collect the data ids read through figures_src.model.results.load while drawing."""
    seen, load = set(), results.load

    def recording(data_id, *args, **kwargs):
        seen.add(data_id)
        return load(data_id, *args, **kwargs)

    results.load = recording
    try:
        yield seen
    finally:
        results.load = load


def reads(fig_id, module):
    """The data ids (JSON files in docs/generated/data/) a figure's drawing reads."""
    import matplotlib.pyplot as plt

    with _recording_loads() as seen, style.rc("en"):
        plt.close(module.draw("en", fig_id))
    return sorted(seen)


def make_deps():
    """Make rules: every figure's two files depend on its module, the project modules it
    imports (figures_src/makedeps.py), and exactly the JSON files its drawing reads."""
    rules, data = [], set()
    figures = registry()
    for fig_id, module in figures.items():
        sources = [makedeps.module_file(module.__name__)]
        sources += makedeps.imported_sources(module.__name__, skip_prefix=package.__name__)
        files = [makedeps.data_file(d) for d in reads(fig_id, module)]
        data.update(files)
        targets = " ".join(f"$(FIGURE_DIR)/{file_name(fig_id, lang)}" for lang in style.LANGS)
        rules.append(f"{targets}: {' '.join([*sources, *files])}")
    return "\n".join(
        [
            "# Made by `python -m figures_src.figures --make-deps`: do not edit.",
            f"FIGURE_IDS := {' '.join(figures)}",
            f"FIGURE_DATA := {' '.join(sorted(data))}",
            *rules,
            "",
        ]
    )


def file_name(fig_id, lang):
    return f"{fig_id}-{lang}.{EXT}"


def render(fig_id, lang):
    """The bytes of one figure in one language."""
    module = registry()[fig_id]
    with style.rc(lang):
        return style.figure_bytes(module.draw(lang, fig_id), EXT)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--make-deps"] and (
        len(argv) == 2 or (len(argv) == 4 and argv[2] == "--prune")
    ):
        makedeps.write_rules(argv[1], make_deps())
        if len(argv) == 4:  # the figure modules changed: an id may be gone
            keep = {file_name(i, lang) for i in registry() for lang in style.LANGS}
            for path in makedeps.prune(argv[3], keep):
                print(f"figures: removed {path.name} (no such figure)")
        return 0
    if not argv or argv[0].startswith("-"):
        sys.stderr.write(
            "usage: python -m figures_src.figures OUT_DIR [FIGURE_ID ...]"
            " | --make-deps FILE [--prune DIR]\n"
        )
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
                write_atomic(out / file_name(fig_id, lang), render(fig_id, lang))
            print(f"{fig_id}: {time.perf_counter() - start:.2f} s")
    except (style.FontMissing, FileNotFoundError, UserWarning) as e:
        sys.stderr.write(f"figures: error: {e}\n")
        return 1
    return 0
