"""Alt text and caption of every figure, in both languages.

``FIGURES[id] = {"file": "<id>-{lang>.svg", "zh": {"alt", "caption"}, "en": {...}}``.
Alt text says what the figure shows (for screen readers); the caption says what to learn
from it.  Every number is formatted here from the trainer's JSON, never typed.
"""

from figures_src import results
from figures_src.figures import linear_neuron, start_map
from figures_src.neuron import sigmoid_prime

SLOW_EPOCH = 150  # the article: the second quadratic run barely moves "for the first 150 or so"
LINEAR_BELOW = 0.01  # how low the linear neuron's output is followed in its caption


def _run(sid):
    return results.load(sid)


def _a0(sid):
    return _run(sid)["history"]["a"][0]


def _a_end(sid):
    return _run(sid)["final"]["a"]


def _s(sid):
    return _run(sid)["scenario"]


def _below(sid, threshold):
    return results.first_epoch_below(_run(sid), threshold)


def _epochs_text(epoch, lang):
    """How long until the output got below the threshold, or that it never did."""
    if epoch is None:
        return "直到训练结束都没有降到" if lang == "zh" else "not at all within the run"
    return f"到第 {epoch} 个迭代期才降到" if lang == "zh" else f"after {epoch} epochs"


def _cost_single(sid):
    s, a0, a1 = _s(sid), _a0(sid), _a_end(sid)
    c0, c1 = _run(sid)["history"]["cost"][0], _run(sid)["final"]["cost"]
    quadratic = s["cost"] == "quadratic"
    name_zh = "二次代价函数" if quadratic else "交叉熵代价函数"
    name_en = "quadratic cost" if quadratic else "cross-entropy cost"
    alt_zh = (
        f"折线图：横轴是迭代期（0 到 {s['epochs']}），纵轴是{name_zh}的值。"
        f"从 w = {s['w0']:g}、b = {s['b0']:g} 出发，学习率 η = {s['eta']:g}，"
        f"代价从 {c0:.3f} 降到 {c1:.3f}，输出 a 从 {a0:.2f} 降到 {a1:.2f}。"
    )
    alt_en = (
        f"Line chart: epoch (0 to {s['epochs']}) across, the {name_en} up. Starting from "
        f"w = {s['w0']:g}, b = {s['b0']:g} with learning rate η = {s['eta']:g}, the cost falls "
        f"from {c0:.3f} to {c1:.3f} and the output a from {a0:.2f} to {a1:.2f}."
    )
    if sid == "quadratic-start1":
        cap_zh = f"初始输出 {a0:.2f} 离目标 0 不算太远，代价一开始就往下走，最后输出停在 {a1:.2f}。"
        cap_en = (
            f"Starting at {a0:.2f}, not far from the target 0, the cost drops from the first "
            f"epoch; the output ends at {a1:.2f}."
        )
    elif sid == "quadratic-start2":
        k = SLOW_EPOCH
        a_k = _run(sid)["history"]["a"][k]
        cap_zh = (
            f"初始输出 {a0:.2f} 错得更厉害，学习却更慢：前 {k} 个迭代期代价几乎不动"
            f"（第 {k} 个迭代期输出仍是 {a_k:.2f}），到后面才明显下降，最后输出只到 {a1:.2f}。"
        )
        cap_en = (
            f"Starting at {a0:.2f}, further from the target, learning is slower, not faster: "
            f"the cost hardly moves for {k} epochs (the output is still {a_k:.2f} at epoch {k}) "
            f"and only drops later, ending at {a1:.2f}."
        )
    else:
        cap_zh = (
            f"换成交叉熵代价函数，其他设置不变：代价从第一个迭代期就陡然下降，"
            f"输出从 {a0:.2f} 降到 {a1:.3f}，没有开头的停滞。"
        )
        cap_en = (
            f"With the cross-entropy cost and everything else unchanged, the cost plunges from "
            f"the first epoch: the output goes from {a0:.2f} to {a1:.3f} with no stall at the "
            "start."
        )
    return alt_zh, cap_zh, alt_en, cap_en


def _cost_compare(start):
    q, c = f"quadratic-{start}", f"cross-entropy-{start}"
    s = _s(q)
    t = start_map.THRESHOLD
    bq, bc = _below(q, t), _below(c, t)
    alt_zh = (
        f"两幅并排的折线图，从同一起点 w = {s['w0']:g}、b = {s['b0']:g} 出发（η = {s['eta']:g}）。"
        f"左图是输出 a，右图是代价，蓝线是二次代价函数，橙红线是交叉熵代价函数。"
        f"二次代价的输出从 {_a0(q):.2f} 降到 {_a_end(q):.2f}，交叉熵的输出降到 {_a_end(c):.3f}。"
    )
    alt_en = (
        f"Two line charts side by side, both from w = {s['w0']:g}, b = {s['b0']:g} "
        f"(η = {s['eta']:g}): the output a on the left, the cost on the right; blue is the "
        f"quadratic cost, vermillion the cross-entropy cost. With the quadratic cost the output "
        f"goes from {_a0(q):.2f} to {_a_end(q):.2f}, with cross-entropy to {_a_end(c):.3f}."
    )
    cap_zh = (
        f"同一个起点，只换代价函数：要让输出降到 {t:g} 以下，交叉熵用了 {bc} 个迭代期，"
        + (f"二次代价用了 {bq} 个。" if bq is not None else "二次代价直到训练结束都没有做到。")
        + "两种代价的数值单位不同，所以左图比较的是它们共同的目标：输出 a。"
    )
    cap_en = (
        f"Same start, different cost: cross-entropy brings the output below {t:g} in {bc} epochs, "
        + (
            f"the quadratic cost in {bq}. "
            if bq is not None
            else "the quadratic cost never does within the run. "
        )
        + "The two costs are on different scales, so the left panel compares what both aim at: "
        "the output a."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _sigmoid():
    z1, a1 = _run("quadratic-start1")["history"]["z"][0], _a0("quadratic-start1")
    z2, a2 = _run("quadratic-start2")["history"]["z"][0], _a0("quadratic-start2")
    p1, p2 = float(sigmoid_prime(z1)), float(sigmoid_prime(z2))
    alt_zh = (
        f"S 型函数 σ(z) 的 S 形曲线和它的导数 σ′(z) 的钟形曲线，z 从 −8 到 8。"
        f"两端 σ′(z) 很小的平坦区涂成灰色。标出两个起点：z = {z1:g} 处 a = {a1:.2f}，"
        f"z = {z2:g} 处 a = {a2:.2f}，后者落在平坦区里。"
    )
    alt_en = (
        f"The S-shaped sigmoid σ(z) and the bell-shaped slope σ′(z) for z from −8 to 8, with "
        f"the flat regions at both ends, where σ′(z) is small, shaded grey. Two starts are "
        f"marked: a = {a1:.2f} at z = {z1:g} and a = {a2:.2f} at z = {z2:g}, inside the flat "
        "region."
    )
    cap_zh = (
        f"二次代价函数的梯度里带着因子 σ′(z)。起点 1 处 σ′(z) ≈ {p1:.3f}，"
        f"起点 2 处只有 {p2:.3f}：输出越接近 1，曲线越平，学习越慢。"
    )
    cap_en = (
        f"The quadratic cost's gradient carries the factor σ′(z): about {p1:.3f} at start 1 but "
        f"only {p2:.3f} at start 2. The closer the output is to 1, the flatter the curve and the "
        "slower the learning."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _step_size():
    r = {}
    for start in ("start1", "start2"):
        q = abs(_run(f"quadratic-{start}")["history"]["dc_db"][0])
        c = abs(_run(f"cross-entropy-{start}")["history"]["dc_db"][0])
        r[start] = c / q
    a1, a2 = _a0("quadratic-start1"), _a0("quadratic-start2")
    alt_zh = (
        "横轴是输出 a（目标 y = 0），纵轴是每一步的大小 |∂C/∂b|。交叉熵是一条直线 a，"
        "二次代价是 a²(1 − a)，先升后降，到 a = 1 时回到 0。"
        f"标出两个起点 a = {a1:.2f} 和 a = {a2:.2f} 处两条曲线上的点。"
    )
    alt_en = (
        "The output a (target y = 0) across, the size of each step |∂C/∂b| up. Cross-entropy is "
        "the straight line a; the quadratic cost is a²(1 − a), which rises, then falls back to 0 "
        f"at a = 1. Both curves are marked at the starts a = {a1:.2f} and a = {a2:.2f}."
    )
    cap_zh = (
        "整个道理就在这张图里：用交叉熵，输出错得越多，步子越大；用二次代价，输出一旦接近 1，"
        f"步子反而缩小。在起点 1，交叉熵的步子是二次代价的 {r['start1']:.1f} 倍，"
        f"在起点 2 是 {r['start2']:.0f} 倍。"
    )
    cap_en = (
        "The whole argument in one picture: with cross-entropy, the more wrong the output, the "
        "bigger the step; with the quadratic cost the step shrinks as the output nears 1. The "
        f"cross-entropy step is {r['start1']:.1f} times the quadratic one at start 1 and "
        f"{r['start2']:.0f} times at start 2."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _neuron(three):
    if not three:
        return (
            "示意图：一个输入 x = 1 经权重 w 连到一个 S 型神经元，偏置 b 也送入神经元，"
            "神经元算出 z = wx + b，输出 a = σ(z)。",
            "文中的例子：只有一个输入、一个神经元。"
            "训练要做的，就是调整 w 和 b，让输出 a 接近目标 0。",
            "Diagram: one input x = 1 feeds a sigmoid neuron through the weight w; the bias b "
            "also enters the neuron, which computes z = wx + b and outputs a = σ(z).",
            "The article's example: one input, one neuron. Training adjusts w and b so that the "
            "output a approaches the target 0.",
        )
    return (
        "示意图：三个输入 x1、x2、x3 分别经权重 w1、w2、w3 连到一个 S 型神经元，"
        "偏置 b 也送入神经元，"
        "神经元算出 z = w1·x1 + w2·x2 + w3·x3 + b，输出 a = σ(z)。",
        "介绍交叉熵时用的神经元：三个输入，每个输入有自己的权重，再加一个偏置。",
        "Diagram: three inputs x1, x2, x3 feed a sigmoid neuron through the weights w1, w2, w3; "
        "the bias b also enters the neuron, which computes z = w1·x1 + w2·x2 + w3·x3 + b and "
        "outputs a = σ(z).",
        "The neuron used to introduce cross-entropy: three inputs, each with its own weight, "
        "plus a bias.",
    )


def _start_map():
    s = _s("quadratic-start1")
    n = start_map.GRID.size
    lo, hi = start_map.GRID[0], start_map.GRID[-1]
    t = start_map.THRESHOLD
    q1, q2 = _below("quadratic-start1", t), _below("quadratic-start2", t)
    c1, c2 = _below("cross-entropy-start1", t), _below("cross-entropy-start2", t)
    alt_zh = (
        f"两幅并排的热图，横轴是起始权重 w，纵轴是起始偏置 b，范围都是 {lo:g} 到 {hi:g}，"
        f"共 {n}×{n} 个起点；颜色表示输出 a 降到 {t:g} 以下用了多少个迭代期，灰色表示 "
        f"{s['epochs']} 个迭代期内没有做到。左图（二次代价）右上方有一大片灰色，"
        f"右图（交叉熵）全是深色。两个起点都标了出来。"
    )
    alt_en = (
        f"Two heat maps side by side: starting weight w across, starting bias b up, both from "
        f"{lo:g} to {hi:g}, {n}×{n} starts. Colour is the number of epochs until the output a is "
        f"below {t:g}; grey means not within {s['epochs']} epochs. The left map (quadratic cost) "
        "has a large grey area in its upper right; the right map (cross-entropy) is dark "
        "everywhere. Both article starts are marked."
    )
    cap_zh = (
        f"从每个起点都按文中的设置训练（η = {s['eta']:g}，x = {s['x']:g}，y = {s['y']:g}）。"
        f"二次代价从起点 1 出发，{_epochs_text(q1, 'zh')} {t:g} 以下；"
        f"从起点 2 出发，{_epochs_text(q2, 'zh')} {t:g} 以下；"
        f"交叉熵分别只要 {c1} 和 {c2} 个迭代期。因为 x = 1，w 和 b 每步走得一样多，"
        "结果只取决于 w + b，所以图上是一条条斜带。"
    )
    cap_en = (
        f"Every start trained with the article's setting (η = {s['eta']:g}, x = {s['x']:g}, "
        f"y = {s['y']:g}). The quadratic cost gets the output below {t:g} "
        f"{_epochs_text(q1, 'en')} from start 1 and {_epochs_text(q2, 'en')} from start 2; "
        f"cross-entropy takes {c1} and {c2} epochs. With x = 1, w and b move by the same step, "
        "so only w + b matters: hence the diagonal bands."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _linear():
    d = linear_neuron.data()
    s = _s("quadratic-start1")
    t = LINEAR_BELOW
    fast = {
        sid: results.first_epoch_below({"history": {"a": a}}, t) for sid, a in d["linear"].items()
    }
    f1, f2 = fast["quadratic-start1"], fast["quadratic-start2"]
    # w and b both step by eta (a - y) x and eta (a - y): z = a shrinks by this factor each epoch.
    factor = 1 - s["eta"] * (s["x"] ** 2 + 1)
    alt_zh = (
        "折线图，纵轴是对数刻度的输出 a，横轴是迭代期。橙色线是线性神经元（a = z），"
        "从两个起点出发都沿直线迅速下降；"
        "蓝色线是 S 型神经元，起点 2 的那条在前面很长一段几乎是平的。"
    )
    alt_en = (
        "Line chart, output a on a log scale against epoch. Orange: the linear neuron (a = z), "
        "falling along a straight line from both starts. Blue: the sigmoid neuron, whose start-2 "
        "curve stays almost flat for a long time."
    )
    cap_zh = (
        f"验证文末那句话：线性神经元 a = z 配二次代价函数，∂C/∂z = a − y，没有 σ′(z) 这个因子。"
        f"取 η = {s['eta']:g}，每个迭代期输出都乘以 {factor:g}（这个因子小于 1，训练才稳定），"
        f"输出分别在第 {f1} 和第 {f2} 个迭代期降到 {t:g} 以下，没有开头的停滞。"
    )
    cap_en = (
        f"Checking the article's last sentence: a linear neuron a = z with the quadratic cost has "
        f"∂C/∂z = a − y, with no σ′(z) factor. With η = {s['eta']:g} the output is multiplied by "
        f"{factor:g} every epoch (a factor below 1, so the run is stable), and drops below {t:g} "
        f"after {f1} and {f2} epochs: no stall at the start."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _reproduce():
    f = {
        k: {st: _a_end(f"{k}-{st}") for st in ("start1", "start2")}
        for k in ("cross-entropy", "cross-entropy-dcda", "cross-entropy-eta0.005")
    }
    eta_big, eta_small = _s("cross-entropy-start1")["eta"], _s("cross-entropy-dcda-start1")["eta"]
    ce, dcda, small = f["cross-entropy"], f["cross-entropy-dcda"], f["cross-entropy-eta0.005"]
    alt_zh = (
        "两幅并排的折线图，左边起点 1，右边起点 2，纵轴是输出 a，横轴是迭代期。每幅三条线："
        f"真实梯度、η = {eta_big:g}，最后 {ce['start1']:.3f} 和 {ce['start2']:.3f}；"
        f"原书动画按 ∂C/∂a 更新、η = {eta_small:g}，"
        f"最后 {dcda['start1']:.3f} 和 {dcda['start2']:.3f}；"
        f"真实梯度、η = {eta_small:g}，最后 {small['start1']:.3f} 和 {small['start2']:.3f}。"
    )
    alt_en = (
        "Two line charts, start 1 on the left and start 2 on the right, output a against epoch, "
        f"three lines each: the true gradient at η = {eta_big:g}, ending at {ce['start1']:.3f} "
        f"and {ce['start2']:.3f}; the book animation's ∂C/∂a step at η = {eta_small:g}, ending at "
        f"{dcda['start1']:.3f} and {dcda['start2']:.3f}; the true gradient at η = {eta_small:g}, "
        f"ending at {small['start1']:.3f} and {small['start2']:.3f}."
    )
    cap_zh = (
        f"文中的 0.04 来自原书动画：它用 η = {eta_small:g}，却按 ∂C/∂a 而不是 ∂C/∂z 更新，"
        f"从起点 1 最后得到 {dcda['start1']:.3f}。按真实梯度、η = {eta_small:g} 只能到 "
        f"{small['start1']:.3f}；按文中“其他都不变”（η = {eta_big:g}）则到 {ce['start1']:.3f}。"
    )
    cap_en = (
        f"The article's 0.04 comes from the book's animation, which uses η = {eta_small:g} but "
        f"steps by ∂C/∂a instead of ∂C/∂z, ending at {dcda['start1']:.3f} from start 1. The true "
        f"gradient at η = {eta_small:g} only reaches {small['start1']:.3f}; with everything else "
        f"unchanged as the article says (η = {eta_big:g}) it reaches {ce['start1']:.3f}."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _entry(fig_id, texts):
    alt_zh, cap_zh, alt_en, cap_en = texts
    return {
        "file": f"{fig_id}-{{lang}}.svg",
        "zh": {"alt": alt_zh, "caption": cap_zh},
        "en": {"alt": alt_en, "caption": cap_en},
    }


def _build():
    texts = {}
    for sid in (
        "quadratic-start1",
        "quadratic-start2",
        "cross-entropy-start1",
        "cross-entropy-start2",
    ):
        texts[f"cost-{sid}"] = _cost_single(sid)
    for start in ("start1", "start2"):
        texts[f"cost-compare-{start}"] = _cost_compare(start)
    texts["sigmoid"] = _sigmoid()
    texts["step-size"] = _step_size()
    texts["neuron-one-input"] = _neuron(three=False)
    texts["neuron-three-inputs"] = _neuron(three=True)
    texts["start-map"] = _start_map()
    texts["linear-neuron"] = _linear()
    texts["reproduce-cross-entropy"] = _reproduce()
    return {fig_id: _entry(fig_id, t) for fig_id, t in texts.items()}


FIGURES = _build()
