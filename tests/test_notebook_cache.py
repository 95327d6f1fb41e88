"""The notebook cache key: it changes with what the notebooks read, and only with that."""

import shutil
from pathlib import Path

from hooks import notebook_cache

ROOT = Path(__file__).resolve().parent.parent


def _tree(tmp_path):
    """A copy of the inputs the key reads, plus one page the notebooks do not read."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "figures_src", root / "figures_src")
    data = root / "docs" / "generated" / "data"
    data.mkdir(parents=True)
    (data / "run.json").write_text('{"final": {"a": 0.1}}')
    (root / "docs" / "glossary.md").write_text("# page\n")
    shutil.copy(ROOT / "requirements.lock", root / "requirements.lock")
    return root


def test_the_key_follows_the_data_the_trainer_and_the_lock(tmp_path):
    root = _tree(tmp_path)
    key = notebook_cache.input_key(root)
    assert notebook_cache.input_key(root) == key  # stable
    for path, text in [
        ("docs/generated/data/run.json", '{"final": {"a": 0.2}}'),
        ("figures_src/model/costs.py", "# edited\n"),
        ("requirements.lock", "numpy==0.0\n"),
    ]:
        target = root / path
        before = target.read_bytes()
        target.write_text(text)
        assert notebook_cache.input_key(root) != key, path
        target.write_bytes(before)
    assert notebook_cache.input_key(root) == key


def test_a_page_edit_keeps_the_key(tmp_path):
    root = _tree(tmp_path)
    key = notebook_cache.input_key(root)
    (root / "docs" / "glossary.md").write_text("# another page text\n")
    assert notebook_cache.input_key(root) == key


def test_a_new_scenario_file_changes_the_key(tmp_path):
    root = _tree(tmp_path)
    key = notebook_cache.input_key(root)
    (root / "docs" / "generated" / "data" / "new.json").write_text("{}")
    assert notebook_cache.input_key(root) != key
