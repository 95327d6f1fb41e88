"""Each video's beats: when its epoch clock moves, and what the captions and chapters say.

One source for the scene and its text tracks: a scene plays its beats in order (a held beat
waits, a moving beat runs the clock from one epoch to another under the beat's rate), and the
caption cues are placed where that same clock reaches the epoch they talk about.  Change a
beat's seconds and the scene and its cues move together.  No manim import here.

Every number in a cue is read from the trainer's JSON.
"""

from dataclasses import dataclass
from functools import cache

from figures_src.model import results
from figures_src.videos.timing import (
    INTRO_SECONDS,
    MECHANISM_IDS,
    OUTRO_SECONDS,
    VIDEO_RUNS,
    epochs_for,
    train_seconds,
)

PLUNGE_A = 2 / 3  # a²(1 − a), the quadratic cost's ∂C/∂z for y = 0, peaks at a = 2/3


def linear(alpha):
    return alpha


def slow_start(alpha):
    """Early epochs slowly, later ones fast: the cross-entropy plunge (a dozen epochs) stays
    visible in a beat that also covers the quadratic run's long plateau."""
    return alpha * alpha


RATES = {"linear": linear, "slow-start": slow_start}


@dataclass(frozen=True)
class Beat:
    key: str  # chapter key (CHAPTERS)
    epoch_from: int
    epoch_to: int  # equal to epoch_from: the beat holds still
    seconds: float  # the clock moves for this long ...
    hold: float = 0.0  # ... then stands still for this long
    rate: str = "linear"

    @property
    def duration(self):
        return self.seconds + self.hold

    def epoch_at(self, t):
        """The clock's epoch t seconds into the beat."""
        if self.epoch_to == self.epoch_from or t >= self.seconds:
            return float(self.epoch_to)
        alpha = max(t, 0.0) / self.seconds
        return self.epoch_from + (self.epoch_to - self.epoch_from) * RATES[self.rate](alpha)

    def time_at(self, epoch):
        """Seconds into the beat when the clock first reaches ``epoch`` (bisection: any rate)."""
        if epoch <= self.epoch_from or self.epoch_to == self.epoch_from:
            return 0.0
        lo, hi = 0.0, self.seconds
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if self.epoch_at(mid) < epoch else (lo, mid)
        return hi


CHAPTERS = {
    "zh": {
        "start": "起点",
        "train": "训练",
        "end": "结果",
        "plateau": "平台期（二次代价函数）",
        "plunge": "在 a = 2/3 附近骤降",
        "late": "后期",
    },
    "en": {
        "start": "The start",
        "train": "Training",
        "end": "The result",
        "plateau": "The plateau (quadratic cost)",
        "plunge": "The plunge near a = 2/3",
        "late": "The late phase",
    },
}

COST_NAMES = {
    "zh": {"quadratic": "二次代价函数", "cross-entropy": "交叉熵代价函数"},
    "en": {"quadratic": "quadratic", "cross-entropy": "cross-entropy"},
}

CUE_EPOCHS = 75  # a replay's captions say where the outputs are every 75 epochs


def _f3(value):
    return f"{value:.3f}"


def _a(run, epoch):
    return run["history"]["a"][int(epoch)]


# --- the beats -------------------------------------------------------------------------------


def mechanism_epochs(video_id):
    """(plunge, plateau end, plunge end): the epochs the mechanism scene's beats turn on.

    The plunge is the epoch at which the quadratic output first falls below 2/3, where its
    update is largest; the plateau beat ends at 70 % of it and the plunge beat 35 epochs after
    it (both rounded to tens, so the cues name round epochs).
    """
    quad = results.load(VIDEO_RUNS[video_id][0])
    plunge = results.first_epoch_below(quad, PLUNGE_A)
    plateau_end = 10 * int(0.7 * plunge / 10)
    plunge_end = min(10 * round((plunge + 35) / 10), quad["scenario"]["epochs"])
    return plunge, plateau_end, plunge_end


@cache
def beats(video_id):
    if video_id in MECHANISM_IDS:
        epochs = epochs_for(video_id)
        _, plateau_end, plunge_end = mechanism_epochs(video_id)
        return (
            Beat("start", 0, 0, 0.0, hold=6.0),
            Beat("plateau", 0, plateau_end, 9.0, rate="slow-start"),
            Beat("plunge", plateau_end, plunge_end, 6.0),
            Beat("late", plunge_end, epochs, 5.0, hold=2.0),
        )
    epochs = epochs_for(video_id)
    return (
        Beat("start", 0, 0, 0.0, hold=INTRO_SECONDS),
        Beat("train", 0, epochs, train_seconds(epochs)),
        Beat("end", epochs, epochs, 0.0, hold=OUTRO_SECONDS),
    )


def duration(video_id):
    return sum(beat.duration for beat in beats(video_id))


def beat_starts(video_id):
    """{beat key: its start in seconds}."""
    starts, t = {}, 0.0
    for beat in beats(video_id):
        starts[beat.key] = t
        t += beat.duration
    return starts


def time_of_epoch(video_id, epoch, key):
    """When the clock reaches ``epoch`` during beat ``key``."""
    beat = next(b for b in beats(video_id) if b.key == key)
    return beat_starts(video_id)[key] + beat.time_at(epoch)


# --- the words -------------------------------------------------------------------------------


def chapters(video_id, lang):
    """[(start, end, title)] one chapter per beat."""
    out, t = [], 0.0
    for beat in beats(video_id):
        out.append((t, t + beat.duration, CHAPTERS[lang][beat.key]))
        t += beat.duration
    return out


def _replay_cues(video_id, lang):
    """(time, text) for a replay: the start, every CUE_EPOCHS epochs, the end."""
    runs = [results.load(run_id) for run_id in VIDEO_RUNS[video_id]]
    scenario = runs[0]["scenario"]
    epochs = epochs_for(video_id)
    names = COST_NAMES[lang]

    def outputs(epoch):
        if len(runs) == 1:
            return f"a = {_f3(_a(runs[0], epoch))}"
        parts = [f"{names[r['scenario']['cost']]} a = {_f3(_a(r, epoch))}" for r in runs]
        return ("，" if lang == "zh" else "; ").join(parts)

    w0, b0 = f"{scenario['w0']:.1f}", f"{scenario['b0']:.1f}"
    if lang == "zh":
        cues = [(0.0, f"起点 w = {w0}、b = {b0}：{outputs(0)}")]
        say = "第 {e} 个迭代期：{out}"
        end = f"{epochs} 个迭代期后：{outputs(epochs)}"
    else:
        cues = [(0.0, f"Start at w = {w0}, b = {b0}: {outputs(0)}")]
        say = "Epoch {e}: {out}"
        end = f"After {epochs} epochs: {outputs(epochs)}"
    for epoch in range(CUE_EPOCHS, epochs, CUE_EPOCHS):
        cues.append(
            (time_of_epoch(video_id, epoch, "train"), say.format(e=epoch, out=outputs(epoch)))
        )
    cues.append((beat_starts(video_id)["end"], end))
    return cues


def mechanism_facts(video_id):
    """The numbers the mechanism scene's captions quote, all from the trainer's JSON."""
    quad, cross = (results.load(run_id) for run_id in VIDEO_RUNS[video_id])
    plunge, plateau_end, plunge_end = mechanism_epochs(video_id)
    hq, hc = quad["history"], cross["history"]
    epochs = quad["scenario"]["epochs"]
    a0 = hq["a"][0]
    return {
        "w0": f"{quad['scenario']['w0']:.1f}",
        "b0": f"{quad['scenario']['b0']:.1f}",
        "z0": f"{hq['z'][0]:.1f}",
        "a0": _f3(a0),
        "sigma_prime0": _f3(a0 * (1 - a0)),
        "slope_q0": _f3(hq["dc_db"][0]),
        "slope_c0": _f3(hc["dc_db"][0]),
        "ratio0": f"{hc['dc_db'][0] / hq['dc_db'][0]:.0f}",
        "cross_below": results.first_epoch_below(cross, PLUNGE_A),
        "plateau_end": plateau_end,
        "a_q_plateau": _f3(hq["a"][plateau_end]),
        "a_c_plateau": _f3(hc["a"][plateau_end]),
        "plunge": plunge,
        "a_q_plunge": _f3(hq["a"][plunge]),
        "slope_q_plunge": _f3(hq["dc_db"][plunge]),
        "plunge_end": plunge_end,
        "epochs": epochs,
        "a_q_end": _f3(hq["a"][epochs]),
        "a_c_end": _f3(hc["a"][epochs]),
        "slope_q_end": f"{hq['dc_db'][epochs]:.4f}",
        "slope_c_end": f"{hc['dc_db'][epochs]:.4f}",
    }


MECHANISM_WORDS = {
    "zh": {
        "start": "起点：w = {w0}、b = {b0}，带权输入 z = {z0}，输出 a = {a0}",
        "slopes": "切线的斜率就是 ∂C/∂z：二次代价函数是 a·σ′(z) = {slope_q0}，"
        "交叉熵代价函数是 a = {slope_c0}",
        "sigma": "二次代价函数的斜率被 σ′(z) = {sigma_prime0} 压小了",
        "cross_below": "第 {cross_below} 个迭代期：交叉熵代价函数的输出已低于 2/3",
        "plateau": "第 {plateau_end} 个迭代期：二次代价函数的输出仍是 {a_q_plateau}，"
        "交叉熵代价函数的是 {a_c_plateau}",
        "plunge": "第 {plunge} 个迭代期：二次代价函数的 a 降到 {a_q_plunge}，"
        "a²(1 − a) 在 a = 2/3 处最大，更新量也最大",
        "late": "后期：a 接近 0 时 σ′(z) ≈ a，二次代价函数每一步只挪动约 a²，交叉熵约 a",
        "end": "{epochs} 个迭代期后：二次代价函数 a = {a_q_end}，交叉熵代价函数 a = {a_c_end}",
    },
    "en": {
        "start": "Start: w = {w0}, b = {b0}, weighted input z = {z0}, output a = {a0}",
        "slopes": "The tangent's slope is ∂C/∂z: a·σ′(z) = {slope_q0} for the quadratic cost, "
        "a = {slope_c0} for cross-entropy",
        "sigma": "The quadratic slope is held down by σ′(z) = {sigma_prime0}",
        "cross_below": "Epoch {cross_below}: the cross-entropy output is already below 2/3",
        "plateau": "Epoch {plateau_end}: the quadratic output is still {a_q_plateau}, "
        "cross-entropy's is {a_c_plateau}",
        "plunge": "Epoch {plunge}: the quadratic a reaches {a_q_plunge}; a²(1 − a) peaks at "
        "a = 2/3, and so does its update",
        "late": "Late phase: near a = 0, σ′(z) ≈ a, so the quadratic update is about a², "
        "cross-entropy's about a",
        "end": "After {epochs} epochs: quadratic a = {a_q_end}, cross-entropy a = {a_c_end}",
    },
}


def _mechanism_cues(video_id, lang):
    facts = mechanism_facts(video_id)
    words = {key: text.format(**facts) for key, text in MECHANISM_WORDS[lang].items()}
    starts = beat_starts(video_id)
    late = next(b for b in beats(video_id) if b.key == "late")
    cues = [
        (0.0, words["start"]),
        (2.0, words["slopes"]),
        (4.0, words["sigma"]),
        (time_of_epoch(video_id, facts["cross_below"], "plateau"), words["cross_below"]),
        (starts["plunge"], words["plateau"]),
        (time_of_epoch(video_id, facts["plunge"], "plunge"), words["plunge"]),
        (starts["late"], words["late"]),
        (starts["late"] + late.seconds, words["end"]),
    ]
    return sorted(cues, key=lambda cue: cue[0])


def cues(video_id, lang):
    """[(start, end, text)]: each cue lasts until the next, the last until the video ends."""
    timed = _mechanism_cues(video_id, lang) if video_id in MECHANISM_IDS else None
    timed = timed or _replay_cues(video_id, lang)
    ends = [t for t, _ in timed[1:]] + [duration(video_id)]
    return [(round(t, 3), round(end, 3), text) for (t, text), end in zip(timed, ends, strict=True)]
