"""Setup promises: every locked package installs on a fresh Debian 12's Python, and is pinned."""

import re
from importlib.metadata import distributions
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
DEBIAN_12_PYTHON = "3.11.2"


def locked():
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return dict(line.split("==") for line in lines if line.strip() and not line.startswith("#"))


def test_every_lock_line_is_an_exact_pin():
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+!\-]+", line), line


def test_installed_packages_are_the_locked_ones():
    pins = {re.sub(r"[-_.]+", "-", k).lower(): v for k, v in locked().items()}
    for d in distributions():
        name = re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower()
        if name in ("pip", "setuptools", "wheel", "cross-entropy-site"):  # the project itself
            continue
        assert name in pins, f"{name} is installed but not in requirements.lock"
        assert pins[name] == d.version, f"{name}: installed {d.version}, locked {pins[name]}"


def test_locked_packages_support_debian_12_python():
    for d in distributions():
        requires = d.metadata.get("Requires-Python")
        if requires:
            assert SpecifierSet(requires).contains(DEBIAN_12_PYTHON), (d.metadata["Name"], requires)
