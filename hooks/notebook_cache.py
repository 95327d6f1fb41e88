"""Run the notebook pages again only when what they read has changed.

mkdocs-jupyter caches a rendered notebook under a key made of the notebook's own text and its
options, not of what the notebook imports or reads.  Ours import the trainer and read the JSON,
so we point its cache at a folder named by a hash of those inputs too: editing an unrelated page
reuses the cache (the notebooks take most of a page-edit rebuild), while changing the trainer,
the data or the locked packages starts an empty folder, so every notebook runs again.  A failing
cell still fails the build (allow_errors is false) and nothing is cached for it.
"""

import hashlib
import shutil

from figures_src.paths import ROOT

CACHE_ROOT = ROOT / "build" / "notebook-cache"
PLUGIN = "mkdocs-jupyter"


def inputs(root=ROOT):
    """Every file a notebook's output can depend on besides its own source, in a fixed order."""
    files = sorted((root / "figures_src").rglob("*.py"))
    files += sorted((root / "docs" / "generated" / "data").glob("*.json"))
    files.append(root / "requirements.lock")
    return files


def input_key(root=ROOT):
    digest = hashlib.sha256()
    for path in inputs(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _point_cache(config):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.config["cache"]:
        return
    key = input_key()
    # One folder per language: mkdocs-static-i18n builds each language separately, and
    # mkdocs-jupyter evicts whatever its folder holds that the current build did not use.
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme["language"]
    plugin.config["cache_dir"] = str(CACHE_ROOT / key / lang)
    # Folders of earlier inputs can never be read again.
    for old in CACHE_ROOT.glob("*"):
        if old.name != key and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def on_config(config):
    _point_cache(config)


def on_pre_build(config):
    _point_cache(config)  # again on every `mkdocs serve` rebuild: the data may have changed
