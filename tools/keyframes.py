"""Key frames of a video for print: `python -m tools.keyframes <video.mp4> <video id> <out dir>`.

A printed page cannot play a video, so the PDF shows a strip of frames cut from the very MP4 the
site serves, each labelled with its epoch. The epochs are spread evenly over the run, from the start
to the last one; the scenes' fixed clock (figures_src/videos/timing.py) says when each is on screen.
Writes <out dir>/<stem>-<i>.jpg and <out dir>/<stem>.json ([{"epoch", "file"}]).
Same MP4, same bytes.
"""

import json
import sys
from pathlib import Path

import av

from figures_src.videos.timing import EPOCHS_PER_SECOND, INTRO_SECONDS, epochs_for

FRAMES = 5
WIDTH = 360  # px: five across a printed A4 line at about 300 dpi would be overkill; 360 reads


def epochs_to_show(epochs, count=FRAMES):
    return [round(i * epochs / (count - 1)) for i in range(count)]


def seconds_at(epoch):
    """A time whose frame shows `epoch` on the counter: a frame shows the clock one tick on
    (checked by eye on the frames), so aim half a tick before it."""
    return INTRO_SECONDS + (epoch - 0.5) / EPOCHS_PER_SECOND


def cut(video, video_id, out_dir):
    video, out_dir = Path(video), Path(out_dir)
    if not video.is_file():
        raise SystemExit(f"keyframes: no video {video}")
    wanted = [(seconds_at(e), e) for e in epochs_to_show(epochs_for(video_id))]
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = []
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            if not wanted:
                break
            if frame.time is None or frame.time + 1e-9 < wanted[0][0]:
                continue
            _, epoch = wanted.pop(0)
            image = frame.to_image()
            image = image.resize((WIDTH, round(WIDTH * image.height / image.width)))
            name = f"{video.stem}-{len(shots)}.jpg"
            image.save(out_dir / name, quality=82, optimize=True)
            shots.append({"epoch": epoch, "file": name})
    if wanted:
        raise SystemExit(f"keyframes: {video} ends before epoch {wanted[0][1]}")
    (out_dir / f"{video.stem}.json").write_text(json.dumps(shots), encoding="utf-8")
    return shots


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: python -m tools.keyframes <video.mp4> <video id> <out dir>")
    cut(*sys.argv[1:])
