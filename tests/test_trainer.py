"""The trainer: gradients, the article's numbers, batching, and saturation."""

import numpy as np
import pytest

from figures_src.model.costs import COSTS, CrossEntropyCost, CrossEntropyDcdaCost, QuadraticCost
from figures_src.model.scenarios import BY_ID, SCENARIOS
from figures_src.model.trainer import FIELDS, evaluate, sigmoid, train, train_one

TRUE_GRADIENT_COSTS = [QuadraticCost, CrossEntropyCost]


def total_cost(cost, w, b, x, y):
    return evaluate(cost, w, b, x, y)["cost"]


@pytest.mark.parametrize("cost", TRUE_GRADIENT_COSTS, ids=lambda c: c.name)
@pytest.mark.parametrize("n, m", [(1, 1), (3, 1), (3, 5), (4, 7)])
def test_gradient_equals_central_differences(cost, n, m):
    rng = np.random.default_rng(n * 10 + m)
    starts = 50
    w = rng.uniform(-2, 2, (starts, n))
    b = rng.uniform(-2, 2, starts)
    x = rng.uniform(-1.5, 1.5, (m, n))
    y = rng.uniform(0, 1, m)
    state = evaluate(cost, w, b, x, y)
    h = 1e-6
    for j in range(n):
        dw = np.zeros_like(w)
        dw[:, j] = h
        numeric = (total_cost(cost, w + dw, b, x, y) - total_cost(cost, w - dw, b, x, y)) / (2 * h)
        np.testing.assert_allclose(state["dc_dw"][:, j], numeric, rtol=1e-6, atol=1e-9)
    numeric_b = (total_cost(cost, w, b + h, x, y) - total_cost(cost, w, b - h, x, y)) / (2 * h)
    np.testing.assert_allclose(state["dc_db"], numeric_b, rtol=1e-6, atol=1e-9)


def test_cross_entropy_error_is_a_minus_y():
    z = np.linspace(-30, 30, 601)
    a = sigmoid(z)
    for y in (0.0, 0.3, 1.0):
        assert np.array_equal(CrossEntropyCost.delta(z, a, y), a - y)


def test_dcda_steps_by_dc_da_not_dc_dz():
    # For y = 0 the book widget's step is 1 / (1 - a); the true gradient is a.
    z = np.linspace(-5, 5, 101)
    a = sigmoid(z)
    np.testing.assert_allclose(CrossEntropyDcdaCost.delta(z, a, 0.0), 1 / (1 - a), rtol=1e-12)
    np.testing.assert_allclose(
        CrossEntropyDcdaCost.delta(z, a, 0.0) / CrossEntropyCost.delta(z, a, 0.0),
        1 / (a * (1 - a)),
        rtol=1e-12,
    )


def run(scenario_id):
    s = BY_ID[scenario_id]
    return train_one(COSTS[s.cost], s.w0, s.b0, s.eta, s.epochs, s.x, s.y)


@pytest.mark.parametrize(
    "scenario_id, final_a, tol",
    [
        ("quadratic-start1", 0.094, 5e-4),
        ("quadratic-start2", 0.203, 5e-4),
        ("cross-entropy-start1", 0.0116, 5e-5),
        ("cross-entropy-start2", 0.0120, 5e-5),
        ("cross-entropy-dcda-start1", 0.0404, 5e-5),
        ("cross-entropy-dcda-start2", 0.0479, 5e-5),
        ("cross-entropy-eta0.005-start1", 0.418, 5e-4),
        ("cross-entropy-eta0.005-start2", 0.780, 5e-4),
    ],
)
def test_article_runs_end_where_measured(scenario_id, final_a, tol):
    assert run(scenario_id)["final"]["a"] == pytest.approx(final_a, abs=tol)


def test_article_starting_outputs():
    assert run("quadratic-start1")["history"]["a"][0] == pytest.approx(0.8176, abs=1e-4)
    assert run("quadratic-start2")["history"]["a"][0] == pytest.approx(0.9820, abs=1e-4)


def test_dcda_step_ratio_at_the_starts():
    """costs.py docstring: the widget's step is 1/sigma'(z) times the true gradient, 6.7 at
    start 1 and 57 at start 2 (the step-size figure's ratios)."""
    ratios = []
    for start in ("start1", "start2"):
        h = run(f"cross-entropy-dcda-{start}")["history"]
        true = run(f"cross-entropy-{start}")["history"]
        ratios.append(h["dc_db"][0] / true["dc_db"][0])
    assert (f"{ratios[0]:.1f}", f"{ratios[1]:.0f}") == ("6.7", "57")


def test_quadratic_from_saturated_start_is_still_high_at_epoch_150():
    a = run("quadratic-start2")["history"]["a"]
    assert a[150] > 0.9
    assert a[200] < a[150] - 0.1  # and it has started to move by epoch 200


def test_history_has_every_epoch_and_index_k_is_after_k_updates():
    s = BY_ID["quadratic-start1"]
    r = run(s.id)
    assert set(r["history"]) == set(FIELDS)
    assert all(len(v) == s.epochs + 1 for v in r["history"].values())
    h = r["history"]
    assert (h["w"][0], h["b"][0]) == (s.w0, s.b0)
    assert h["w"][1] == pytest.approx(s.w0 - s.eta * h["dc_dw"][0], rel=1e-15)
    assert h["b"][1] == pytest.approx(s.b0 - s.eta * h["dc_db"][0], rel=1e-15)
    assert r["final"]["a"] == h["a"][-1]


@pytest.mark.parametrize("cost", list(COSTS.values()), ids=lambda c: c.name)
def test_batched_trainer_equals_one_start_trainer(cost):
    rng = np.random.default_rng(7)
    w = rng.uniform(-3, 3, 64)
    b = rng.uniform(-3, 3, 64)
    batched = train(cost, w[:, None], b, 0.05, 40, [[1.0]], [0.0])
    for i in range(0, 64, 9):
        one = train_one(cost, w[i], b[i], 0.05, 40)
        for f in FIELDS:
            got = batched.history[f][:, i].reshape(41)
            assert np.array_equal(got, np.array(one["history"][f])), f


def test_batched_trainer_handles_several_inputs_and_examples():
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, (5, 3))
    y = rng.uniform(0, 1, 5)
    w = rng.uniform(-1, 1, (10, 3))
    b = rng.uniform(-1, 1, 10)
    r = train(CrossEntropyCost, w, b, 0.5, 200, x, y)
    assert r.history["w"].shape == (201, 10, 3)
    assert r.history["a"].shape == (201, 10, 5)
    assert np.all(np.diff(r.history["cost"], axis=0) <= 1e-12)  # a small eta never climbs


def test_a_million_starts_in_one_call():
    w = np.linspace(-5, 5, 1000)
    ww, bb = np.meshgrid(w, w)
    r = train(QuadraticCost, ww.reshape(-1, 1), bb.ravel(), 0.15, 3, [[1.0]], [0.0], keep=())
    assert r.final["a"].shape == (1_000_000, 1)
    assert r.history == {}


@pytest.mark.parametrize("cost", TRUE_GRADIENT_COSTS, ids=lambda c: c.name)
def test_cost_and_gradient_stay_finite_when_saturated(cost):
    one, zero = np.array([[1.0]]), np.array([0.0])
    for z in [-800.0, -40.0, 40.0, 800.0]:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            state = evaluate(cost, np.array([[z]]), zero, one, zero)
        assert np.isfinite(state["cost"]).all(), z
        assert np.isfinite(state["dc_dw"]).all(), z
    # Saturated at the wrong end: cross-entropy's cost is large, finite and exact (= z).
    big = evaluate(CrossEntropyCost, np.array([[40.0]]), zero, one, zero)
    assert big["cost"][0] == pytest.approx(40.0, rel=1e-12)


def test_dcda_step_stays_finite_where_a_rounds_to_one():
    # 1 - a is exactly 0 in floating point here; (a - y) / (a (1 - a)) would divide by zero.
    one, zero = np.array([[1.0]]), np.array([0.0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        state = evaluate(CrossEntropyDcdaCost, np.array([[40.0]]), zero, one, zero)
    assert sigmoid(np.array(40.0)) == 1.0
    assert np.isfinite(state["dc_db"]).all() and state["dc_db"][0] > 1e17


def test_train_rejects_shapes_that_do_not_fit():
    with pytest.raises(ValueError, match="shapes"):
        train(QuadraticCost, [[1.0, 2.0]], [0.0], 0.1, 1, [[1.0]], [0.0])
    with pytest.raises(ValueError, match="unknown"):
        train(QuadraticCost, [[1.0]], [0.0], 0.1, 1, [[1.0]], [0.0], keep=("q",))


def test_scenarios_are_unique_and_complete():
    ids = [s.id for s in SCENARIOS]
    assert len(ids) == len(set(ids))
    for s in SCENARIOS:
        assert s.cost in COSTS and s.eta > 0 and s.epochs >= 1 and 0 <= s.y <= 1


def test_every_run_has_a_title_in_both_languages_and_a_titleless_one_is_named():
    from figures_src import titles

    for s in SCENARIOS:
        zh, en = titles.title(s.id, "zh"), titles.title(s.id, "en")
        assert zh and en and zh != en
    with pytest.raises(KeyError, match="docs/content/titles.yml has no en title for 'nope'"):
        titles.title("nope", "en")
