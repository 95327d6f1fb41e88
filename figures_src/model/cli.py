"""Command line: train one sigmoid neuron and print the whole run as one JSON object.

    python -m figures_src.model.cli --cost cross-entropy --w 0.6 --b 0.9 --eta 0.15 --epochs 300

Bad input exits with status 2 and one line on stderr, printing nothing on stdout.
"""

import argparse
import json
import math
import sys

import numpy as np

from figures_src.model.costs import COSTS
from figures_src.model.trainer import train_one

MAX_EPOCHS = 1_000_000


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # One line, not argparse's usage block: scripts read stderr too.
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        sys.exit(2)


def _finite(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _positive(text):
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0: {text!r}")
    return value


def _epochs(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_EPOCHS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_EPOCHS}: {text!r}")
    return value


def _target(text):
    value = _finite(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text!r}")
    return value


def parse_args(argv=None):
    parser = _Parser(prog="trainer", description=__doc__.splitlines()[0])
    parser.add_argument("--cost", required=True, choices=sorted(COSTS))
    parser.add_argument("--w", required=True, type=_finite, help="starting weight")
    parser.add_argument("--b", required=True, type=_finite, help="starting bias")
    parser.add_argument("--eta", required=True, type=_positive, help="learning rate, > 0")
    parser.add_argument("--epochs", required=True, type=_epochs, help=f"updates, 1..{MAX_EPOCHS}")
    parser.add_argument("--x", default=1.0, type=_finite, help="input (default 1)")
    parser.add_argument("--y", default=0.0, type=_target, help="target in [0, 1] (default 0)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    with np.errstate(over="raise", invalid="raise"):
        try:
            run = train_one(COSTS[args.cost], args.w, args.b, args.eta, args.epochs, args.x, args.y)
        except FloatingPointError:
            sys.stderr.write("trainer: error: the run overflowed; try a smaller --eta or start\n")
            return 2
    # Build the whole text first, so a failure never leaves half a JSON object on stdout.
    text = json.dumps(run, allow_nan=False)
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
