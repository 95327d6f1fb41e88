"""Publishing: the one URL setting, the sitemap and canonical links it feeds, and the workflow.

Reads site/ (built by `make site`, which `make test` runs first) and the repository's own files.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _EnvLoader(yaml.SafeLoader):
    pass


# mkdocs.yml's `!ENV [NAME, default]`: the default is what a build without the variable uses.
_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EnvLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *a: None)


def _mkdocs_yml():
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)


def site_url():
    """The site's URL as the built site was configured (SITE_URL, else mkdocs.yml's default)."""
    return os.environ.get("SITE_URL") or _mkdocs_yml()["site_url"]


def test_urls_are_set_once_with_an_environment_override():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL, \"https://[^\"]+/\"\]$", text, re.M)
    assert re.search(r"^repo_url: !ENV \[REPO_URL, \"https://github\.com/[^\"]+\"\]$", text, re.M)
    assert "repo_name:" not in text  # derived from repo_url by hooks/publish.py
    # No other project file spells the default address out (CITATION.cff is checked against it).
    config = _mkdocs_yml()
    host = urlsplit(config["site_url"]).netloc
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    spelled = [
        f
        for f in tracked
        if f not in ("mkdocs.yml", "CITATION.cff")
        and not f.startswith("tests/")
        and (ROOT / f).is_file()
        and host in (ROOT / f).read_text(encoding="utf-8", errors="replace")
    ]
    assert spelled == [], f"{host} is spelled out outside mkdocs.yml: {spelled}"


@pytest.mark.site  # runs mkdocs: seconds, not the fast tier
def test_a_bad_site_url_stops_the_build_with_one_line(tmp_path):
    env = {**os.environ, "SITE_URL": "ftp://nowhere/", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "site_url" in run.stderr and "ftp://nowhere/" in run.stderr, run.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def _html_pages(site):
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def _expected_url(site, path):
    rel = path.relative_to(site).parent.as_posix()
    return site_url() + ("" if rel == "." else rel + "/")


@pytest.fixture(scope="module")
def site():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make site` (make test does it first)")
    return SITE


def test_every_page_has_its_canonical_link_and_language(site):
    pages = _html_pages(site)
    assert len(pages) >= 10
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        rel = path.relative_to(site).as_posix()
        lang = "en" if rel.startswith("en/") else "zh"
        assert soup.html["lang"] == lang, rel
        canonical = soup.select("head link[rel=canonical]")
        assert [c["href"] for c in canonical] == [_expected_url(site, path)], rel
        # hreflang lives in the sitemap, absolute; none relative in the head
        assert not soup.select("head link[hreflang]"), rel


def test_sitemap_lists_both_languages_with_hreflang_alternates(site):
    import xml.etree.ElementTree as ET

    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.find(f"{SITEMAP}loc").text
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[loc] = alternates
    pages = {_expected_url(site, p) for p in _html_pages(site)}
    assert set(entries) == pages
    base = site_url()
    for loc, alternates in entries.items():
        assert set(alternates) == {"zh", "en"}, loc
        assert alternates["en"].startswith(base + "en/"), loc
        assert not alternates["zh"].startswith(base + "en/"), loc
        assert loc in alternates.values(), loc
        # each alternate is itself a listed page: the pairs are real twins
        assert set(alternates.values()) <= set(entries), loc


def _workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_tests_then_builds_on_debian_12_and_deploys_with_the_pages_actions():
    flow = _workflow()
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert on["push"]["branches"] == ["main"]
    build = flow["jobs"]["build"]
    assert build["container"] == "debian:12"
    runs = [s["run"].strip() for s in build["steps"] if "run" in s]
    assert runs.index("make test") < runs.index("make publish")
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    names = {u.split("@")[0] for u in uses}
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= names
    for use in uses:  # pinned to a release, never a moving branch
        assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", use), use
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_workflow_caches_are_keyed_on_their_inputs():
    build = _workflow()["jobs"]["build"]
    caches = {
        s["with"]["path"].strip(): s["with"]["key"]
        for s in build["steps"]
        if s.get("uses", "").startswith("actions/cache@")
    }
    assert "requirements.lock" in caches[".venv"]
    assert "package-lock.json" in caches["node_modules"]
    media = next(key for path, key in caches.items() if "docs/generated" in path)
    assert "figures_src/**" in media and "hashFiles(" in media


def test_workflow_passes_actionlint():
    run = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "actionlint"), str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
