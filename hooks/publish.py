"""Where the site lives and how to cite and reuse it.

The one setting is in mkdocs.yml: `site_url` and `repo_url`, which a fork overrides with SITE_URL
and REPO_URL. This hook derives what follows from them:

- `repo_name` ("owner/name", shown in the header) from `repo_url`;
- a site_url that is not an absolute http(s) URL stops the build with one line (canonical links and
  the sitemap would otherwise point nowhere);
- page placeholders that need the addresses (expanded before hooks/placeholders.py sees the page):
  `{{ cite bibtex }}`    the BibTeX entry, from CITATION.cff and the site's own name and URL;
  `{{ commit <hash> }}`  a link to that commit in the repository (the corrections log);
  `{{ repo_file <path> }}` a link to a file of the repository, which must exist;
  `{{ downloads }}`      the PDFs and the offline zip with their sizes, measured now: when
                         `make pdf` / `make offline` have built them they are copied to
                         downloads/ and linked; the offline copy links the published ones.
"""

import html
import re
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from figures_src.paths import ROOT
from hooks.placeholders import TOKEN  # the same rules for skipping code and math

OURS = ("cite", "commit", "repo_file", "downloads")
DOWNLOADS = "downloads"
OTHER = {"zh": "en", "en": "zh"}
WORDS = {
    "zh": {
        "pdf": "PDF 版（{name}）",
        "zip": "离线版（zip）",
        "zip_how": "：解压后用浏览器打开其中的 `index.html`，"
        "公式、图、动画、搜索和训练器都不需要联网",
        "missing": "（这份副本里没有：用 `{make}` 生成）",
        "zh": "中文",
        "en": "英文",
        "sep": "，",
    },
    "en": {
        "pdf": "PDF ({name})",
        "zip": "Offline copy (zip)",
        "zip_how": ": unzip it and open its `index.html` in a browser; formulas, figures, videos, "
        "search and the trainer all work without a network",
        "missing": " (not in this copy: `{make}` builds it)",
        "zh": "Chinese",
        "en": "English",
        "sep": ", ",
    },
}
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


def _project():
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def download_files():
    """[(kind, language or None, path)] of what the home page offers, in the order shown."""
    project = _project()
    zip_name = f"{project['name']}-{project['version']}.zip"
    return [
        ("pdf", "zh", ROOT / "build" / "pdf" / "cross-entropy-zh.pdf"),
        ("pdf", "en", ROOT / "build" / "pdf" / "cross-entropy-en.pdf"),
        ("zip", None, ROOT / "build" / "offline" / zip_name),
    ]


def human_size(size):
    return f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.0f} KB"


def _offline(config):
    plugin = next((p for p in config.plugins.values() if type(p).__name__ == "OfflinePlugin"), None)
    return plugin is not None and plugin.config.enabled


def on_files(files, config):
    if _offline(config):
        return files  # the offline copy links the published downloads instead
    for _, _, path in download_files():
        uri = f"{DOWNLOADS}/{path.name}"
        if path.is_file() and files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def render_downloads(page, config, lang):
    """Raw HTML (a Markdown link would be checked against docs/, where these files are not)."""
    words = WORDS[lang]
    items = []
    for kind, file_lang, path in download_files():
        label = html.escape(
            words["pdf"].format(name=words[file_lang]) if kind == "pdf" else words["zip"]
        )
        how = _code(words["zip_how"]) if kind == "zip" else ""
        uri = f"{DOWNLOADS}/{path.name}"
        if _offline(config):
            items.append(f'<a href="{html.escape(config.site_url + uri)}">{label}</a>{how}')
        elif path.is_file():
            size = human_size(path.stat().st_size)
            link = html.escape(get_relative_url(uri, page.url))
            items.append(f'<a href="{link}" download>{label}</a>{words["sep"]}{size}{how}')
        else:
            make = "make pdf" if kind == "pdf" else "make offline"
            items.append(label + _code(words["missing"].format(make=make)) + how)
    if lang == "en":  # the page's own language first
        items[0], items[1] = items[1], items[0]
    body = "".join(f"<li>{item}</li>" for item in items)
    return f'\n\n<ul class="downloads">{body}</ul>\n\n'


def _code(text):
    """`x` -> <code>x</code>, the rest escaped."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


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


def _render(name, args, config, page):
    repo = config.repo_url.rstrip("/")
    if name == "cite" and args == ["bibtex"]:
        entry = bibtex(citation(), config.site_name, config.site_url)
        # plain text: the bibtex lexer colours field names below contrast limits (axe)
        return '\n\n```text title="BibTeX"\n' + entry + "\n```\n\n"
    if name == "commit" and len(args) == 1 and HASH.fullmatch(args[0]):
        return f"[{args[0][:7]}]({repo}/commit/{args[0]})"
    if name == "repo_file" and len(args) == 1:
        if not (ROOT / args[0]).is_file():
            raise PluginError(f"no file {args[0]} in the repository")
        return f"[{args[0]}]({repo}/blob/main/{args[0]})"
    if name == "downloads" and not args:
        lang = getattr(page.file, "locale", None) or config.theme["language"]
        return render_downloads(page, config, lang)
    raise PluginError("bad arguments")


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        if not match["ph"]:
            return match[0]
        name, *args = match["body"].split()
        if name not in OURS:
            return match[0]  # hooks/placeholders.py's
        try:
            return _render(name, args, config, page)
        except PluginError as err:
            raise PluginError(f"{page.file.src_uri}: {match[0]}: {err}") from None

    return TOKEN.sub(replace, markdown)
