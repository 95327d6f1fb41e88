"""Sizes and build times of the offline zip and the two PDFs (`make offline`, `make pdf`).

Built afresh into a temporary directory from the project's own site/ and sources, so the
timings include everything the targets do and build/ is left alone.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from tools.sitebrowser import ROOT


def _timed(cmd, env=None):
    t0 = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {run.stderr.strip()[-500:]}")
    return time.perf_counter() - t0


def measure(work):
    from pypdf import PdfReader

    from tools import pdf_book

    work = Path(work) / "takeaway"
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        raise RuntimeError("site/ is not built: run `make` first")
    py = sys.executable
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    offline_site, zip_path = work / "offline-site", work / "offline.zip"
    build_s = _timed([py, "-m", "mkdocs", "build", "--strict", "-d", str(offline_site)], env)
    zip_s = _timed([py, "-m", "tools.offline_zip", str(offline_site), str(zip_path)])
    pdf_s = _timed([py, "-m", "tools.pdf_book", str(site), str(work / "pdf")])
    pdfs = {}
    for lang in ("zh", "en"):
        path = work / "pdf" / pdf_book.PDF_NAME.format(lang=lang)
        pdfs[lang] = {"bytes": path.stat().st_size, "pages": len(PdfReader(path).pages)}
    return {
        "offline": {"bytes": zip_path.stat().st_size, "build_s": build_s, "zip_s": zip_s},
        "pdf": {"seconds": pdf_s, "books": pdfs},
    }


def section(r, failed, error_block):
    out = ["## Offline copy and PDFs", ""]
    if r is None:
        return out + ["Not measured this run.", ""]
    if failed(r):
        return out + error_block(r)
    off, pdf = r["offline"], r["pdf"]
    out += [
        "Built afresh into a temporary directory (`make offline`: a second site build with "
        "OFFLINE=true, then the zip; `make pdf`: both books from site/, key frames included).",
        "",
        "| output | size | build time |",
        "|---|---|---|",
        f"| offline zip | {off['bytes'] / 1e6:.1f} MB | {off['build_s']:.0f} s site build + "
        f"{off['zip_s']:.1f} s zip |",
    ]
    for i, (lang, book) in enumerate(pdf["books"].items()):
        when = f"{pdf['seconds']:.0f} s for both" if i == 0 else "(same run)"
        out.append(
            f"| cross-entropy-{lang}.pdf ({book['pages']} pages) | "
            f"{book['bytes'] / 1e6:.1f} MB | {when} |"
        )
    return out + [""]
