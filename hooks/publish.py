"""Where the site lives and how to cite and reuse it.

The one setting is in mkdocs.yml: `site_url` and `repo_url`, which a fork overrides with SITE_URL
and REPO_URL. This hook derives what follows from them:

- `repo_name` ("owner/name", shown in the header) from `repo_url`;
- a site_url that is not an absolute http(s) URL stops the build with one line (canonical links and
  the sitemap would otherwise point nowhere);
- page placeholders that need the addresses (expanded before hooks/placeholders.py sees the page):
  `{{ cite bibtex }}`    the BibTeX entry, from CITATION.cff and the site's own name and URL;
  `{{ commit <hash> }}`  a link to that commit in the repository (the corrections log);
  `{{ repo_file <path> }}` a link to a file of the repository, which must exist.
"""

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent
sys.path.insert(0, str(HOOKS))  # MkDocs restores sys.path after loading a hook
from placeholders import TOKEN  # noqa: E402  (the same rules for skipping code and math)

OURS = ("cite", "commit", "repo_file")
HASH = re.compile(r"[0-9a-f]{7,40}")


def _absolute(name, url):
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(f"{name} must be an absolute http(s) URL, got {url!r}")
    return parts


def on_config(config):
    _absolute("site_url (SITE_URL)", config.site_url)
    repo = _absolute("repo_url (REPO_URL)", config.repo_url)
    config.repo_name = repo.path.strip("/").removesuffix(".git") or repo.netloc
    return config


def citation():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _bibtex_author(person):
    if "name" in person:
        return "{" + person["name"] + "}"  # an entity: braces keep BibTeX from splitting it
    return f"{person['family-names']}, {person['given-names']}"


def bibtex(cff, title, url):
    """A @misc entry: `title` and `url` are the site's own (per language, per fork)."""
    fields = {
        "author": " and ".join(_bibtex_author(p) for p in cff["authors"]),
        "title": "{" + title + "}",
        "year": str(cff["date-released"])[:4],
        "version": str(cff["version"]),
        "howpublished": "\\url{" + url + "}",
        "url": url,
        "note": "Retells chapter 3 of Michael A. Nielsen, Neural Networks and Deep Learning (2015)",
    }
    width = max(map(len, fields))
    body = ",\n".join(f"  {k.ljust(width)} = {{{v}}}" for k, v in fields.items())
    return "@misc{cross_entropy_site,\n" + body + "\n}"


def _render(name, args, config):
    repo = config.repo_url.rstrip("/")
    if name == "cite" and args == ["bibtex"]:
        entry = bibtex(citation(), config.site_name, config.site_url)
        return "\n\n```bibtex\n" + entry + "\n```\n\n"
    if name == "commit" and len(args) == 1 and HASH.fullmatch(args[0]):
        return f"[`{args[0][:7]}`]({repo}/commit/{args[0]})"
    if name == "repo_file" and len(args) == 1:
        if not (ROOT / args[0]).is_file():
            raise PluginError(f"no file {args[0]} in the repository")
        return f"[`{args[0]}`]({repo}/blob/main/{args[0]})"
    raise PluginError("bad arguments")


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        if not match["ph"]:
            return match[0]
        name, *args = match["body"].split()
        if name not in OURS:
            return match[0]  # hooks/placeholders.py's
        try:
            return _render(name, args, config)
        except PluginError as err:
            raise PluginError(f"{page.file.src_uri}: {match[0]}: {err}") from None

    return TOKEN.sub(replace, markdown)
