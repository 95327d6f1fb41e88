"""Where the site lives: the one setting in mkdocs.yml (`site_url`, `repo_url`, both overridable
with SITE_URL / REPO_URL for a fork) and what follows from it.

- `repo_name` ("owner/name", shown in the header) is derived from `repo_url`, so a fork that sets
  REPO_URL sees its own name without a second setting.
- A site_url that is not an absolute http(s) URL stops the build with one line: canonical links
  and the sitemap would otherwise point nowhere.
"""

from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError


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
