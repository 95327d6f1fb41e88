"""What keeps `make serve` from showing stale numbers: the loader re-reads a changed JSON, the
data is rewritten only when it changed, and the serve hook remakes data and figures."""

import json
import os
import re
from pathlib import Path

from figures_src.model import data, results

ROOT = Path(__file__).resolve().parent.parent


def _hook():
    from hooks import live_data

    return live_data


def test_the_loader_reads_a_changed_file_again(tmp_path):
    path = tmp_path / "run.json"
    path.write_text(json.dumps({"final": {"a": 0.1}}))
    assert results.load("run", tmp_path)["final"]["a"] == 0.1
    path.write_text(json.dumps({"final": {"a": 0.2}}))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert results.load("run", tmp_path)["final"]["a"] == 0.2


def test_json_is_rewritten_only_when_its_content_changes(tmp_path):
    path = tmp_path / "run.json"
    assert data.write_json(path, {"a": 1}) is True
    stamp = path.stat().st_mtime_ns
    assert data.write_json(path, {"a": 1}) is False
    assert path.stat().st_mtime_ns == stamp
    assert data.write_json(path, {"a": 2}) is True
    assert json.loads(path.read_text()) == {"a": 2}
    assert not list(tmp_path.glob("*.tmp"))


def test_serve_remakes_data_and_figures_and_build_does_not(monkeypatch):
    hook = _hook()
    calls = []
    monkeypatch.setattr(
        hook.subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw)) or _Done()
    )
    monkeypatch.setenv("MAKEFLAGS", "-j2 --jobserver-auth=3,4")
    hook.on_startup("build", dirty=False)
    hook.on_pre_build(config=None)
    assert calls == []
    hook.on_startup("serve", dirty=False)
    hook.on_pre_build(config=None)
    ((cmd, kw),) = calls
    assert cmd[0] == "make" and cmd[-2:] == ["data", "figures"]
    assert kw["cwd"] == ROOT and "MAKEFLAGS" not in kw["env"]


def test_figures_src_is_watched_by_mkdocs_serve():
    text = (ROOT / "mkdocs.yml").read_text()
    watch = text.split("\nwatch:\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"^  - figures_src\b", watch, re.MULTILINE)
    assert re.search(r"^  - hooks/live_data.py$", text, re.MULTILINE)


class _Done:
    returncode = 0
    stdout = stderr = ""
