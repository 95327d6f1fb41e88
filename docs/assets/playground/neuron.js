/* One sigmoid neuron, one input x, one target y, trained by gradient descent.
 *
 * A line-by-line port of figures_src/model/trainer.py and figures_src/model/costs.py, so the
 * playground shows the same numbers as the site's figures.  Keep the order of the
 * operations as it is there: a different order rounds differently.
 * No DOM here: tests load this file into a blank page and call NeuronTrainer.train.
 */
(function (root) {
  "use strict";

  // Written so that exp never overflows, as in figures_src/model/trainer.py.
  function sigmoid(z) {
    var e = Math.exp(-Math.abs(z));
    return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  }

  function sigmoidPrime(z) {
    var a = sigmoid(z);
    return a * (1.0 - a);
  }

  // log(1 + e^t) without overflow: numpy's logaddexp(0, t).
  function softplus(t) {
    return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
  }

  // Each cost: fn is the cost of the example, delta is dC/dz (or the book's dC/da step).
  var COSTS = {
    quadratic: {
      fn: function (z, a, y) {
        var d = a - y;
        return 0.5 * (d * d);
      },
      delta: function (z, a, y) {
        return (a - y) * sigmoidPrime(z);
      },
    },
    "cross-entropy": {
      // ln a = -softplus(-z), ln(1 - a) = -softplus(z): finite even when a rounds to 0 or 1.
      fn: function (z, a, y) {
        return y * softplus(-z) + (1 - y) * softplus(z);
      },
      delta: function (z, a, y) {
        return a - y;
      },
    },
    // The book animation's step (not gradient descent): dC/da = (a - y) / (a (1 - a)),
    // written as (a - y)(2 + 2 cosh z) so it stays finite when a saturates.
    "cross-entropy-dcda": {
      fn: function (z, a, y) {
        return y * softplus(-z) + (1 - y) * softplus(z);
      },
      delta: function (z, a, y) {
        return (a - y) * (2.0 + 2.0 * Math.cosh(z));
      },
    },
  };

  // State at (w, b): z, a, the cost and its gradient (one example, so m = 1).
  function evaluate(cost, w, b, x, y) {
    var z = w * x + b;
    var a = sigmoid(z);
    var delta = cost.delta(z, a, y);
    return {
      w: w,
      b: b,
      z: z,
      a: a,
      cost: cost.fn(z, a, y) / 1,
      dc_dw: (delta * x) / 1,
      dc_db: delta / 1,
    };
  }

  var FIELDS = ["w", "b", "z", "a", "cost", "dc_dw", "dc_db"];

  /* Run `epochs` updates from (w, b).  Returns arrays of epochs + 1 entries:
   * entry k is the state after k updates (0 = start), like history in the JSON. */
  function train(costName, w, b, eta, epochs, x, y) {
    var cost = COSTS[costName];
    if (!cost) throw new Error("unknown cost: " + costName);
    if (x === undefined) x = 1.0;
    if (y === undefined) y = 0.0;
    var history = {};
    FIELDS.forEach(function (f) {
      history[f] = [];
    });
    for (var k = 0; k <= epochs; k++) {
      var state = evaluate(cost, w, b, x, y);
      FIELDS.forEach(function (f) {
        history[f].push(state[f]);
      });
      if (k === epochs) break;
      w = w - eta * state.dc_dw;
      b = b - eta * state.dc_db;
    }
    return history;
  }

  root.NeuronTrainer = {
    sigmoid: sigmoid,
    sigmoidPrime: sigmoidPrime,
    softplus: softplus,
    costs: Object.keys(COSTS),
    train: train,
  };
})(typeof window !== "undefined" ? window : globalThis);
