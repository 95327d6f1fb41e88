"""The PDF books (`make pdf`) and the downloads on the home page (`make publish`).

Reads build/pdf/ and site/, which `make test` builds first (pdf, offline, then publish).
Text is compared with all whitespace removed (lines break anywhere in Chinese).
"""

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tools import pdf_book

ROOT = Path(__file__).resolve().parent.parent
PDF_DIR = ROOT / "build" / "pdf"
SITE = ROOT / "site"
DATA = ROOT / "docs" / "generated" / "data"
LANGS = ("zh", "en")
PAGES = (20, 80)  # a page count outside this range means pages went missing or broke apart
FORMULAS = ("σ′(z)", "a − y", "∂C", "∂w", "∂b")
HAN = re.compile(r"[\u4e00-\u9fff]")
FOOTER = {"zh": re.compile(r"第\s*\d+\s*页，共\s*\d+\s*页"), "en": re.compile(r"Page \d+ of \d+")}


def norm(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=LANGS)
def book(request):
    lang = request.param
    path = PDF_DIR / pdf_book.PDF_NAME.format(lang=lang)
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make pdf`")
    from pypdf import PdfReader  # heavy: imported by the tests that read a PDF, not at collection

    reader = PdfReader(path)
    # The text as a reader's viewer copies it: poppler's pdftotext (seconds faster than pypdf's
    # own extraction), one form feed after each page.
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    texts = out.stdout.decode("utf-8").split("\f")[:-1]
    assert len(texts) == len(reader.pages)
    return lang, reader, texts


def nav_titles(lang):
    """Each nav page's title, as its built page's h1 says, in nav order."""
    sources, *_ = pdf_book.settings()
    titles = []
    for source in sources:
        path = SITE / pdf_book.PREFIX[lang] / pdf_book.page_path(source) / "index.html"
        h1 = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
        for link in h1.select("a"):
            link.decompose()
        titles.append(h1.get_text(" ", strip=True))
    return titles


def number(scenario, *path, fmt):
    value = json.loads((DATA / f"{scenario}.json").read_text(encoding="utf-8"))
    for key in path:
        value = value[int(key)] if isinstance(value, list) else value[key]
    return format(value, fmt)


def test_page_count_is_in_range(book):
    _, reader, _ = book
    assert PAGES[0] <= len(reader.pages) <= PAGES[1], len(reader.pages)


def test_title_page_and_contents(book):
    lang, _, texts = book
    _, _, _, names = pdf_book.settings()
    assert norm(names[lang]) in norm(texts[0])
    assert norm(pdf_book.TEXT[lang]["toc"]) in norm(texts[1])
    for title in nav_titles(lang):
        assert norm(title) in norm(texts[1]), f"contents lack {title!r}"


def test_every_page_is_there_in_nav_order(book):
    lang, reader, texts = book
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    chapters = [(norm(e.title), reader.get_destination_page_number(e)) for e in top[1:]]
    pages = []
    for title in nav_titles(lang):
        match = [page for heading, page in chapters if heading.startswith(norm(title))]
        assert match, f"no chapter {title!r} in the outline"
        assert norm(title) in norm(texts[match[0]]), f"{title!r} not on its page"
        pages.append(match[0])
    assert pages == sorted(pages), "chapters out of nav order"
    assert len(set(pages)) == len(pages)


def test_formulas_numbers_and_language_are_extractable_text(book):
    lang, _, texts = book
    text = norm("".join(texts))
    for formula in FORMULAS:
        assert norm(formula) in text, formula
    for scenario, path, fmt in [
        ("quadratic-start2", ("history", "a", "150"), ".2f"),
        ("quadratic-start2", ("final", "a"), ".2f"),
        ("cross-entropy-start2", ("final", "a"), ".3f"),
        ("cross-entropy-start2", ("history", "a", "150"), ".3f"),
    ]:
        assert number(scenario, *path, fmt=fmt) in text, (scenario, path)
    # Chromium names some glyphs by their look-alike radical (页 as ⻚); tools/pdf_book.py
    # fixes the fonts' ToUnicode maps, so copied text is the real characters.
    radicals = sorted({c for c in text if 0x2E80 <= ord(c) <= 0x2FDF})
    assert not radicals, f"radicals instead of ideographs: {radicals}"
    han = len(HAN.findall(text))
    if lang == "zh":
        assert han > 5000, f"only {han} Chinese characters extractable"
        assert "交叉熵代价函数" in text and "迭代期" in text
    else:
        assert "cross-entropycost" in text and "epoch" in text


def _fonts(reader):
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            yield font.get_object()


def test_fonts_are_embedded(book):
    _, reader, _ = book
    count = 0
    for font in _fonts(reader):
        count += 1
        if font["/Subtype"] == "/Type3":  # glyphs drawn inside the PDF itself
            assert "/CharProcs" in font and "/ToUnicode" in font
            continue
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")
    assert count > 0


def test_no_page_is_blank(book):
    lang, reader, texts = book
    for number_, (page, text) in enumerate(zip(reader.pages, texts, strict=True), 1):
        body = FOOTER[lang].sub("", text).strip()
        images = page.get("/Resources", {}).get("/XObject", {})
        assert body or images, f"page {number_} is blank"


def test_videos_print_as_frames_with_epochs_and_a_link(book):
    lang, _, texts = book
    text = "".join(texts)
    frames = text.count(pdf_book.TEXT[lang]["frames"])
    assert frames >= 6, frames  # every video of the site appears at least once
    word = pdf_book.TEXT[lang]["epoch"].format(epoch="")
    assert text.count(word.strip()) >= 5 * frames
    assert norm(pdf_book.TEXT[lang]["watch"]) in norm(text)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_links_the_downloads_with_their_sizes(lang):
    from hooks import publish

    home = SITE / pdf_book.PREFIX[lang] / "index.html"
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    items = soup.select("ul.downloads > li")
    files = publish.download_files()
    assert len(items) == len(files)
    for _, _, path in files:
        item = next((li for li in items if li.a and li.a["href"].endswith(path.name)), None)
        assert item is not None, f"{path.name} is not linked (run `make publish`)"
        served = (home.parent / item.a["href"]).resolve()
        assert served.read_bytes() == path.read_bytes()
        assert publish.human_size(path.stat().st_size) in item.get_text()
