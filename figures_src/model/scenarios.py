"""The runs the site shows: one declarative list; `make data` trains each into its JSON.

The article's setting (Nielsen, ch. 3): one input x = 1, target y = 0, 300 epochs, and two
starts, (w, b) = (0.6, 0.9) with output 0.82 and (2.0, 2.0) with output 0.98.
"""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Scenario:
    id: str
    cost: str
    w0: float
    b0: float
    eta: float
    epochs: int
    x: float
    y: float

    def as_dict(self):
        return asdict(self)


START1 = (0.6, 0.9)
START2 = (2.0, 2.0)
X, Y, EPOCHS = 1.0, 0.0, 300
SLOW_EPOCH = 150  # the article: the second quadratic run barely moves "for the first 150 or so"


def _scenario(id, cost, start, eta):
    w0, b0 = start
    return Scenario(id, cost, w0, b0, eta, EPOCHS, X, Y)


SCENARIOS = [
    _scenario(
        "quadratic-start1",
        "quadratic",
        START1,
        0.15,
    ),
    _scenario(
        "quadratic-start2",
        "quadratic",
        START2,
        0.15,
    ),
    _scenario(
        "cross-entropy-start1",
        "cross-entropy",
        START1,
        0.15,
    ),
    _scenario(
        "cross-entropy-start2",
        "cross-entropy",
        START2,
        0.15,
    ),
    # The book animation's cross-entropy runs, reproduced to explain the article's 0.04.
    _scenario(
        "cross-entropy-dcda-start1",
        "cross-entropy-dcda",
        START1,
        0.005,
    ),
    _scenario(
        "cross-entropy-dcda-start2",
        "cross-entropy-dcda",
        START2,
        0.005,
    ),
    # The true gradient at the book animation's small rate: why η = 0.005 alone is not enough.
    _scenario(
        "cross-entropy-eta0.005-start1",
        "cross-entropy",
        START1,
        0.005,
    ),
    _scenario(
        "cross-entropy-eta0.005-start2",
        "cross-entropy",
        START2,
        0.005,
    ),
]

BY_ID = {s.id: s for s in SCENARIOS}
