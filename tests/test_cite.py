"""Cite and reuse: CITATION.cff, the BibTeX block and licence on the home page, the corrections log.

Reads the repository's files and site/ (built by `make site`, which `make test` runs first).
"""

import datetime
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.test_publish import _mkdocs_yml, site_url

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
LANGS = ("zh", "en")
# SPDX ids the citation may name: the code's and the content's licences, and the book's.
SPDX = {"MIT", "CC-BY-NC-4.0", "CC-BY-NC-3.0"}
CFF_KEYS = {  # CFF 1.2.0 top-level keys this file may use, and their types
    "cff-version": str,
    "message": str,
    "type": str,
    "title": str,
    "abstract": str,
    "authors": list,
    "version": str,
    "date-released": datetime.date,
    "url": str,
    "repository-code": str,
    "license": list,
    "keywords": list,
    "references": list,
}


def _cff():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _person_ok(person):
    named = person.get("family-names") and person.get("given-names")
    return bool(person.get("name") or named)


def test_citation_cff_is_valid_cff_1_2_0():
    cff = _cff()
    assert cff["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors"} <= set(cff)
    for key, value in cff.items():
        assert key in CFF_KEYS, f"unexpected key {key}"
        assert isinstance(value, CFF_KEYS[key]), (key, type(value))
    assert cff["type"] in ("software", "dataset")
    assert cff["authors"] and all(_person_ok(p) for p in cff["authors"])
    assert set(cff["license"]) <= SPDX
    for ref in cff["references"]:
        assert {"type", "title", "authors"} <= set(ref)
        assert all(_person_ok(p) for p in ref["authors"])
        assert ref.get("license", "CC-BY-NC-3.0") in SPDX


def test_citation_agrees_with_the_project_settings():
    cff = _cff()
    config = _mkdocs_yml()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["version"] == project["version"]
    assert cff["url"] == config["site_url"]
    assert cff["repository-code"] == config["repo_url"]
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = i18n["languages"]
    english = next(lang for lang in languages if lang["locale"] == "en")
    assert cff["title"] == english["site_name"]
    book = cff["references"][0]
    assert book["url"] == "http://neuralnetworksanddeeplearning.com/chap3.html"
    assert book["license"] == "CC-BY-NC-3.0"


def test_licence_file_is_mit_and_points_at_the_content_licence():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "CC BY-NC 4.0" in text


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make site` (make test does it first)")
    return SITE


def _page(site, lang, name=""):
    path = site / ("en" if lang == "en" else "") / name / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _bibtex_fields(text):
    return dict(re.findall(r"^\s*(\w+)\s*=\s*\{(.*)\},?$", text, re.M))


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_bibtex_and_the_licences(site, lang):
    soup = _page(site, lang)
    blocks = [c.get_text() for c in soup.select("article pre code") if "@misc{" in c.get_text()]
    assert len(blocks) == 1, "one BibTeX entry on the home page"
    fields = _bibtex_fields(blocks[0])
    site_name = soup.select_one("meta[property='og:title']") or soup.title
    title = fields["title"].strip("{}")
    assert title and title in site_name.get_text()
    assert fields["url"] == site_url()
    assert fields["year"] == str(_cff()["date-released"].year)
    assert fields["version"] == _cff()["version"]
    assert _cff()["authors"][0]["name"] in fields["author"]
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    repo = os.environ.get("REPO_URL") or _mkdocs_yml()["repo_url"]
    assert f"{repo}/blob/main/LICENSE" in hrefs
    assert f"{repo}/blob/main/CITATION.cff" in hrefs
    assert any("creativecommons.org/licenses/by-nc/4.0" in h for h in hrefs)
    assert any("creativecommons.org/licenses/by-nc/3.0" in h for h in hrefs)
    assert any(h.endswith("corrections/") for h in hrefs)


def _corrections(site, lang):
    soup = _page(site, lang, "corrections")
    rows = []
    for tr in soup.select("article table tbody tr"):
        date, what, commit = tr.find_all("td")
        link = commit.find("a")
        rows.append((date.get_text(strip=True), what.get_text(strip=True), link["href"]))
    return soup, rows


def test_corrections_log_is_the_same_in_both_languages_and_links_real_commits(site):
    repo = os.environ.get("REPO_URL") or _mkdocs_yml()["repo_url"]
    logs = {lang: _corrections(site, lang)[1] for lang in LANGS}
    assert logs["zh"], "the log has at least its first entry"
    strip = [[(d, href) for d, _, href in rows] for rows in logs.values()]
    assert strip[0] == strip[1], "same dates and commits in both languages"
    dates = [datetime.date.fromisoformat(d) for d, _, _ in logs["zh"]]
    assert dates == sorted(dates, reverse=True), "newest first"
    for _, what, href in logs["zh"] + logs["en"]:
        assert what
        match = re.fullmatch(re.escape(repo) + r"/commit/([0-9a-f]{7,40})", href)
        assert match, href
        known = subprocess.run(
            ["git", "cat-file", "-e", match[1] + "^{commit}"], cwd=ROOT, capture_output=True
        )
        assert known.returncode == 0, f"commit {match[1]} is not in the repository"
    assert re.search("[\u4e00-\u9fff]", logs["zh"][0][1])


@pytest.mark.parametrize("lang", LANGS)
def test_corrections_page_is_in_the_nav_and_the_contributing_page_asks_for_entries(site, lang):
    home = _page(site, lang)
    assert any(a["href"].rstrip("/").endswith("corrections") for a in home.select("nav a[href]"))
    contributing = _page(site, lang, "contributing")
    section = contributing.find(id="corrections")
    assert section is not None and section.name == "h2"
    text = ""
    for sibling in section.find_next_siblings():
        if sibling.name == "h2":
            break
        text += sibling.get_text()
        hrefs = [a["href"] for a in sibling.find_all("a", href=True)]
        assert all("{{" not in h for h in hrefs)
    assert "docs/corrections.md" in text and "docs/corrections.en.md" in text
    assert "{{ commit" in text
