"""Every video carries its caption track in the page's language (on by default when captions
are turned on) and a chapters track; in Chromium both load, have cues from 0 to the video's
end, and say what the generated tracks say (whose numbers tests/test_videos.py checks
against the trainer's JSON)."""

import re
from urllib.parse import urlsplit

from browser_helpers import built_html

from tools.sitebrowser import lang_of

TRACK_NAME = re.compile(r"/([a-z0-9.-]+)-(zh|en)(\.chapters)?\.vtt$")

# Load every track of one <video> (a disabled track never loads: make it hidden) and read it.
READ_TRACKS = """async (v) => {
    const out = [];
    for (const el of v.querySelectorAll("track")) {
        const loaded = new Promise((resolve) => {
            if (el.readyState === 2) return resolve(true);
            el.addEventListener("load", () => resolve(true), {once: true});
            el.addEventListener("error", () => resolve(false), {once: true});
        });
        if (el.track.mode === "disabled") el.track.mode = "hidden";
        const ok = await loaded;
        const cues = ok && el.track.cues ? [...el.track.cues] : [];
        out.push({kind: el.kind, srclang: el.srclang, isDefault: el.default, src: el.src, ok,
                  cues: cues.map((c) => [c.startTime, c.endTime, c.text])});
    }
    return out;
}"""


def test_every_video_has_its_languages_tracks_and_they_load(visit, page_path):
    from figures_src.videos import timeline
    from figures_src.videos.catalog import VIDEOS

    if "<video" not in built_html(page_path):
        return  # no video: nothing to open
    page, _, log = visit(page_path)
    videos = page.locator("video")
    lang = lang_of(page_path)
    problems = []
    for i in range(videos.count()):
        src = videos.nth(i).locator("source").get_attribute("src") or ""
        video_id = re.search(r"([a-z0-9.-]+)-(?:zh|en)\.mp4$", src)[1]
        duration = VIDEOS[video_id]["duration"]
        tracks = videos.nth(i).evaluate(READ_TRACKS)
        kinds = sorted(t["kind"] for t in tracks)
        if kinds != ["captions", "chapters"]:
            problems.append(f"{video_id}: tracks {kinds}")
            continue
        for track in tracks:
            name = TRACK_NAME.search(urlsplit(track["src"]).path)
            where = f"{video_id} {track['kind']}"
            if not name or name[1] != video_id or name[2] != lang or track["srclang"] != lang:
                problems.append(
                    f"{where}: {track['src']} / srclang {track['srclang']} on a {lang} page"
                )
            if track["kind"] == "captions" and not track["isDefault"]:
                problems.append(f"{where}: not the default track")
            if not track["ok"] or not track["cues"]:
                problems.append(f"{where}: did not load or has no cues")
                continue
            cues = track["cues"]
            if cues[0][0] != 0 or cues[-1][1] > duration + 1e-3:
                problems.append(f"{where}: cues run {cues[0][0]}..{cues[-1][1]} in {duration} s")
            expected = (
                timeline.cues(video_id, lang)
                if track["kind"] == "captions"
                else timeline.chapters(video_id, lang)
            )
            shown = [(round(s, 3), round(e, 3), text) for s, e, text in cues]
            wanted = [(round(s, 3), round(e, 3), text) for s, e, text in expected]
            if shown != wanted:
                problems.append(f"{where}: cues differ from the scene's timeline")
    assert not problems, f"/{page_path}:\n  " + "\n  ".join(problems)
    log.assert_clean(everything=False)
