"""What a generated output depends on, for the Makefile's generated rules (build/make/*.mk).

Stdlib only: make runs it before anything heavy is imported.  A module's dependencies are its own
file, the project modules it imports directly (``figures_src.*``) and the content files those
modules declare in ``SOURCE_FILES`` (titles.yml); the data files are added by the caller.
"""

import ast
from importlib import import_module
from pathlib import Path

from figures_src.atomic import write_atomic
from figures_src.paths import ROOT

PACKAGE = "figures_src"


def module_file(name):
    return (ROOT / (name.replace(".", "/") + ".py")).relative_to(ROOT).as_posix()


def _direct_imports(name):
    tree = ast.parse((ROOT / module_file(name)).read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from figures_src.model import analysis` imports the module figures_src.model.analysis
            names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return {n for n in names if n.startswith(PACKAGE + ".") and (ROOT / module_file(n)).is_file()}


def imported_sources(name, skip_prefix=None, follow_prefix=None):
    """The project files module ``name`` imports, plus the content files they declare in
    SOURCE_FILES.  Imports are followed further only inside ``follow_prefix`` (a scene that
    subclasses another shares its imports); a model module's own imports are not followed: its
    numbers reach a drawing through the JSON, which the caller adds.  Modules under
    ``skip_prefix`` (the caller's common prerequisites) are left out."""
    seen, todo = set(), [name]
    while todo:
        for imported in _direct_imports(todo.pop()):
            if imported in seen or imported == name:
                continue
            if skip_prefix and imported.startswith(skip_prefix):
                continue
            seen.add(imported)
            if follow_prefix and imported.startswith(follow_prefix):
                todo.append(imported)
    out = {module_file(m) for m in seen}
    for m in seen:
        out.update(getattr(import_module(m), "SOURCE_FILES", ()))
    return sorted(out)


def data_file(data_id):
    return f"$(GEN)/data/{data_id}.json"


def written_if_changed(root=ROOT):
    """The build outputs rewritten only when their content changes (each scenario's JSON, each
    group's pins).  `make -n` cannot see that: their empty rules would run and a real make
    re-reads the time, so a dry run that should answer what a real make does holds them old
    (`-o`) unless it names them with -W."""
    root = Path(root)
    return [
        *sorted((root / "docs" / "generated" / "data").glob("*.json")),
        *sorted((root / "build" / "pins").glob("*.txt")),
    ]


def prune(folder, keep):
    """Delete the files in ``folder`` not named in ``keep``: the outputs of an id that no longer
    exists, which would otherwise be published.  Hidden files (a render's temporary files)
    stay.  Returns the deleted paths."""
    folder = Path(folder)
    stale = sorted(
        p
        for p in (folder.iterdir() if folder.is_dir() else ())
        if p.is_file() and not p.name.startswith(".") and p.name not in keep
    )
    for path in stale:
        path.unlink()
    return stale


def write_rules(path, text):
    """Write a rules file atomically: make never reads half of one."""
    write_atomic(path, text)
