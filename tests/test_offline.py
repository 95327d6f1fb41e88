"""The offline copy's plumbing without a browser: link rebasing and a byte-stable zip.

(tests/browser/test_browser_offline.py opens the real zip from file://.)
"""

import zipfile
from pathlib import Path

from hooks import offline
from tools import offline_zip

ROOT = Path(__file__).resolve().parent.parent


def test_raw_links_written_for_directory_urls_are_rebased_for_file_urls():
    assert offline.rebase("../assets/p.js", "playground.html") == "assets/p.js"
    assert offline.rebase("../assets/p.js", "en/playground.html") == "assets/p.js"  # en/assets
    assert offline.rebase("assets/p.js", "index.html") == "assets/p.js"
    assert offline.rebase("../../assets/p.js", "en/playground.html") == "../assets/p.js"
    assert offline.rebase("../glossary/", "en/learning.html") == "glossary/index.html"


def test_links_to_folders_get_index_html():
    sub = offline.LINK.sub
    fix = offline._folder_to_index
    assert sub(fix, '<a href="en/">') == '<a href="en/index.html">'
    assert sub(fix, '<a href="./">') == '<a href="./index.html">'
    assert sub(fix, '<a href="../#top">') == '<a href="../index.html#top">'
    for kept in ('<a href="learning.html">', '<a href="#x">', '<a href="https://a.b/">'):
        assert sub(fix, kept) == kept


def test_zip_is_one_folder_and_the_same_bytes_twice(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<html lang=zh>", encoding="utf-8")
    (site / "en" / "index.html").write_text("<html lang=en>", encoding="utf-8")
    first, second = tmp_path / "a" / "x-1.0.zip", tmp_path / "b" / "x-1.0.zip"
    offline_zip.pack(site, first)
    offline_zip.pack(site, second)
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert names == ["x-1.0/en/index.html", "x-1.0/index.html"]


def test_zip_refuses_a_missing_build(tmp_path):
    import pytest

    with pytest.raises(SystemExit, match="no index.html"):
        offline_zip.pack(tmp_path / "nothing", tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()
