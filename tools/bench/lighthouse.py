"""Lighthouse scores (performance, accessibility, best practices, SEO), mobile and desktop.

Lighthouse 13 needs Node >= 22.19; this project supports Node 18 and 20, so the bench
installs Lighthouse 12 (pinned) into build/bench-tools/, outside the project's package.json.
The site is served with gzip for text files, as static hosts (GitHub Pages, Netlify) do.
"""

import json
import os
import subprocess

from tools.sitebrowser import CHROMIUM, CHROMIUM_ARGS, ROOT, serve

VERSION = "12.8.2"
TOOLS = ROOT / "build" / "bench-tools"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("", "learning/", "slowdown/", "cross-entropy/", "in-action/")
FORMS = ("mobile", "desktop")


def install():
    installed = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if installed.exists() and json.loads(installed.read_text())["version"] == VERSION:
        return
    TOOLS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
         "--loglevel=error", f"lighthouse@{VERSION}"],
        check=True, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def run_one(url, form, out):
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    cmd = [
        "node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
        "--only-categories=" + ",".join(CATEGORIES), f"--chrome-flags={flags}",
    ]  # fmt: skip
    if form == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
    report = json.loads(out.read_text())
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    # Audits that count towards a score and fall short: what to fix first.
    scored = [
        (ref["id"], report["audits"][ref["id"]].get("score"))
        for c in CATEGORIES
        for ref in report["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0
    ]
    failing = [name for name, score in scored if score is not None and score < 0.9]
    return {c: None if s is None else round(s * 100) for c, s in scores.items()}, failing


def measure(site, langs=("zh", "en"), pages=PAGES, forms=FORMS):
    install()
    out_dir = ROOT / "build" / "bench" / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with serve(site, compress=True) as base:
        for lang in langs:
            for page in pages:
                path = page if lang == "zh" else "en/" + page
                if not (site / path / "index.html").exists():
                    rows.append({"page": "/" + path, "form": "-", "error": "page not built"})
                    continue
                for form in forms:
                    name = (path.strip("/").replace("/", "-") or "index") + f"-{form}.json"
                    # Lighthouse times the page on this CPU: other work skews performance.
                    row = {"page": "/" + path, "form": form, "load": os.getloadavg()[0]}
                    try:
                        row["scores"], row["failing"] = run_one(base + path, form, out_dir / name)
                    except Exception as e:  # recorded in the report, never raised
                        row["error"] = f"{e.__class__.__name__}: {e}"
                    rows.append(row)
    return rows
