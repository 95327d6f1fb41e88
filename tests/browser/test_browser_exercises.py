"""Exercises in a real browser, keyboard only, in both languages (docs/assets/exercises.js).

A wrong typed number gets its specific hint in the live region and the answer stays closed;
the right one opens the answer and moves the focus to it.  A wrong option gets its hint.
With JavaScript off every answer is inside a closed <details> and no control is left over.
The exercises stay free of serious axe findings with their feedback and answers shown.
"""

import pytest
from browser_helpers import LAY_OUT_ALL, ROOT
from conftest import close_page, make_context, open_page

from tools import sitebrowser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE = {"zh": "cross-entropy/", "en": "en/cross-entropy/"}
FOCUSED_ID = "document.activeElement && document.activeElement.id"
IN_BOX = "(box) => box.contains(document.activeElement)"


# Once the target has the focus, the page keeps it there: the Tabs still to come in a batch
# are swallowed, so Tab can be pressed in batches with one look at the focus after each.
HOLD_AT = """(target) => {
    window.holdAt = (e) => {
        if (e.key === "Tab" && document.activeElement === target) e.preventDefault();
    };
    addEventListener("keydown", window.holdAt, true);
}"""
REACHED = "(el) => { const at = el === document.activeElement; "
REACHED += "if (at) removeEventListener('keydown', window.holdAt, true); return at; }"


# Tab starts from the exercise's own box, as it would after the reader clicked into it: the
# walk from the top of the page to every control is test_browser_keyboard.py's.
START_AT = """(el) => {
    const box = el.closest(".exercise");
    box.tabIndex = -1;  // focusable by script, still out of the Tab order
    box.focus();
}"""


def tab_to(page, selector, limit=100, batch=10):
    """From the start of the exercise that holds ``selector``, press Tab until it has the focus."""
    target = page.locator(selector)
    target.evaluate(HOLD_AT)
    target.evaluate(START_AT)
    for _ in range(0, limit, batch):
        for _ in range(batch):
            page.keyboard.press("Tab")
        if target.evaluate(REACHED):
            return
    pytest.fail(f"Tab never reached {selector}")


def feedback(page, box_id):
    locator = page.locator(f"#{box_id}-feedback")
    locator.wait_for(state="visible")
    return locator


def is_open(page, box_id):
    return page.locator(f"#{box_id} > details.exercise-answer").evaluate("(d) => d.open")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_typed_answer_by_keyboard(visit, lang):
    page, _, log = visit(PAGE[lang])
    box = page.locator(".exercise[data-kind=number]").first
    box_id = box.get_attribute("id")
    answer = float(box.get_attribute("data-answer"))
    near = box.locator(".exercise-hint[data-when=near]").first
    near_value = float(near.get_attribute("data-near"))
    near_text = near.text_content().strip()

    tab_to(page, f"#{box_id}-input")
    page.keyboard.type(format(near_value, "g"))
    page.keyboard.press("Enter")
    said = feedback(page, box_id)
    said.get_by_text(near_text[:12]).first.wait_for()
    assert not is_open(page, box_id)
    assert page.evaluate(FOCUSED_ID) == f"{box_id}-input"  # focus stays to try again
    assert page.locator(f"#{box_id}-input").get_attribute("aria-invalid") == "true"
    assert said.get_attribute("aria-live") == "polite"

    # Far too large: the "high" hint (its own text, not just "wrong").
    high = box.locator(".exercise-hint[data-when=high]").text_content().strip()
    page.keyboard.press("Control+A")
    page.keyboard.type(format(answer * 10 + 1, "g"))
    page.keyboard.press("Enter")
    said.get_by_text(high[:12]).first.wait_for()
    assert not is_open(page, box_id)

    page.keyboard.press("Control+A")
    page.keyboard.type(format(answer, ".4f"))
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.activeElement && document.activeElement.matches('#{box_id} summary')"
    )
    assert is_open(page, box_id)
    assert near_text[:12] not in said.text_content()
    log.assert_clean()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_choice_by_keyboard(visit, lang):
    page, _, log = visit(PAGE[lang])
    box = page.locator(".exercise[data-kind=choice]").first
    box_id = box.get_attribute("id")
    right = box.get_attribute("data-answer")
    radios = box.locator("input[type=radio]")
    letters = [radios.nth(i).get_attribute("value") for i in range(radios.count())]
    wrong = next(v for v in letters if v != right and box.locator(f"[data-when={v}]").count())
    hint = box.locator(f".exercise-hint[data-when={wrong}]").text_content().strip()

    tab_to(page, f"#{box_id} input[value={letters[0]}]")
    page.keyboard.press("Space")  # Tab only focuses the first option; Space chooses it
    for _ in range(letters.index(wrong)):
        page.keyboard.press("ArrowDown")
    assert radios.nth(letters.index(wrong)).is_checked()
    page.keyboard.press("Tab")  # to the Check button
    page.keyboard.press("Enter")
    feedback(page, box_id).get_by_text(hint[:12]).first.wait_for()
    assert not is_open(page, box_id)
    assert box.evaluate(IN_BOX)  # the focus stays on the button, to try again

    page.keyboard.press("Shift+Tab")  # back to the group, on the checked (wrong) option
    assert page.evaluate("document.activeElement.value") == wrong
    steps = letters.index(right) - letters.index(wrong)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    assert radios.nth(letters.index(right)).is_checked()
    page.keyboard.press("Tab")  # to the Check button
    page.keyboard.press("Space")
    page.wait_for_function(
        f"document.activeElement && document.activeElement.matches('#{box_id} summary')"
    )
    assert is_open(page, box_id)
    log.assert_clean()


def test_axe_with_feedback_and_answers_shown(visit):
    page, _, log = visit(PAGE["zh"])
    page.evaluate(
        """() => document.querySelectorAll(".exercise").forEach((box) => {
            const input = box.querySelector("input[type=text]");
            if (input) input.value = "0";
            box.querySelector("form").requestSubmit();
            box.querySelector("details").open = true;
        })"""
    )
    page.locator(".exercise-feedback p").first.wait_for()
    page.add_style_tag(content=LAY_OUT_ALL)  # colours are read off the layout
    page.add_script_tag(path=str(AXE))
    # The exercises only: test_browser_axe.py checks the whole page.
    found = page.evaluate(
        """async () => (await axe.run({include: [[".exercise"]]}, {resultTypes: ["violations"]}))
            .violations
            .filter((v) => ["serious", "critical"].includes(v.impact))
            .map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join("; "))"""
    )
    assert found == []
    log.assert_clean(everything=False)


@pytest.fixture(scope="module")
def no_script_context(browser, base_url):
    ctx = make_context(browser, base_url, viewport=sitebrowser.DESKTOP, java_script_enabled=False)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_answers_are_in_details(no_script_context, base_url, lang):
    page, _, _ = open_page(no_script_context, base_url, PAGE[lang])
    try:
        boxes = page.locator(".exercise")
        assert boxes.count() >= 2
        for i in range(boxes.count()):
            box = boxes.nth(i)
            answer = box.locator(":scope > details.exercise-answer")
            assert answer.count() == 1 and not answer.evaluate("(d) => d.open")
            assert box.locator("form, input, button").count() == 0
            assert box.locator(".exercise-option").count() in (0, *range(2, 9))
            answer.locator("summary").click()
            assert answer.locator("strong").first.is_visible()
    finally:
        close_page(page)
