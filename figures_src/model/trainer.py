"""One sigmoid neuron trained by full-batch gradient descent, many starts at once.

Shapes: ``S`` starts, ``n`` inputs, ``m`` examples.  ``w`` is (S, n), ``b`` is (S,),
``x`` is (m, n), ``y`` is (m,).  Every start follows its own trajectory; the arithmetic
is vectorized over starts, so a grid of a million starts is one call with no Python loop
over starts.
"""

from dataclasses import dataclass

import numpy as np

FIELDS = ("w", "b", "z", "a", "cost", "dc_dw", "dc_db")


def sigmoid(z):
    """sigma(z) = 1 / (1 + e^-z), written so that no exp overflows for large |z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_prime(z):
    """sigma'(z) = sigma(z) (1 - sigma(z))."""
    a = sigmoid(z)
    return a * (1.0 - a)


@dataclass
class Run:
    """What training kept.  ``history[f][k]`` is field ``f`` after k updates (0 = start)."""

    final: dict
    history: dict


def evaluate(cost, w, b, x, y):
    """z, a, the cost and its gradient at (w, b) for every start, averaged over examples."""
    z = w @ x.T + b[:, None]  # (S, m)
    a = sigmoid(z)
    m = x.shape[0]
    delta = cost.delta(z, a, y)  # dC/dz of each example
    return {
        "w": w,
        "b": b,
        "z": z,
        "a": a,
        "cost": cost.fn(z, a, y).sum(axis=1) / m,
        "dc_dw": delta @ x / m,
        "dc_db": delta.sum(axis=1) / m,
    }


def train(cost, w, b, eta, epochs, x, y, keep=FIELDS):
    """Run ``epochs`` updates w -= eta dC/dw, b -= eta dC/db from every start.

    ``w`` (S, n) and ``b`` (S,) are the starts; ``x`` (m, n) and ``y`` (m,) the examples.
    ``keep`` names the fields whose whole history is stored (each gains a leading axis of
    epochs + 1); the final state always has every field.  Keep less for huge grids.
    """
    w = np.array(w, dtype=float, ndmin=2)
    b = np.array(b, dtype=float, ndmin=1)
    x = np.array(x, dtype=float, ndmin=2)
    y = np.array(y, dtype=float, ndmin=1)
    if w.shape[0] != b.shape[0] or w.shape[1] != x.shape[1] or x.shape[0] != y.shape[0]:
        raise ValueError(f"shapes do not fit: w {w.shape}, b {b.shape}, x {x.shape}, y {y.shape}")
    unknown = set(keep) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown fields to keep: {sorted(unknown)}")

    history = {f: [] for f in keep}
    for _ in range(epochs):
        state = evaluate(cost, w, b, x, y)
        for f in keep:
            history[f].append(state[f])
        # New arrays, not in-place updates: the kept history must not change under us.
        w = w - eta * state["dc_dw"]
        b = b - eta * state["dc_db"]
    final = evaluate(cost, w, b, x, y)
    for f in keep:
        history[f].append(final[f])
    return Run(final=final, history={f: np.stack(v) for f, v in history.items()})


def train_one(cost, w, b, eta, epochs, x=1.0, y=0.0):
    """One start with one input and one example, as in the article: every value a scalar.

    Returns plain Python floats and lists, ready for JSON.
    """
    run = train(cost, [[w]], [b], eta, epochs, [[x]], [y])
    pick = {
        "w": lambda v: v[..., 0, 0],
        "b": lambda v: v[..., 0],
        "z": lambda v: v[..., 0, 0],
        "a": lambda v: v[..., 0, 0],
        "cost": lambda v: v[..., 0],
        "dc_dw": lambda v: v[..., 0, 0],
        "dc_db": lambda v: v[..., 0],
    }
    final = {f: float(pick[f](run.final[f])) for f in FIELDS}
    history = {f: pick[f](run.history[f]).tolist() for f in FIELDS}
    return {"final": final, "history": history}
