"""Make mkdocs-static-i18n and mkdocs-jupyter work together; check every page has both languages.

Why: mkdocs-jupyter wraps `notebook.py` in a File subclass that says "I am a page", but the i18n
plugin (on_files, priority -100) rebuilds every File as a plain `File`, so a `.py` notebook turns
into a static asset and is copied, not rendered (mkdocs-static-i18n issue #198). We run after it
(priority -200) and give the notebook files their page nature back, with alternates so that the
language switcher lands on the other language's notebook.
"""

import copy
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from figures_src.languages import LANGS  # zh is the default: `x.md`; English is `x.en.md`

NOTEBOOK_SUFFIX = ".py"


class NotebookPageFile(File):
    """A File that is a documentation page although its source is `.py` (a jupytext notebook)."""

    def is_documentation_page(self):
        return True


def _lang_of(src_uri):
    parts = Path(src_uri).name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGS else LANGS[0]


def _twin_key(src_uri):
    """`learning.en.md` and `learning.md` share the key `learning.md`."""
    path = Path(src_uri)
    parts = path.name.split(".")
    if len(parts) > 2 and parts[-2] in LANGS:
        parts.pop(-2)
    return (path.parent / ".".join(parts)).as_posix()


def _is_notebook(config, src_uri):
    if not src_uri.endswith(NOTEBOOK_SUFFIX) or src_uri.startswith("generated/"):
        return False
    patterns = config.plugins["mkdocs-jupyter"].config["include"]
    return any(Path(src_uri).match(p) for p in patterns)


def on_config(config):
    """Every page must exist in both languages (checked on disk, before i18n filters files)."""
    docs = Path(config.docs_dir)
    langs_by_key = {}
    for src in docs.rglob("*"):
        src_uri = src.relative_to(docs).as_posix()
        if src_uri.startswith("generated/") or not src.is_file():
            continue
        if src_uri.endswith(".md") or _is_notebook(config, src_uri):
            langs_by_key.setdefault(_twin_key(src_uri), set()).add(_lang_of(src_uri))
    missing = [
        f"{key} has no {lang} version"
        for key, langs in sorted(langs_by_key.items())
        for lang in LANGS
        if lang not in langs
    ]
    if missing:
        raise PluginError("Every page needs both languages: " + "; ".join(missing))
    return config


def _notebook_file(config, src_uri, lang):
    """The i18n File of notebook `src_uri` as built for `lang` (what the i18n plugin would make)."""
    from mkdocs_jupyter.plugin import NotebookFile
    from mkdocs_static_i18n.suffix import create_i18n_file

    plain = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    wrapped = NotebookFile(plain, config.use_directory_urls, config.site_dir)
    wrapped.inclusion = plain.inclusion
    i18n = config.plugins["i18n"]
    return create_i18n_file(wrapped, lang, i18n.default_language, i18n.all_languages, config)


@event_priority(-200)
def on_files(files, config):
    i18n = config.plugins["i18n"]
    sources = {}  # twin key -> {lang: src_uri}
    for src in sorted(Path(config.docs_dir).glob(f"*{NOTEBOOK_SUFFIX}")):
        src_uri = src.name
        if _is_notebook(config, src_uri):
            sources.setdefault(_twin_key(src_uri), {})[_lang_of(src_uri)] = src_uri
    for file in list(files):
        if not _is_notebook(config, file.src_uri) or isinstance(file, NotebookPageFile):
            continue
        page_file = copy.copy(file)
        page_file.__class__ = NotebookPageFile
        twins = sources.get(_twin_key(file.src_uri), {})
        page_file.alternates = {
            lang: page_file if lang == i18n.current_language else _notebook_file(config, src, lang)
            for lang, src in twins.items()
        }
        files.remove(file)
        files.append(page_file)
    # The i18n plugin listed this language's pages (for sitemap.xml) before the notebooks
    # were pages again: list them anew.
    i18n.i18n_files_per_language[i18n.current_language] = files.documentation_pages()
    return files


def on_page_markdown(markdown, page, config, files):
    """A notebook has no Markdown front matter: take its description from the jupytext header
    (notebook metadata `site.description`), so its page gets a meta description too."""
    if isinstance(page.file, NotebookPageFile):
        import jupytext

        meta = jupytext.read(page.file.abs_src_path).metadata.get("site", {})
        if "description" not in meta:
            raise PluginError(f"{page.file.src_uri}: no `site: description:` in its header")
        page.meta["description"] = meta["description"]
    return markdown
