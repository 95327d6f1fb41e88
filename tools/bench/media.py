"""Benchmark of the generated media: `make bench-figures` (via bench-animations) runs this.

Measures (1) a fresh render of every figure, (2) a fresh render of every site-quality video,
two at a time as `make -j2` would, both into temporary directories so the real outputs are
untouched, (3) a no-op `make figures animations` in the real tree, and (4) each site video's
size against the budget.  Writes a Markdown report.

    python -m tools.bench.media --out bench/figures.md
"""

import argparse
import hashlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from figures_src import makedeps
from figures_src.paths import GENERATED, ROOT
from figures_src.videos.catalog import BUDGET_BYTES
from figures_src.videos.timing import LANGS, VIDEO_IDS

VIDEO_DIR = GENERATED / "videos"
JOBS = 2  # the machines these run on have two cores


def timed(command, **kwargs):
    """Wall seconds of one command, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, **kwargs)
    return time.perf_counter() - start


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bench_figures(out_dir):
    return timed([sys.executable, "-m", "figures_src.figures", str(out_dir)])


def bench_videos(out_dir):
    """Total wall time for all site videos two at a time; per video its own time and whether
    the fresh bytes equal the ones make built (the determinism check at site quality)."""
    jobs = [(video_id, lang) for video_id in VIDEO_IDS for lang in LANGS]

    def render(job):
        video_id, lang = job
        out = out_dir / f"{video_id}-{lang}.mp4"
        command = [sys.executable, "-m", "figures_src.videos.render", video_id, lang, "site"]
        seconds = timed([*command, str(out)])
        built = VIDEO_DIR / out.name
        same = built.exists() and sha256(built) == sha256(out)
        return job, (seconds, same)

    start = time.perf_counter()
    with ThreadPoolExecutor(JOBS) as pool:
        each = dict(pool.map(render, jobs))
    return time.perf_counter() - start, each


def bench_noop():
    """A second `make` with nothing changed: its time, and whether it really rendered nothing.

    (`make -q` cannot tell: the setup's phony `debs` check runs on every make.)"""
    make = os.environ.get("MAKE", "make")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    seconds = timed([make, "-s", "figures", "animations"], env=env, stdout=subprocess.DEVNULL)
    # Files rewritten only when they change are held old: a dry run cannot see that a real
    # make re-reads their time and renders nothing.
    held = [f"-o{p.relative_to(ROOT)}" for p in makedeps.written_if_changed()]
    dry = subprocess.run(
        [make, "-n", *held, "figures", "animations"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    renders = [line for line in dry.stdout.splitlines() if "figures_src." in line]
    return seconds, dry.returncode == 0 and not renders


def size_rows():
    rows = []
    for video_id in VIDEO_IDS:
        for lang in LANGS:
            path = VIDEO_DIR / f"{video_id}-{lang}.mp4"
            size = path.stat().st_size if path.exists() else None
            rows.append((path.name, size))
    return rows


def report(figures_s, videos_s, each, noop_s, noop_ok, sizes, load):
    lines = [
        "# Figures and videos: render times and sizes",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU(s), Python "
        f"{platform.python_version()}; videos rendered {JOBS} at a time; 1-minute load "
        f"average {load[0]:.1f} before, {load[1]:.1f} after (above {JOBS}: other jobs shared "
        "the CPUs, so the times are upper bounds).",
        "",
        "| step | wall time |",
        "|---|---|",
        f"| all figures (fresh, into a temporary directory) | {figures_s:.1f} s |",
        f"| all {len(each)} site videos (fresh, 1280x720 at 30 fps) | {videos_s:.1f} s |",
        f"| figures + videos together | {figures_s + videos_s:.1f} s |",
        f"| no-op `make figures animations` | {noop_s:.2f} s "
        f"({'nothing to do' if noop_ok else 'NOT up to date'}) |",
        "",
        f"## Site videos against the {BUDGET_BYTES // 1024} KB budget",
        "",
        "| video | render time | size | within budget | fresh render byte-identical |",
        "|---|---|---|---|---|",
    ]
    for name, size in sizes:
        video_id, lang = name.removesuffix(".mp4").rsplit("-", 1)
        seconds, same = each.get((video_id, lang), (None, False))
        took = f"{seconds:.1f} s" if seconds is not None else "-"
        same = "yes" if same else "**no**"
        if size is None:
            lines.append(f"| {name} | {took} | missing | no | {same} |")
        else:
            ok = "yes" if size <= BUDGET_BYTES else "**no**"
            lines.append(f"| {name} | {took} | {size / 1024:.0f} KB | {ok} | {same} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "figures.md")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]  # other jobs on the machine slow every number below
    with tempfile.TemporaryDirectory(prefix="bench-media-") as tmp:
        figures_s = bench_figures(Path(tmp) / "figures")
        videos_s, each = bench_videos(Path(tmp))
    noop_s, noop_ok = bench_noop()
    load = (load_before, os.getloadavg()[0])
    text = report(figures_s, videos_s, each, noop_s, noop_ok, size_rows(), load)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
