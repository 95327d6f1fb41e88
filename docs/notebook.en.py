# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
#   site:
#     description: >-
#       A Jupyter notebook that loads the training records, retrains one sigmoid neuron
#       and compares the learning curves of the quadratic and cross-entropy costs.
# ---

# %% [markdown]
# # Hands-on: retrain the neuron in a notebook
#
# Every figure and number on the other pages comes from one small trainer, `figures_src`.
# This page is a Jupyter notebook that is run from top to bottom whenever the site is built,
# so every output below was computed then.
#
# We will do three things:
#
# 1. read the training record (a JSON file) the site uses and look at the final output $a$;
# 2. train again with the same function and check that we get exactly the same numbers;
# 3. plot the learning curves of both costs together, then try a different start.
#
# To experiment yourself, clone the repository, turn this page into a notebook with
# `jupytext --to notebook docs/notebook.en.py`, and change the parameters in Jupyter.

# %% [markdown]
# ## Setup: import the project's code
#
# `make` installs the project into `.venv` as an editable package, so wherever the notebook
# runs it imports `figures_src` directly: the same code that made the site's numbers.

# %%
import matplotlib.pyplot as plt
import numpy as np

from figures_src import titles
from figures_src.model import results
from figures_src.model.costs import COSTS
from figures_src.model.scenarios import BY_ID
from figures_src.model.trainer import train_one

# %% [markdown]
# ## Step 1: read a training record
#
# Each scenario has a JSON file with its settings and the values of $w$, $b$, $a$ and the
# cost $C$ after every epoch. We start with the article's first example: the quadratic cost,
# starting from $w = 0.6$ and $b = 0.9$.

# %%
run = results.load("quadratic-start1")
scenario = BY_ID["quadratic-start1"]
print(titles.title(scenario.id, "en"))
print(f"learning rate η = {scenario.eta}, epochs = {scenario.epochs}")
print(f"output at the start a = {run['history']['a'][0]:.4f}")
print(f"output after training a = {run['final']['a']:.4f}")

# %% [markdown]
# ## Step 2: train again and compare
#
# `train_one` is the very function that wrote those JSON files. Run with the same settings,
# it must reproduce the output at every epoch. If the `assert` below failed, the site build
# would fail with it.

# %%
again = train_one(
    COSTS[scenario.cost],
    scenario.w0,
    scenario.b0,
    scenario.eta,
    scenario.epochs,
    scenario.x,
    scenario.y,
)
assert np.allclose(again["history"]["a"], run["history"]["a"], rtol=0, atol=1e-12)
print("Retrained run matches the record: final a =", f"{again['final']['a']:.4f}")

# %% [markdown]
# ## Step 3: the learning curves of both costs
#
# The quadratic cost is $C = \frac{(y-a)^2}{2}$ and the cross-entropy cost is
# $C = -[y \ln a + (1-y)\ln(1-a)]$. Their values live on different scales, so each gets its
# own plot, both against the epoch. Watch how flat the quadratic curve starts from $w = b = 2.0$.

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
for ax, cost in zip(axes, ["quadratic", "cross-entropy"], strict=True):
    for start, style in [("start1", "-"), ("start2", "--")]:
        data = results.load(f"{cost}-{start}")
        s = BY_ID[f"{cost}-{start}"]
        ax.plot(data["history"]["cost"], style, label=f"w = {s.w0}, b = {s.b0}")
    ax.set_title("Quadratic cost" if cost == "quadratic" else "Cross-entropy cost")
    ax.set_xlabel("epoch")
    ax.set_ylabel("cost C")
    ax.legend()
plt.show()

# %% [markdown]
# Both cross-entropy curves drop from the first epoch; the quadratic cost from $w = b = 2.0$
# stays nearly flat for a long stretch. The quadratic gradient carries an extra factor
# $\sigma'(z)$, which is tiny when the output $a$ is close to $1$.

# %% [markdown]
# ## Try another start
#
# The trainer can start anywhere. Here we start from an even more saturated point,
# $w = b = 3.0$, keep everything else, and compare the outputs of the two costs.

# %%
w0, b0 = 3.0, 3.0
s = BY_ID["quadratic-start1"]
for cost in ["quadratic", "cross-entropy"]:
    out = train_one(COSTS[cost], w0, b0, s.eta, s.epochs, s.x, s.y)
    a = out["history"]["a"]
    plt.plot(a, label="Quadratic cost" if cost == "quadratic" else "Cross-entropy cost")
    print(f"{cost}: a = {a[0]:.4f} at the start, a = {a[-1]:.4f} after {s.epochs} epochs")
plt.xlabel("epoch")
plt.ylabel("output a")
plt.legend()
plt.show()

# %% [markdown]
# The more saturated the start, the longer the quadratic cost stays stuck, while the
# cross-entropy cost hardly notices. Change `w0`, `b0` or the learning rate and see how the
# curves move.

# %% [markdown]
# ## Step 4: check the closed forms against the trainer
#
# The [slowdown page](../slowdown/#both-ends) derives how the output falls once it is small:
# $a \approx 1/\sqrt{4\eta t}$ with the quadratic cost and $a \approx 1/(2\eta t)$ with
# cross-entropy. The [in-action page](../in-action/#plateau) derives how long the plateau lasts:
# $t \approx [F(z_0) - F(\ln 2)]/(2\eta)$ epochs until $a < 2/3$, with
# $F_q(z) = e^z + 3z - 3e^{-z} - e^{-2z}/2$ and $F_{ce}(z) = z - e^{-z}$.
# Both are in `figures_src/model/analysis.py`; here we hold them against the trainer.
#
# First the asymptotes: train both article starts ($z_0 = w_0 + b_0$ = 1.5 and 4, since $x = 1$)
# for 20,000 epochs and compare the last output
# with the formula. Each run approaches its asymptote from above, and the two starts end up
# almost together: the late phase forgets where the run began.

# %%
from figures_src.model import analysis

eta = BY_ID["quadratic-start1"].eta
t = 20_000
z0_starts = [1.5, 4.0]
for cost in ["quadratic", "cross-entropy"]:
    a = analysis.trained_a(cost, z0_starts, eta, t)[-1]
    formula = float(analysis.asymptote(cost, eta, t))
    print(f"{cost}: trainer {a[0]:.6f} and {a[1]:.6f}, asymptote {formula:.6f}")
    assert np.allclose(a, formula, rtol=0.03)

# %% [markdown]
# Now the plateau: epochs until $a < 2/3$ from several starts $z_0$, closed form against the
# trainer (which trains all starts at once). The difference is the discrete steps: at most
# 3 epochs or 1 %, whichever is larger.

# %%
z0 = np.array([1.5, 4.0, 6.0, 8.0])
for cost in ["quadratic", "cross-entropy"]:
    closed = analysis.plateau_closed(cost, z0, eta)
    trainer = analysis.epochs_to(cost, z0, eta, analysis.PLATEAU_A, 11_000)
    for start, c, n in zip(z0, closed, trainer, strict=True):
        print(f"{cost}, z0 = {start:g}: closed form {c:8.1f}, trainer {n:6d}")
    assert np.all(np.abs(trainer - closed) <= np.maximum(3, 0.01 * closed))

# %% [markdown]
# The quadratic plateau grows roughly like $e^{z_0}$, the cross-entropy one only like $z_0$.
# Try another learning rate: both plateaus shrink by the same factor, $1/\eta$.
