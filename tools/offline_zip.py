"""Pack the offline build into one zip: `python -m tools.offline_zip <site dir> <out.zip>`.

Everything sits under one folder named like the zip (`cross-entropy-site-0.1.0/`), so unzipping it
anywhere gives a folder whose index.html opens from the file system. Same files, same bytes: entries
are sorted and carry a fixed timestamp.
"""

import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)
STORED = {".mp4", ".jpg", ".png", ".woff2", ".woff", ".gz", ".zip"}  # already compressed


def pack(site, out):
    site, out = Path(site), Path(out)
    if not (site / "index.html").is_file():
        raise SystemExit(f"offline_zip: {site} has no index.html (build it first)")
    folder = out.name.removesuffix(".zip")
    tmp = out.with_suffix(".zip.tmp")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            info.external_attr = 0o644 << 16
            stored = path.suffix in STORED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=None if stored else 9)
    tmp.replace(out)  # nothing half-written under the real name


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m tools.offline_zip <site dir> <out.zip>")
    pack(sys.argv[1], sys.argv[2])
