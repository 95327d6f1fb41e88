"""Describe the machine the numbers were measured on."""

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from tools.sitebrowser import CHROMIUM, ROOT


def run(*cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30, cwd=ROOT)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError) as e:
        return f"unknown ({e.__class__.__name__})"


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def ram_gib():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 2**20
    return float("nan")


def os_name():
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    return platform.platform()


def describe():
    """(label, value) rows."""
    from importlib.metadata import version

    return [
        ("Date (UTC)", datetime.now(UTC).strftime("%Y-%m-%d %H:%M")),
        ("CPU", cpu_model()),
        ("Cores (logical)", str(os.cpu_count())),
        ("RAM", f"{ram_gib():.1f} GiB"),
        ("OS", os_name()),
        ("Python", sys.version.split()[0]),
        ("Node", run("node", "--version")),
        ("npm", run("npm", "--version")),
        ("Chromium", run(CHROMIUM, "--version")),
        ("Playwright (Python)", version("playwright")),
        ("MkDocs / Material", f"{version('mkdocs')} / {version('mkdocs-material')}"),
        ("numpy", version("numpy")),
        ("Commit", run("git", "rev-parse", "--short", "HEAD")),
    ]
