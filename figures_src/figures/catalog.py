"""Alt text and caption of every figure, in both languages.

``FIGURES[id] = {"file": "<id>-{lang>.svg", "zh": {"alt", "caption"}, "en": {...}}``.
Alt text says what the figure shows (for screen readers); the caption says what to learn
from it.  Every number is formatted here from the trainer's JSON, never typed.
"""

from figures_src.figures import late_phase, linear_neuron, plateau_length, start_map
from figures_src.model import analysis, results
from figures_src.model.scenarios import SLOW_EPOCH
from figures_src.model.trainer import sigmoid_prime

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
        f"二次代价函数的输出从 {_a0(q):.2f} 降到 {_a_end(q):.2f}，"
        f"交叉熵的输出降到 {_a_end(c):.3f}。"
    )
    alt_en = (
        f"Two line charts side by side, both from w = {s['w0']:g}, b = {s['b0']:g} "
        f"(η = {s['eta']:g}): the output a on the left, the cost on the right; blue is the "
        f"quadratic cost, vermillion the cross-entropy cost. With the quadratic cost the output "
        f"goes from {_a0(q):.2f} to {_a_end(q):.2f}, with cross-entropy to {_a_end(c):.3f}."
    )
    cap_zh = (
        f"同一个起点，只换代价函数：要让输出降到 {t:g} 以下，交叉熵用了 {bc} 个迭代期，"
        + (
            f"二次代价函数用了 {bq} 个。"
            if bq is not None
            else "二次代价函数直到训练结束都没有做到。"
        )
        + "两种代价的数值单位不同，所以左图比较的是两者都有的输出 a。"
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
        "横轴是输出 a（目标 y = 0），纵轴是梯度 |∂C/∂b|。交叉熵是一条直线 a，"
        "二次代价函数是 a²(1 − a)，先升后降，在 a = 2/3 处最高，到 a = 1 时回到 0。"
        f"标出两个起点 a = {a1:.2f} 和 a = {a2:.2f} 处两条曲线上的点。"
    )
    alt_en = (
        "The output a (target y = 0) across, the gradient |∂C/∂b| up. Cross-entropy is the "
        "straight line a; the quadratic cost is a²(1 − a), which rises to its peak at a = 2/3, "
        f"then falls back to 0 at a = 1. Both curves are marked at the starts a = {a1:.2f} and "
        f"a = {a2:.2f}."
    )
    cap_zh = (
        "整个道理就在这张图里：用交叉熵，输出错得越多，梯度越大；用二次代价函数，输出一旦高过 2/3，"
        "越接近 1 梯度反而越小。每一步的更新量是 η 乘以梯度（x = 1 时 z 挪动它的两倍），"
        f"所以在起点 1，交叉熵的更新量是二次代价函数的 {r['start1']:.1f} 倍，"
        f"在起点 2 是 {r['start2']:.0f} 倍。"
    )
    cap_en = (
        "The whole argument in one picture: with cross-entropy, the more wrong the output, the "
        "larger the gradient; with the quadratic cost, once the output is above 2/3 the gradient "
        "shrinks as the output nears 1. Each update is η times the gradient (with x = 1, z moves "
        f"by twice that), so the cross-entropy update is {r['start1']:.1f} times the quadratic "
        f"one at start 1 and {r['start2']:.0f} times at start 2."
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
        f"{s['epochs']} 个迭代期内没有做到。左图（二次代价函数）右上方有一大片灰色，"
        f"右图（交叉熵）全是深色。两个起点都标了出来。"
    )
    alt_en = (
        f"Two heat maps side by side: starting weight w across, starting bias b up, both from "
        f"{lo:g} to {hi:g}, {n}×{n} starts. Colour is the number of epochs until the output a is "
        f"below {t:g}; grey means not within {s['epochs']} epochs. The left map (quadratic cost) "
        "has a large grey area in its upper right; the right map (cross-entropy) is dark "
        "everywhere. Both article starts are marked."
    )
    d = _run(analysis.DATA_ID)
    late, never = d["late"]["quadratic"]["closed"], d["below01"]["quadratic"]["never_from"]
    cap_zh = (
        f"从每个起点都按文中的设置训练（η = {s['eta']:g}，x = {s['x']:g}，y = {s['y']:g}）。"
        f"二次代价函数从起点 1 出发，{_epochs_text(q1, 'zh')} {t:g} 以下；"
        f"从起点 2 出发，{_epochs_text(q2, 'zh')} {t:g} 以下；"
        f"交叉熵分别只要 {c1} 和 {c2} 个迭代期。因为 x = 1，w 和 b 每步走得一样多，"
        "结果只取决于 w + b，所以图上是一条条斜带。颜色量的是开头的平台期加上后期的总和："
        f"二次代价函数光是从 a = 2/3 降到 {t:g}（后期）就要约 {late:.0f} 个迭代期，"
        f"所以 w + b ≥ {never:g} 的起点都来不及，哪怕那里的 σ′(z) 并不小。"
    )
    cap_en = (
        f"Every start trained with the article's setting (η = {s['eta']:g}, x = {s['x']:g}, "
        f"y = {s['y']:g}). The quadratic cost gets the output below {t:g} "
        f"{_epochs_text(q1, 'en')} from start 1 and {_epochs_text(q2, 'en')} from start 2; "
        f"cross-entropy takes {c1} and {c2} epochs. With x = 1, w and b move by the same step, "
        "so only w + b matters: hence the diagonal bands. The colour counts the opening plateau "
        f"and the late phase together: the quadratic cost needs about {late:.0f} epochs just to "
        f"get from a = 2/3 down to {t:g} (the late phase), so no start with w + b ≥ {never:g} "
        "makes it in time, even where σ′(z) is not small."
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


def _cost_of_z():
    s = _s("quadratic-start1")
    z1, z2 = (_run(f"quadratic-{st}")["history"]["z"][0] for st in ("start1", "start2"))
    q2 = abs(_run("quadratic-start2")["history"]["dc_db"][0])
    c2 = abs(_run("cross-entropy-start2")["history"]["dc_db"][0])
    alt_zh = (
        "三幅图，横轴都是带权输入 z（−6 到 6），目标 y = 0。上左：二次代价函数 σ(z)²/2，"
        "两端都变平；上右：交叉熵 ln(1 + e^z)，左端变平，右端变成斜率为 1 的斜坡。"
        f"两幅图上都标出两个起点 z = {z1:g} 和 z = {z2:g}。下面一幅是两者的坡度 ∂C/∂z："
        "二次代价函数的 a²(1 − a) 是一个低矮的鼓包，两端都趋近 0；交叉熵的 a 从 0 一直升到 1。"
    )
    alt_en = (
        "Three charts, each with the weighted input z (−6 to 6) across and target y = 0. Top "
        "left: the quadratic cost σ(z)²/2, flat at both ends. Top right: the cross-entropy "
        "ln(1 + e^z), flat on the left and a ramp of slope 1 on the right. Both mark the starts "
        f"z = {z1:g} and z = {z2:g}. Bottom: their slopes ∂C/∂z; the quadratic a²(1 − a) is a "
        "low bump that goes to 0 at both ends, the cross-entropy a rises from 0 to 1."
    )
    cap_zh = (
        "x = 1 时 w 和 b 一起挪动，整个训练只看 z = w + b：每个迭代期 z 沿代价曲线往下挪 "
        f"2η × 坡度（η = {s['eta']:g}）。在起点 2，二次代价函数的坡度只有 {q2:.4f}，交叉熵是 "
        f"{c2:.2f}。z 很负、输出接近 0 时，二次代价函数的坡度约为 a²，交叉熵的是 a，"
        "所以二次代价函数在结尾同样慢。"
    )
    cap_en = (
        "With x = 1, w and b move together and the whole run depends only on z = w + b: each "
        f"epoch z rolls down the cost curve by 2η × slope (η = {s['eta']:g}). At start 2 the "
        f"quadratic slope is only {q2:.4f}, the cross-entropy slope {c2:.2f}. Where z is very "
        "negative and the output is near 0, the quadratic slope is about a², the cross-entropy "
        "slope a: so the quadratic cost is slow at the end as well."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _late_phase():
    d = late_phase.data()
    last = int(d["t"][-1])
    t, eta = _run(analysis.DATA_ID)["asymptote"]["t"], d["eta"]
    aq, ac = (_run(analysis.DATA_ID)["asymptote"][c] for c in ("quadratic", "cross-entropy"))
    q1, c1, c2 = (
        _a_end("quadratic-start1"),
        _a_end("cross-entropy-start1"),
        _a_end("cross-entropy-start2"),
    )
    alt_zh = (
        f"对数坐标的折线图：横轴是迭代期 t（1 到 {last}），纵轴是输出 a。四条线是文中的四次训练"
        f"（二次代价函数和交叉熵各两个起点，η = {eta:g}），一直训练到第 {last} 个迭代期；"
        "两条点线是渐近线 a ≈ 1/√(4ηt) 和 a ≈ 1/(2ηt)，第 "
        f"{t} 个迭代期处有一条竖线。交叉熵的两条线很快贴到 1/(2ηt) 上；"
        "二次代价函数的两条线要晚得多才贴到 1/√(4ηt) 上，下降得慢得多。"
    )
    alt_en = (
        f"Log-log line chart: epoch t (1 to {last}) across, the output a up. Four lines are the "
        f"article's four runs (quadratic and cross-entropy, two starts each, η = {eta:g}), "
        f"continued to epoch {last}; two dotted lines are the asymptotes a ≈ 1/√(4ηt) and "
        f"a ≈ 1/(2ηt); a vertical line marks epoch {t}. Both cross-entropy lines soon lie on "
        "1/(2ηt); the quadratic lines reach 1/√(4ηt) much later and fall much more slowly."
    )
    cap_zh = (
        "输出接近 0 时 σ′(z) ≈ a，二次代价函数的梯度约为 a²，交叉熵的是 a，"
        "所以二次代价函数按 1/√(4ηt) 下降，交叉熵按 1/(2ηt) 下降。"
        f"第 {t} 个迭代期时两条渐近线分别是 {aq:.3f} 和 {ac:.3f}，训练器给出二次代价函数（起点 1）"
        f"{q1:.3f}，交叉熵 {c1:.4f} 和 {c2:.4f}。"
        "交叉熵的两次训练最后几乎重合：后期不记得从哪里出发。"
    )
    cap_en = (
        "Near a = 0, σ′(z) ≈ a, so the quadratic gradient is about a² and the cross-entropy one "
        "a: the quadratic output falls like 1/√(4ηt), the cross-entropy output like 1/(2ηt). At "
        f"epoch {t} the asymptotes give {aq:.3f} and {ac:.3f}; the trainer gives {q1:.3f} "
        f"(quadratic, start 1) and {c1:.4f} and {c2:.4f} (cross-entropy). The two cross-entropy "
        "runs end almost together: the late phase forgets where the run began."
    )
    return alt_zh, cap_zh, alt_en, cap_en


def _plateau_length():
    d = plateau_length.data()
    p, late = _run(analysis.DATA_ID)["plateau"], _run(analysis.DATA_ID)["late"]
    lo, hi = d["z0"][0], d["z0"][-1]
    q8, c8 = d["plateau"]["quadratic"][-1], d["plateau"]["cross-entropy"][-1]
    q4, c4 = p["quadratic"]["z4"], p["cross-entropy"]["z4"]
    lq, lc = late["quadratic"]["closed"], late["cross-entropy"]["closed"]
    alt_zh = (
        f"散点加曲线图，横轴是起点的带权输入 z₀ = w₀ + b₀（{lo:g} 到 {hi:g}），纵轴是迭代期数"
        "（对数刻度）。实心点是训练器测得的平台期（输出降到 2/3 以下所用的迭代期），"
        "空心方块是后期（从 2/3 再降到 0.1 以下所用的迭代期）；蓝色是二次代价函数，橙红色是交叉熵，"
        "实线和虚线是对应的闭式解。二次代价函数的平台期随 z₀ 指数增长，"
        f"到 z₀ = {hi:g} 要 {q8} 个迭代期；交叉熵的只线性增长，到 z₀ = {hi:g} 也只要 {c8} 个。"
        f"两种代价的后期都是水平线，分别约 {lq:.0f} 和 {lc:.0f} 个迭代期。"
    )
    alt_en = (
        f"Dots over lines: the starting weighted input z₀ = w₀ + b₀ ({lo:g} to {hi:g}) across, "
        "epochs (log scale) up. Filled dots are the trainer's plateau (epochs until the output "
        "is below 2/3), open squares its late phase (epochs from there until it is below 0.1); "
        "blue is the quadratic cost, vermillion cross-entropy; solid and dashed lines are the "
        "closed forms. The quadratic plateau grows exponentially with z₀, to "
        f"{q8} epochs at z₀ = {hi:g}; the cross-entropy one grows linearly, to only {c8}. Both "
        f"late phases are flat lines, about {lq:.0f} and {lc:.0f} epochs."
    )
    cap_zh = (
        f"这张图分开量两段时间（η = {d['eta']:g}）：平台期是输出 a 从起点降到 2/3 以下所用的"
        "迭代期，后期是从 2/3 再降到 0.1 以下所用的迭代期。点是训练器的结果，线是闭式解 "
        "[F(z₀) − F(ln 2)]/(2η)。从起点 2（z₀ = 4）出发，二次代价函数的平台期是 "
        f"{q4['trainer']} 个迭代期（闭式解 {q4['closed']:.1f}），交叉熵是 {c4['trainer']} 个"
        f"（{c4['closed']:.1f}）。后期与起点无关："
        f"二次代价函数约 {lq:.0f} 个，交叉熵约 {lc:.0f} 个。"
    )
    cap_en = (
        f"Two stretches measured separately (η = {d['eta']:g}): the plateau is the number of "
        "epochs until the output a is below 2/3, the late phase the number of epochs from there "
        "until it is below 0.1. Dots are the trainer, lines the closed forms "
        "[F(z₀) − F(ln 2)]/(2η). From start 2 (z₀ = 4) the quadratic plateau lasts "
        f"{q4['trainer']} epochs (closed form {q4['closed']:.1f}), the cross-entropy one "
        f"{c4['trainer']} ({c4['closed']:.1f}). The late phase does not depend on the start: "
        f"about {lq:.0f} epochs for the quadratic cost, {lc:.0f} for cross-entropy."
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
    texts["cost-of-z"] = _cost_of_z()
    texts["late-phase"] = _late_phase()
    texts["plateau-length"] = _plateau_length()
    return {fig_id: _entry(fig_id, t) for fig_id, t in texts.items()}


FIGURES = _build()
