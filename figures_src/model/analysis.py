"""The run in one dimension: closed forms for the plateau and the late phase, and the trainer's
numbers that check them.

python -m figures_src.model.analysis OUT_DIR    # writes OUT_DIR/analysis.json (make data does)

With x = 1 and y = 0, w and b take the same step eta * delta each epoch, so z = w + b moves
by twice that:  z -> z - 2 eta delta(z), with delta = dC/dz = a^2 (1 - a) for the quadratic
cost and a for cross-entropy (a = sigma(z)).  In continuous time dz/dt = -2 eta delta(z), so

    dt = -dz / (2 eta delta(z))   and   t(z0 -> z) = [F(z0) - F(z)] / (2 eta),   F' = 1 / delta.

1 / delta is elementary in e^z:  1 / (a^2 (1 - a)) = (1 + e^-z)^3 e^z = e^z + 3 + 3 e^-z + e^-2z,
and 1 / a = 1 + e^-z, which gives the two antiderivatives below.  The plateau ends at a = 2/3
(z = ln 2), where the quadratic step a^2 (1 - a) is largest.

Late phase (a -> 0, so 1 - a -> 1):  da/dt = sigma'(z) dz/dt = a (1 - a) dz/dt, i.e.
da/dt ~ -2 eta a^3 (quadratic) and -2 eta a^2 (cross-entropy).  Hence d(1/a^2)/dt -> 4 eta and
d(1/a)/dt -> 2 eta:  a ~ 1 / sqrt(4 eta t)  and  a ~ 1 / (2 eta t).

Every trainer number comes from ``trainer.train``, batched over starts (no loop over starts).
"""

import math
import sys
from pathlib import Path

import numpy as np

from figures_src.model.costs import COSTS
from figures_src.model.data import ANALYSIS_ID, write_json
from figures_src.model.scenarios import BY_ID, EPOCHS, START1, START2, X, Y
from figures_src.model.trainer import sigmoid_prime, train

DATA_ID = ANALYSIS_ID  # docs/generated/data/analysis.json; pages: {{ num analysis <path> <fmt> }}
ANALYSED = ("quadratic", "cross-entropy")
PLATEAU_A = 2 / 3  # where the quadratic step a^2 (1 - a) peaks: the end of the plateau
PLATEAU_Z = math.log(2)  # sigma(ln 2) = 2/3
LATE_A = 0.1  # the article's "learned": the late phase runs from 2/3 down to here
ETA = BY_ID["quadratic-start1"].eta  # the article's 0.15
SIX_ETA = round(6 * ETA, 12)  # Nielsen: a larger eta does not make up for the slowdown
PLATEAU_Z0 = (1.5, 4.0, 6.0, 8.0)  # plateau.<cost>.z<k>
BELOW01_Z0 = {"quadratic": (1.5, 2.0), "cross-entropy": (1.5, 4.0, 10.0)}
NEVER_GRID = np.arange(0, 61) / 10  # z0 = 0.0 .. 6.0 in steps of 0.1 (exact k/10)
SWEEP_Z0 = np.arange(3, 33) / 4  # z0 = 0.75 .. 8.0: the plateau-length figure
LONG_EPOCHS = 3000  # the late-phase figure follows the article's four runs this long
LONG_SAMPLES = 80  # ... sampled at this many log-spaced epochs
ENTROPY_Y = (0.2, 0.5)


def f_quadratic(z):
    """F_q(z) = e^z + 3z - 3e^-z - e^-2z / 2, an antiderivative of 1 / (a^2 (1 - a))."""
    return np.exp(z) + 3 * z - 3 * np.exp(-z) - np.exp(-2 * z) / 2


def f_cross_entropy(z):
    """F_ce(z) = z - e^-z, an antiderivative of 1 / a."""
    return z - np.exp(-z)


F = {"quadratic": f_quadratic, "cross-entropy": f_cross_entropy}


def epochs_between(cost, z_from, z_to, eta):
    """Continuous-time epochs for z to fall from z_from to z_to: [F(z_from) - F(z_to)] / (2 eta)."""
    return (F[cost](z_from) - F[cost](z_to)) / (2 * eta)


def plateau_closed(cost, z0, eta):
    """Epochs from z0 until a = 2/3, in closed form."""
    return epochs_between(cost, z0, PLATEAU_Z, eta)


def late_closed(cost, eta):
    """Epochs from a = 2/3 until a = 0.1, in closed form: the same from every start."""
    return epochs_between(cost, PLATEAU_Z, -math.log(1 / LATE_A - 1), eta)


def asymptote(cost, eta, t):
    """The late-phase output after t epochs: 1/sqrt(4 eta t) (quadratic), 1/(2 eta t)."""
    t = np.asarray(t, dtype=float)
    return 1 / np.sqrt(4 * eta * t) if cost == "quadratic" else 1 / (2 * eta * t)


def trained_a(cost, z0s, eta, epochs):
    """The trainer's output a after every epoch, (epochs + 1, starts), from each z0 = w0 + b0.

    With x = 1 only w0 + b0 matters; w0 = b0 = z0 / 2 splits it evenly.
    """
    z0s = np.asarray(z0s, dtype=float)
    run = train(COSTS[cost], z0s[:, None] / 2, z0s / 2, eta, epochs, [[X]], [Y], keep=("a",))
    return run.history["a"][:, :, 0]


def first_below(a, threshold):
    """First epoch with a < threshold for every start (columns of ``a``); -1 if never."""
    below = a < threshold
    return np.where(below.any(axis=0), np.argmax(below, axis=0), -1)


def epochs_to(cost, z0s, eta, threshold, epochs):
    """The trainer's first epoch with a < threshold from each z0 (-1: not within ``epochs``)."""
    return first_below(trained_a(cost, z0s, eta, epochs), threshold)


def budget(cost, z0s, eta, margin=1.05):
    """Enough epochs for every z0 to pass a = 0.1: the closed forms plus a margin."""
    most = plateau_closed(cost, max(z0s), eta) + late_closed(cost, eta)
    return int(math.ceil(margin * most)) + 10


def key(z0):
    """1.5 -> 'z1_5', 4.0 -> 'z4': a dotted placeholder path cannot hold a dot."""
    return "z" + f"{z0:g}".replace(".", "_")


def binary_entropy(y):
    """-[y ln y + (1 - y) ln(1 - y)] in nats: the cross-entropy's minimum over a for target y."""
    return -(y * math.log(y) + (1 - y) * math.log(1 - y))


def _plateaus():
    out = {}
    for cost in ANALYSED:
        a = trained_a(cost, PLATEAU_Z0, ETA, budget(cost, PLATEAU_Z0, ETA))
        trainer = first_below(a, PLATEAU_A)
        out[cost] = {
            key(z0): {"closed": float(plateau_closed(cost, z0, ETA)), "trainer": int(n)}
            for z0, n in zip(PLATEAU_Z0, trainer, strict=True)
        }
    z4 = key(START2[0] * X + START2[1])
    out["six_eta"] = {
        "eta": SIX_ETA,
        "quadratic": int(epochs_to("quadratic", [4.0], SIX_ETA, PLATEAU_A, EPOCHS)[0]),
        "cross-entropy": out["cross-entropy"][z4]["trainer"],
        "quadratic_closed": float(plateau_closed("quadratic", 4.0, SIX_ETA)),
    }
    return out


def _below01():
    out = {}
    for cost, z0s in BELOW01_Z0.items():
        n = epochs_to(cost, z0s, ETA, LATE_A, EPOCHS)
        out[cost] = {key(z0): int(k) for z0, k in zip(z0s, n, strict=True)}
    never = epochs_to("quadratic", NEVER_GRID, ETA, LATE_A, EPOCHS) < 0
    never_from = float(NEVER_GRID[np.argmax(never)])
    out["quadratic"]["never_from"] = never_from
    # sigma'(z0) there: not small, so the plateau alone does not explain it.
    out["quadratic"]["never_from_sigma_prime"] = float(sigmoid_prime(never_from))
    return out


def _late():
    """Epochs from a < 2/3 to a < 0.1, closed form and trainer (from z0 = 4)."""
    out = {}
    for cost in ANALYSED:
        a = trained_a(cost, [4.0], ETA, budget(cost, [4.0], ETA))
        out[cost] = {
            "closed": float(late_closed(cost, ETA)),
            "trainer": int(first_below(a, LATE_A)[0] - first_below(a, PLATEAU_A)[0]),
        }
    return out


def _double_eta():
    """From (2, 2): the final a after 300 epochs at 2 eta, and its ratio to the eta run's."""
    z0 = [START2[0] * X + START2[1]]
    out = {}
    for cost in ANALYSED:
        once = trained_a(cost, z0, ETA, EPOCHS)[-1, 0]
        twice = trained_a(cost, z0, 2 * ETA, EPOCHS)[-1, 0]
        out[cost] = {"eta": 2 * ETA, "final": float(twice), "ratio": float(twice / once)}
    return out


def _sweep():
    """The plateau-length figure: along z0, trainer epochs of the plateau and the late phase."""
    out = {"eta": ETA, "z0": SWEEP_Z0.tolist(), "plateau": {}, "late": {}}
    for cost in ANALYSED:
        a = trained_a(cost, SWEEP_Z0, ETA, budget(cost, SWEEP_Z0, ETA))
        plateau, done = first_below(a, PLATEAU_A), first_below(a, LATE_A)
        out["plateau"][cost] = plateau.tolist()
        out["late"][cost] = (done - plateau).tolist()
    return out


def _long_runs():
    """The article's four runs continued to LONG_EPOCHS, at log-spaced epochs (late-phase fig.)."""
    epochs = np.unique(np.geomspace(1, LONG_EPOCHS, LONG_SAMPLES).round().astype(int))
    out = {"epochs": epochs.tolist()}
    for cost in ANALYSED:
        for start, (w0, b0) in (("start1", START1), ("start2", START2)):
            a = trained_a(cost, [w0 * X + b0], ETA, LONG_EPOCHS)[:, 0]
            out[f"{cost}-{start}"] = a[epochs].tolist()
    return out


def _growth(sweep):
    """How the plateau grows with z0: the quadratic one is multiplied by about e per unit of z0
    (trainer, z0 = 7 -> 8), the cross-entropy one grows by 1/(2 eta) epochs per unit."""
    z0 = sweep["z0"]
    q = sweep["plateau"]["quadratic"]
    return {
        "quadratic": q[z0.index(8.0)] / q[z0.index(7.0)],
        "cross-entropy": 1 / (2 * ETA),
    }


def build():
    """Every number of analysis.json (plain floats and ints: deterministic JSON)."""
    sweep = _sweep()
    return {
        "eta": ETA,
        "plateau_a": PLATEAU_A,
        "late_a": LATE_A,
        "z0": {"start1": START1[0] * X + START1[1], "start2": START2[0] * X + START2[1]},
        "asymptote": {
            "t": EPOCHS,
            "eta": ETA,
            **{cost: float(asymptote(cost, ETA, EPOCHS)) for cost in ANALYSED},
        },
        "plateau": _plateaus(),
        "late": _late(),
        "below01": _below01(),
        "double_eta": _double_eta(),
        "entropy": {key(y).replace("z", "y", 1): binary_entropy(y) for y in ENTROPY_Y},
        "sweep": sweep,
        "growth": _growth(sweep),
        "long": _long_runs(),
    }


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        sys.stderr.write("usage: python -m figures_src.model.analysis OUT_DIR\n")
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    write_json(out / f"{DATA_ID}.json", build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
