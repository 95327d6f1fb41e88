"""axe-core finds no serious or critical accessibility problem, in either palette.

All rules run in the first palette; in the second, the rules that read colours.  axe skips the
spans KaTeX draws each formula with (see FORMULA_GLYPHS); the test checks instead that they take
the colour of the text around them, which axe does check."""

import pytest
from browser_helpers import LAY_OUT_ALL, ROOT, SCHEMES, set_scheme

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BAD = ("serious", "critical")

# The palettes differ only in colour: the rules that read colours run in each, the rest once.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# KaTeX draws a formula twice: as MathML, which screen readers read, and as thousands of spans
# hidden from them (.katex-html), which axe spent a third of its time on.  The site never colours
# a formula, so those spans only repeat the colour of the text the formula sits in.
FORMULA_GLYPHS = ".katex-html"
FORMULA_COLOURS = """(glyphs) => {
    const off = [];
    for (const formula of document.querySelectorAll(".katex")) {
        const text = getComputedStyle(formula.parentElement).color;
        for (const el of [formula, ...formula.querySelectorAll(glyphs + ", " + glyphs + " *")]) {
            const style = getComputedStyle(el);
            const background = style.backgroundColor;
            if (style.color !== text || (background !== "rgba(0, 0, 0, 0)"
                                         && background !== "transparent")) {
                off.push(`${el.className || el.tagName}: colour ${style.color} on `
                         + `${background}, text around it ${text}`);
                break;
            }
        }
    }
    return off;
}"""
RUN_AXE = """async ([only, skip]) => {
    const options = {resultTypes: ["violations"]};
    if (only) options.runOnly = {type: "rule", values: only};
    const result = await axe.run({exclude: [[skip]]}, options);
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        count: v.nodes.length,
    }));
}"""


def describe(violations):
    return "\n".join(
        f"  [{v['impact']}] {v['id']}: {v['help']} ({v['count']} nodes): " + "; ".join(v["targets"])
        for v in violations
    )


def test_no_serious_accessibility_violations(visit, page_path):
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: `make setup` installs node_modules")
    page, _, log = visit(page_path)
    # axe reads colours off the layout, which the browser skips for off-screen blocks with
    # content-visibility: auto (site.css): lay everything out, as it is once scrolled to.
    page.add_style_tag(content=LAY_OUT_ALL)
    page.add_script_tag(path=str(AXE))
    found = []
    for i, name in enumerate(SCHEMES):
        if not set_scheme(page, name):
            found.append(f"{name} palette: cannot switch to it (no palette toggle?)")
            continue
        only = COLOUR_RULES if i else None
        bad = [v for v in page.evaluate(RUN_AXE, [only, FORMULA_GLYPHS]) if v["impact"] in BAD]
        if bad:
            found.append(f"{name} palette:\n{describe(bad)}")
        off = page.evaluate(FORMULA_COLOURS, FORMULA_GLYPHS)
        if off:
            found.append(
                f"{name} palette: formulas not in their text's colour:\n  " + "\n  ".join(off[:5])
            )
    assert not found, f"/{page_path}:\n" + "\n".join(found)
    log.assert_clean(everything=False)
