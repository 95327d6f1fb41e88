"""The playground explains: live equations, the point on the curve, steps, links, announcements.

Drives the built /playground/ and /en/playground/ (tests/browser/conftest.py serves site/ and
blocks every request that leaves 127.0.0.1).  Every expected number comes from the trainer's
JSON (docs/generated/data/<scenario>.json), never from the page itself.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import SITE
from conftest import make_context, open_page

from figures_src.model.results import load
from tools import sitebrowser

PAGES = {"zh": "playground/", "en": "en/playground/"}
LANGS = ("zh", "en")
MESSAGES = {
    "zh": {
        "number": "这不是一个数，请用阿拉伯数字和小数点，例如 0.15。",
        "eta": "学习率 η 必须大于 0。",
        "epochs": "迭代期数必须是 1 到 10000 之间的整数。",
        "etaScale": "倍数必须大于 0。",
        "guess": "请填 0 或正整数。",
        "eta_text": "学习率 η = 0.15",
        "scrub_text": "第 11 个迭代期，共 300 个",
        "paused_epoch": "第 11 个迭代期。",
    },
    "en": {
        "number": "This is not a number; use digits and a decimal point, e.g. 0.15.",
        "eta": "The learning rate η must be greater than 0.",
        "epochs": "The number of epochs must be a whole number from 1 to 10000.",
        "etaScale": "The factor must be greater than 0.",
        "guess": "Enter 0 or a positive whole number.",
        "eta_text": "Learning rate η = 0.15",
        "scrub_text": "epoch 11 of 300",
        "paused_epoch": "Epoch 11.",
    },
}
# The epochs at which the equations are compared with the JSON, reached by steps of 1, 10, 100.
STEPS_TO = [(1, 1), (10, 11), (100, 111), (100, 211), (1, 212)]
NUMBER = re.compile(r"^(−?\d+\.\d+)(?: × 10(−?\d+))?$")


def open_playground(visit, lang, query="", reduced_motion="reduce"):
    page, _, log = visit(PAGES[lang] + query)
    page.emulate_media(reduced_motion=reduced_motion)
    page.wait_for_selector("[data-playground].pg-ready[data-state]")
    return page, log


def epoch(page, cost="quadratic"):
    return page.inner_text(f".pg-panel[data-cost='{cost}'] [data-field='epoch']").strip()


def state(page):
    return page.get_attribute("[data-playground]", "data-state")


def parse(text):
    """'0.98201' -> (0.98201, 5e-6); '1.234 × 10−5' -> (1.234e-5, 5e-9)."""
    match = NUMBER.match(text.strip())
    assert match, f"not a number as the equations write it: {text!r}"
    mantissa = match.group(1).replace("−", "-")
    exponent = int((match.group(2) or "0").replace("−", "-"))
    decimals = len(mantissa.partition(".")[2])
    return float(mantissa) * 10.0**exponent, 0.5 * 10.0 ** (exponent - decimals)


def equation_values(page, cost):
    return page.evaluate(
        """cost => Object.fromEntries(
            [...document.querySelectorAll(`.pg-panel[data-cost='${cost}'] .pg-eq [data-value]`)]
                .map(n => [n.dataset.value, n.textContent]))""",
        cost,
    )


def assert_equation_at(page, cost, scenario_id, k, eta):
    """The written-out update of `cost` shows epoch k of the scenario's history."""
    history = load(scenario_id)["history"]
    a, grad = history["a"][k], history["dc_db"][k]
    want = {"error": a, "gradAgain": grad, "update": eta * grad}
    if cost != "cross-entropy":
        want |= {"sigmaPrime": a * (1 - a), "grad": grad}
    got = equation_values(page, cost)
    assert float(got["eta"]) == eta
    for key, value in want.items():
        shown, half = parse(got[key])
        assert abs(shown - value) <= half * (1 + 1e-9), (cost, k, key, got[key], value)


@pytest.mark.parametrize("lang", LANGS)
def test_steps_move_exactly_and_the_equations_show_that_epochs_numbers(visit, lang):
    page, log = open_playground(visit, lang)
    page.click("[data-preset='2']")
    assert epoch(page) == "0 / 300"
    a0 = load("quadratic-start2")["history"]["a"][0]
    assert f"{a0:.2f}" in page.inner_text(".pg-question")  # the question's starting output
    assert_equation_at(page, "quadratic", "quadratic-start2", 0, 0.15)
    assert_equation_at(page, "cross-entropy", "cross-entropy-start2", 0, 0.15)
    for step, k in STEPS_TO:
        page.click(f"[data-step='{step}']")
        assert epoch(page) == f"{k} / 300", step
        assert epoch(page, "cross-entropy") == f"{k} / 300"
        assert state(page) == "paused"
        assert_equation_at(page, "quadratic", "quadratic-start2", k, 0.15)
        assert_equation_at(page, "cross-entropy", "cross-entropy-start2", k, 0.15)
    # The chart draws the asymptotes of the two true gradients, none for the book's step.
    asymptotes = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.pg-output-fig [data-cost]')]
            .map(g => [g.dataset.cost, g.querySelector('.pg-asym').getAttribute('points')]))"""
    )
    assert asymptotes["quadratic"] and asymptotes["cross-entropy"]
    assert not asymptotes["cross-entropy-dcda"]
    page.click("[data-step='100']")  # 312 would pass the end: it stops at the last epoch
    assert epoch(page) == "300 / 300"
    assert state(page) == "done"
    assert_equation_at(page, "quadratic", "quadratic-start2", 300, 0.15)
    log.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_the_keyboard_steps_and_scrubs_back_through_the_history(visit, lang):
    page, log = open_playground(visit, lang)
    page.click("[data-preset='1']")
    page.focus("[data-step='10']")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert epoch(page) == "20 / 300"
    page.focus("#pg-scrub")
    page.keyboard.press("Home")
    assert epoch(page) == "0 / 300"
    page.keyboard.press("ArrowRight")
    assert epoch(page) == "1 / 300"
    assert_equation_at(page, "quadratic", "quadratic-start1", 1, 0.15)
    page.keyboard.press("End")  # only as far as the run has been shown
    assert epoch(page) == "20 / 300"
    for _ in range(9):
        page.keyboard.press("ArrowLeft")
    assert epoch(page) == "11 / 300"
    assert_equation_at(page, "cross-entropy", "cross-entropy-start1", 11, 0.15)
    assert page.get_attribute("#pg-scrub", "aria-valuetext") == MESSAGES[lang]["scrub_text"]
    assert page.get_attribute("#pg-eta-range", "aria-valuetext") == MESSAGES[lang]["eta_text"]
    # Paused, the live region reads the equations in full.
    announced = page.inner_text(".pg-announce")
    assert announced.startswith(MESSAGES[lang]["paused_epoch"])
    assert "σ′(z)" in announced and "a − y" in announced
    assert page.get_attribute(".pg-announce", "aria-live") == "polite"
    log.assert_clean()


def test_the_book_animations_step_is_written_out_too(visit):
    page, log = open_playground(visit, "en")
    page.click("[data-preset='1']")
    page.check("#pg-dcda")
    for _ in range(3):
        page.click("[data-step='10']")
    assert_equation_at(page, "cross-entropy-dcda", "cross-entropy-dcda-start1", 30, 0.005)
    log.assert_clean()


def test_six_times_eta_trains_only_the_quadratic_neuron_faster(visit):
    page, log = open_playground(visit, "zh")
    page.click("[data-preset='scale']")
    assert page.input_value("#pg-etaScale") == "6"
    page.click("[data-step='1']")
    got = equation_values(page, "quadratic")
    assert got["eta"] == "0.9"
    assert equation_values(page, "cross-entropy")["eta"] == "0.15"
    # One step at 0.9 from (2, 2): b moved by 0.9 × ∂C/∂b of epoch 0.
    grad0 = load("quadratic-start2")["history"]["dc_db"][0]
    b = float(page.inner_text(".pg-panel[data-cost='quadratic'] [data-field='b']"))
    assert abs(b - (2.0 - 0.9 * grad0)) <= 5e-4
    log.assert_clean()


def query_of(page):
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_settings_round_trip_through_the_url(visit, lang):
    query = {"w": "-1.5", "b": "3", "eta": "0.05", "epochs": "120", "etaScale": "6"}
    query |= {"dcda": "1", "etaDcda": "0.01"}
    page, log = open_playground(visit, lang, "?" + "&".join(f"{k}={v}" for k, v in query.items()))
    for name in ("w", "b", "eta", "epochs", "etaScale", "etaDcda"):
        assert float(page.input_value(f"#pg-{name}")) == float(query[name]), name
    assert page.is_checked("#pg-dcda")
    assert epoch(page) == "0 / 120"
    page.click("[data-action='run']")
    assert state(page) == "done"
    assert {k: float(v) for k, v in query_of(page).items()} == {
        k: float(v) for k, v in query.items()
    }
    # Change the settings: the URL follows, and opens the same experiment elsewhere.
    page.click("[data-preset='2']")
    page.fill("#pg-eta", "0.3")
    page.click("[data-action='reset']")
    saved = query_of(page)
    assert saved == {"w": "2", "b": "2", "eta": "0.3", "epochs": "300"} | {
        "dcda": "1",
        "etaDcda": "0.005",
    }
    again, log2 = open_playground(visit, lang, "?" + urlsplit(page.url).query)
    for name, value in saved.items():
        if name != "dcda":
            assert again.input_value(f"#pg-{name}") == value, name
    assert again.is_checked("#pg-dcda")
    assert again.inner_text(".pg-url-error") == ""
    log.assert_clean()
    log2.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_bad_values_in_the_url_are_refused_with_the_fields_messages(visit, lang):
    page, log = open_playground(visit, lang, "?w=abc&b=1&eta=0&epochs=2.5&etaScale=-1")
    notice = page.inner_text(".pg-url-error")
    for key in ("number", "eta", "epochs", "etaScale"):
        assert MESSAGES[lang][key] in notice, key
    assert page.get_attribute(".pg-url-error", "role") == "alert"
    # The bad ones fall back to the defaults; the good one is kept.
    values = {n: page.input_value(f"#pg-{n}") for n in ("w", "b", "eta", "epochs", "etaScale")}
    assert values == {"w": "0.6", "b": "1", "eta": "0.15", "epochs": "300", "etaScale": "1"}
    assert state(page) == "idle"
    assert epoch(page) == "0 / 300"
    page.click("[data-action='run']")
    assert state(page) == "done"
    log.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_terms_and_the_curve_light_each_other_up_by_keyboard(visit, lang):
    page, log = open_playground(visit, lang)
    page.click("[data-preset='2']")
    page.click("[data-step='10']")
    term = ".pg-panel[data-cost='quadratic'] .pg-term[data-link='quadratic:sigmaPrime']"
    tangent = ".pg-curve-fig [data-link='quadratic:sigmaPrime']"
    error_term = ".pg-panel[data-cost='cross-entropy'] .pg-term[data-link~='cross-entropy:error']"
    error_line = ".pg-curve-fig [data-link='cross-entropy:error']"

    def lit(selector):
        return "pg-hl" in (page.get_attribute(selector, "class") or "").split()

    def tab_to(selector, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        pytest.fail(f"Tab never reached {selector}")

    page.focus("[data-step='100']")
    tab_to(term)
    assert lit(tangent) and lit(term)
    assert not lit(error_line)
    tab_to(error_term)
    assert lit(error_line) and not lit(tangent)
    # The reverse: the curve's lines are in the tab order and light up their terms.
    tab_to(tangent)
    assert lit(term) and not lit(error_term)
    label = page.get_attribute(tangent, "aria-label")
    assert "σ′(z) = " + equation_values(page, "quadratic")["sigmaPrime"] in label
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style == "solid"
    page.keyboard.press("Shift+Tab")
    assert not lit(term)
    # And by mouse (a vertical line has no width, so Playwright calls it invisible: aim by hand).
    box = page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return [r.x + r.width / 2, r.y + r.height / 2]; }",
        error_line,
    )
    page.mouse.move(*box)
    assert lit(error_term)
    log.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_predict_first_shows_the_answer_beside_the_guess(visit, lang):
    page, log = open_playground(visit, lang)
    page.click("[data-preset='predict']")
    assert page.evaluate("document.activeElement.id") == "pg-guess-quadratic"
    # Empty guesses are not an error yet: only Run or a step asks for them.
    assert state(page) == "idle"
    assert page.inner_text("#pg-guess-quadratic-error") == ""
    page.fill("#pg-guess-quadratic", "2.5")
    page.click("[data-action='run']")
    assert page.inner_text("#pg-guess-quadratic-error") == MESSAGES[lang]["guess"]
    assert state(page) == "invalid"
    page.fill("#pg-guess-quadratic", "150")
    page.fill("#pg-guess-cross-entropy", "40")
    page.click("[data-step='1']")
    assert page.inner_text("#pg-guess-quadratic-answer") == ""  # not there yet
    page.click("[data-action='run']")
    assert state(page) == "done"
    for cost, guess in (("quadratic", "150"), ("cross-entropy", "40")):
        when = next(k for k, a in enumerate(load(f"{cost}-start2")["history"]["a"]) if a < 0.5)
        answer = page.inner_text(f"#pg-guess-{cost}-answer")
        assert guess in answer and str(when) in answer, (cost, answer, when)
    log.assert_clean()


def test_the_live_region_speaks_at_most_once_a_second_while_running(browser, base_url):
    # A context of its own: the replay's frames follow its clock (moved on, not waited for).
    context = make_context(browser, base_url, viewport=sitebrowser.DESKTOP)
    context.clock.install()
    page, _, log = open_page(context, base_url, PAGES["en"])
    page.emulate_media(reduced_motion="no-preference")
    page.wait_for_selector("[data-playground].pg-ready[data-state]")
    page.evaluate(
        """() => {
            window.spoken = [];
            const node = document.querySelector('.pg-announce');
            new MutationObserver(() => window.spoken.push([performance.now(), node.textContent]))
                .observe(node, {childList: true, characterData: true, subtree: true});
        }"""
    )
    page.click("[data-preset='2']")
    page.fill("#pg-epochs", "240")  # a 4-second replay
    page.click("[data-action='run']")
    page.clock.run_for(4500)
    page.wait_for_selector("[data-playground][data-state='done']", timeout=30_000)
    spoken = page.evaluate("window.spoken")
    brief = [t for t, text in spoken if "σ′(z)" not in text]
    assert len(brief) >= 2, spoken
    gaps = [b - a for a, b in zip(brief, brief[1:], strict=False)]
    assert min(gaps) >= 900, gaps  # rAF timestamps vs. observer time: a frame of slack
    assert "σ′(z)" in spoken[-1][1]  # finished: the full equations
    log.assert_clean()
    context.close()


def test_a_phone_shows_the_equations_without_sideways_scrolling(visit_phone):
    page, _, log = visit_phone(PAGES["zh"] + "?w=6&b=6&eta=0.15&epochs=300")
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_selector("[data-playground].pg-ready[data-state]")
    page.click("[data-step='1']")  # a ≈ 1: σ′(z) is written with a power of ten
    assert "10" in equation_values(page, "quadratic")["sigmaPrime"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.pg-eq, .pg-buttons, .pg-figure')]
            .filter(n => n.scrollWidth > n.clientWidth + 1).map(n => n.className)"""
    )
    assert wide == []
    button = page.locator("[data-step='100']").bounding_box()
    assert button["x"] >= 0 and button["x"] + button["width"] <= 390
    log.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_the_room_for_the_playground_is_kept_before_its_script_runs(phone_context, base_url, lang):
    """The playground is built after the first paint.  On a phone, site.css keeps a screen's
    height for it until then, so the text below starts off-screen and does not jump when the
    playground appears (Lighthouse's layout shift); the built playground is at least that tall,
    so nothing jumps up either."""
    height = "document.querySelector('[data-playground]').getBoundingClientRect().height"
    page = phone_context.new_page()
    page.route("**/playground/playground.js", lambda route: route.abort())  # never built
    page.goto(base_url + PAGES[lang], wait_until="load")
    kept, screen = page.evaluate(f"[{height}, innerHeight]")
    page.close()
    assert kept >= screen
    page = phone_context.new_page()
    page.goto(base_url + PAGES[lang], wait_until="load")
    page.wait_for_selector("[data-playground].pg-ready[data-state]")
    built = page.evaluate(height)
    page.close()
    assert built >= kept


def test_the_page_stays_light_before_interaction(browser):
    """Sum of bytes transferred (gzip, as a web server sends them) for the Chinese page."""
    with sitebrowser.serve(SITE, compress=True) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + PAGES["zh"], wait_until="load")
        page.wait_for_selector("[data-playground].pg-ready")
        total = page.evaluate(
            """() => performance.getEntriesByType('navigation')
                .concat(performance.getEntriesByType('resource'))
                .reduce((sum, e) => sum + e.transferSize, 0)"""
        )
        context.close()
    print(f"transferred: {total} bytes")
    assert 0 < total <= 300_000, total


@pytest.mark.parametrize("lang", LANGS)
def test_the_cost_view_ties_the_gradient_to_the_slope_of_the_cost(visit, lang):
    page, log = open_playground(visit, lang)
    page.click("[data-preset='2']")
    page.click("[data-step='10']")
    slope = ".pg-curve-fig [data-link='{}:grad']"
    assert not page.is_visible(slope.format("quadratic"))  # the σ(z) view comes first
    page.check("#pg-cost-view")
    assert not page.is_visible(".pg-curve-fig [data-link='quadratic:sigmaPrime']")
    for cost in ("quadratic", "cross-entropy"):
        # The tangent's label carries the gradient the equation shows: ∂C/∂b is its slope.
        label = page.get_attribute(slope.format(cost), "aria-label")
        grad = load(f"{cost}-start2")["history"]["dc_db"][10]
        shown = equation_values(page, cost)["gradAgain"]
        assert "∂C/∂b = " + shown in label
        value, half = parse(shown)
        assert abs(value - grad) <= half * (1 + 1e-9)
    # Keyboard: focus ∂C/∂b of the quadratic cost, its tangent lights up, and the reverse.
    term = ".pg-panel[data-cost='quadratic'] .pg-term[data-link='quadratic:grad']"
    page.focus(term)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # arrive by keyboard
    assert "pg-hl" in page.get_attribute(slope.format("quadratic"), "class")
    assert "pg-hl" in page.get_attribute(term, "class")
    page.focus(slope.format("cross-entropy"))
    # For the cross-entropy cost ∂C/∂b is a − y: both its terms light up.
    ce_terms = page.locator(".pg-panel[data-cost='cross-entropy'] .pg-link.pg-hl")
    assert ce_terms.count() == 3  # ∂C/∂b, a − y and its number
    assert "pg-hl" not in page.get_attribute(term, "class")
    log.assert_clean()
