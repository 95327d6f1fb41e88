"""How tools/pdf_book.py turns one built page into a chapter, on small made-up pages."""

from bs4 import BeautifulSoup

from tools import pdf_book

PAGE = """<article class="md-content__inner md-typeset">
<a class="md-content__button" href="edit">edit</a>
<h1 id="top">Title<a class="headerlink" href="#top">¶</a></h1>
<p><a href="#eq">same page</a> <a href="../cross-entropy/#eq-1">other page</a>
<a href="https://example.org/x">outside</a> <a href="../generated/data/x.json">a file</a></p>
<div class="exercise" id="ex1"><p>Question?</p>
<details class="exercise-answer"><summary>Answer</summary><p>Because.</p></details></div>
<details class="note"><summary>More</summary><p>Hidden text.</p></details>
<img src="../generated/figures/f.svg" loading="lazy" alt="">
</article>"""


def chapter(tmp_path, lang="zh"):
    book = pdf_book.Book(tmp_path, lang, tmp_path / "out")
    article = BeautifulSoup(PAGE, "html.parser").article
    page = pdf_book.PREFIX[lang] + "learning/"
    title = book.clean(article, page)
    return book, article, title


def test_links_become_chapters_and_addresses(tmp_path):
    book, article, title = chapter(tmp_path)
    assert title == "Title"
    hrefs = [a["href"] for a in article.select("p a")]
    assert hrefs[0] == "#learning--eq"
    assert hrefs[1] == "#cross-entropy--eq-1"
    assert hrefs[2] == "https://example.org/x"
    assert hrefs[3] == book.site_url + "generated/data/x.json"
    assert article["id"] == "learning" and article.h1["id"] == "learning--top"
    assert not article.select(".md-content__button, .headerlink")


def test_details_open_answers_move_to_the_appendix(tmp_path):
    book, article, _ = chapter(tmp_path)
    assert all(d.has_attr("open") for d in article.find_all("details"))
    assert "Because." not in article.get_text()
    assert article.select_one(".answer-ref a")["href"] == "#learning--answer-1"
    (answer,) = book.answers
    assert answer["id"] == "learning--answer-1" and "Because." in answer.get_text()
    assert "练习 1" in answer.h3.get_text()


def test_images_load_eagerly_from_the_site_on_disk(tmp_path):
    _, article, _ = chapter(tmp_path)
    img = article.find("img")
    assert not img.has_attr("loading")
    assert img["src"] == (tmp_path / "generated/figures/f.svg").resolve().as_uri()
