"""Search finds the cross-entropy page first, in the reader's language only."""

import re
from urllib.parse import urlsplit

import pytest

CJK = re.compile(r"[\u4e00-\u9fff]")

CASES = [
    # (home page, query, page expected first, results' language)
    ("", "交叉熵", "/cross-entropy/", "zh"),
    ("en/", "cross-entropy", "/en/cross-entropy/", "en"),
]


def search(page, query):
    """Type ``query`` into Material's search box; returns [(path, title), ...] in order."""
    box = page.locator("[data-md-component=search-query]")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    # The whole query arrives at once, as Chinese does from an input method (inserted text
    # without a keyup of its own); the key that commits it (here End) gives the keyup Material's
    # search listens to.  One query, so the first results listed are its results.
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.evaluate(
        """() => [...document.querySelectorAll(
                ".md-search-result__list > .md-search-result__item > a")]
            .map((a) => [a.href, (a.querySelector("h1, h2") || a).innerText.trim()])"""
    )


@pytest.mark.parametrize("home, query, first, lang", CASES, ids=["zh", "en"])
def test_search_lists_cross_entropy_first(visit, home, query, first, lang):
    page, _, log = visit(home)
    results = search(page, query)
    assert results, f"no results for {query!r}"
    paths = [urlsplit(href).path for href, _ in results]
    listing = "\n".join(f"  {p}  {t}" for p, (_, t) in zip(paths, results, strict=True))
    assert paths[0] == first, f"{query!r}: first result {paths[0]}, expected {first}\n{listing}"
    if lang == "en":
        wrong = [p for p in paths if not p.startswith("/en/")]
        in_lang = not CJK.search(results[0][1])
    else:
        wrong = [p for p in paths if p.startswith("/en/")]
        in_lang = bool(CJK.search(results[0][1]))
    assert not wrong, f"{query!r} on the {lang} site lists other-language pages:\n{listing}"
    assert in_lang, f"first result's title {results[0][1]!r} is not in {lang}"
    log.assert_clean(everything=False)


INDEX_LOADED = """() => performance.getEntriesByType("resource")
    .some((entry) => /search_index\\.(zh|en)\\.json$/.test(entry.name))"""


@pytest.mark.parametrize("path", ["learning/", "en/learning/"])
def test_search_index_loads_only_when_the_reader_turns_to_search(visit, path):
    page, _, log = visit(path)
    page.wait_for_load_state("networkidle")
    assert not page.evaluate(INDEX_LOADED), "the search index loaded before anyone searched"
    box = page.locator("[data-md-component=search-query]")
    if not box.is_visible():  # a phone: the search icon opens the box
        page.locator("label[for=__search]").first.click()
    box.click()
    page.wait_for_function(INDEX_LOADED, timeout=10000)
    log.assert_clean(everything=False)
