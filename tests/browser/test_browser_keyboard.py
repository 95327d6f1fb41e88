"""Tab reaches every control, and each one shows that it has the focus.

The test tabs through the page, recording which element has the focus and how it looks;
then it blurs and looks again.  An element "shows focus" when its outline, shadow,
background, colour, border, underline or opacity differ (or those of the element that
draws its focus ring: the label of Material's hidden palette radio, the search form).
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

# Let the page react to a change of focus first (Material opens search a moment after focus).
SETTLE = "new Promise((r) => setTimeout(() => requestAnimationFrame(r), 5))"

LOOK = f"""async (el) => {{
    if (!el || el === document.body) return null;
    await {SETTLE};
    const {{rings, look}} = ({DESCRIBE})(el);
    // Tag every element the focus visits, so it can be found again after blurring.
    if (!el.dataset.kb) el.dataset.kb = "tab" + (window.kbCount = (window.kbCount || 0) + 1);
    return {{
        kb: el.dataset.kb,
        what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")
            .join(".") : "") + " " + (el.getAttribute("href") || el.id || ""),
        visible: el.checkVisibility() && el.getBoundingClientRect().width > 0
            || rings > 1,
        look,
    }};
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
    seen = {}  # data-kb or description -> (what, focused look, visible)
    first = None
    for _ in range(setup["limit"]):
        page.keyboard.press("Tab")
        state = page.evaluate(f"({LOOK})(document.activeElement)")
        if state is None:
            if first is not None:
                break  # focus left the page's last control
            continue
        key = state["kb"]
        if key == first:
            break  # wrapped round
        first = first or key
        seen.setdefault(key, state)
    shown = [key for key, state in seen.items() if state["visible"]]  # others draw nothing
    unfocused = page.evaluate(UNFOCUSED, shown)

    missing = [name for name, kb in setup["names"].items() if kb is None or kb not in seen]
    hidden_focus = []
    for key in shown:
        state = seen[key]
        if not shows_focus(state["look"], unfocused[key]):
            hidden_focus.append(state["what"])
    report = []
    if missing:
        report.append("not reachable with Tab:\n  " + "\n  ".join(missing))
    if hidden_focus:
        report.append("no visible focus:\n  " + "\n  ".join(hidden_focus))
    assert not report, f"/{page_path}:\n" + "\n".join(report)
    log.assert_clean(everything=False)
