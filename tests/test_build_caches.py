"""The caches that keep a page-text edit quick (issue 11): the glossary's annotated HTML and the
search entries are remembered per page by a hash of what they read, reused only while that is
unchanged, and entries a build did not use are removed."""

from types import SimpleNamespace

import pytest

from hooks import glossary, search_cache

PAGE = "<p>学习率很重要，偏置也是。</p>"


@pytest.fixture
def fresh_use(monkeypatch):
    """Each test starts as a new build process would: nothing used yet, no exit handler."""
    for module in (glossary, search_cache):
        monkeypatch.setattr(module, "USED", set())
    monkeypatch.setattr("atexit.register", lambda *args: None)


def test_glossary_cache_gives_what_annotate_gives_and_is_reused(tmp_path, monkeypatch, fresh_use):
    out = glossary.cached_annotate(PAGE, "zh", tmp_path)
    assert out == glossary.annotate(PAGE, "zh") and "glossary-term" in out
    assert len(list(tmp_path.glob("*.html"))) == 1

    def refuse(*args):
        raise AssertionError("annotated again although nothing changed")

    monkeypatch.setattr(glossary, "annotate", refuse)
    assert glossary.cached_annotate(PAGE, "zh", tmp_path) == out
    # Another page, or the same page in the other language, is annotated afresh.
    for content, lang in ((PAGE + "<p>迭代期</p>", "zh"), (PAGE, "en")):
        with pytest.raises(AssertionError, match="annotated again"):
            glossary.cached_annotate(content, lang, tmp_path)


def test_glossary_cache_is_keyed_on_the_glossary_too(tmp_path, monkeypatch, fresh_use):
    glossary.cached_annotate(PAGE, "zh", tmp_path)
    edited = tmp_path / "glossary.yml"
    edited.write_bytes(glossary.DATA.read_bytes() + b"\n# an edit\n")
    monkeypatch.setattr(glossary, "DATA", edited)
    glossary.cached_annotate(PAGE, "zh", tmp_path)
    assert len(list(tmp_path.glob("*.html"))) == 2


def test_glossary_cache_drops_entries_the_build_did_not_use(tmp_path, fresh_use):
    (tmp_path / "stale.html").write_text("old")
    glossary.cached_annotate(PAGE, "zh", tmp_path)
    glossary._prune(tmp_path)
    assert [p.name for p in tmp_path.glob("*.html")] == sorted(glossary.USED)


class FakeIndex:
    """Material's SearchIndex as far as the cache sees it: entries, and one call per page."""

    def __init__(self):
        self.entries, self.calls = [], 0

    def add_entry_from_context(self, page):
        self.calls += 1
        self.entries.append({"location": page.url, "title": page.title, "text": page.content})


def _page(content, url="learning/"):
    return SimpleNamespace(content=content, url=url, title="学习", toc=[], meta={})


def test_search_entries_are_reused_while_the_page_is_unchanged(tmp_path, fresh_use):
    first = FakeIndex()
    first.add_entry_from_context = search_cache.cached_indexer(first, tmp_path)
    first.add_entry_from_context(_page(PAGE))
    assert first.calls == 1
    # The next build: the same page gives the same entries without indexing it again.
    second = FakeIndex()
    second.add_entry_from_context = search_cache.cached_indexer(second, tmp_path)
    second.add_entry_from_context(_page(PAGE))
    assert second.calls == 0 and second.entries == first.entries
    # An edited page, or the same HTML at another address, is indexed again.
    second.add_entry_from_context(_page(PAGE + "<p>新的一句。</p>"))
    second.add_entry_from_context(_page(PAGE, url="en/learning/"))
    assert second.calls == 2 and len(second.entries) == 3
    (tmp_path / "stale.json").write_text("[]")
    search_cache._prune(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(search_cache.USED)


def test_katex_html_is_remembered_across_builds(tmp_path, monkeypatch):
    from mkdocs.exceptions import PluginError

    from hooks import katex

    monkeypatch.setattr("atexit.register", lambda *args: None)
    first = katex.Renderer(tmp_path)
    (out,) = first.render([("a^2", False)])
    assert 'class="katex"' in out
    first.save()
    first.close()
    # The next build finds it without starting Node; a new formula still goes to KaTeX.
    second = katex.Renderer(tmp_path)

    def refuse():
        raise AssertionError("Node started although the formula was cached")

    monkeypatch.setattr(second, "_start", refuse)
    assert second.render([("a^2", False)]) == [out]
    with pytest.raises(AssertionError, match="Node started"):
        second.render([("b^2", True)])
    # A formula KaTeX rejects fails the build every time: errors are never cached.
    third = katex.Renderer(tmp_path)
    for _ in range(2):
        with pytest.raises(PluginError, match="KaTeX cannot render"):
            third.render([(r"\notacommand x", False)])
    third.close()
