"""The videos the site ships: every file exists in both languages, each plays for exactly the
catalog's duration at 1280x720, is H.264 + yuv420p and fast-start, shows motion and no blank
frame, its poster is its first frame, it stays within the size budget, re-renders to the same
bytes, uses no TeX, and the make rules re-render exactly what an edit touches.  The caption
and chapter tracks follow the scenes' beats and quote the trainer's numbers."""

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

from figures_src.model import results
from figures_src.videos import captions, timeline, timing
from figures_src.videos.catalog import BUDGET_BYTES, VIDEOS

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "docs" / "generated" / "videos"
NAMES = [f"{video_id}-{lang}" for video_id in timing.VIDEO_IDS for lang in timing.LANGS]
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
        # The frame count is the count of coded frames (demuxed, not decoded); the pictures are
        # the first frame, and the last one decoded from the last key frame on.
        facts["frames"] = sum(1 for packet in container.demux(stream) if packet.size)
        container.seek(0)
        first = next(container.decode(stream)).to_ndarray(format="rgb24")
        container.seek(stream.duration or 2**62, stream=stream, backward=True, any_frame=False)
        *_, last = container.decode(stream)
        last = last.to_ndarray(format="rgb24")
    return facts, first, last


def is_blank(image):
    return float(np.asarray(image, dtype=float).std()) < 5


# --- the lists agree -------------------------------------------------------------------


def test_make_rules_come_from_the_code_with_exactly_what_each_video_plays():
    from figures_src.videos import render as render_video

    lines = render_video.make_deps().splitlines()
    assert lines[1] == "VIDEO_IDS := " + " ".join(timing.VIDEO_IDS)
    rules = {line.split()[0]: line.split(": ", 1)[1].split() for line in lines[4:]}
    deps = rules["$(VIDEO_DIR)/compare-start2-zh.mp4"]
    # its scene, the scene it subclasses, the titles it shows, and exactly its two runs' JSON
    assert deps[0] == "figures_src/videos/compare_scene.py"
    assert {"figures_src/videos/run_scene.py", "docs/content/titles.yml"} <= set(deps)
    assert [d for d in deps if d.startswith("$(GEN)/data/")] == [
        "$(GEN)/data/quadratic-start2.json",
        "$(GEN)/data/cross-entropy-start2.json",
    ]
    assert "figures_src/videos/mechanism_scene.py" not in deps
    mechanism = rules["$(VIDEO_DIR)/mechanism-start1-zh.mp4"]
    assert {"figures_src/model/costs.py", "figures_src/model/trainer.py"} <= set(mechanism)


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
        assert entry["duration"] == timing.duration_for(video_id) == timeline.duration(video_id)
        for quality in timing.QUALITIES.values():  # a whole number of frames at every rate
            assert (entry["duration"] * quality["fps"]).is_integer()
        if video_id in timing.MECHANISM_IDS:
            assert 20 <= entry["duration"] <= 30
            assert [b.key for b in timeline.beats(video_id)] == [
                "start",
                "plateau",
                "plunge",
                "late",
            ]
        else:  # a replay: hold the start, one epoch per tick, hold the end
            epochs = timing.epochs_for(video_id)
            clock = timing.INTRO_SECONDS + epochs / timing.EPOCHS_PER_SECOND + timing.OUTRO_SECONDS
            assert entry["duration"] == pytest.approx(clock)


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


@pytest.mark.parametrize("name", NAMES)
def test_site_video_plays_for_its_duration_moves_and_its_poster_is_the_start(name):
    video_id, _ = name.rsplit("-", 1)
    quality = timing.QUALITIES["site"]
    facts, first, last = probe(SITE_DIR / f"{name}.mp4")
    assert facts["codec"] == "h264" and facts["pix_fmt"] == "yuv420p"
    assert facts["size"] == (quality["width"], quality["height"])
    assert facts["fps"] == quality["fps"]
    expected = VIDEOS[video_id]["duration"] * quality["fps"]
    assert abs(facts["frames"] - expected) <= 1, (facts["frames"], expected)
    assert not is_blank(first) and not is_blank(last)
    # Training changed the picture: the curves, the readouts, the neuron's fill or the dots.
    changed = np.abs(first.astype(int) - last.astype(int)).max(axis=2) > 40
    assert changed.mean() > 0.002, changed.mean()
    # The poster is the first frame (the start, with the title), not the trained state.
    with Image.open(SITE_DIR / f"{name}.jpg") as image:
        poster = np.asarray(image.convert("RGB"), dtype=int)
    assert np.abs(poster - first).mean() < np.abs(poster - last).mean()
    assert np.abs(poster - first).mean() < 3


def test_same_inputs_give_the_same_bytes(tmp_path):
    """A fresh render equals the one make built: no time stamps, no cache, no randomness."""
    built = SITE_DIR / "run-quadratic-start1-en.mp4"
    out = tmp_path / "again.mp4"
    command = [sys.executable, "-m", "figures_src.videos.render", "run-quadratic-start1", "en"]
    subprocess.run([*command, "site", str(out)], cwd=ROOT, check=True)
    for suffix in (".mp4", ".jpg"):
        a, b = built.with_suffix(suffix).read_bytes(), out.with_suffix(suffix).read_bytes()
        assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest(), suffix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.jpg", "again.mp4"]


# --- captions and chapters --------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_tracks_parse_start_at_zero_and_end_with_the_video(name):
    video_id, lang = name.rsplit("-", 1)
    duration = VIDEOS[video_id]["duration"]
    for kind in ("captions", "chapters"):
        path = SITE_DIR / VIDEOS[video_id][kind].format(lang=lang)
        text = path.read_text(encoding="utf-8")
        assert text == captions.tracks(video_id, lang)[path.name], "run `make animations`"
        cues = captions.parse_vtt(text, duration)
        assert cues[0][0] == 0 and cues[-1][1] == pytest.approx(duration)
        assert all(end == nxt for (_, end, _), (nxt, _, _) in zip(cues, cues[1:], strict=False))
        assert all(bool(CJK.search(body)) == (lang == "zh") for *_, body in cues), kind
    chapters = captions.parse_vtt((SITE_DIR / f"{name}.chapters.vtt").read_text())
    assert [body for *_, body in chapters] == [
        timeline.CHAPTERS[lang][beat.key] for beat in timeline.beats(video_id)
    ]


EPOCH_IN_CUE = re.compile(r"(?:Epoch |第 )(\d+)")


@pytest.mark.parametrize("name", NAMES)
def test_a_cue_that_names_an_epoch_starts_when_the_clock_reaches_it(name):
    """The cues follow the animation: at a cue's start the scene's clock shows its epoch."""
    video_id, lang = name.rsplit("-", 1)
    beats, starts = timeline.beats(video_id), timeline.beat_starts(video_id)
    named = 0
    for start, _, text in timeline.cues(video_id, lang):
        match = EPOCH_IN_CUE.search(text)
        if not match:
            continue
        named += 1
        beat = next(b for b in reversed(beats) if starts[b.key] <= start + 1e-9)
        clock = beat.epoch_at(start - starts[beat.key])
        assert clock == pytest.approx(int(match[1]), abs=0.05), (text, clock)
    assert named >= 2


@pytest.mark.parametrize("video_id", [v for v in timing.VIDEO_IDS if v not in timing.MECHANISM_IDS])
def test_replay_cue_numbers_are_the_trainers(video_id):
    runs = [results.load(run_id) for run_id in timing.VIDEO_RUNS[video_id]]
    for lang in timing.LANGS:
        for _, _, text in timeline.cues(video_id, lang):
            match = EPOCH_IN_CUE.search(text)
            shown = [float(v) for v in re.findall(r"a = (\d\.\d{3})", text)]
            assert len(shown) == len(runs), text
            if match:  # the start and the end cue name no epoch: 0 and the last
                epoch = int(match[1])
            else:
                epoch = (
                    0 if text.startswith(("起点", "Start")) else len(runs[0]["history"]["a"]) - 1
                )
            assert shown == [round(run["history"]["a"][epoch], 3) for run in runs], text


@pytest.mark.parametrize("video_id", timing.MECHANISM_IDS)
def test_mechanism_cues_quote_the_trainer_and_their_claims_hold(video_id):
    quad, cross = (results.load(run_id) for run_id in timing.VIDEO_RUNS[video_id])
    hq = {key: np.asarray(value) for key, value in quad["history"].items()}
    facts = timeline.mechanism_facts(video_id)
    plunge = results.first_epoch_below(quad, 2 / 3)
    # "a²(1 − a) peaks at a = 2/3, and so does its update": the largest quadratic step is
    # taken at the epoch the output first drops below 2/3.
    assert facts["plunge"] == plunge == int(np.argmax(hq["dc_db"]))
    assert facts["a_q_plunge"] == f"{hq['a'][plunge]:.3f}"
    # The slopes quoted are ∂C/∂z of the trainer: a·σ′(z) and a.
    a0 = hq["a"][0]
    assert float(facts["slope_q0"]) == pytest.approx(a0 * a0 * (1 - a0), abs=5e-4)
    assert facts["slope_c0"] == f"{cross['history']['dc_db'][0]:.3f}" == f"{a0:.3f}"
    # "Late phase: σ′(z) ≈ a, so the quadratic update is about a²": within 25 % at the end.
    end = hq["a"][-1]
    assert 0.75 < hq["dc_db"][-1] / end**2 <= 1
    # The cross-entropy run is below 2/3 before the plateau beat ends.
    assert facts["cross_below"] < facts["plateau_end"] < plunge < facts["plunge_end"]
    for lang in timing.LANGS:
        texts = " ".join(text for *_, text in timeline.cues(video_id, lang))
        for key in ("a0", "slope_q0", "slope_c0", "a_q_plateau", "a_q_end", "a_c_end"):
            assert facts[key] in texts, (lang, key)
    assert facts["a_q_plateau"] == f"{hq['a'][facts['plateau_end']]:.3f}"
    assert facts["a_q_end"] == f"{quad['final']['a']:.3f}"
    assert facts["a_c_end"] == f"{cross['final']['a']:.3f}"


def test_a_broken_track_is_refused():
    good = captions.to_vtt([(0.0, 1.0, "one"), (1.0, 2.0, "two")])
    assert len(captions.parse_vtt(good, 2.0)) == 2
    broken = [
        good.replace("WEBVTT", "WEBVT"),
        good.replace("00:00:01.000 --> 00:00:02.000", "00:00:01.000 -> 00:00:02.000"),
        good.replace("\ntwo\n", "\n\n"),
        good.replace("00:00:01.000 --> 00:00:02.000", "00:00:01.000 --> 00:00:00.500"),
    ]
    for text in broken:
        with pytest.raises(ValueError):
            captions.parse_vtt(text, 2.0)
    with pytest.raises(ValueError, match="after the video"):
        captions.parse_vtt(good, 1.5)


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
        [sys.executable, "-m", "figures_src.videos.render", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


# --- the source ------------------------------------------------------------------------


def test_the_tracks_step_removes_the_files_of_a_video_that_is_gone(tmp_path):
    """captions.main runs whenever the list of videos changes: it writes every track and deletes
    the video, posters and tracks of an id no longer listed (never a render's hidden temp file)."""
    stale = [tmp_path / f"renamed-long-ago-zh.{ext}" for ext in ("mp4", "jpg", "webp", "vtt")]
    temp = tmp_path / ".compare-start1-zh.mp4.tmp.mp4"
    kept = tmp_path / "compare-start1-zh.mp4"
    for path in [*stale, temp, kept]:
        path.write_bytes(b"x")
    assert captions.main([str(tmp_path)]) == 0
    assert not any(p.exists() for p in stale)
    assert temp.exists() and kept.exists()
    assert {p.name for p in tmp_path.glob("*.vtt")} == {
        n for n in captions.video_files() if n.endswith(".vtt")
    }


def test_no_tex_anywhere_in_the_scenes():
    """No call that would start LaTeX: TeX mobjects, TeX coordinates, TeX numbers."""
    tex_call = re.compile(
        r"\b(MathTex|Tex|SingleStringMathTex|Variable)\(|\.add_coordinates\(|include_numbers=True"
    )
    sources = [
        *(ROOT / "figures_src" / "videos").glob("*.py"),
        ROOT / "figures_src/videos/render.py",
    ]
    for path in sources:
        assert not tex_call.search(path.read_text()), path.name
    # Every live number draws its glyphs with Text.
    common = (ROOT / "figures_src" / "videos" / "common.py").read_text()
    assert "mob_class=mob_class" in common and "mob_class = partial(Text" in common


def test_make_renders_exactly_what_an_edit_touches(make_plan):
    def make_dry_run(*args):
        """The videos `make -n` would render, as 'id lang quality'."""
        return make_plan(r"figures_src\.videos\.render (\S+) (\S+) (\S+) ", *args)

    assert make_dry_run("animations") == set(), "the videos should all be built (make test does)"
    compare = make_dry_run("-W", "figures_src/videos/compare_scene.py", "animations")
    assert compare == {
        f"compare-{s} {lang} site" for s in ("start1", "start2") for lang in ("zh", "en")
    }
    mechanism = make_dry_run("-W", "figures_src/videos/mechanism_scene.py", "animations")
    assert mechanism == {
        f"mechanism-{s} {lang} site" for s in ("start1", "start2") for lang in ("zh", "en")
    }
    assert len(make_dry_run("-W", "figures_src/palette.py", "animations")) == len(NAMES)
    # one run's numbers change: only the videos that play that run
    run = make_dry_run("-W", "docs/generated/data/quadratic-start1.json", "animations")
    assert run == {
        f"{v} {lang} site"
        for v in ("run-quadratic-start1", "compare-start1", "mechanism-start1")
        for lang in ("zh", "en")
    }
    page = make_dry_run("-W", "docs/index.md", "animations")
    assert page == set()
    # a lock-file upgrade: manim's pins re-render every video, matplotlib's none
    assert len(make_dry_run("-W", "build/pins/videos.txt", "animations")) == len(NAMES)
    assert make_dry_run("-W", "build/pins/figures.txt", "animations") == set()


def test_the_site_hook_refuses_a_broken_track(tmp_path):
    """A caption track that does not parse stops the build, naming the page and the file."""
    from types import SimpleNamespace

    from hooks import placeholders

    videos = tmp_path / "generated" / "videos"
    videos.mkdir(parents=True)
    for key in ("file", "poster", "captions", "chapters"):
        name = VIDEOS["compare-start1"][key].format(lang="en")
        (videos / name).write_bytes((SITE_DIR / name).read_bytes())
    webp = Path(VIDEOS["compare-start1"]["poster"].format(lang="en")).with_suffix(".webp").name
    (videos / webp).write_bytes((SITE_DIR / webp).read_bytes())  # what the page shows
    page = SimpleNamespace(file=SimpleNamespace(src_uri="in-action.en.md", locale="en"), url="")
    config = SimpleNamespace(docs_dir=str(tmp_path), theme={"language": "zh"})
    html = placeholders.expand("{{ video compare-start1 }}\n", page, config)
    assert '<track kind="captions"' in html and 'srclang="en"' in html
    (videos / "compare-start1-en.vtt").write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n")
    with pytest.raises(placeholders.PlaceholderError, match="compare-start1-en.vtt"):
        placeholders.expand("{{ video compare-start1 }}\n", page, config)
