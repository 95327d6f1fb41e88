"""WebVTT caption and chapter tracks of every video, in both languages, from the scenes' beats.

    python -m figures_src.videos.captions <out-dir>

Writes <id>-<lang>.vtt (captions) and <id>-<lang>.chapters.vtt (one chapter per beat) for
every video.  The cue times come from figures_src/videos/timeline.py, the clock the scenes
play, and the numbers from the trainer's JSON.  Each file is parsed back before it is written
(atomically); the site's hook parses it again when it embeds it.  Bad input: one line on
stderr, exit status 2, nothing written.
"""

import re
import sys
from pathlib import Path

from figures_src import makedeps
from figures_src.atomic import write_atomic
from figures_src.videos import timeline
from figures_src.videos.timing import LANGS, VIDEO_IDS

CAPTIONS = "{video_id}-{lang}.vtt"
CHAPTERS = "{video_id}-{lang}.chapters.vtt"
TIMING = re.compile(
    r"^(?P<start>\d{2,}:\d{2}:\d{2}\.\d{3}) --> (?P<end>\d{2,}:\d{2}:\d{2}\.\d{3})(?: .*)?$"
)


def timestamp(seconds):
    """12.5 -> 00:00:12.500 (whole milliseconds)."""
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def seconds_of(stamp):
    hours, minutes, secs = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def to_vtt(cues):
    """[(start, end, text)] -> a WebVTT file (numbered cues, one line of text each)."""
    blocks = ["WEBVTT\n"]
    for number, (start, end, text) in enumerate(cues, 1):
        blocks.append(f"{number}\n{timestamp(start)} --> {timestamp(end)}\n{text}\n")
    return "\n".join(blocks)


def parse_vtt(text, duration=None):
    """[(start, end, text)] of a WebVTT file; ValueError names the first thing wrong.

    Strict on what this project writes: the header, then blocks of an optional id, one timing
    line and at least one line of text; cues in order, each ending after it starts and, given
    ``duration``, no later than the video.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    blocks = re.split(r"\n{2,}", text.replace("\r\n", "\n").strip("\n"))
    if not re.fullmatch(r"WEBVTT(?:[ \t].*)?", blocks[0].split("\n")[0]):
        raise ValueError("does not start with WEBVTT")
    cues, last_start = [], 0.0
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith("NOTE"):
            continue
        if not TIMING.match(lines[0]):
            lines = lines[1:]  # a cue identifier
        match = TIMING.match(lines[0]) if lines else None
        if not match:
            raise ValueError(f"cue without a timing line: {block[:40]!r}")
        start, end = seconds_of(match["start"]), seconds_of(match["end"])
        body = "\n".join(lines[1:]).strip()
        if not body:
            raise ValueError(f"empty cue at {match['start']}")
        if end <= start or start < last_start:
            raise ValueError(f"cue at {match['start']} ends before it starts or is out of order")
        if duration is not None and end > duration + 1e-6:
            raise ValueError(f"cue at {match['start']} ends after the video ({duration} s)")
        cues.append((start, end, body))
        last_start = start
    if not cues:
        raise ValueError("no cues")
    return cues


def tracks(video_id, lang):
    """{file name: VTT text} of one video in one language."""
    return {
        CAPTIONS.format(video_id=video_id, lang=lang): to_vtt(timeline.cues(video_id, lang)),
        CHAPTERS.format(video_id=video_id, lang=lang): to_vtt(timeline.chapters(video_id, lang)),
    }


def write_all(out_dir):
    out_dir = Path(out_dir)
    files = {}
    for video_id in VIDEO_IDS:
        for lang in LANGS:
            for name, text in tracks(video_id, lang).items():
                parse_vtt(text, timeline.duration(video_id))  # a bad track never gets written
                files[name] = text
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write_atomic(out_dir / name, text)
    return sorted(files)


def video_files():
    """Every file name the videos' folder should hold: video, poster (JPEG and WebP), tracks."""
    names = set()
    for video_id in VIDEO_IDS:
        for lang in LANGS:
            names |= {f"{video_id}-{lang}.{ext}" for ext in ("mp4", "jpg", "webp")}
            names |= {t.format(video_id=video_id, lang=lang) for t in (CAPTIONS, CHAPTERS)}
    return names


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.stderr.write("captions: error: usage: captions <out-dir>\n")
        return 2
    try:
        write_all(argv[0])
    except (ValueError, OSError) as err:
        sys.stderr.write(f"captions: error: {err}\n")
        return 2
    # This step runs whenever the list of videos changes (timing.py): files of an id that is
    # gone would otherwise stay in the folder and be published.
    for path in makedeps.prune(argv[0], video_files()):
        print(f"captions: removed {path.name} (no such video)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
