"""Alt text, caption and size of every video, in both languages.

``VIDEOS[id] = {"file": "<id>-{lang}.mp4", "poster": "<id>-{lang}.jpg",
"captions": "<id>-{lang}.vtt", "chapters": "<id>-{lang}.chapters.vtt", "duration": seconds,
"width": px, "height": px, "zh": {"alt", "caption"}, "en": {"alt", "caption"}}``.
The duration is the scenes' clock (videos/timeline.py; the browser tests compare it with the
played length); the text tracks are written by figures_src/videos/captions.py from the same clock;
every number in the words is formatted from the trainer's JSON, never typed.
"""

from figures_src.model import results
from figures_src.model.scenarios import SLOW_EPOCH
from figures_src.videos import captions
from figures_src.videos.timeline import mechanism_facts
from figures_src.videos.timing import MECHANISM_IDS, QUALITIES, VIDEO_IDS, VIDEO_RUNS, duration_for

BUDGET_BYTES = 400 * 1024  # every site video (1280x720 H.264): the tests and the bench check it
FAST_BELOW = 0.1  # how low the cross-entropy output is followed in the captions

COST_NAMES = {
    "zh": {"quadratic": "二次代价函数", "cross-entropy": "交叉熵代价函数"},
    "en": {"quadratic": "the quadratic cost", "cross-entropy": "the cross-entropy cost"},
}


def _fmt(value):
    return f"{value:.3f}"


def _facts(scenario_id):
    """The numbers the words quote about one run."""
    run = results.load(scenario_id)
    s, history = run["scenario"], run["history"]
    return {
        "cost": s["cost"],
        "w0": f"{s['w0']:.1f}",  # as the scenario titles write them: 2.0, not 2
        "b0": f"{s['b0']:.1f}",
        "eta": f"{s['eta']:g}",
        "epochs": s["epochs"],
        "a0": _fmt(history["a"][0]),
        "a_end": _fmt(run["final"]["a"]),
        "a_slow": _fmt(history["a"][SLOW_EPOCH]),
        "below": results.first_epoch_below(run, FAST_BELOW),
    }


def _alt(lang, facts_list):
    """What is on screen, for someone who cannot see it."""
    f = facts_list[0]
    if lang == "zh":
        if len(facts_list) == 1:
            who = f"一个 S 型神经元用{COST_NAMES['zh'][f['cost']]}训练"
        else:
            who = (
                "两个相同的 S 型神经元上下排列，上面用二次代价函数、下面用交叉熵代价函数，同时训练"
            )
        return (
            f"动画：{who}，输入 x = 1，从 w = {f['w0']}、b = {f['b0']} 出发，"
            f"学习率 η = {f['eta']}，共 {f['epochs']} 个迭代期。"
            + (
                "左边实时显示 w、b 和输出 a，右上角是迭代期计数，右边的代价曲线随训练逐步画出。"
                if len(facts_list) == 1
                else "左边实时显示两个神经元的 w、b、输出 a，名称旁边是各自的代价 C，"
                "右上角是迭代期计数；右边在同一个纵轴（0 到 1）上随训练逐步画出两个输出 a，"
                "颜色与代价函数的名称相同。"
            )
        )
    if len(facts_list) == 1:
        who = f"a sigmoid neuron is trained with {COST_NAMES['en'][f['cost']]}"
    else:
        who = (
            "two identical sigmoid neurons, one above the other, are trained side by side, "
            "the upper with the quadratic cost and the lower with the cross-entropy cost"
        )
    return (
        f"Animation: {who}, with input x = 1, from w = {f['w0']}, b = {f['b0']}, at learning "
        f"rate η = {f['eta']} for {f['epochs']} epochs. "
        + (
            "Live readouts of w, b and the output a sit on the left, an epoch counter at the "
            "top right, and the cost curve draws itself on the right."
            if len(facts_list) == 1
            else "Live readouts of each neuron's w, b and output a sit on the left, its cost C "
            "beside its name, and an epoch counter at the top right; on the right both outputs "
            "a draw themselves on one shared axis from 0 to 1, each in its cost's colour."
        )
    )


def _run_caption(lang, f):
    """What to notice in one run."""
    slow = f["cost"] == "quadratic" and float(f["a_slow"]) > 0.5
    if lang == "zh":
        head = (
            f"{COST_NAMES['zh'][f['cost']]}，从 w = {f['w0']}、b = {f['b0']} 出发："
            f"输出 a 从 {f['a0']} "
        )
        if slow:
            return head + (
                f"开始，前 {SLOW_EPOCH} 个迭代期几乎不动（此时仍是 {f['a_slow']}），"
                "之后才明显下降，"
                f"{f['epochs']} 个迭代期后为 {f['a_end']}。"
            )
        if f["cost"] == "quadratic":
            return head + f"开始稳步下降，{f['epochs']} 个迭代期后为 {f['a_end']}。"
        return head + (
            f"开始立刻快速下降，第 {f['below']} 个迭代期就低于 {FAST_BELOW:g}，"
            f"{f['epochs']} 个迭代期后为 {f['a_end']}。"
        )
    head = (
        f"{COST_NAMES['en'][f['cost']].capitalize()} from w = {f['w0']}, b = {f['b0']}: "
        f"the output a starts at {f['a0']}"
    )
    if slow:
        return head + (
            f" and hardly moves for the first {SLOW_EPOCH} epochs (still {f['a_slow']}); only "
            f"then does it fall, ending at {f['a_end']} after {f['epochs']} epochs."
        )
    if f["cost"] == "quadratic":
        return head + f" and falls steadily to {f['a_end']} after {f['epochs']} epochs."
    return head + (
        f" and falls at once: below {FAST_BELOW:g} after {f['below']} epochs, "
        f"{f['a_end']} after {f['epochs']}."
    )


def _compare_caption(lang, quad, cross):
    if lang == "zh":
        return (
            f"同一起点 w = {quad['w0']}、b = {quad['b0']}，同一个时钟："
            f"{quad['epochs']} 个迭代期后，"
            f"二次代价函数的输出是 {quad['a_end']}，交叉熵代价函数的输出是 {cross['a_end']}；"
            f"交叉熵在第 {cross['below']} 个迭代期就已低于 {FAST_BELOW:g}。"
        )
    return (
        f"Same start w = {quad['w0']}, b = {quad['b0']}, same clock: after {quad['epochs']} epochs "
        f"the quadratic cost leaves the output at {quad['a_end']} and the cross-entropy cost at "
        f"{cross['a_end']}; the cross-entropy run was below {FAST_BELOW:g} "
        f"by epoch {cross['below']}."
    )


def _mechanism_alt(lang, f):
    """The four chapters of the mechanism scene, for someone who cannot see them."""
    if lang == "zh":
        return (
            f"动画分四章，两种代价函数左右并排、共用一个时钟，都从 w = {f['w0']}、b = {f['b0']} "
            "出发。左边画二次代价函数、右边画交叉熵代价函数，横轴是带权输入 z，"
            "曲线是代价 C 随 z 的变化；一个点标出神经元当前的 z，点上的切线斜率就是 ∂C/∂z。"
            "每个面板下方实时显示 z、a、斜率，二次代价函数还有 σ′(z) 的数值和长条，"
            "最后一条长条是每个迭代期 z 挪动的量，两边用同一个比例。"
            f"起点：z = {f['z0']}，a = {f['a0']}，σ′(z) = {f['sigma_prime0']}，"
            f"二次代价函数的斜率只有 {f['slope_q0']}，交叉熵代价函数的是 {f['slope_c0']}。"
            f"平台期：交叉熵的点迅速滑下曲线，第 {f['cross_below']} 个迭代期输出已低于 2/3；"
            f"二次代价函数的点在第 {f['plateau_end']} 个迭代期仍停在 a = {f['a_q_plateau']}。"
            f"骤降：第 {f['plunge']} 个迭代期 a 降到 {f['a_q_plunge']}，"
            "a²(1 − a) 在 a = 2/3 处最大，二次代价函数的更新量也最大。"
            "后期：两边的斜率都变小，二次代价函数约为 a²，交叉熵约为 a；"
            f"{f['epochs']} 个迭代期后二次代价函数 a = {f['a_q_end']}，交叉熵 a = {f['a_c_end']}。"
        )
    return (
        f"An animation in four chapters: both costs side by side on one clock, from w = {f['w0']}, "
        f"b = {f['b0']}. Left the quadratic cost, right the cross-entropy cost, each drawn as the "
        "cost C against the weighted input z; a dot marks the neuron's current z, and the slope "
        "of the tangent at the dot is ∂C/∂z. Under each panel: live z, a and slope; for the "
        "quadratic cost also σ′(z) as a number and a bar; last, how far z moves per epoch, as a "
        f"bar on one scale for both. The start: z = {f['z0']}, a = {f['a0']}, "
        f"σ′(z) = {f['sigma_prime0']}, so the quadratic slope is only {f['slope_q0']} against "
        f"{f['slope_c0']} for cross-entropy. The plateau: the cross-entropy dot slides down its "
        f"curve and is below a = 2/3 by epoch {f['cross_below']}; the quadratic dot is still at "
        f"a = {f['a_q_plateau']} at epoch {f['plateau_end']}. The plunge: at epoch {f['plunge']} "
        f"a reaches {f['a_q_plunge']}; a²(1 − a) and the quadratic update peak at a = 2/3. The "
        "late phase: both slopes shrink, about a² for the quadratic cost against a for "
        f"cross-entropy; after {f['epochs']} epochs a is {f['a_q_end']} (quadratic) and "
        f"{f['a_c_end']} (cross-entropy)."
    )


def _mechanism_caption(lang, f):
    if lang == "zh":
        return (
            f"为什么二次代价函数学得慢：从 w = {f['w0']}、b = {f['b0']} 出发，"
            f"二次代价函数的斜率 ∂C/∂z = a·σ′(z) 被 σ′(z) = {f['sigma_prime0']} 压到 "
            f"{f['slope_q0']}，交叉熵代价函数的斜率是 a = {f['slope_c0']}，"
            "所以每个迭代期的更新量相差很大。"
        )
    return (
        f"Why the quadratic cost is slow: from w = {f['w0']}, b = {f['b0']} its slope "
        f"∂C/∂z = a·σ′(z) is held down by σ′(z) = {f['sigma_prime0']} to {f['slope_q0']}, while "
        f"the cross-entropy slope is a = {f['slope_c0']}, so their updates per epoch differ widely."
    )


def _entry(video_id):
    facts_list = [_facts(run_id) for run_id in VIDEO_RUNS[video_id]]
    site = QUALITIES["site"]
    entry = {
        "file": f"{video_id}-{{lang}}.mp4",
        "poster": f"{video_id}-{{lang}}.jpg",
        "captions": captions.CAPTIONS.format(video_id=video_id, lang="{lang}"),
        "chapters": captions.CHAPTERS.format(video_id=video_id, lang="{lang}"),
        "duration": float(duration_for(video_id)),
        "width": site["width"],
        "height": site["height"],
    }
    for lang in ("zh", "en"):
        if video_id in MECHANISM_IDS:
            f = mechanism_facts(video_id)
            entry[lang] = {"alt": _mechanism_alt(lang, f), "caption": _mechanism_caption(lang, f)}
            continue
        if len(facts_list) == 1:
            caption = _run_caption(lang, facts_list[0])
        else:
            caption = _compare_caption(lang, *facts_list)
        entry[lang] = {"alt": _alt(lang, facts_list), "caption": caption}
    return entry


VIDEOS = {video_id: _entry(video_id) for video_id in VIDEO_IDS}
