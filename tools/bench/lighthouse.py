"""Lighthouse scores (performance, accessibility, best practices, SEO), mobile and desktop.

Lighthouse 13 needs Node >= 22.19; this project supports Node 18 and 20, so the bench
installs Lighthouse 12 (pinned) into build/bench-tools/, outside the project's package.json.
The site is served with gzip for text files, as static hosts (GitHub Pages, Netlify) do.
Every page is measured: mobile RUNS times (the score is the median run's: Lighthouse times the
page on this CPU, and other work on the machine moves single runs), desktop once.
"""

import json
import os
import subprocess

from tools.sitebrowser import CHROMIUM, CHROMIUM_ARGS, ROOT, discover_pages, serve

VERSION = "12.8.2"
TOOLS = ROOT / "build" / "bench-tools"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORMS = ("mobile", "desktop")
RUNS = {"mobile": 3, "desktop": 1}
# Lab metrics kept per run (milliseconds, CLS unitless): what moved the score.
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "speed-index": "SI",
    "cumulative-layout-shift": "CLS",
}


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
    # Audits that keep a category below 100, named with their category.
    short = [
        f"{c}: {ref['id']}"
        for c in CATEGORIES
        if c != "performance"
        for ref in report["categories"][c]["auditRefs"]
        if ref.get("weight", 0) > 0 and report["audits"][ref["id"]].get("score") not in (None, 1)
    ]
    metrics = {
        label: report["audits"][audit].get("numericValue") for audit, label in METRICS.items()
    }
    # Lighthouse's own CPU speed test at the start of the run (a free desktop: 1000-2500)
    metrics["benchmark"] = report.get("environment", {}).get("benchmarkIndex")
    scores = {c: None if s is None else round(s * 100) for c, s in scores.items()}
    return scores, failing, short, metrics


def median_run(runs):
    """The run with the median performance score (the lower middle of an even count)."""
    ordered = sorted(runs, key=lambda r: r["scores"]["performance"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def measure(site, pages=None, forms=FORMS, runs=RUNS):
    install()
    out_dir = ROOT / "build" / "bench" / "lighthouse"
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    with serve(site, compress=True) as base:
        for path in pages if pages is not None else discover_pages(site):
            for form in forms:
                row = {"page": "/" + path, "form": form, "runs": []}
                for i in range(runs[form]):
                    name = (path.strip("/").replace("/", "-") or "index") + f"-{form}-{i + 1}.json"
                    # Lighthouse times the page on this CPU: other work skews performance.
                    run = {"load": os.getloadavg()[0]}
                    try:
                        run["scores"], run["failing"], run["short"], run["metrics"] = run_one(
                            base + path, form, out_dir / name
                        )
                    except Exception as e:  # recorded in the report, never raised
                        run["error"] = f"{e.__class__.__name__}: {e}"
                    row["runs"].append(run)
                done = [r for r in row["runs"] if "error" not in r]
                if not done:
                    row["error"] = row["runs"][0]["error"]
                else:
                    row.update({k: v for k, v in median_run(done).items()})
                    row["performance_runs"] = [r["scores"]["performance"] for r in done]
                rows.append(row)
    return rows
