"""The trainer's command line: the numbers it prints and the input it refuses.

The tests call ``figures_src.model.cli.main`` in-process (a new interpreter per case would cost
most of the fast tier's time); one test runs ``python -m figures_src.model.cli`` itself, the way
a reader does.
"""

import contextlib
import io
import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from figures_src.model import cli as command_line
from figures_src.model.cli import parse_args
from figures_src.model.results import load
from figures_src.model.scenarios import SCENARIOS


def cli(*args):
    """Run the command line in this process: (returncode, stdout, stderr) like subprocess.run."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = command_line.main(list(args))
        except SystemExit as stop:  # argparse's refusals
            code = stop.code
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def python_m(*args):
    return subprocess.run(
        [sys.executable, "-m", "figures_src.model.cli", *args], capture_output=True, text=True
    )


def test_python_m_runs_the_same_command_line():
    """The module runs as a program: the same JSON on stdout, and its exit status on a refusal."""
    args = ("--cost", "quadratic", "--w", "0.6", "--b", "0.9", "--eta", "0.15", "--epochs", "30")
    p = python_m(*args)
    assert p.returncode == 0 and p.stderr == ""
    assert p.stdout == cli(*args).stdout
    bad = python_m(*args[:-1], "many")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == cli(*args[:-1], "many").stderr
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("trainer: error:"), bad.stderr


@pytest.mark.parametrize(
    "cost, w, b, eta, final_a",
    [
        ("quadratic", "0.6", "0.9", "0.15", 0.094),
        ("quadratic", "2", "2", "0.15", 0.203),
        ("cross-entropy", "0.6", "0.9", "0.15", 0.0116),
        ("cross-entropy", "2", "2", "0.15", 0.0120),
        ("cross-entropy-dcda", "0.6", "0.9", "0.005", 0.0404),
        ("cross-entropy-dcda", "2", "2", "0.005", 0.0479),
    ],
)
def test_cli_prints_the_articles_numbers(cost, w, b, eta, final_a):
    p = cli("--cost", cost, "--w", w, "--b", b, "--eta", eta, "--epochs", "300")
    assert p.returncode == 0 and p.stderr == ""
    out = json.loads(p.stdout)
    assert out["final"]["a"] == pytest.approx(final_a, abs=5e-4 if final_a > 0.05 else 5e-5)
    assert set(out["final"]) >= {"w", "b", "a", "cost"}
    for key in ("w", "b", "a", "cost"):
        assert len(out["history"][key]) == 301
        assert out["history"][key][-1] == out["final"][key]


def test_cli_defaults_are_the_articles_x_and_y_and_match_make_data():
    s = SCENARIOS[0]
    p = cli("--cost", s.cost, "--w", str(s.w0), "--b", str(s.b0), "--eta", str(s.eta),
            "--epochs", str(s.epochs))  # fmt: skip
    out = json.loads(p.stdout)
    data = load(s.id)
    assert out["final"] == data["final"]
    assert out["history"] == data["history"]


def test_cli_takes_x_and_y():
    p = cli("--cost", "quadratic", "--w", "1", "--b", "0", "--eta", "0.5", "--epochs", "5",
            "--x", "-2", "--y", "1")  # fmt: skip
    out = json.loads(p.stdout)
    assert out["history"]["z"][0] == pytest.approx(-2.0)
    assert out["final"]["a"] > out["history"]["a"][0]  # moving towards y = 1


ARGV = ["--cost", "quadratic", "--w", "0", "--b", "0", "--eta", "0.1"]
GOOD = {"--cost": "quadratic", "--w": "0.6", "--b": "0.9", "--eta": "0.15", "--epochs": "300"}


@pytest.mark.parametrize(
    "change",
    [
        {"--w": "abc"},
        {"--b": "nan"},
        {"--w": "inf"},
        {"--b": "-Infinity"},
        {"--eta": "0"},
        {"--eta": "-0.1"},
        {"--eta": "NaN"},
        {"--epochs": "0"},
        {"--epochs": "1000001"},
        {"--epochs": "2.5"},
        {"--epochs": "many"},
        {"--y": "1.5"},
        {"--y": "-0.1"},
        {"--x": "nan"},
        {"--cost": "hinge"},
        {"--w": None},
    ],
    ids=str,
)
def test_bad_input_exits_2_with_one_line_and_no_output(change):
    args = {**GOOD, **change}
    argv = [item for k, v in args.items() if v is not None for item in (k, v)]
    p = cli(*argv)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.count("\n") == 1 and p.stderr.startswith("trainer: error:"), p.stderr


def test_epoch_bounds_are_inclusive():
    assert parse_args([*ARGV, "--epochs", "1000000"]).epochs == 1_000_000
    assert parse_args([*ARGV, "--epochs", "1"]).epochs == 1
