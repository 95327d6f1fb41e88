"""Tab reaches every control, and each one shows that it has the focus.

The test tabs through the page while the page records which element gets the focus and how
it looks; then it blurs and looks again.  A control that shows its focus only once the page
has reacted is focused again and given that moment.  An element "shows focus" when its
outline, shadow, background, colour, border, underline or opacity differ (or those of the
element that draws its focus ring: the label of Material's hidden palette radio, the search
form).
"""

TRANSITIONS_OFF = "*, *::before, *::after { transition: none !important; }"

SETUP = """() => {
    const required = {
        "header search box": document.querySelector(".md-search__input"),
        "palette toggle": document.querySelector("form[data-md-component=palette] :checked")
            || document.querySelector("form[data-md-component=palette] input"),
        "language selector": document.querySelector(".md-select button, .md-select__link"),
    };
    const controls = "a[href], button, video[controls], audio[controls], summary, input, "
        + "select, textarea, iframe, [tabindex]:not([tabindex='-1'])";
    const main = [...document.querySelectorAll(".md-content :is(" + controls + ")")]
        .filter((el) => !el.disabled && el.checkVisibility())
        .filter((el) => {
            // Tab visits one radio per group: the checked one, else the first.
            if (el.type !== "radio") return true;
            const group = [...(el.form || document).querySelectorAll(
                `input[type=radio][name="${CSS.escape(el.name)}"]`)];
            return el === (group.find((r) => r.checked) || group[0]);
        });
    main.forEach((el, i) => {
        const text = (el.innerText || el.getAttribute("aria-label") || el.title || "").trim();
        required[`main content ${el.tagName.toLowerCase()} #${i} "${text.slice(0, 40)}"`] = el;
    });
    let n = 0;
    const names = {};
    for (const [name, el] of Object.entries(required)) {
        if (!el) { names[name] = null; continue; }
        if (!el.dataset.kb) el.dataset.kb = String(n++);
        names[name] = el.dataset.kb;
    }
    const all = document.querySelectorAll(controls);
    return {names, limit: all.length + 40};
}"""

# How an element looks: the style of the element and of whatever draws its focus ring.
DESCRIBE = """(el) => {
    const rings = [el];
    if (el.matches("input.md-option") && el.nextElementSibling) rings.push(el.nextElementSibling);
    if (el.closest(".md-search__form")) rings.push(el.closest(".md-search__form"));
    const props = ["outline-style", "outline-width", "outline-color", "box-shadow",
        "background-color", "color", "text-decoration-line", "border-color", "opacity"];
    return {rings: rings.length, look: rings.map((r) => {
        const s = getComputedStyle(r);
        return props.map((p) => s.getPropertyValue(p));
    })};
}"""

# The page records where each Tab left the focus, as it happens (the key's keyup comes after
# the focus moved), so the test presses Tab in a row and reads the record once.  Focus that left
# the page is recorded as null (or not at all: the page then gets no keyup).
RECORD = f"""() => {{
    window.kbSeen = [];
    window.addEventListener("keyup", (e) => {{
        if (e.key !== "Tab") return;
        const el = document.activeElement;
        if (!el || el === document.body) {{ window.kbSeen.push(null); return; }}
        if (!el.dataset.kb) el.dataset.kb = "tab" + window.kbSeen.length;
        const {{rings, look}} = ({DESCRIBE})(el);
        window.kbSeen.push({{
            kb: el.dataset.kb,
            what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className)
                .split(" ").join(".") : "") + " " + (el.getAttribute("href") || el.id || ""),
            visible: el.checkVisibility() && el.getBoundingClientRect().width > 0 || rings > 1,
            look,
        }});
    }}, true);
}}"""

# A frame after a moment (or a second at most: a page that draws no frame never hangs the test).
SETTLE = (
    "new Promise((r) => { setTimeout(() => requestAnimationFrame(r), 5); setTimeout(r, 1000); })"
)

# Some controls show their focus only once the page has reacted to it (Material opens search
# a moment after its box gets the focus): focus those again (the last input was the keyboard,
# so :focus-visible holds), let the page react, and look.
LATER = f"""async ([keys, unfocused]) => {{
    const looks = {{}};
    for (const key of keys) {{
        const el = document.querySelector(`[data-kb='${{key}}']`);
        el.focus();
        // Until the look changes, for a second at most (a busy machine reacts later).
        const start = performance.now();
        do {{
            await {SETTLE};
            looks[key] = ({DESCRIBE})(el).look;
        }} while (JSON.stringify(looks[key]) === JSON.stringify(unfocused[key])
                 && performance.now() - start < 1000);
        el.blur();
        await {SETTLE};
    }}
    return looks;
}}"""

# Blur, let the page react once, then the look of every visited element (one round trip).
UNFOCUSED = f"""async (keys) => {{
    if (document.activeElement) document.activeElement.blur();
    await {SETTLE};
    const looks = {{}};
    for (const key of keys) {{
        looks[key] = ({DESCRIBE})(document.querySelector(`[data-kb='${{key}}']`)).look;
    }}
    return looks;
}}"""


def visits(record):
    """The controls Tab visited, in order, up to where focus left the page or wrapped round;
    and whether it did."""
    seen = {}
    first = None
    for state in record:
        if state is None:
            if first is not None:
                return seen, True  # focus left the page's last control
            continue
        if state["kb"] == first:
            return seen, True  # wrapped round
        first = first or state["kb"]
        seen.setdefault(state["kb"], state)
    return seen, False


def shows_focus(focused, unfocused):
    """True if the focused look differs visibly from the unfocused one."""
    for ring_f, ring_u in zip(focused, unfocused, strict=True):
        style, width = ring_f[0], ring_f[1]
        if style != "none" and width not in ("0px", "") and ring_f[:3] != ring_u[:3]:
            return True
        if ring_f[3:] != ring_u[3:]:
            return True
    return False


def test_tab_reaches_every_control_with_visible_focus(visit, page_path):
    page, _, log = visit(page_path)
    page.add_style_tag(content=TRANSITIONS_OFF)
    setup = page.evaluate(SETUP)
    page.evaluate(RECORD)
    # Tab in batches, reading the record after each, until focus left the page or wrapped round.
    for _ in range(0, setup["limit"], 20):
        for _ in range(20):
            page.keyboard.press("Tab")
        record = page.evaluate("window.kbSeen")
        seen, ended = visits(record)
        if ended:
            break
    shown = [key for key, state in seen.items() if state["visible"]]  # others draw nothing
    unfocused = page.evaluate(UNFOCUSED, shown)

    missing = [name for name, kb in setup["names"].items() if kb is None or kb not in seen]
    slow = [key for key in shown if not shows_focus(seen[key]["look"], unfocused[key])]
    later = page.evaluate(LATER, [slow, {key: unfocused[key] for key in slow}]) if slow else {}
    hidden_focus = [
        seen[key]["what"] for key in slow if not shows_focus(later[key], unfocused[key])
    ]
    report = []
    if missing:
        report.append("not reachable with Tab:\n  " + "\n  ".join(missing))
    if hidden_focus:
        report.append("no visible focus:\n  " + "\n  ".join(hidden_focus))
    assert not report, f"/{page_path}:\n" + "\n".join(report)
    log.assert_clean(everything=False)
