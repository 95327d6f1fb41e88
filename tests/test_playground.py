"""The in-browser playground: neuron.js computes what the trainer computes, and the page works.

Part 1 needs no site: it loads docs/assets/playground/neuron.js into a blank page and compares
every epoch with figures_src.model.trainer.train_one.  Part 2 drives the built pages
/playground/ and /en/playground/ (set PLAYGROUND_SITE to test another build directory than site/).
"""

import functools
import http.server
import math
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest

from figures_src.model.costs import COSTS
from figures_src.model.results import load
from figures_src.model.scenarios import BY_ID, SCENARIOS
from figures_src.model.trainer import train_one

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets" / "playground"
SITE = Path(os.environ.get("PLAYGROUND_SITE", ROOT / "site"))
FIELDS = ("w", "b", "z", "a", "cost")
# Python and the browser round exp, log1p and cosh independently (each within an ulp or so),
# so the trajectories agree to about 1e-15 relative, not bit for bit; 1e-9 leaves room for
# 10,000 epochs of drift.  Values that pass near 0 (w or b crossing zero, the cost when a is
# almost y) are differences of nearly equal numbers: there a last-bit rounding of the operands
# is a large relative error in the result, so below 1e-12, far under anything the page shows,
# only the absolute difference counts.
RTOL, ATOL = 1e-9, 1e-12

# The messages the page must show, per language (also a check that both languages exist).
MESSAGES = {
    "zh": {
        "eta": "学习率 η 必须大于 0。",
        "empty": "请填一个数。",
        "number": "这不是一个数，请用阿拉伯数字和小数点，例如 0.15。",
        "epochs": "迭代期数必须是 1 到 10000 之间的整数。",
        "done": "训练完成",
        "eta_label": "学习率 η",
    },
    "en": {
        "eta": "The learning rate η must be greater than 0.",
        "empty": "Enter a number.",
        "number": "This is not a number; use digits and a decimal point, e.g. 0.15.",
        "epochs": "The number of epochs must be a whole number from 1 to 10000.",
        "done": "Finished",
        "eta_label": "Learning rate η",
    },
}
PAGES = {"zh": "/playground/", "en": "/en/playground/"}


# `browser`: one chromium for the whole suite (tests/conftest.py).


def random_settings(count, seed=20240229):
    """`count` settings spread over the three costs; runs that overflow in numpy are redrawn."""
    rng = np.random.default_rng(seed)
    names = sorted(COSTS)
    settings = []
    while len(settings) < count:
        s = {
            "cost": names[len(settings) % len(names)],
            "w": float(rng.uniform(-5, 5)),
            "b": float(rng.uniform(-5, 5)),
            "eta": float(rng.uniform(0.001, 2)),
            "epochs": int(rng.integers(1, 401)),
            "x": float(rng.uniform(-2, 2)),
            "y": float(rng.uniform(0, 1)),
        }
        with np.errstate(all="ignore"):
            run = python_run(s)
        if all(np.isfinite(run[f]).all() for f in FIELDS):
            settings.append(s)
    return settings


def python_run(s):
    run = train_one(COSTS[s["cost"]], s["w"], s["b"], s["eta"], s["epochs"], s["x"], s["y"])
    return run["history"]


SCENARIO_SETTINGS = [
    {
        "id": sc.id,
        "cost": sc.cost,
        "w": sc.w0,
        "b": sc.b0,
        "eta": sc.eta,
        "epochs": sc.epochs,
        "x": sc.x,
        "y": sc.y,
    }
    for sc in SCENARIOS
    if sc.cost in COSTS
]
RANDOM_SETTINGS = random_settings(21)


def setting_id(s):
    return s.get("id") or "{cost}-w{w:.2f}-b{b:.2f}-eta{eta:.3f}-n{epochs}".format(**s)


@pytest.fixture(scope="module")
def trainer_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>neuron.js</title>")
    page.add_script_tag(path=str(ASSETS / "neuron.js"))
    yield page
    page.close()


def js_run(page, s):
    return page.evaluate("s => NeuronTrainer.train(s.cost, s.w, s.b, s.eta, s.epochs, s.x, s.y)", s)


def test_the_scenarios_cover_all_three_costs():
    assert len(SCENARIO_SETTINGS) >= 6
    assert {s["cost"] for s in SCENARIO_SETTINGS} == set(COSTS)


@pytest.mark.parametrize("s", SCENARIO_SETTINGS + RANDOM_SETTINGS, ids=setting_id)
def test_neuron_js_matches_the_trainer_every_epoch(trainer_page, s):
    got = js_run(trainer_page, s)
    want = python_run(s)
    for field in FIELDS:
        assert len(got[field]) == s["epochs"] + 1, field
        np.testing.assert_allclose(
            np.array(got[field], dtype=float),
            np.array(want[field]),
            rtol=RTOL,
            atol=ATOL,
            err_msg=f"{field} differs from figures_src.model.trainer.train_one",
        )


def test_neuron_js_matches_the_published_json(trainer_page):
    """The JSON the figures are drawn from, not only a fresh numpy run."""
    for s in SCENARIO_SETTINGS:
        got = js_run(trainer_page, s)
        run = load(s["id"])
        np.testing.assert_allclose(got["a"], run["history"]["a"], rtol=RTOL, atol=ATOL)
        assert math.isclose(got["a"][-1], run["final"]["a"], rel_tol=RTOL)


def test_neuron_js_refuses_an_unknown_cost(trainer_page):
    from playwright.sync_api import Error as PlaywrightError  # not imported at collection

    with pytest.raises(PlaywrightError, match="unknown cost"):
        trainer_page.evaluate("NeuronTrainer.train('hinge', 1, 1, 0.1, 3, 1, 0)")


def test_colours_are_the_figures_colours():
    """Each cost's colour is the palette's CSS variable, which carries the figures' colour."""
    from figures_src import palette

    css = (ASSETS / "playground.css").read_text(encoding="utf-8")
    root = palette.css().split('[data-md-color-scheme="slate"]')[0]
    for cost in COSTS:
        variable = palette.css_variable(cost)
        assert re.search(rf"--pg-{re.escape(cost)}:\s*var\({variable}\);", css), cost
        assert f"{variable}: {palette.COLORS[cost]};" in root, cost
    assert not re.search(r"--pg-(quadratic|cross-entropy\S*|sigma-prime):\s*#", css)


# --- part 2: the built pages -----------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "playground" / "index.html").is_file():
        pytest.fail(f"{SITE}/playground/index.html is missing: build the site first (make site)")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def playground_tab(browser):
    """One tab the tests load their pages in: a new tab or context starts a renderer process,
    which took longer than the page itself.  (A test on page.clock gets a context of its own.)"""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def open_page(browser, site_url, playground_tab):
    """Opens a playground page; after the test, checks no request left 127.0.0.1."""
    contexts, requests, errors = [], [], []
    watched = {
        "request": lambda r: requests.append(r.url),
        "pageerror": lambda e: errors.append(str(e)),
    }

    def opener(lang, reduced_motion="no-preference", viewport=None, clock=False):
        if clock:  # the page's timers and animation frames follow page.clock, not the wall
            context = browser.new_context(viewport=DESKTOP)
            contexts.append(context)
            page = context.new_page()
            page.clock.install()
        else:
            page = playground_tab
            page.bring_to_front()  # a tab behind another draws no frames
        page.set_viewport_size(viewport or DESKTOP)
        for event, handler in watched.items():
            page.on(event, handler)
        page.emulate_media(reduced_motion=reduced_motion)
        page.goto(site_url + PAGES[lang])
        page.wait_for_selector("[data-playground].pg-ready [data-action='run']")
        return page

    yield opener
    for event, handler in watched.items():
        playground_tab.remove_listener(event, handler)
    for context in contexts:
        context.close()
    outside = [u for u in requests if urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def shown(page, cost, field):
    return page.inner_text(f".pg-panel[data-cost='{cost}'] [data-field='{field}']").strip()


def half_last_digit(text):
    """Half a unit in the last digit shown: '0.2028' -> 5e-5, '1.23e-5' -> 5e-8."""
    mantissa, _, exponent = text.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 0.5 * 10.0 ** (int(exponent or 0) - decimals)


def assert_shows(page, cost, scenario_id, field="a"):
    text = shown(page, cost, field)
    want = load(scenario_id)["final"][field]
    assert abs(float(text) - want) <= half_last_digit(text) * (1 + 1e-9), (cost, text, want)
    return text


def state(page):
    return page.get_attribute("[data-playground]", "data-state")


def run_and_wait(page):
    page.click("[data-action='run']")
    page.wait_for_selector("[data-playground][data-state='done']", timeout=30_000)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_preset_two_runs_to_the_trainers_final_outputs(open_page, lang):
    page = open_page(lang, clock=True)
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.inner_text("label[for='pg-eta']") == MESSAGES[lang]["eta_label"]
    page.click("[data-preset='2']")
    sc = BY_ID["quadratic-start2"]
    for name, want in (("w", sc.w0), ("b", sc.b0), ("eta", sc.eta), ("epochs", sc.epochs)):
        assert float(page.input_value(f"#pg-{name}")) == want, name
    page.click("[data-action='run']")
    # Without reduced motion the run is animated: it is still going right after the click,
    # and still a moment before its 5 seconds are up (the clock is moved on, not waited for).
    assert state(page) == "running"
    page.clock.run_for(4000)
    assert state(page) == "running"
    assert 0 < int(shown(page, "quadratic", "epoch").split("/")[0]) < sc.epochs
    page.clock.run_for(1500)
    page.wait_for_selector("[data-playground][data-state='done']", timeout=30_000)
    a_quadratic = assert_shows(page, "quadratic", "quadratic-start2")
    a_cross = assert_shows(page, "cross-entropy", "cross-entropy-start2")
    assert_shows(page, "quadratic", "quadratic-start2", "cost")
    assert shown(page, "cross-entropy", "epoch") == f"{sc.epochs} / {sc.epochs}"
    status = page.inner_text(".pg-status")
    assert MESSAGES[lang]["done"] in status
    assert a_quadratic in status and a_cross in status
    assert page.get_attribute(".pg-status", "aria-live") == "polite"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_invalid_settings_are_refused_in_the_pages_language(open_page, lang):
    page = open_page(lang, reduced_motion="reduce")
    text = MESSAGES[lang]
    cases = [
        ("eta", "0", text["eta"]),
        ("eta", "-0.1", text["eta"]),
        ("epochs", "", text["empty"]),
        ("epochs", "abc", text["number"]),
        ("epochs", "10001", text["epochs"]),
        ("epochs", "2.5", text["epochs"]),
        ("w", "1e999", text["number"]),
    ]
    for name, value, message in cases:
        page.click("[data-preset='1']")
        page.fill(f"#pg-{name}", value)
        page.click("[data-action='run']")
        field = page.locator(f"#pg-{name}")
        assert field.get_attribute("aria-invalid") == "true", (name, value)
        error = page.locator(f"#pg-{name}-error")
        assert error.inner_text() == message, (name, value)
        assert f"pg-{name}-error" in field.get_attribute("aria-describedby").split()
        assert page.evaluate("document.activeElement.id") == f"pg-{name}"
        # Nothing ran: the panels still show the start of the last valid settings.
        assert state(page) == "invalid"
        assert shown(page, "quadratic", "epoch").startswith("0 /")
    # A valid value clears the message and runs.
    page.click("[data-preset='1']")
    assert page.locator("#pg-epochs").get_attribute("aria-invalid") is None
    assert page.inner_text("#pg-epochs-error") == ""
    run_and_wait(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reduced_motion_shows_the_end_at_once(open_page, lang):
    page = open_page(lang, reduced_motion="reduce")
    page.click("[data-preset='1']")
    page.click("[data-action='run']")
    assert state(page) == "done"  # no animation frame in between
    assert shown(page, "quadratic", "epoch") == "300 / 300"
    assert_shows(page, "quadratic", "quadratic-start1")
    assert_shows(page, "cross-entropy", "cross-entropy-start1")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_switch_adds_the_book_animations_step(open_page, lang):
    page = open_page(lang, reduced_motion="reduce")
    panel = page.locator(".pg-panel[data-cost='cross-entropy-dcda']")
    assert not panel.is_visible()
    page.check("#pg-dcda")
    assert panel.is_visible()
    sc = BY_ID["cross-entropy-dcda-start2"]
    page.click("[data-preset='2']")
    assert float(page.input_value("#pg-etaDcda")) == sc.eta
    run_and_wait(page)
    assert_shows(page, "cross-entropy-dcda", "cross-entropy-dcda-start2")
    assert_shows(page, "quadratic", "quadratic-start2")


# Resolves after n animation frames: waiting on the page's clock, not a fixed time.
FRAMES = """(n) => new Promise((done) => {
    const step = () => (n-- > 0 ? requestAnimationFrame(step) : done());
    step();
})"""


def test_pause_holds_the_run_and_reset_goes_back_to_the_start(open_page):
    page = open_page("en")
    page.click("[data-preset='2']")
    page.fill("#pg-epochs", "480")  # an 8-second replay: time enough to pause
    page.click("[data-action='run']")
    page.wait_for_function(
        "() => parseInt(document.querySelector(\"[data-field='epoch']\").textContent) > 10"
    )
    page.click("[data-action='pause']")
    assert state(page) == "paused"
    assert page.inner_text("[data-action='pause']") == "Resume"
    held = shown(page, "quadratic", "epoch")
    # 30 frames of the page's own clock: a run would move on about one epoch a frame here.
    page.evaluate(FRAMES, 30)
    assert shown(page, "quadratic", "epoch") == held
    page.click("[data-action='pause']")
    assert state(page) == "running"
    page.click("[data-action='reset']")
    assert state(page) == "idle"
    assert shown(page, "quadratic", "epoch") == "0 / 480"
    assert shown(page, "quadratic", "a") == f"{load('quadratic-start2')['history']['a'][0]:.4f}"


def test_a_phone_gets_stacked_panels_and_no_sideways_scroll(open_page):
    page = open_page("zh", reduced_motion="reduce", viewport={"width": 390, "height": 844})
    run_and_wait(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    first = page.locator(".pg-panel[data-cost='quadratic']").bounding_box()
    second = page.locator(".pg-panel[data-cost='cross-entropy']").bounding_box()
    assert second["y"] >= first["y"] + first["height"]
    assert first["x"] >= 0 and first["x"] + first["width"] <= 390


def test_every_control_has_a_label_and_keyboard_focus_is_visible(open_page):
    page = open_page("zh")
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.pg input, .pg button')]
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.textContent.trim())
            .map(el => el.outerHTML)"""
    )
    assert unlabelled == []
    assert page.locator(".pg fieldset legend").count() == 2
    page.focus("#pg-eta")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    style = page.evaluate(
        "(({outlineStyle, outlineWidth}) => ({outlineStyle, outlineWidth}))"
        "(getComputedStyle(document.activeElement))"
    )
    assert style == {"outlineStyle": "solid", "outlineWidth": "3px"}  # playground.css


# --- the dashed asymptotes of the output chart ------------------------------------------------

# playground.js draws a ≈ 1/√(4ηt) (quadratic) and a ≈ 1/(2ηt) (cross-entropy), x = 1, y = 0;
# the page says the output runs along them late in the run and not at the start.
ASYMPTOTES = {
    "quadratic": lambda eta, t: 1 / math.sqrt(4 * eta * t),
    "cross-entropy": lambda eta, t: 1 / (2 * eta * t),
}


@pytest.mark.parametrize("start", ["start1", "start2"])
@pytest.mark.parametrize("cost", sorted(ASYMPTOTES))
def test_the_output_approaches_the_drawn_asymptote_late_in_the_run(cost, start):
    sc = BY_ID[f"{cost}-{start}"]
    a = train_one(COSTS[cost], sc.w0, sc.b0, sc.eta, 10_000, sc.x, sc.y)["history"]["a"]
    ratios = [a[t] / ASYMPTOTES[cost](sc.eta, t) for t in (100, 300, 1000, 3000, 10_000)]
    assert all(r > 1 for r in ratios), ratios
    assert ratios == sorted(ratios, reverse=True), ratios  # closer and closer
    assert ratios[-1] < 1.05, ratios


def test_the_page_draws_the_asymptotes_it_is_tested_for():
    js = (ASSETS / "playground.js").read_text(encoding="utf-8")
    assert "1 / Math.sqrt(4 * eta * t)" in js
    assert "1 / (2 * eta * t)" in js
