"""One chromium for the whole suite.

Playwright's sync API allows one running instance per thread, so the playground tests and
the browser tests (tests/browser/) share this session-wide browser instead of each starting
their own.  It is Debian's chromium (never a downloaded one); a missing one FAILS the tests.
"""

from pathlib import Path

import pytest

from tools import sitebrowser


@pytest.fixture(scope="session")
def browser():
    if not Path(sitebrowser.CHROMIUM).exists():
        pytest.fail(f"{sitebrowser.CHROMIUM} missing: `make debs-test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = sitebrowser.launch(p)
        yield b
        b.close()
