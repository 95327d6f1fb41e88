"""One printable book per language from the built site, printed to PDF by headless Chromium.

usage: python -m tools.pdf_book <site dir> <out dir>
  -> <out dir>/cross-entropy-zh.pdf and cross-entropy-en.pdf (and the book-<lang>.html they print)

mkdocs-print-site-plugin would combine the pages for us, but with mkdocs-static-i18n it only
collects the default language (its issue #70), so we combine the built pages ourselves:
a title page, a table of contents, then every page in nav order. Per page: the article only
(no header, nav, search or footer), ids prefixed by the page so anchors stay unique, links
between pages turned into links inside the PDF, other site links made absolute; every
`details` opened; exercise answers moved to an appendix; each video replaced by its poster, a
strip of key frames labelled with their epoch (cut from the site's MP4, tools/keyframes.py) and
the address of the page that plays it; the playground replaced by its address.
Print rules shared with the site are in docs/assets/print.css; tools/pdf_book.css adds the book's.
"""

import json
import os
import posixpath
import re
import sys
import tomllib
import unicodedata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

from figures_src.paths import GENERATED, ROOT
from tools import keyframes, sitebrowser

PREFIX = {"zh": "", "en": "en/"}
PDF_NAME = "cross-entropy-{lang}.pdf"
TEXT = {
    "zh": {
        "toc": "目录",
        "epoch": "迭代期 {epoch}",
        "frames": "动画截图（从视频中截取）",
        "watch": "在网页上观看这段动画：",
        "playground": "这个训练器要在网页上运行：",
        "answers": "练习答案",
        "exercise": "{page} · 练习 {n}",
        "answer_at": "答案见书末的“练习答案”。",
        "edition": "版本 {version} · 网页版：",
        "page": "第 {page} 页，共 {pages} 页",
    },
    "en": {
        "toc": "Contents",
        "epoch": "Epoch {epoch}",
        "frames": "Frames from the animation",
        "watch": "Watch this animation on the web: ",
        "playground": "This trainer runs on the web page: ",
        "answers": "Answers to the exercises",
        "exercise": "{page} · exercise {n}",
        "answer_at": "The answer is in “Answers to the exercises” at the end.",
        "edition": "Version {version} · on the web: ",
        "page": "Page {page} of {pages}",
    },
}
SCHEME = ("http:", "https:", "mailto:", "data:", "file:")
# Chromium's PDF maps some CJK glyphs to the radical that shares the glyph (页 as ⻚, 一 as ⼀),
# so copied or searched text would not match. Kangxi radicals fold by NFKC; the supplement's
# simplified radicals have no decomposition, hence this table (the ones our text can meet).
RADICALS = dict(
    zip(
        "⺁⺟⺠⻄⻅⻆⻈⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻰⻳",
        "厂母民西见角讠贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龙龟",
        strict=True,
    )
)
UNICODE_DEST = re.compile(rb"^(<[0-9A-Fa-f]+>\s+<)([0-9A-Fa-f]{4})(>)$", re.M)


class _EnvLoader(yaml.SafeLoader):
    pass


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EnvLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)


def settings():
    """(nav source files in order, site_url, version, {lang: site name})."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)

    site_url = os.environ.get("SITE_URL") or config["site_url"]
    site_url = site_url.rstrip("/") + "/"
    sources = [next(iter(item.values())) for item in config["nav"]]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    names = {"zh": config["site_name"]}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                names.setdefault(language["locale"], language.get("site_name", config["site_name"]))
    return sources, site_url, version, names


def page_path(source):
    """'index.md' -> '', 'learning.md' -> 'learning/', 'notebook.py' -> 'notebook/'."""
    stem = source.rsplit(".", 1)[0]
    return "" if stem == "index" else stem + "/"


def slug_of(path):
    return path.strip("/") or "home"


class Book:
    def __init__(self, site, lang, out_dir):
        self.site, self.lang, self.out_dir = Path(site).resolve(), lang, Path(out_dir).resolve()
        self.text = TEXT[lang]
        sources, self.site_url, self.version, names = settings()
        self.site_name = names[lang]
        self.paths = [PREFIX[lang] + page_path(s) for s in sources]
        self.slugs = {p: slug_of(p.removeprefix(PREFIX[lang])) for p in self.paths}
        self.answers = []

    # --- addresses ----------------------------------------------------------------------------
    def file_uri(self, site_path):
        return (self.site / site_path).as_uri()

    def resolve(self, page, href):
        """Site-relative path and fragment of a relative link on `page` ('en/learning/')."""
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(page, parts.path)) if parts.path else page
        if target == ".":
            target = ""
        if parts.path.endswith("/") and target:
            target += "/"
        if target and not target.endswith("/") and (self.site / target / "index.html").is_file():
            target += "/"
        return target, parts.fragment

    # --- one page -----------------------------------------------------------------------------
    def load(self, path):
        html = (self.site / path / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        article = soup.select_one("article.md-content__inner")
        if article is None:
            raise SystemExit(f"pdf_book: {path}index.html has no article (is the site built?)")
        return article

    def clean(self, article, path):
        slug = self.slugs[path]
        for junk in article.select(
            ".md-content__button, a.headerlink, a.anchor-link, .md-source-file, script,"
            " #downloads, .downloads"
        ):
            junk.decompose()
        title = article.find("h1")
        title_text = title.get_text(" ", strip=True) if title else slug
        for tag in article.find_all(id=True):
            tag["id"] = f"{slug}--{tag['id']}"
        for tag in article.find_all(attrs={"aria-describedby": True}):
            tag["aria-describedby"] = f"{slug}--{tag['aria-describedby']}"
        for a in article.find_all("a", href=True):
            if a.find("img") is not None:
                a.unwrap()  # the zoom link around a figure: the figure itself is printed
                continue
            a["href"] = self.link(path, a["href"])
        for tag in article.find_all(["img", "source", "track"]):
            if tag.has_attr("src"):
                tag["src"] = self.asset(path, tag["src"])
            if tag.has_attr("srcset"):
                tag["srcset"] = self.asset_list(path, tag["srcset"])
            if tag.has_attr("loading"):
                del tag["loading"]  # a lazy image may not be loaded when the page prints
        for details in article.find_all("details"):
            details["open"] = ""
        self.replace_videos(article, path)
        self.replace_playground(article, path)
        self.move_answers(article, slug, title_text)
        article.name = "article"
        article.attrs = {"class": ["md-typeset", "book-page"], "id": slug}
        return title_text

    def link(self, page, href):
        if href.startswith(SCHEME):
            return href
        if href.startswith("#"):
            return f"#{self.slugs[page]}--{href[1:]}" if href != "#" else f"#{self.slugs[page]}"
        target, fragment = self.resolve(page, href)
        if target in self.slugs:
            slug = self.slugs[target]
            return f"#{slug}--{fragment}" if fragment else f"#{slug}"
        return urljoin(self.site_url, target) + (f"#{fragment}" if fragment else "")

    def asset(self, page, src):
        if src.startswith(SCHEME):
            return src
        target, _ = self.resolve(page, src)
        return self.file_uri(target)

    def asset_list(self, page, value):
        """src, or a srcset's comma-separated `url [descriptor]` list."""
        items = []
        for item in value.split(","):
            url, *descriptor = item.strip().split()
            items.append(" ".join([self.asset(page, url), *descriptor]))
        return ", ".join(items)

    def online(self, page, fragment=""):
        return self.site_url + page + (f"#{fragment}" if fragment else "")

    def replace_videos(self, article, page):
        soup = BeautifulSoup("", "html.parser")
        for figure in article.select("figure.video"):
            video = figure.find("video")
            video_id = figure["id"].split("--", 1)[1].removeprefix("video-")
            strip = soup.new_tag("div", attrs={"class": "video-print"})
            poster = soup.new_tag("img", attrs={"class": "video-poster", "alt": ""})
            poster["src"] = self.asset(page, video["poster"])
            strip.append(poster)
            frames = soup.new_tag("div", attrs={"class": "video-frames"})
            label = soup.new_tag("p", attrs={"class": "video-frames-title"})
            label.string = self.text["frames"]
            strip.append(label)
            for shot in self.keyframes(video_id):
                cell = soup.new_tag("figure", attrs={"class": "video-frame"})
                img = soup.new_tag("img", attrs={"src": shot["uri"], "alt": ""})
                caption = soup.new_tag("figcaption")
                caption.string = self.text["epoch"].format(epoch=shot["epoch"])
                cell.extend([img, caption])
                frames.append(cell)
            strip.append(frames)
            watch = soup.new_tag("p", attrs={"class": "video-link"})
            watch.append(self.text["watch"])
            url = self.online(page, f"video-{video_id}")
            anchor = soup.new_tag("a", attrs={"href": url})
            anchor.string = url
            watch.append(anchor)
            strip.append(watch)
            video.replace_with(strip)

    def keyframes(self, video_id):
        video = GENERATED / "videos" / f"{video_id}-{self.lang}.mp4"
        frames_dir = self.out_dir / "frames"
        index = frames_dir / f"{video.stem}.json"
        if index.is_file() and index.stat().st_mtime >= video.stat().st_mtime:
            shots = json.loads(index.read_text(encoding="utf-8"))
        else:
            shots = keyframes.cut(video, video_id, frames_dir)
        return [{**s, "uri": (frames_dir / s["file"]).as_uri()} for s in shots]

    def replace_playground(self, article, page):
        soup = BeautifulSoup("", "html.parser")
        for box in article.select("[data-playground]"):
            note = soup.new_tag("p", attrs={"class": "print-note"})
            note.append(self.text["playground"])
            url = self.online(page)
            anchor = soup.new_tag("a", attrs={"href": url})
            anchor.string = url
            note.append(anchor)
            box.replace_with(note)

    def move_answers(self, article, slug, title):
        soup = BeautifulSoup("", "html.parser")
        for n, exercise in enumerate(article.select(".exercise"), 1):
            for details in exercise.select("details.exercise-answer"):
                answer_id = f"{slug}--answer-{n}"
                entry = soup.new_tag("section", attrs={"class": "book-answer", "id": answer_id})
                heading = soup.new_tag("h3")
                back = soup.new_tag("a", attrs={"href": f"#{exercise.get('id') or slug}"})
                back.string = self.text["exercise"].format(page=title, n=n)
                heading.append(back)
                entry.append(heading)
                summary = details.find("summary")
                if summary:
                    summary.decompose()
                for child in list(details.children):
                    entry.append(child.extract())
                self.answers.append(entry)
                ref = soup.new_tag("p", attrs={"class": "answer-ref"})
                link = soup.new_tag("a", attrs={"href": f"#{answer_id}"})
                link.string = self.text["answer_at"]
                ref.append(link)
                details.replace_with(ref)

    # --- the whole book -----------------------------------------------------------------------
    def html(self):
        home = BeautifulSoup(
            (self.site / PREFIX[self.lang] / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        head_links = [
            link["href"] for link in home.select("head link[rel=stylesheet]") if link.get("href")
        ]
        styles = [self.asset(PREFIX[self.lang], href) for href in head_links]
        name = self.site_name
        description = home.select_one("meta[name=description]")["content"]
        pages = []
        for path in self.paths:
            article = self.load(path)
            title = self.clean(article, path)
            pages.append((self.slugs[path], title, str(article)))
        toc = "".join(f'<li><a href="#{slug}">{title}</a></li>' for slug, title, _ in pages)
        answers = ""
        if self.answers:
            answers = (
                f'<article class="md-typeset book-page" id="answers">'
                f"<h1>{self.text['answers']}</h1>{''.join(map(str, self.answers))}</article>"
            )
        css = "".join(f'<link rel="stylesheet" href="{href}">' for href in styles)
        book_css = (ROOT / "tools" / "pdf_book.css").read_text(encoding="utf-8")
        edition = self.text["edition"].format(version=self.version)
        home_url = self.site_url + PREFIX[self.lang]
        return (
            f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{name}</title>{css}<style>{book_css}</style></head>"
            f'<body class="book" data-md-color-scheme="default" data-md-color-primary="indigo"'
            f' data-md-color-accent="deep-orange">'
            f'<section class="book-title md-typeset"><h1>{name}</h1><p>{description}</p>'
            f'<p class="book-edition">{edition}<a href="{home_url}">{home_url}</a></p></section>'
            f'<nav class="book-toc md-typeset"><h2>{self.text["toc"]}</h2><ol>{toc}</ol></nav>'
            + "".join(html for _, _, html in pages)
            + answers
            + "</body></html>"
        )


def _unradical(match):
    char = chr(int(match[2], 16))
    fixed = RADICALS.get(char) or unicodedata.normalize("NFKC", char)
    if len(fixed) != 1 or fixed == char or not 0x2E80 <= ord(char) <= 0x2FDF:
        return match[0]
    return match[1] + f"{ord(fixed):04X}".encode() + match[3]


def fix_cjk_text(path):
    """Point the fonts' ToUnicode maps at the ideographs instead of the look-alike radicals."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(path))
    done = set()
    for page in writer.pages:
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            font = font.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None or id(cmap.get_object()) in done:
                continue
            stream = cmap.get_object()
            done.add(id(stream))
            data = stream.get_data()
            fixed = UNICODE_DEST.sub(_unradical, data)
            if fixed != data:
                stream.set_data(fixed)
                font[NameObject("/ToUnicode")] = cmap
    with open(path, "wb") as out:
        writer.write(out)


def footer(lang):
    label = TEXT[lang]["page"].format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return f'<div style="width:100%;font-size:8px;color:#555;text-align:center">{label}</div>'


def build(site, out_dir, langs=("zh", "en")):
    from playwright.sync_api import sync_playwright

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = sitebrowser.launch(p)
        try:
            for lang in langs:
                book = Book(site, lang, out_dir)
                html_file = out_dir / f"book-{lang}.html"
                html_file.write_text(book.html(), encoding="utf-8")
                page = browser.new_page()
                page.goto(html_file.resolve().as_uri())
                page.wait_for_load_state("load")
                page.evaluate(
                    "() => Promise.all([document.fonts.ready,"
                    " ...[...document.images].map((i) => i.decode())])"
                )
                target = out_dir / PDF_NAME.format(lang=lang)
                tmp = target.with_suffix(".pdf.tmp")
                page.pdf(
                    path=str(tmp),
                    format="A4",
                    print_background=True,
                    display_header_footer=True,
                    header_template="<div></div>",
                    footer_template=footer(lang),
                    margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
                    outline=True,
                    tagged=True,
                )
                page.close()
                fix_cjk_text(tmp)
                tmp.replace(target)  # nothing half-written under the real name
        finally:
            browser.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m tools.pdf_book <site dir> <out dir>")
    if not (Path(sys.argv[1]) / "index.html").is_file():
        raise SystemExit(f"pdf_book: {sys.argv[1]} has no index.html: run `make site` first")
    build(sys.argv[1], sys.argv[2])
