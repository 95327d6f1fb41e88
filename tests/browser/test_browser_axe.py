"""axe-core finds no serious or critical accessibility problem, in either palette.

All rules run in the first palette; in the second, the rules that read colours."""

import pytest
from browser_helpers import ROOT, SCHEMES, set_scheme

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BAD = ("serious", "critical")

# The palettes differ only in colour: the rules that read colours run in each, the rest once.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
RUN_AXE = """async (only) => {
    const options = {resultTypes: ["violations"]};
    if (only) options.runOnly = {type: "rule", values: only};
    const result = await axe.run(document, options);
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
    page.add_style_tag(content="*{transition:none!important;content-visibility:visible!important}")
    page.add_script_tag(path=str(AXE))
    found = []
    for i, name in enumerate(SCHEMES):
        if not set_scheme(page, name):
            found.append(f"{name} palette: cannot switch to it (no palette toggle?)")
            continue
        bad = [v for v in page.evaluate(RUN_AXE, COLOUR_RULES if i else None) if v["impact"] in BAD]
        if bad:
            found.append(f"{name} palette:\n{describe(bad)}")
    assert not found, f"/{page_path}:\n" + "\n".join(found)
    log.assert_clean(everything=False)
