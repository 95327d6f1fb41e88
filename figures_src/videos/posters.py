"""The web poster of a video: its JPEG poster as a WebP sized to the width the page shows.

    python -m figures_src.videos.posters <poster.jpg> <poster.webp>

render.py writes each video's poster as a full-size JPEG (1280 x 720, the frame the
reader sees before pressing play).  A page shows a video at most about 760 CSS pixels wide,
and `<video poster>` takes one URL (no srcset), so the page gets this one WebP instead: the
same picture at WEB_WIDTH, a third the bytes of the JPEG.  Every browser that plays the
site's H.264 videos shows WebP.  Written atomically; the same JPEG gives the same bytes.
Bad input: one line on stderr, exit status 2.
"""

import sys
from pathlib import Path

WEB_WIDTH = 800  # CSS pixels: the widest a page shows a video (Material's content column)
WEB_QUALITY = 80  # flat graphics and text: below this, edges of the digits ring
SUFFIX = ".webp"


def web_poster(jpeg):
    """The WebP bytes of one JPEG poster."""
    import io

    from PIL import Image

    with Image.open(jpeg) as image:
        image = image.convert("RGB")
        height = round(image.height * WEB_WIDTH / image.width)
        small = image.resize((WEB_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # method=6: the slowest and smallest encoding (a poster is made once)
    small.save(out, "WEBP", quality=WEB_QUALITY, method=6)
    return out.getvalue()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or not argv[0].endswith(".jpg") or not argv[1].endswith(SUFFIX):
        sys.stderr.write("usage: python -m figures_src.videos.posters <poster.jpg> <poster.webp>\n")
        return 2
    src, dst = map(Path, argv)
    if not src.is_file():
        sys.stderr.write(f"posters: error: {src} does not exist (run `make animations`)\n")
        return 2
    from figures_src.atomic import write_atomic

    write_atomic(dst, web_poster(src))
    return 0


if __name__ == "__main__":
    sys.exit(main())
