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
#     description: "在 Jupyter 笔记本里读取训练数据、重新训练一个 S 型神经元，\
#       亲手比较二次代价函数和交叉熵代价函数的学习曲线。"
# ---

# %% [markdown]
# # 动手：在笔记本里重新训练一遍
#
# 前面几页的图和数，都出自同一个小小的训练程序 `figures_src`。这一页是一个 Jupyter 笔记本，
# 网站构建时会从头到尾真正运行一遍，下面看到的输出都是当时算出来的。
#
# 我们要做三件事：
#
# 1. 读出网站用的训练记录（JSON 文件），看看最后的输出 $a$ 是多少；
# 2. 用同一个函数重新训练一次，确认结果一模一样；
# 3. 把两种代价函数的学习曲线画在一起，再换一个起点试试。
#
# 想自己动手的话，把仓库克隆下来，用 `jupytext --to notebook docs/notebook.py` 转成 `.ipynb`，
# 就可以在 Jupyter 里改参数、重新运行了。

# %% [markdown]
# ## 准备：导入项目的代码
#
# `make` 会把项目以可编辑方式安装进 `.venv`，所以不论笔记本在哪个目录运行，
# 都可以直接导入 `figures_src`，用的正是生成本站数字的那份代码。

# %%
import matplotlib.pyplot as plt
import numpy as np

from figures_src import titles
from figures_src.languages import FONTS
from figures_src.model import results
from figures_src.model.costs import COSTS
from figures_src.model.scenarios import BY_ID
from figures_src.model.trainer import train_one

plt.rcParams["font.sans-serif"] = [FONTS["zh"], FONTS["en"]]
plt.rcParams["axes.unicode_minus"] = False

# %% [markdown]
# ## 第一步：读出训练记录
#
# 每个场景（scenario）都有一个 JSON 文件，记下了参数和每个迭代期之后的 $w$、$b$、$a$ 和代价 $C$。
# 先看文章里的第一个例子：二次代价函数，从 $w = 0.6$、$b = 0.9$ 出发。

# %%
run = results.load("quadratic-start1")
scenario = BY_ID["quadratic-start1"]
print(titles.title(scenario.id, "zh"))
print(f"学习率 η = {scenario.eta}，迭代期数 = {scenario.epochs}")
print(f"开始时输出 a = {run['history']['a'][0]:.4f}，训练后 a = {run['final']['a']:.4f}")

# %% [markdown]
# ## 第二步：重新训练，核对结果
#
# `train_one` 就是生成这些 JSON 的那个函数。用同样的参数再跑一次，
# 每个迭代期的输出都应该和记录里的完全一致。下面的 `assert` 如果不成立，网站构建就会失败。

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
print("重新训练的结果与记录一致：最后 a =", f"{again['final']['a']:.4f}")

# %% [markdown]
# ## 第三步：两种代价函数的学习曲线
#
# 二次代价函数是 $C = \frac{(y-a)^2}{2}$，交叉熵代价函数是 $C = -[y \ln a + (1-y)\ln(1-a)]$。
# 两者的大小不在一个尺度上，所以各画一张图，横轴都是迭代期。
# 注意看从 $w = b = 2.0$ 出发时，二次代价函数的曲线开头有多平。

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4), layout="constrained")
for ax, cost in zip(axes, ["quadratic", "cross-entropy"], strict=True):
    for start, style in [("start1", "-"), ("start2", "--")]:
        data = results.load(f"{cost}-{start}")
        s = BY_ID[f"{cost}-{start}"]
        ax.plot(data["history"]["cost"], style, label=f"w = {s.w0}，b = {s.b0}")
    ax.set_title("二次代价函数" if cost == "quadratic" else "交叉熵代价函数")
    ax.set_xlabel("迭代期")
    ax.set_ylabel("代价 C")
    ax.legend()
plt.show()

# %% [markdown]
# 交叉熵代价函数的两条曲线一开始就往下掉；二次代价函数从 $w = b = 2.0$ 出发时，
# 前面很长一段几乎是平的。原因在于二次代价函数的梯度里多了一个因子 $\sigma'(z)$，
# 输出 $a$ 接近 $1$ 时它非常小。

# %% [markdown]
# ## 再换一个起点
#
# 训练函数可以从任意起点出发。下面从一个更“饱和”的起点 $w = b = 3.0$ 开始，
# 其他设置不变，比较两种代价函数训练后的输出。

# %%
w0, b0 = 3.0, 3.0
s = BY_ID["quadratic-start1"]
for cost in ["quadratic", "cross-entropy"]:
    out = train_one(COSTS[cost], w0, b0, s.eta, s.epochs, s.x, s.y)
    a = out["history"]["a"]
    plt.plot(a, label="二次代价函数" if cost == "quadratic" else "交叉熵代价函数")
    print(f"{cost}: 开始 a = {a[0]:.4f}，{s.epochs} 个迭代期后 a = {a[-1]:.4f}")
plt.xlabel("迭代期")
plt.ylabel("输出 a")
plt.legend()
plt.show()

# %% [markdown]
# 起点越饱和，二次代价函数“卡住”的时间就越长，而交叉熵代价函数几乎不受影响。
# 你也可以把 `w0`、`b0` 换成别的值，或者改一改学习率，看看曲线怎么变。

# %% [markdown]
# ## 第四步：用训练器核对闭式解
#
# [为什么开始学得慢](../slowdown/#both-ends)那一页推出了输出变小以后怎样下降：
# 二次代价函数 $a \approx 1/\sqrt{4\eta t}$，交叉熵代价函数 $a \approx 1/(2\eta t)$。
# [交叉熵代价函数的实际效果](../in-action/#plateau)那一页推出了平台期有多长：
# 输出降到 $a < 2/3$ 大约要 $t \approx [F(z_0) - F(\ln 2)]/(2\eta)$ 个迭代期，其中
# $F_q(z) = e^z + 3z - 3e^{-z} - e^{-2z}/2$，$F_{ce}(z) = z - e^{-z}$。
# 这些公式都写在 `figures_src/model/analysis.py` 里，下面拿训练器来核对。
#
# 先看渐近线：从文中两个起点（$x = 1$，所以 $z_0 = w_0 + b_0$ 分别是 1.5 和 4）
# 各训练 20000 个迭代期，把最后的输出和公式比较。
# 训练器的输出从上方逼近渐近线，两个起点最后几乎落在同一处：后期不记得从哪里出发。

# %%
from figures_src.model import analysis

eta = BY_ID["quadratic-start1"].eta
t = 20_000
z0_starts = [1.5, 4.0]
for cost in ["quadratic", "cross-entropy"]:
    a = analysis.trained_a(cost, z0_starts, eta, t)[-1]
    formula = float(analysis.asymptote(cost, eta, t))
    print(f"{cost}：训练器 {a[0]:.6f} 和 {a[1]:.6f}，渐近线 {formula:.6f}")
    assert np.allclose(a, formula, rtol=0.03)

# %% [markdown]
# 再看平台期：从几个不同的起点 $z_0$ 出发，输出降到 $a < 2/3$ 所用的迭代期，闭式解对训练器
# （训练器一次把所有起点一起训练）。差距来自离散的更新，不超过 3 个迭代期或 1%，取较大者。

# %%
z0 = np.array([1.5, 4.0, 6.0, 8.0])
for cost in ["quadratic", "cross-entropy"]:
    closed = analysis.plateau_closed(cost, z0, eta)
    trainer = analysis.epochs_to(cost, z0, eta, analysis.PLATEAU_A, 11_000)
    for start, c, n in zip(z0, closed, trainer, strict=True):
        print(f"{cost}，z0 = {start:g}：闭式解 {c:8.1f}，训练器 {n:6d}")
    assert np.all(np.abs(trainer - closed) <= np.maximum(3, 0.01 * closed))

# %% [markdown]
# 二次代价函数的平台期大致按 $e^{z_0}$ 增长，交叉熵的只按 $z_0$ 增长。
# 换一个学习率试试：两者的平台期都按同样的倍数 $1/\eta$ 缩短。
