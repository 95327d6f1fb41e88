"""Trainer throughput: the batched numpy trainer against a plain Python loop.

Both train the same starts (a 1000 x 1000 grid of (w, b)) for 300 epochs with x = 1, y = 0.
The Python loop is timed on a subset and extrapolated: the full grid would take minutes.
"""

import math
import time

import numpy as np

from figures_src.model.costs import CrossEntropyCost
from figures_src.model.trainer import train

SIDE = 1000
EPOCHS = 300
ETA = 0.15
SUBSET = 2000


def grid(side=SIDE):
    """Starts w, b in [-4, 4] x [-4, 4]."""
    w, b = np.meshgrid(np.linspace(-4, 4, side), np.linspace(-4, 4, side))
    return w.reshape(-1, 1), b.reshape(-1)


def python_loop(starts, eta=ETA, epochs=EPOCHS, x=1.0, y=0.0):
    """Plain floats and math.exp, the same work per epoch as the trainer's ``evaluate``:
    z, a, the cross-entropy cost and its gradient (dC/dz = a - y), then the update."""
    out = []
    for w, b in starts:
        for _ in range(epochs):
            z = w * x + b
            e = math.exp(-abs(z))  # stable sigmoid and softplus, as in figures_src
            a = 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)
            cost = y * (max(-z, 0.0) + math.log1p(e)) + (1 - y) * (max(z, 0.0) + math.log1p(e))
            delta = a - y
            w -= eta * delta * x
            b -= eta * delta
        out.append((w, b, cost))
    return out


def measure():
    w, b = grid()
    x, y = np.array([[1.0]]), np.array([0.0])
    t0 = time.perf_counter()
    run = train(CrossEntropyCost, w, b, ETA, EPOCHS, x, y, keep=())
    numpy_s = time.perf_counter() - t0

    pick = np.linspace(0, len(b) - 1, SUBSET).astype(int)
    starts = [(float(w[i, 0]), float(b[i])) for i in pick]
    t0 = time.perf_counter()
    finals = python_loop(starts)
    loop_s = time.perf_counter() - t0
    loop_full_s = loop_s * len(b) / SUBSET
    # Same arithmetic, so the same answers (up to rounding): a check that the race is fair.
    final_w = np.asarray(run.final["w"]).reshape(len(b), -1)[pick, 0]
    diff = float(np.max(np.abs(final_w - np.array([f[0] for f in finals]))))
    updates = len(b) * EPOCHS
    return {
        "starts": len(b),
        "epochs": EPOCHS,
        "numpy_s": numpy_s,
        "numpy_rate": updates / numpy_s,
        "subset": SUBSET,
        "loop_subset_s": loop_s,
        "loop_full_s": loop_full_s,
        "loop_rate": SUBSET * EPOCHS / loop_s,
        "ratio": loop_full_s / numpy_s,
        "max_diff_w": diff,
    }
