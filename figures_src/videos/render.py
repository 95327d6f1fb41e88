"""Render one video in-process with manim, then remux it for the web and write its poster.

    python -m figures_src.videos.render <video-id> <zh|en> <site|draft> <out.mp4>

Writes <out.mp4> (H.264, yuv420p, moov first) and <out.jpg> (the first frame) atomically:
each goes to a temporary file beside its target, then is renamed.  Manim works in a private
temporary media_dir with caching off, so parallel renders never share files and the same
inputs give the same bytes.  Bad input: one line on stderr, exit status 2.
"""

import os
import signal
import sys
import tempfile
from importlib import import_module
from pathlib import Path

from figures_src import makedeps
from figures_src.videos.timing import LANGS, QUALITIES, VIDEO_IDS, VIDEO_RUNS, scene_of

POSTER_QUALITY = 75  # with optimize + progressive: ~57 KB a poster, read before any play


def get_scene_class(video_id):
    # Imported late: manim's import costs ~2 s, and bad arguments should fail fast.
    module, name = scene_of(video_id)
    return getattr(import_module(f"figures_src.videos.{module}"), name)


def make_deps():
    """Make rules from the code: the video ids, and for each video's files (site and draft, both
    languages) its scene module with what it imports, and the JSON of exactly the runs it plays."""
    lines = [
        "# Made by `python -m figures_src.videos.render --make-deps`: do not edit.",
        f"VIDEO_IDS := {' '.join(VIDEO_IDS)}",
        f"VIDEO_LANGS := {' '.join(LANGS)}",
    ]
    data = sorted({makedeps.data_file(r) for runs in VIDEO_RUNS.values() for r in runs})
    lines.append(f"VIDEO_DATA := {' '.join(data)}")
    for video_id in VIDEO_IDS:
        module = f"figures_src.videos.{scene_of(video_id)[0]}"
        sources = [makedeps.module_file(module)]
        sources += makedeps.imported_sources(module, follow_prefix="figures_src.videos")
        files = [makedeps.data_file(r) for r in VIDEO_RUNS[video_id]]
        targets = [
            f"{folder}/{video_id}-{lang}.{ext}"
            for folder in ("$(VIDEO_DIR)", "$(DRAFT_DIR)")
            for lang in LANGS
            for ext in ("mp4", "jpg")
        ]
        lines.append(f"{' '.join(targets)}: {' '.join(sources + files)}")
    return "\n".join(lines) + "\n"


# x264's constant quality per scene kind: the mechanism scene changes many numbers and bars
# every frame for 28 s, so it needs a coarser setting to stay within 400 KB like the others.
CRF = {"mechanism": "31"}
DEFAULT_CRF = "27"


def get_crf(video_id):
    return CRF.get(video_id.split("-")[0], DEFAULT_CRF)


def get_manim_config(media_dir, quality, crf=DEFAULT_CRF):
    """Every key is checked against manim's config: tempconfig drops unknown keys silently."""
    from manim import config

    size = QUALITIES[quality]
    settings = {
        "media_dir": str(media_dir),
        "pixel_width": size["width"],
        "pixel_height": size["height"],
        "frame_rate": size["fps"],
        "disable_caching": True,
        "format": "mp4",
        "video_codec": "libx264",
        # Flat graphics: x264's animation tuning at a modest quality keeps videos < 400 KB.
        "video_encoder_options": {"crf": crf, "preset": "slow", "tune": "animation"},
        "preview": False,
        "verbosity": "WARNING",
        "progress_bar": "none",
        "log_to_file": False,
    }
    unknown = [key for key in settings if key not in config]
    if unknown:
        raise RuntimeError(f"manim config has no key(s) {unknown}")
    return settings


def render_manim(video_id, lang, quality, media_dir):
    """Run the scene; return the path of manim's own MP4."""
    from manim import tempconfig

    with tempconfig(get_manim_config(media_dir, quality, get_crf(video_id))):
        scene = get_scene_class(video_id)(video_id, lang)
        scene.render()
        return Path(scene.renderer.file_writer.movie_file_path)


def remux(src, dst):
    """Copy the H.264 packets into a fresh MP4: no metadata, moov before mdat (fast start)."""
    import av

    with av.open(str(src)) as source:
        stream_in = source.streams.video[0]
        with av.open(
            str(dst),
            mode="w",
            format="mp4",
            options={"movflags": "+faststart", "fflags": "+bitexact"},
        ) as target:
            stream_out = target.add_stream_from_template(stream_in)
            for packet in source.demux(stream_in):
                if packet.dts is None:  # demux's flush packet
                    continue
                packet.stream = stream_out
                target.mux(packet)


def write_poster(video, dst):
    """The first frame as a JPEG: the start, with the title, what a reader sees before play."""
    import av
    from PIL import Image

    with av.open(str(video)) as container:
        first = next(container.decode(video=0))
    Image.fromarray(first.to_ndarray(format="rgb24")).save(
        dst, "JPEG", quality=POSTER_QUALITY, optimize=True, progressive=True
    )


def render(video_id, lang, quality, out):
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    poster = out.with_suffix(".jpg")
    with tempfile.TemporaryDirectory(prefix="manim-") as media_dir:
        movie = render_manim(video_id, lang, quality, media_dir)
        # Temporary names beside the targets, so the final renames are atomic.
        tmp_mp4 = out.with_name(f".{out.name}.tmp.mp4")
        tmp_jpg = out.with_name(f".{poster.name}.tmp.jpg")
        try:
            remux(movie, tmp_mp4)
            write_poster(tmp_mp4, tmp_jpg)
            os.replace(tmp_jpg, poster)
            os.replace(tmp_mp4, out)
        finally:
            tmp_mp4.unlink(missing_ok=True)
            tmp_jpg.unlink(missing_ok=True)
    return out, poster


def parse_args(argv):
    """The arguments, or an error message."""
    if len(argv) != 4:
        return None, "usage: python -m figures_src.videos.render ID zh|en site|draft OUT.mp4"
    video_id, lang, quality, out = argv
    if video_id not in VIDEO_IDS:
        return None, f"unknown video id {video_id!r} (known: {', '.join(VIDEO_IDS)})"
    if lang not in LANGS:
        return None, f"unknown language {lang!r} (known: {', '.join(LANGS)})"
    if quality not in QUALITIES:
        return None, f"unknown quality {quality!r} (known: {', '.join(QUALITIES)})"
    if not out.endswith(".mp4"):
        return None, f"output must end in .mp4, got {out!r}"
    return (video_id, lang, quality, out), None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 2 and argv[0] == "--make-deps":
        makedeps.write_rules(argv[1], make_deps())
        return 0
    args, error = parse_args(argv)
    if error:
        sys.stderr.write(f"figures_src.videos.render: error: {error}\n")
        return 2
    # make kills a job with SIGTERM: exit through the `finally` blocks, which remove the
    # temporary files and the private media_dir.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    render(*args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
