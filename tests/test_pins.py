"""figures_src/pins.py: a lock-file upgrade re-renders only the outputs its packages draw.

(That make follows the pins files is checked by the dry runs in tests/test_videos.py.)"""

from importlib import metadata

from figures_src import pins


def test_a_group_pins_its_libraries_and_everything_under_them_at_the_installed_version():
    got = pins.closure(["matplotlib"])
    # pillow and numpy come in through matplotlib's own requirements, not through our list
    assert {"matplotlib", "numpy", "pillow", "fonttools"} <= set(got)
    assert all(got[name] == metadata.version(name) for name in got)
    assert "manim" not in got and "pytest" not in got


def test_pins_are_rewritten_only_for_the_group_whose_versions_changed(tmp_path, monkeypatch):
    assert pins.write_pins(tmp_path) == ["figures", "videos"]
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.txt")}
    assert pins.write_pins(tmp_path) == []  # nothing changed: files untouched
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.txt")} == stamps
    real = pins.closure

    def manim_upgraded(roots):
        got = real(roots)
        return {**got, "manim": "99.0"} if "manim" in got else got

    monkeypatch.setattr(pins, "closure", manim_upgraded)
    assert pins.write_pins(tmp_path) == ["videos"]
    assert "manim==99.0\n" in (tmp_path / "videos.txt").read_text()


def test_bad_usage_is_one_line_and_exit_2(tmp_path, capsys):
    assert pins.main([]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not list(tmp_path.iterdir())
