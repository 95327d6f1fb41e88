"""Exercises (hooks/exercises.py): twins in both languages, answers from the JSON, bad markup
stops the build; and the claims the exercises and the pages around them make about the runs.

Reads site/ like tests/test_site.py (`make site` first).  The browser side (typing answers,
keyboard, no JavaScript) is tests/browser/test_browser_exercises.py.
"""

import json
import math
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks import exercises

ROOT = Path(__file__).resolve().parent.parent

SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
DOCS = ROOT / "docs"
DATA = DOCS / "generated" / "data"
# The derivation pages end with 2-4 exercises each.
EXERCISE_PAGES = ("learning", "slowdown", "cross-entropy", "in-action")
ANSWER_LINE = re.compile(r"^= (\S+) (\S+) ", re.MULTILINE)
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)  # examples, not exercises


def _source(path):
    return FENCE.sub("", path.read_text("utf-8"))


def _html_path(name, lang):
    prefix = SITE / "en" if lang == "en" else SITE
    return prefix / "index.html" if name == "index" else prefix / name / "index.html"


def _analysis():
    return json.loads((DATA / "analysis.json").read_text())


def _soup(name, lang):
    path = _html_path(name, lang)
    if not path.is_file():
        pytest.fail(f"{path} is not built: run `make site`")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _summary(soup):
    """What must agree between twins: id, kind, answer, tolerance, options, hint kinds."""
    found = []
    for box in soup.select("div.exercise"):
        found.append(
            (
                box["id"],
                box["data-kind"],
                box["data-answer"],
                box.get("data-tolerance"),
                [o["data-option"] for o in box.select(".exercise-option")],
                [(h["data-when"], h.get("data-near")) for h in box.select(".exercise-hint")],
            )
        )
    return found


@pytest.mark.parametrize("name", EXERCISE_PAGES)
def test_every_exercise_has_a_twin_with_the_same_answer(name, site):
    zh, en = _summary(_soup(name, "zh")), _summary(_soup(name, "en"))
    assert 2 <= len(zh) <= 4, f"{name}: {len(zh)} exercises"
    assert zh == en


def _pages_with_exercises():
    return [p for p in sorted(DOCS.glob("*.md")) if "\n::: exercise " in _source(p)]


def test_every_exercise_reads_without_javascript(site):
    """No form in the HTML: the question, then the answer inside a closed <details>."""
    checked = 0
    for source in _pages_with_exercises():
        name, *rest = source.name.split(".")
        soup = _soup(name, "en" if rest[0] == "en" else "zh")
        for box in soup.select("div.exercise"):
            answer = box.select_one(":scope > details.exercise-answer")
            assert answer is not None and not answer.has_attr("open"), box["id"]
            assert answer.select_one(":scope > summary").get_text(strip=True)
            shown = answer.select_one(":scope > p > strong").get_text()
            if box["data-kind"] == "choice":
                assert shown.endswith(box["data-answer"]), box["id"]
                assert len(box.select(".exercise-option")) >= 2
            else:
                assert box.select_one("span.num") is not None
            assert box.select_one("h3").get_text(strip=True)
            assert not box.select("form, input, button")
            for hint in box.select(".exercise-hint"):
                assert hint.has_attr("hidden") and hint.get_text(strip=True)
            checked += 1
    assert checked >= 2 * 2 * len(EXERCISE_PAGES)


def test_number_answers_come_from_the_json(site):
    for source in _pages_with_exercises():
        text = _source(source)
        expected = []
        for scenario, path in ANSWER_LINE.findall(text):
            value = json.loads((DATA / f"{scenario}.json").read_text())
            for key in path.split("."):
                value = value[int(key)] if isinstance(value, list) else value[key]
            expected.append(float(value))
        name, *rest = source.name.split(".")
        soup = _soup(name, "en" if rest[0] == "en" else "zh")
        numbers = [float(b["data-answer"]) for b in soup.select("div.exercise[data-kind=number]")]
        assert numbers == expected, source.name


def test_the_assets_are_on_every_page(site):
    from hooks import site_assets

    for lang in ("zh", "en"):
        html = _html_path("cross-entropy", lang).read_text(encoding="utf-8")
        assert "assets/exercises.js" in html and site_assets.STYLE in html
    assert (SITE / "assets" / "exercises.js").is_file()
    rules = (ROOT / "docs" / "assets" / "exercises.css").read_text(encoding="utf-8")
    assert rules in (SITE / site_assets.STYLE).read_text(encoding="utf-8")


# --- the hook: bad markup stops the build with a line naming the page -----------------------

GOOD_CHOICE = "- [ ] no :: hint\n- [x] yes\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Question?\n::: solution\nWhy.\n:::", "needs either options"),
        ("Q?\n- [ ] a\n- [ ] b\n::: solution\nWhy.\n:::", "exactly one option"),
        ("Q?\n" + GOOD_CHOICE + "= analysis eta .2f ± 1\n::: solution\nWhy.\n:::", "either"),
        ("Q?\n" + GOOD_CHOICE + "low :: x\n::: solution\nWhy.\n:::", "belong to number"),
        ("Q?\n" + GOOD_CHOICE + "::: solution\n\n:::", "solution is empty"),
        ("Q?\n" + GOOD_CHOICE + "::: solution\nWhy.", "no closing"),
        ("Q?\n= analysis no.such.path .2f ± 1\n::: solution\nWhy.\n:::", "no number at"),
        ("Q?\n= analysis eta .2f ± 1\nnear zz :: h\n::: solution\nWhy.\n:::", "bad 'near'"),
    ],
)
def test_bad_exercises_stop_the_build(body, message):
    with pytest.raises(exercises.ExerciseError) as err:
        exercises.expand(f"Intro.\n\n::: exercise demo Title\n{body}\n", "en", "demo.md")
    assert "demo.md" in str(err.value) and "demo" in str(err.value)
    assert message in str(err.value)


def test_exercises_in_code_are_left_alone():
    text = "```\n::: exercise demo\nnot parsed\n```\n"
    assert exercises.expand(text, "zh") == text


def test_a_number_exercise_renders_its_answer_and_hints():
    text = "::: exercise demo T\nQ?\n= analysis eta .2f ± 5%\nlow :: up\n::: solution\nW.\n:::\n"
    out = exercises.expand(text, "en")
    assert 'data-answer="0.15"' in out and 'data-tolerance="5.0%"' in out
    assert "{{ num analysis eta .2f }}" in out and 'data-when="low" hidden' in out
    assert "### Exercise 1: T {#exercise-demo-title}" in out


# --- terminology ------------------------------------------------------------------------------

CATALOGS = (
    "figures_src/figures/catalog.py",
    "figures_src/videos/catalog.py",
    "docs/content/glossary.yml",
)


def test_no_buchang_anywhere_a_reader_looks():
    """步长 reads as the learning rate to most Chinese readers: the update is 更新量."""
    files = [*DOCS.glob("*.md"), *DOCS.glob("*.py"), *(ROOT / p for p in CATALOGS)]
    files += sorted((ROOT / "figures_src" / "videos").glob("*.py"))
    files += sorted((ROOT / "figures_src" / "figures").glob("*.py"))
    files += sorted((DOCS / "assets").rglob("*.js"))
    offenders = [f.relative_to(ROOT).as_posix() for f in files if "步长" in f.read_text("utf-8")]
    assert offenders == []


# --- claims the exercises make about the runs ---------------------------------------------------


def test_entropy_is_the_minimum_of_the_cross_entropy():
    """Exercise: for y in (0, 1) the minimum over a is the binary entropy of y, at a = y."""
    entropy = _analysis()["entropy"]
    for key, y in (("y0_2", 0.2), ("y0_5", 0.5)):
        a = [i / 10000 for i in range(1, 10000)]
        cost = [-(y * math.log(v) + (1 - y) * math.log(1 - v)) for v in a]
        best = min(range(len(a)), key=cost.__getitem__)
        assert a[best] == pytest.approx(y, abs=1e-4)
        assert cost[best] == pytest.approx(entropy[key], abs=1e-7)
    assert entropy["y0_5"] == pytest.approx(math.log(2))


def _run(name):
    return json.loads((DATA / f"{name}.json").read_text())


def test_learning_run1_is_slow_at_the_end():
    """learning, exercise 2: from 0.5 to 0.1 takes far longer than from the start to 0.5, and
    ends near the end of the run (not within a few dozen epochs, but within the run)."""
    a = _run("quadratic-start1")["history"]["a"]
    half = next(i for i, v in enumerate(a) if v < 0.5)
    tenth = next(i for i, v in enumerate(a) if v < 0.1)
    epochs = len(a) - 1
    assert tenth - half > 5 * half
    assert 0.8 * epochs < tenth <= epochs


def test_z_moves_by_twice_eta_times_the_gradient():
    """learning, exercise 1: with x = 1, z moves by 2 eta dC/db each epoch."""
    run = _run("quadratic-start2")
    eta, history = run["scenario"]["eta"], run["history"]
    for t in (0, 100, 250):
        step = history["z"][t] - history["z"][t + 1]
        assert step == pytest.approx(2 * eta * history["dc_db"][t], rel=1e-9)


def test_plateau_growth_per_unit_of_z0():
    """slowdown, exercise 2: per unit of z0 the quadratic plateau is multiplied by about e,
    the cross-entropy one grows by about 1/(2 eta); both scale as 1/eta."""
    plateau, eta = _analysis()["plateau"], _analysis()["eta"]
    q, ce = plateau["quadratic"], plateau["cross-entropy"]
    assert (q["z8"]["trainer"] / q["z6"]["trainer"]) ** 0.5 == pytest.approx(math.e, rel=0.03)
    assert (q["z6"]["trainer"] / q["z4"]["trainer"]) ** 0.5 == pytest.approx(math.e, rel=0.1)
    for lo, hi in (("z4", "z6"), ("z6", "z8")):
        per_unit = (ce[hi]["closed"] - ce[lo]["closed"]) / 2
        assert per_unit == pytest.approx(1 / (2 * eta), rel=0.02)
    from figures_src.model import analysis

    for cost in ("quadratic", "cross-entropy"):
        slow, fast = (analysis.plateau_closed(cost, 6.0, e) for e in (eta, 2 * eta))
        assert slow / fast == pytest.approx(2)


def test_plateau_exercise_hints_do_not_overlap_the_answer():
    """slowdown, exercise 1: the closed form is accepted (1 %), twice it gets the factor-2 hint."""
    z6 = _analysis()["plateau"]["quadratic"]["z6"]
    assert abs(z6["closed"] - z6["trainer"]) <= 0.01 * z6["trainer"]
    assert abs(2 * z6["closed"] - z6["trainer"]) > 0.01 * z6["trainer"]


def test_double_eta_late_phase():
    """in-action, exercises 1 and 2: with twice eta, cross-entropy's final output about halves
    (a ~ 1/(2 eta t), within the 10 % the exercise accepts), while the quadratic one falls by far
    more than 1/sqrt(2): its plateau halves, leaving more than twice the epochs for the late
    phase; 1/sqrt(2) appears only once both runs are deep in the late phase."""
    from figures_src.model import analysis

    data = _analysis()
    eta, double = data["eta"], data["double_eta"]
    ce_final = _run("cross-entropy-start2")["final"]["a"]
    answer = double["cross-entropy"]["final"]
    epochs = _run("cross-entropy-start2")["scenario"]["epochs"]
    assert ce_final / 2 == pytest.approx(answer, rel=0.10)
    assert analysis.asymptote("cross-entropy", 2 * eta, epochs) == pytest.approx(answer, rel=0.10)
    for wrong in (ce_final, ce_final / math.sqrt(2), 2 * ce_final):
        assert abs(wrong - answer) > 0.10 * answer  # each wrong guess gets its own hint
    assert double["quadratic"]["ratio"] < 0.6 < 1 / math.sqrt(2)
    plateau = data["plateau"]["quadratic"]["z4"]["trainer"]
    half = analysis.epochs_to("quadratic", [4.0], 2 * eta, analysis.PLATEAU_A, epochs)[0]
    assert abs(half - plateau / 2) <= 3
    assert epochs - half > 2 * (epochs - plateau)
    long = 20000
    a1 = analysis.trained_a("quadratic", [4.0], eta, long)[-1, 0]
    a2 = analysis.trained_a("quadratic", [4.0], 2 * eta, long)[-1, 0]
    assert a2 / a1 == pytest.approx(1 / math.sqrt(2), rel=0.05)


def test_more_wrong_is_not_faster_in_epochs():
    """cross-entropy page: |a - y| <= 1 caps the update, so from z0 = 10 it still takes longer to
    reach a < 0.1 than from 1.5; z0 must come down at most 2 eta per epoch."""
    below, eta = _analysis()["below01"]["cross-entropy"], _analysis()["eta"]
    assert below["z10"] > below["z1_5"]
    assert below["z10"] >= (10 - 1.5) / (2 * eta)


def _tolerance(text, answer):
    return abs(answer) * float(text[:-1]) / 100 if text.endswith("%") else float(text)


def test_typed_answers_are_fair():
    """The answer as the question asks for it (rounded to the format the solution shows) is
    accepted (page sources and the JSON: fast tier)."""
    number = re.compile(r"^= (\S+) (\S+) (\S+) ± ([0-9.]+%?)$", re.MULTILINE)
    checked = 0
    for source in _pages_with_exercises():
        for scenario, path, spec, tol in number.findall(_source(source)):
            value = json.loads((DATA / f"{scenario}.json").read_text())
            for key in path.split("."):
                value = value[int(key)] if isinstance(value, list) else value[key]
            assert abs(float(format(value, spec)) - value) <= _tolerance(tol, value), path
            checked += 1
    assert checked >= 4


def test_near_hints_lie_outside_the_tolerance(site):
    """Every 'near' hint of a typed answer lies outside the tolerance, so a reader can see it."""
    checked = 0
    for source in _pages_with_exercises():
        name, *rest = source.name.split(".")
        for box in _soup(name, "en" if rest[0] == "en" else "zh").select("div.exercise"):
            if box["data-kind"] != "number":
                continue
            answer = float(box["data-answer"])
            for hint in box.select(".exercise-hint[data-near]"):
                gap = abs(float(hint["data-near"]) - answer)
                assert gap > _tolerance(box["data-tolerance"], answer), (box["id"], hint)
                checked += 1
    assert checked >= 1
