"""The videos: every file exists in both languages, each plays for exactly the catalog's
duration at its frame size, is H.264 + yuv420p and fast-start, shows motion and no blank
frame, stays within the size budget, re-renders to the same bytes, uses no TeX, and the make
rules re-render exactly what an edit touches."""

import hashlib
import re
import struct
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from figures_src.scenes import timing
from figures_src.video_catalog import VIDEOS

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "docs" / "generated" / "videos"
DRAFT_DIR = ROOT / "build" / "drafts"
NAMES = [f"{video_id}-{lang}" for video_id in timing.VIDEO_IDS for lang in timing.LANGS]
BUDGET_BYTES = 400 * 1024
CJK = re.compile(r"[\u4e00-\u9fff]")


def top_level_boxes(path):
    """The type of each top-level MP4 box, in file order."""
    boxes, data = [], path.read_bytes()
    offset = 0
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:  # 64-bit size follows
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        elif size == 0:  # box runs to the end of the file
            size = len(data) - offset
        boxes.append(kind.decode("latin-1"))
        offset += size
    return boxes


def probe(path):
    """Codec facts and the first and last decoded frames (RGB arrays)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        facts = {
            "codec": stream.codec_context.name,
            "pix_fmt": stream.codec_context.pix_fmt,
            "size": (stream.codec_context.width, stream.codec_context.height),
            "fps": float(stream.average_rate),
        }
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    facts["frames"] = len(frames)
    return facts, frames[0], frames[-1]


def is_blank(image):
    return float(np.asarray(image, dtype=float).std()) < 5


# --- the lists agree -------------------------------------------------------------------


def test_make_fragment_lists_the_same_videos():
    text = (ROOT / "mk" / "animations.mk").read_text()
    block = re.search(r"^VIDEO_IDS\s*:=((?:.*\\\n)*.*)$", text, re.M).group(1)
    assert tuple(block.replace("\\", " ").split()) == timing.VIDEO_IDS


def test_catalog_has_every_video_with_words_in_both_languages():
    assert tuple(VIDEOS) == timing.VIDEO_IDS
    for video_id, entry in VIDEOS.items():
        assert entry["file"] == f"{video_id}-{{lang}}.mp4"
        assert entry["poster"] == f"{video_id}-{{lang}}.jpg"
        assert (entry["width"], entry["height"]) == (1280, 720)
        for lang in timing.LANGS:
            words = entry[lang]
            assert set(words) >= {"alt", "caption"}
            assert all(len(words[key]) > 20 for key in ("alt", "caption")), (video_id, lang)
            has_cjk = [bool(CJK.search(words[key])) for key in ("alt", "caption")]
            assert has_cjk == [lang == "zh"] * 2, (video_id, lang)


def test_catalog_duration_is_the_scenes_clock():
    for video_id, entry in VIDEOS.items():
        epochs = timing.epochs_for(video_id)
        clock = timing.INTRO_SECONDS + epochs / timing.EPOCHS_PER_SECOND + timing.OUTRO_SECONDS
        assert entry["duration"] == pytest.approx(clock) == timing.duration_for(video_id)
        for quality in timing.QUALITIES.values():  # a whole number of frames at every rate
            assert (entry["duration"] * quality["fps"]).is_integer()


# --- the site videos -------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_site_video_and_poster_exist_within_budget_and_fast_start(name):
    video, poster = SITE_DIR / f"{name}.mp4", SITE_DIR / f"{name}.jpg"
    assert video.is_file() and poster.is_file(), "run `make animations`"
    assert video.stat().st_size <= BUDGET_BYTES, f"{video.stat().st_size} bytes"
    boxes = top_level_boxes(video)
    assert boxes.index("moov") < boxes.index("mdat"), boxes
    with Image.open(poster) as image:
        assert image.format == "JPEG" and image.size == (1280, 720)
        assert not is_blank(image.convert("L"))


def test_one_site_video_plays_at_site_quality():
    facts, first, last = probe(SITE_DIR / "compare-start2-zh.mp4")
    assert facts["codec"] == "h264" and facts["pix_fmt"] == "yuv420p"
    assert facts["size"] == (1280, 720) and facts["fps"] == 30
    assert facts["frames"] == round(VIDEOS["compare-start2"]["duration"] * 30)


# --- the drafts ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_draft_plays_for_its_duration_and_moves(name):
    video_id, _ = name.rsplit("-", 1)
    quality = timing.QUALITIES["draft"]
    facts, first, last = probe(DRAFT_DIR / f"{name}.mp4")
    assert facts["codec"] == "h264" and facts["pix_fmt"] == "yuv420p"
    assert facts["size"] == (quality["width"], quality["height"])
    assert facts["fps"] == quality["fps"]
    expected = VIDEOS[video_id]["duration"] * quality["fps"]
    assert abs(facts["frames"] - expected) <= 1, (facts["frames"], expected)
    assert not is_blank(first) and not is_blank(last)
    # Training changed the picture: the curve, the readouts and the neuron's fill.
    changed = np.abs(first.astype(int) - last.astype(int)).max(axis=2) > 40
    assert changed.mean() > 0.002, changed.mean()


def test_same_inputs_give_the_same_bytes(tmp_path):
    """A fresh render equals the one make built: no time stamps, no cache, no randomness."""
    built = DRAFT_DIR / "run-quadratic-start1-en.mp4"
    out = tmp_path / "again.mp4"
    command = [sys.executable, "-m", "figures_src.render_video", "run-quadratic-start1", "en"]
    subprocess.run([*command, "draft", str(out)], cwd=ROOT, check=True)
    for suffix in (".mp4", ".jpg"):
        a, b = built.with_suffix(suffix).read_bytes(), out.with_suffix(suffix).read_bytes()
        assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest(), suffix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.jpg", "again.mp4"]


# --- the command line ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-video", "zh", "draft", "x.mp4"],
        ["compare-start1", "fr", "draft", "x.mp4"],
        ["compare-start1", "zh", "4k", "x.mp4"],
        ["compare-start1", "zh", "draft", "x.webm"],
        ["compare-start1"],
    ],
)
def test_bad_input_is_one_line_and_status_2(args, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "figures_src.render_video", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# --- the source ------------------------------------------------------------------------


def test_no_tex_anywhere_in_the_scenes():
    """No call that would start LaTeX: TeX mobjects, TeX coordinates, TeX numbers."""
    tex_call = re.compile(
        r"\b(MathTex|Tex|SingleStringMathTex|Variable)\(|\.add_coordinates\(|include_numbers=True"
    )
    sources = [
        *(ROOT / "figures_src" / "scenes").glob("*.py"),
        ROOT / "figures_src/render_video.py",
    ]
    for path in sources:
        assert not tex_call.search(path.read_text()), path.name
    # Every live number draws its glyphs with Text.
    common = (ROOT / "figures_src" / "scenes" / "common.py").read_text()
    assert "mob_class=mob_class" in common and "mob_class = partial(Text" in common


def make_dry_run(*args):
    """The videos `make -n` would render, as 'id lang quality'."""
    result = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    found = re.findall(r"render_video (\S+) (\S+) (\S+) ", result.stdout)
    return {" ".join(parts) for parts in found}


def test_make_renders_exactly_what_an_edit_touches():
    if make_dry_run("drafts"):
        pytest.skip("the drafts are not all built")
    compare = make_dry_run("-W", "figures_src/scenes/compare_scene.py", "drafts")
    assert compare == {
        f"compare-{s} {lang} draft" for s in ("start1", "start2") for lang in ("zh", "en")
    }
    trainer = make_dry_run("-W", "docs/generated/data/.built", "drafts")
    assert len(trainer) == len(NAMES)
    page = make_dry_run("-W", "docs/index.md", "drafts")
    assert page == set()
