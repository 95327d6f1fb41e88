"""Expand the page placeholders: `{{ num }}`, `{{ epoch_below }}`, `{{ figure }}`, `{{ video }}`,
`{{ glossary }}`.

Every number, figure and video a reader sees comes from the trainer's JSON and the catalogs
(figures_src/figures/catalog.py, figures_src/videos/catalog.py). Anything this hook cannot resolve
stops the build with one line naming the page and the placeholder: a silently missing number
would be worse than no site.
Placeholders inside code (fenced or inline) and math are left alone, so pages can show them.
"""

import html
import importlib
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from hooks import glossary  # sibling hook: reads docs/content/glossary.yml, renders the table

GENERATED = "generated"  # docs/generated/ -> served once at /generated/ for both languages

# Code and math first, so that a placeholder inside them is skipped, not expanded.
TOKEN = re.compile(
    r"(?P<fence>^[ \t]*(?P<mark>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=mark)[ \t]*$)"
    r"|(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<math>\$\$.+?\$\$|(?<![\\$])\$[^$\n]+?\$)"
    r"|(?P<ph>\{\{\s*(?P<body>[^{}]*?)\s*\}\})",
    re.MULTILINE | re.DOTALL,
)

TEXT = {
    "zh": {
        "zoom": "点击查看大图",
        "video_text": "视频的文字描述",
        "no_video": "浏览器无法播放视频：",
        "captions": "中文字幕",
        "chapters": "章节",
    },
    "en": {
        "zoom": "Open the full-size image",
        "video_text": "What the video shows",
        "no_video": "Your browser cannot play this video:",
        "captions": "English captions",
        "chapters": "Chapters",
    },
}


class PlaceholderError(PluginError):
    pass


def _lang(page, config):
    return getattr(page.file, "locale", None) or config.theme["language"]


def _catalog(module, name):
    """The catalog dict, re-imported each build so `mkdocs serve` sees edits."""
    try:
        mod = importlib.import_module(f"figures_src.{module}")
    except ModuleNotFoundError as err:
        if err.name != f"figures_src.{module}":
            raise
        path = "figures_src/" + module.replace(".", "/") + ".py"
        raise PlaceholderError(f"{path} does not exist yet") from None
    return getattr(importlib.reload(mod), name)


# --- numbers -----------------------------------------------------------------------------------


def lookup(run, path):
    """`final.a`, `history.a.150`, `scenario.eta` -> the value in the scenario's JSON."""
    value = run
    for key in path.split("."):
        if isinstance(value, list):
            value = value[int(key)]
        else:
            value = value[key]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"{path} is not a number")
    return value


def _load(scenario_id):
    """The JSON of a known data id; a stale file left by a renamed scenario is never read."""
    from figures_src.model import results
    from figures_src.model.data import known_ids

    known = known_ids()
    if scenario_id not in known:
        raise PlaceholderError(f"unknown scenario '{scenario_id}' (known: {', '.join(known)})")
    return results.load(scenario_id)


def render_num(args):
    scenario_id, path, spec = args  # ValueError (wrong count) is reported by the caller
    try:
        value = lookup(_load(scenario_id), path)
    except (KeyError, IndexError, ValueError, TypeError) as err:
        raise PlaceholderError(
            f"no number at '{path}' in scenario '{scenario_id}' ({err})"
        ) from None
    return _span(" ".join(args), format(value, spec))


def render_epoch_below(args):
    from figures_src.model.results import first_epoch_below

    scenario_id, field, threshold = args
    run = _load(scenario_id)
    if field not in run.get("history", {}):
        raise PlaceholderError(f"scenario '{scenario_id}' has no history field '{field}'")
    epoch = first_epoch_below(run, float(threshold), field)
    if epoch is None:
        raise PlaceholderError(f"'{field}' never falls below {threshold} in '{scenario_id}'")
    return _span("epoch_below " + " ".join(args), str(epoch))


def _span(src, text):
    return f'<span class="num" data-src="{html.escape(src)}">{html.escape(text)}</span>'


# --- figures and videos ------------------------------------------------------------------------


def _asset(config, page, folder, name):
    """Page-relative URL of docs/generated/<folder>/<name>, and its path on disk."""
    rel = f"{GENERATED}/{folder}/{name}"
    path = Path(config.docs_dir) / rel
    if not path.is_file():
        raise PlaceholderError(f"docs/{rel} is missing: run `make` to generate it")
    return get_relative_url(rel, page.url), path


def image_size(path):
    """(width, height) in CSS pixels of an SVG (width/height or viewBox) or a PNG."""
    if path.suffix == ".png":
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        return width, height
    root = ET.parse(path).getroot()
    units = {"": 1.0, "px": 1.0, "pt": 4 / 3, "in": 96.0, "cm": 96 / 2.54, "mm": 9.6 / 2.54}
    size = []
    for key in ("width", "height"):
        match = re.fullmatch(r"([\d.]+)\s*([a-z]*)", root.get(key, ""))
        if not match or match[2] not in units:
            break
        size.append(round(float(match[1]) * units[match[2]]))
    if len(size) == 2:
        return tuple(size)
    box = [float(v) for v in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if v]
    if len(box) != 4:
        raise PlaceholderError(f"{path.name} has neither width/height nor a viewBox")
    return round(box[2]), round(box[3])


def _entry(catalog, item_id, kind, lang):
    if item_id not in catalog:
        raise PlaceholderError(f"unknown {kind} id '{item_id}' (not in the {kind} catalog)")
    entry = catalog[item_id]
    if lang not in entry or not {"alt", "caption"} <= set(entry[lang]):
        raise PlaceholderError(f"{kind} '{item_id}' has no {lang} alt/caption in its catalog")
    return entry, entry[lang]


def render_figure(args, page, config, lang):
    (figure_id,) = args
    entry, text = _entry(_catalog("figures.catalog", "FIGURES"), figure_id, "figure", lang)
    src, path = _asset(config, page, "figures", entry["file"].format(lang=lang))
    width, height = image_size(path)
    esc = html.escape
    return (
        f'<figure class="figure" id="fig-{esc(figure_id)}">'
        f'<a class="figure-zoom" href="{esc(src)}" title="{TEXT[lang]["zoom"]}">'
        f'<img src="{esc(src)}" alt="{esc(text["alt"])}" loading="lazy" decoding="async" '
        f'width="{width}" height="{height}"></a>'
        f"<figcaption>{esc(text['caption'])}</figcaption></figure>"
    )


def render_video(args, page, config, lang):
    (video_id,) = args
    entry, text = _entry(_catalog("videos.catalog", "VIDEOS"), video_id, "video", lang)
    src, _ = _asset(config, page, "videos", entry["file"].format(lang=lang))
    # The page shows the poster's WebP, sized to the page (figures_src/videos/posters.py).
    web_poster = str(Path(entry["poster"].format(lang=lang)).with_suffix(".webp"))
    poster, _ = _asset(config, page, "videos", web_poster)
    tracks = {}
    for kind in ("captions", "chapters"):
        tracks[kind], path = _asset(config, page, "videos", entry[kind].format(lang=lang))
        _check_track(path, entry["duration"])
    esc = html.escape
    text_id = f"video-{esc(video_id)}-text"
    return (
        f'<figure class="video" id="video-{esc(video_id)}">'
        f'<video controls preload="none" playsinline poster="{esc(poster)}" '
        f'width="{int(entry["width"])}" height="{int(entry["height"])}" '
        f'aria-describedby="{text_id}">'
        f'<source src="{esc(src)}" type="video/mp4">'
        # Captions in the page's language, on whenever the reader turns captions on.
        f'<track kind="captions" src="{esc(tracks["captions"])}" srclang="{lang}" '
        f'label="{TEXT[lang]["captions"]}" default>'
        f'<track kind="chapters" src="{esc(tracks["chapters"])}" srclang="{lang}" '
        f'label="{TEXT[lang]["chapters"]}">'
        f'<a href="{esc(src)}" data-search-exclude>'
        f"{TEXT[lang]['no_video']} {esc(entry['file'].format(lang=lang))}</a>"
        f"</video><figcaption>{esc(text['caption'])}</figcaption>"
        f'<details class="video-text" id="{text_id}"><summary>{TEXT[lang]["video_text"]}</summary>'
        f"<p>{esc(text['alt'])}</p></details></figure>"
    )


def _check_track(path, duration):
    """A text track that does not parse, or outlasts its video, stops the build."""
    from figures_src.videos.captions import parse_vtt

    try:
        parse_vtt(path.read_text(encoding="utf-8"), duration)
    except ValueError as err:
        raise PlaceholderError(f"{path.name} is not a valid WebVTT track: {err}") from None


# --- the hook ----------------------------------------------------------------------------------


def expand(markdown, page, config):
    lang = _lang(page, config)
    simple = {"num": render_num, "epoch_below": render_epoch_below}
    rich = {"figure": render_figure, "video": render_video}

    def replace(match):
        if not match["ph"]:
            return match[0]
        name, *args = match["body"].split()
        try:
            if name in simple:
                return simple[name](args)
            if name in rich:
                return "\n\n" + rich[name](args, page, config, lang) + "\n\n"
            if name == "glossary" and not args:
                return "\n\n" + glossary.render_table(lang) + "\n\n"
            raise PlaceholderError("unknown placeholder")
        except ValueError as err:  # wrong argument count, bad format spec or threshold
            raise PlaceholderError(
                f"{page.file.src_uri}: {match[0]}: bad arguments ({err})"
            ) from None
        except (PlaceholderError, FileNotFoundError) as err:
            raise PlaceholderError(f"{page.file.src_uri}: {match[0]}: {err}") from None

    expanded = TOKEN.sub(replace, markdown)
    # The first figure is often the largest thing on the first screen: a lazy load would
    # hold it back until layout (Lighthouse's LCP audit).  Later figures stay lazy.
    return expanded.replace(' loading="lazy"', "", 1)


def on_page_markdown(markdown, page, config, files):
    return expand(markdown, page, config)
