"""The costs a sigmoid neuron can learn with.

Each cost is a tiny class in the manner of Nielsen's ``network2.py``: ``fn`` is the cost of
one example, ``delta`` is the error that gradient descent multiplies by the input.  The
quadratic and the cross-entropy cost differ only there.  Both take ``z`` as well as ``a``
so that the cost stays finite when the output saturates at 0 or 1.
"""

import numpy as np

from figures_src.model.trainer import sigmoid_prime


class QuadraticCost:
    """C = (a - y)^2 / 2, so dC/dz = (a - y) sigma'(z): slow when sigma'(z) is small."""

    name = "quadratic"

    @staticmethod
    def fn(z, a, y):
        return 0.5 * (a - y) ** 2

    @staticmethod
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z)


class CrossEntropyCost:
    """C = -[y ln a + (1 - y) ln(1 - a)], so dC/dz = a - y: sigma'(z) cancels."""

    name = "cross-entropy"

    @staticmethod
    def fn(z, a, y):
        # ln a = -softplus(-z) and ln(1 - a) = -softplus(z): exact, and never log(0).
        return y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)

    @staticmethod
    def delta(z, a, y):
        return a - y


class CrossEntropyDcdaCost(CrossEntropyCost):
    """The book animation's cross-entropy step: dC/da where dC/dz belongs.

    This is not gradient descent.  It exists only to explain the article's "0.04": the
    widgets saturation3.js and saturation4.js of Nielsen's chapter 3 step w and b by
    eta * dC/da = eta * (a - y) / (a (1 - a)) with eta = 0.005, which for y = 0 is
    eta / (1 - a).  That step is 1 / sigma'(z) times the true gradient (6.7 at start 1,
    z = 1.5, and 57 at start 2, z = 4: tests/test_trainer.py), which is why such a small
    eta still learns quickly.
    """

    name = "cross-entropy-dcda"

    @staticmethod
    def delta(z, a, y):
        # 1 / (a (1 - a)) = 2 + 2 cosh z, finite where a or 1 - a rounds to 0.
        return (a - y) * (2.0 + 2.0 * np.cosh(z))


COSTS = {cost.name: cost for cost in (QuadraticCost, CrossEntropyCost, CrossEntropyDcdaCost)}
