"""On a 390 x 844 phone no page scrolls sideways, and figures and videos fit the screen."""

from browser_helpers import lay_out_everything

MEASURE = """() => {
    const width = window.innerWidth;
    const describe = (el) => {
        const r = el.getBoundingClientRect();
        const id = el.id ? "#" + el.id : "";
        const cls = el.classList.length ? "." + [...el.classList].join(".") : "";
        const src = el.currentSrc || el.getAttribute("src") || "";
        return `${el.tagName.toLowerCase()}${id}${cls} ${src} x=${r.left.toFixed(0)}..`
            + `${r.right.toFixed(0)}`;
    };
    const media = [...document.querySelectorAll(".md-content figure, .md-content img, video")];
    const tooWide = media.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.width > width + 0.5 || r.left < -0.5 || r.right > width + 0.5);
    });
    // Elements sticking out of the page: the likely cause of a sideways scroll (looked for only
    // when the page does scroll sideways: it reads the style of every element's ancestors).
    const scrollWidth = document.documentElement.scrollWidth;
    const all = scrollWidth <= width ? [] : [...document.body.querySelectorAll("*")];
    const sticking = all.filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 0.5) return false;
        for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") {
                if (p !== document.body && p !== document.documentElement) return false;
            }
        }
        return true;
    });
    return {width, scrollWidth,
            tooWide: tooWide.map(describe), sticking: sticking.slice(0, 8).map(describe)};
}"""


def test_phone_no_sideways_scroll(visit_phone, page_path):
    page, response, log = visit_phone(page_path)
    assert response.status == 200
    lay_out_everything(page)
    found = page.evaluate(MEASURE)
    assert found["scrollWidth"] <= found["width"], (
        f"/{page_path} scrolls sideways on a phone: scrollWidth {found['scrollWidth']} > "
        f"{found['width']}; sticking out:\n  " + "\n  ".join(found["sticking"])
    )
    assert not found["tooWide"], (
        f"/{page_path}: figures/videos wider than the phone:\n  " + "\n  ".join(found["tooWide"])
    )
    log.assert_clean(everything=False)
