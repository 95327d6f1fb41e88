"""The failure paths: a bad formula, a repeated equation tag and an overflowing run each stop
with one clear message; the glossary tooltips follow their matching rules."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from figures_src.model import cli
from hooks import glossary, katex

ROOT = Path(__file__).resolve().parent.parent


PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="slowdown.md"))


def _display(tex):
    return f'<div class="arithmatex">\\[{tex}\\]</div>'


# --- KaTeX ------------------------------------------------------------------------------------


def test_a_formula_katex_cannot_render_stops_the_build_naming_the_page():
    content = "<p>ok</p>" + _display(r"\frac{1}") + "<p>after</p>"
    with pytest.raises(PluginError, match=r"^slowdown\.md: KaTeX cannot render '\\\\frac\{1\}'"):
        katex.render_markdown_math(content, PAGE)


def test_an_unknown_command_stops_the_build():
    with pytest.raises(PluginError, match="KaTeX cannot render"):
        katex.render_markdown_math('<span class="arithmatex">\\(\\notacommand x\\)</span>', PAGE)


def test_two_equations_with_the_same_tag_are_refused():
    content = _display(r"a = 1 \tag{3}") + _display(r"b = 2 \tag{3}")
    with pytest.raises(PluginError, match=r"slowdown\.md: two equations are tagged '3'"):
        katex.render_markdown_math(content, PAGE)


def test_distinct_tags_become_anchors():
    html, ids = katex.render_markdown_math(_display(r"a \tag{1}") + _display(r"b \tag{2}"), PAGE)
    assert ids == {"eq-1", "eq-2"}
    assert 'id="eq-1"' in html and 'id="eq-2"' in html


# --- the trainer's command line ------------------------------------------------------------------


def test_an_overflowing_run_exits_2_with_one_line_and_prints_nothing(capsys):
    argv = ["--cost", "cross-entropy", "--w", "1e307", "--b", "1e308", "--eta", "1e300"]
    assert cli.main([*argv, "--x", "1e300", "--epochs", "3"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("trainer: error: the run overflowed")


def test_a_normal_run_prints_one_json_object(capsys):
    assert (
        cli.main(["--cost", "quadratic", "--w", "2", "--b", "2", "--eta", "1", "--epochs", "2"])
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert len(out["history"]["a"]) == 3


# --- glossary matching --------------------------------------------------------------------------


def _terms(html):
    return [a.get_text() for a in BeautifulSoup(html, "html.parser").select("abbr.glossary-term")]


def test_only_the_first_occurrence_of_a_term_gets_a_tooltip():
    html = glossary.annotate("<p>学习率很重要。</p><p>学习率再出现一次。</p>", "zh")
    assert _terms(html) == ["学习率"]
    assert BeautifulSoup(html, "html.parser").get_text() == "学习率很重要。学习率再出现一次。"


def test_a_chinese_term_is_found_inside_a_run_of_chinese_text():
    html = glossary.annotate("<p>我们把学习率调小一些</p>", "zh")
    assert _terms(html) == ["学习率"]
    assert BeautifulSoup(html, "html.parser").get_text() == "我们把学习率调小一些"


def test_english_terms_match_whole_words_only():
    assert _terms(glossary.annotate("<p>Overweighted, weighting: the Weight.</p>", "en")) == [
        "Weight"
    ]
    assert _terms(glossary.annotate("<p>overweighted, epochal</p>", "en")) == []


def test_terms_inside_code_math_and_headings_are_left_alone():
    html = (
        "<h2>学习率</h2><p><code>学习率</code></p>"
        '<p><span class="katex">学习率</span></p><p>正文里的学习率</p>'
    )
    out = BeautifulSoup(glossary.annotate(html, "zh"), "html.parser")
    (abbr,) = out.select("abbr.glossary-term")
    assert abbr.parent.name == "p" and abbr.parent.get_text() == "正文里的学习率"


def test_the_longest_name_wins():
    html = glossary.annotate("<p>交叉熵代价函数</p>", "zh")
    assert _terms(html) == ["交叉熵代价函数"]
