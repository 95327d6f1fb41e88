"""The figures: every file exists in both languages, the bytes are reproducible, each figure
plots exactly the trainer's JSON, Chinese glyphs really exist in the chosen font, and the
catalog has alt text and a caption in both languages."""

import gzip
import io
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.text import Text

from figures_src.figures import (
    build,
    cost_curves,
    cost_of_z,
    late_phase,
    linear_neuron,
    neurons,
    plateau_length,
    reproduce,
    sigmoid,
    start_map,
    step_size,
    style,
)
from figures_src.figures.catalog import FIGURES
from figures_src.model import analysis, results
from figures_src.model.trainer import sigmoid as sigma

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "docs" / "generated" / "figures"
IDS = list(build.registry())  # every module in figures_src/figures/ with IDS and draw()
CJK = re.compile(r"[\u4e00-\u9fff]")
MATH = re.compile(r"\$[^$]*\$")


@pytest.fixture(scope="session")
def figure_dir(tmp_path_factory):
    """The build's output when complete, else a fresh render."""
    names = [build.file_name(i, lang) for i in IDS for lang in style.LANGS]
    if all((BUILT / n).is_file() for n in names):
        return BUILT
    out = tmp_path_factory.mktemp("figures")
    assert build.main([str(out)]) == 0
    return out


def test_every_figure_has_a_catalog_entry_and_every_entry_a_figure():
    """The two things a contributor writes for a figure: its module and its catalog entry."""
    assert set(FIGURES) == set(IDS)


def test_make_rules_come_from_the_code_with_exactly_what_each_figure_reads():
    rules = build.make_deps().splitlines()
    assert rules[1] == "FIGURE_IDS := " + " ".join(IDS)
    deps = {}
    for line in rules[3:]:
        targets, prereqs = line.split(": ", 1)
        fig_id = targets.split()[0].removeprefix("$(FIGURE_DIR)/").removesuffix("-zh.svg")
        deps[fig_id] = prereqs.split()
    assert list(deps) == IDS
    data = "$(GEN)/data/{}.json".format
    assert deps["sigmoid"] == [
        "figures_src/figures/sigmoid.py",
        "figures_src/model/results.py",
        "figures_src/model/trainer.py",
        data("quadratic-start1"),
        data("quadratic-start2"),
    ]
    # the neuron diagrams read no run; the start map trains, so it follows the trainer
    assert deps["neuron-one-input"] == ["figures_src/figures/neurons.py"]
    assert {"figures_src/model/trainer.py", "figures_src/model/costs.py"} <= set(deps["start-map"])
    assert data("cross-entropy-dcda-start1") in deps["reproduce-cross-entropy"]


def test_a_figure_id_in_two_modules_is_refused(monkeypatch):
    monkeypatch.setattr(neurons, "IDS", (*neurons.IDS, "sigmoid"))
    with pytest.raises(ValueError, match="figure id 'sigmoid' is in"):
        build.registry()


@pytest.mark.parametrize("fig_id", IDS)
def test_both_languages_exist(figure_dir, fig_id):
    for lang in style.LANGS:
        path = figure_dir / build.file_name(fig_id, lang)
        data = path.read_bytes()
        assert data.startswith(b"<?xml") and data.rstrip().endswith(b"</svg>"), path
        assert len(data) < 150_000, f"{path} is {len(data)} bytes"
    assert not list(figure_dir.glob(".*.tmp")), "a temporary file was left behind"
    # The two languages differ: the words are really translated.
    zh, en = (figure_dir / build.file_name(fig_id, lang) for lang in style.LANGS)
    assert zh.read_bytes() != en.read_bytes()


def test_renders_are_byte_identical(tmp_path):
    """In-process render twice, and once more in a fresh process through the CLI."""
    ids = ["sigmoid", "start-map"]
    for fig_id in ids:
        assert build.render(fig_id, "zh") == build.render(fig_id, "zh")
    subprocess.run([sys.executable, "-m", "figures_src.figures", str(tmp_path), *ids],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    for fig_id in ids:
        for lang in style.LANGS:
            assert (tmp_path / build.file_name(fig_id, lang)).read_bytes() == build.render(
                fig_id, lang
            )


def _history(sid, field):
    return np.asarray(results.load(sid)["history"][field])


@pytest.mark.parametrize("fig_id", cost_curves.IDS)
def test_cost_curves_plot_the_json(fig_id):
    d = cost_curves.data(fig_id)
    assert list(d) == list(cost_curves.scenarios(fig_id))
    for sid, curves in d.items():
        np.testing.assert_array_equal(curves["cost"], _history(sid, "cost"))
        np.testing.assert_array_equal(curves["a"], _history(sid, "a"))
        assert curves["epoch"][-1] == results.load(sid)["scenario"]["epochs"]


def test_sigmoid_marks_the_json_starts():
    d = sigmoid.data()
    np.testing.assert_allclose(d["a"], sigma(d["z"]))
    for sid, (z0, a0) in d["starts"].items():
        assert (z0, a0) == (_history(sid, "z")[0], _history(sid, "a")[0])
    # The teaching claim: start 2 sits in a shaded flat region, start 1 does not.
    flat_at = {sid: d["flat"][np.argmin(abs(d["z"] - z0))] for sid, (z0, _) in d["starts"].items()}
    assert flat_at == {"quadratic-start1": False, "quadratic-start2": True}


def test_step_size_curves_match_the_trainers_gradient():
    d = step_size.data()
    for sid, (a0, step) in d["starts"].items():
        assert (a0, step) == (_history(sid, "a")[0], abs(_history(sid, "dc_db")[0]))
        cost = sid.rsplit("-", 1)[0]
        # The drawn curve passes through the trainer's own first step.
        assert np.interp(a0, d["a"], d["curves"][cost]) == pytest.approx(step, rel=1e-3)
    q, c = d["curves"]["quadratic"], d["curves"]["cross-entropy"]
    assert np.all(c > q)  # cross-entropy always steps further, for y = 0


def test_cost_of_z_plots_the_cost_classes_and_the_json_starts():
    """The one-dimensional picture: C(z) and dC/dz from costs.py, starts at the runs' z0; the
    quadratic cost is flat at both ends, cross-entropy a ramp of slope 1 on the wrong side."""
    d = cost_of_z.data()
    for name, cost in cost_of_z.COSTS.items():
        np.testing.assert_array_equal(d["cost"][name], cost.fn(d["z"], sigma(d["z"]), 0.0))
        slope = np.gradient(d["cost"][name], d["z"])
        np.testing.assert_allclose(slope[1:-1], d["slope"][name][1:-1], atol=2e-3)
    for start, z0 in d["starts"].items():
        assert z0 == _history(f"quadratic-{start}", "z")[0]
    q, c = d["slope"]["quadratic"], d["slope"]["cross-entropy"]
    assert q[0] < 1e-3 and q[-1] < 3e-3 and q.max() == pytest.approx(4 / 27, rel=1e-3)
    assert c[0] < 3e-3 and c[-1] == pytest.approx(1, abs=3e-3)


def test_late_phase_plots_the_trainer_and_the_asymptotes():
    d = late_phase.data()
    for sid in late_phase.RUNS:
        # The long runs are the article's runs: equal to the JSON wherever both exist.
        a = _history(sid, "a")
        inside = d["t"] <= a.size - 1
        np.testing.assert_allclose(d["runs"][sid][inside], a[d["t"][inside].astype(int)], rtol=1e-9)
        cost = sid.rsplit("-", 1)[0]
        # By the last epoch every run lies within 10 % of its own asymptote.
        assert d["runs"][sid][-1] == pytest.approx(d["asymptote"][cost][-1], rel=0.10)
    assert d["t"][-1] == analysis.LONG_EPOCHS


def test_plateau_length_plots_the_trainer_and_the_closed_forms():
    d = plateau_length.data()
    eta = d["eta"]
    for cost in analysis.ANALYSED:
        # Spot-check the JSON's sweep against a fresh run of the trainer.
        z0 = d["z0"][::6]
        fresh = analysis.epochs_to(cost, z0, eta, analysis.PLATEAU_A, 12000)
        np.testing.assert_array_equal(fresh, d["plateau"][cost][::6])
        closed = analysis.plateau_closed(cost, d["z0"], eta)
        assert np.all(np.abs(d["plateau"][cost] - closed) <= np.maximum(3, 0.01 * closed))
        late = d["late_closed"][cost]
        assert np.all(np.abs(d["late"][cost] - late) <= 3)
    assert set(d["starts"].values()) <= set(d["z0"])


def test_linear_neuron():
    d = linear_neuron.data()
    for sid, a in d["sigmoid"].items():
        np.testing.assert_array_equal(a, _history(sid, "a"))
        s = results.load(sid)["scenario"]
        # Closed form for x = 1, y = 0: a shrinks by 1 - eta (x^2 + 1) every epoch.
        k = np.arange(s["epochs"] + 1)
        expected = (s["w0"] * s["x"] + s["b0"]) * (1 - s["eta"] * (s["x"] ** 2 + 1)) ** k
        np.testing.assert_allclose(d["linear"][sid], expected, rtol=1e-6, atol=1e-12)
        # No slowdown: the linear output gets below 0.1 long before the sigmoid's does.
        lin = results.first_epoch_below({"history": {"a": d["linear"][sid]}}, 0.1)
        sig = results.first_epoch_below(results.load(sid), 0.1)
        assert lin < 20 and (sig is None or sig > 5 * lin)


def test_reproduce_plots_the_json():
    d = reproduce.data()
    for start, series in d.items():
        assert list(series) == list(reproduce.KINDS)
        for kind, a in series.items():
            np.testing.assert_array_equal(a, _history(f"{kind}-{start}", "a"))


def test_start_map_grid_and_agreement_with_the_runs():
    d = start_map.data()
    assert d["w"].size >= 201 and d["b"].size >= 201
    for cost in start_map.MAP_COSTS:
        assert d["epochs"][cost].shape == (d["b"].size, d["w"].size)
        for start, (w0, b0) in d["starts"].items():
            assert w0 in d["w"] and b0 in d["b"], "article starts must be grid points"
            expected = results.first_epoch_below(
                results.load(f"{cost}-{start}"), start_map.THRESHOLD
            )
            got = start_map.value_at(d, cost, w0, b0)
            assert (np.isnan(got) and expected is None) or got == expected, (cost, start)
    # Quadratic has starts that never make it (the saturated corner); cross-entropy none.
    assert np.isnan(d["epochs"]["quadratic"]).any()
    assert not np.isnan(d["epochs"]["cross-entropy"]).any()


def _absolute_points(d):
    """Every point of SVG path data (absolute M/L/Q/C/z or relative m/l/h/v/q/c/z)."""
    args = {"m": 2, "l": 2, "h": 1, "v": 1, "q": 4, "c": 6, "z": 0}
    tokens = re.findall(r"[MLQCzmlhvqc]|-?[\d.]+", d)
    points, here, start, i = [], (0.0, 0.0), (0.0, 0.0), 0
    while i < len(tokens):
        command, i = tokens[i], i + 1
        n = args[command.lower()]
        values, i = [float(v) for v in tokens[i : i + n]], i + n
        if command in "zZ":
            here = start
            continue
        if command == "h":
            values = [values[0], 0.0]
        elif command == "v":
            values = [0.0, values[0]]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        if command.islower():
            pairs = [(here[0] + x, here[1] + y) for x, y in pairs]
        points += pairs
        here = pairs[-1]
        if command in "mM":
            start = here
    return np.array(points).reshape(-1, 2)


def _paths(svg):
    """{path index: (points in drawing units, scale)}; glyph outlines carry a scale."""
    out = {}
    for k, element in enumerate(re.findall(r"<path\s[^>]*>", svg)):
        d = re.search(r'\sd="([^"]*)"', element)  # the space glyph has no outline
        scale = re.search(r'transform="scale\(([\d.]+)\)"', element)
        out[k] = (_absolute_points(d[1] if d else ""), float(scale[1]) if scale else 1.0)
    return out


@pytest.mark.parametrize("fig_id", ["plateau-length", "start-map"])
def test_compact_svg_draws_the_same_paths(fig_id):
    """style.compact_svg (relative coordinates, glyphs on a coarser grid) moves no point of any
    path by more than half its rounding step, and keeps everything but the metadata."""
    module = build.registry()[fig_id]
    with style.rc("zh"):
        fig = module.draw("zh", fig_id)
        raw = io.BytesIO()
        fig.savefig(raw, format="svg", metadata=style.METADATA)
        style.plt.close(fig)
    raw = raw.getvalue()
    small = style.compact_svg(raw)
    assert len(gzip.compress(small)) < 0.85 * len(gzip.compress(raw))
    before, after = _paths(raw.decode()), _paths(small.decode())
    assert before.keys() == after.keys() and len(before) > 50
    glyphs = 0
    for k, (points, scale) in before.items():
        new_points, new_scale = after[k]
        assert points.shape == new_points.shape
        drawn, new_drawn = points * scale, new_points * new_scale  # in the SVG's own units
        step = scale * style.GLYPH_STEP if new_scale != scale else 10**-style.PLOT_DIGITS
        glyphs += new_scale != scale
        assert np.abs(drawn - new_drawn).max(initial=0) <= step / 2 + 1e-9, k
    assert glyphs > 20  # the Chinese glyph outlines were compacted too
    strip = r"\s*<metadata>.*?</metadata>|<path\s[^>]*>"
    assert re.sub(strip, "", raw.decode(), flags=re.S) == re.sub(strip, "", small.decode())


def _texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("fig_id", IDS)
def test_chinese_glyphs_exist_in_the_chosen_font(fig_id):
    module = build.registry()[fig_id]
    with style.rc("zh"):
        fig = module.draw("zh", fig_id)
        fig.canvas.draw()
        texts = _texts(fig)
        assert any(CJK.search(t.get_text()) for t in texts), "no Chinese words in the zh figure"
        for t in texts:
            plain = MATH.sub("", t.get_text())  # $...$ is mathtext, set in its own fonts
            if not plain.strip():
                continue
            path = font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)
            font = font_manager.get_font(path)
            assert font.family_name == style.CJK_FONT and "SC" in font.family_name
            missing = [ch for ch in plain if not ch.isspace() and font.get_char_index(ord(ch)) == 0]
            assert not missing, f"{fig_id}: {missing} not in {path} (text {t.get_text()!r})"
    style.plt.close(fig)


def test_missing_glyph_fails_the_build():
    """The build turns matplotlib's missing-glyph warning into an error."""
    with style.rc("zh"), pytest.raises(UserWarning, match="missing from font"):
        fig, ax = style.new_figure()
        ax.set_title("x₁")  # subscript one: not in Noto Sans CJK SC
        style.figure_bytes(fig)


@pytest.mark.parametrize("fig_id", IDS)
def test_catalog_entry(fig_id):
    entry = FIGURES[fig_id]
    assert entry["file"].format(lang="zh") == build.file_name(fig_id, "zh")
    for lang in style.LANGS:
        for key in ("alt", "caption"):
            text = entry[lang][key]
            assert len(text) > 20, (fig_id, lang, key)
            assert bool(CJK.search(text)) == (lang == "zh"), (fig_id, lang, key)


def test_catalog_numbers_come_from_the_json():
    run = results.load("quadratic-start1")
    caption = FIGURES["cost-quadratic-start1"]["en"]["caption"]
    assert f"{run['final']['a']:.2f}" in caption and f"{run['history']['a'][0]:.2f}" in caption
    epoch = results.first_epoch_below(run, start_map.THRESHOLD)
    assert f"{epoch} epochs" in FIGURES["start-map"]["en"]["caption"]


def test_cli_rejects_unknown_id(tmp_path, capsys):
    assert build.main([str(tmp_path), "sigmoid", "no-such-figure"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-figure" in err
    assert not list(tmp_path.iterdir()), "nothing may be written on bad input"


def test_cli_names_the_font_package_when_cjk_font_is_missing(tmp_path, capsys, monkeypatch):
    def not_found(*args, **kwargs):
        raise ValueError("not found")

    monkeypatch.setattr(font_manager, "findfont", not_found)
    assert build.main([str(tmp_path), "sigmoid"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "fonts-noto-cjk" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_make_redraws_the_figures_when_their_drawing_libraries_change(make_plan):
    """figures_src/pins.py: matplotlib's pins redraw every figure; manim's redraw none."""

    def drawn(*args):
        return make_plan(r"-m figures_src\.figures \S+ (\S+)", *args)

    assert drawn("figures") == set(), "the figures should all be drawn (make test does)"
    assert drawn("-W", "build/pins/figures.txt", "figures") == set(IDS)
    assert drawn("-W", "build/pins/videos.txt", "figures") == set()
