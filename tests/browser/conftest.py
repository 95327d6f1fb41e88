"""Fixtures for the real-browser tests: the built site served on 127.0.0.1, one chromium.

Pages are discovered from the built site, so a new page is covered without editing a test.
A missing site or browser FAILS the tests (never skips): `make test` builds the site first.
"""

import time
from urllib.parse import urlsplit

import pytest
from browser_helpers import PAGES, SITE

from tools import sitebrowser

MISSING = "<site missing>"
# Material keeps the chosen palette in localStorage; each page starts from the default.
FORGET_PALETTE = """
for (const key of Object.keys(localStorage)) {
    if (key.includes("__palette")) localStorage.removeItem(key);
}
"""


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        pages = PAGES or [MISSING]
        ids = [p or "/" for p in pages]
        # Module scope: pytest runs a module's tests page by page, so a module can open each
        # page once for all its tests that only read it (see `shown` in test_browser_pages.py).
        metafunc.parametrize("page_path", pages, ids=ids, indirect=True, scope="module")


@pytest.fixture(scope="module")
def page_path(request):
    path = request.param
    if path == MISSING:
        pytest.fail(f"no built site at {SITE}: run `make site` (or set BROWSER_SITE_DIR)")
    return path


@pytest.fixture(scope="session")
def site():
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: run `make site` (or set BROWSER_SITE_DIR)")
    return SITE


@pytest.fixture(scope="session")
def base_url(site):
    with sitebrowser.serve(site) as url:
        yield url


class Log:
    """Everything that went wrong on one page: console errors, failed or outside requests."""

    def __init__(self, base_url):
        self.base = base_url
        self.console = []
        self.page_errors = []
        self.failed = []
        self.bad_status = []
        self.outside = []
        self.pending = set()  # requests sent and not yet finished or failed
        self.sent = set()  # every request of this load (not one the tab's last page left)

    def watch(self, page):
        self.handlers = {
            "console": self._console,
            "pageerror": lambda e: self.page_errors.append(str(e)),
            "request": self._request,
            "requestfinished": lambda r: self.pending.discard(r),
            "requestfailed": self._failed,
            "response": self._response,
        }
        for event, handler in self.handlers.items():
            page.on(event, handler)

    def unwatch(self, page):
        for event, handler in self.handlers.items():
            page.remove_listener(event, handler)

    def wait_for_requests(self, page, timeout=15):
        """Until every request the page sent has answered, and none starts in the next two
        frames (a lazy image starts in the frame after it scrolled into view)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page.evaluate(
                "new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); "
                "setTimeout(r, 1000); })"
            )
            if not self.pending:
                return
            page.wait_for_timeout(20)  # lets Playwright deliver the answers (a poll, not a wait)
        pytest.fail(
            "requests still open after 15 s:\n  " + "\n  ".join(r.url for r in self.pending)
        )

    def _request(self, request):
        self.pending.add(request)
        self.sent.add(request)

    def _console(self, msg):
        if msg.type == "error":
            self.console.append(f"{msg.text} ({msg.location.get('url', '')})")

    def _failed(self, request):
        self.pending.discard(request)
        if request not in self.sent:
            return  # the last page's, cancelled by this load (its favicon, say)
        if not request.url.startswith(self.base):
            return  # outside requests are aborted on purpose and listed in .outside
        failure = request.failure or ""
        # Chromium cancels media requests it no longer needs (ERR_ABORTED): not a failure.
        if request.resource_type == "media" and "ERR_ABORTED" in failure:
            return
        self.failed.append(f"{request.url}: {failure}")

    def _response(self, response):
        if response.status >= 400 and response.request in self.sent:
            self.bad_status.append(f"{response.status} {response.url}")

    def problems(self, everything=True):
        found = {"requests to other hosts (failed)": self.outside}
        if everything:
            found |= {
                "console errors": self.console,
                "page errors": self.page_errors,
                "failed requests": self.failed,
                "HTTP status >= 400": self.bad_status,
            }
        else:
            found["page errors"] = self.page_errors
        return "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in found.items() if v)

    def assert_clean(self, everything=True):
        text = self.problems(everything)
        if text:
            pytest.fail(text)


class OutsideSince(list):
    """The context's outside requests made after this point (a live view, not a copy)."""

    def __init__(self, shared):
        super().__init__()
        self.shared, self.start = shared, len(shared)

    def __iter__(self):
        return iter(self.shared[self.start :])

    def __len__(self):
        return len(self.shared) - self.start

    def __bool__(self):
        return len(self) > 0


def is_local(url, base):
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return url.startswith(base)


def make_context(browser, base_url, **options):
    """A browser context that fails, and records, every request leaving 127.0.0.1."""
    context = browser.new_context(
        base_url=base_url, color_scheme="light", proxy=sitebrowser.NO_NETWORK, **options
    )
    context.outside = []

    def record(request):
        if not is_local(request.url, base_url):
            context.outside.append(request.url)

    context.on("request", record)
    context.add_init_script(FORGET_PALETTE)
    context.free_tabs = []  # see open_page
    return context


@pytest.fixture(scope="module")
def context(browser, base_url):
    ctx = make_context(browser, base_url, viewport=sitebrowser.DESKTOP)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def phone_context(browser, base_url):
    ctx = make_context(
        browser, base_url, viewport=sitebrowser.PHONE, is_mobile=True, has_touch=True
    )
    yield ctx
    ctx.close()


def open_page(ctx, base_url, path):
    """Open ``path`` in a free tab of ``ctx``; returns (page, response, log).  close_page()
    frees the tab for the next page: a new tab starts a renderer process, which took as long
    as loading the page itself, so a context keeps its tabs and loads page after page in them.
    Each load is a new document, and nothing the last test set on the tab is left (close_page)."""
    free = getattr(ctx, "free_tabs", None)
    page = free.pop() if free else ctx.new_page()
    page.bring_to_front()  # a tab behind another draws no frames
    url = base_url + path
    if page.url.split("#")[0] == url.split("#")[0]:
        page.goto("about:blank")  # else a link to #id would only scroll the page already there
    log = Log(base_url)
    log.watch(page)
    page.log = log
    log.outside = OutsideSince(ctx.outside)
    response = page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page, response, log


def close_page(page):
    """Give a tab from open_page back to its context, as a new tab would be (or close it)."""
    free = getattr(page.context, "free_tabs", None)
    if free is None or page.is_closed():
        page.close()
        return
    page.log.unwatch(page)
    page.emulate_media(reduced_motion="null")
    free.append(page)


def tabs(ctx, base_url):
    """A visit(path) -> (page, response, log) function, and the pages it opened (to close)."""
    pages = []

    def go(path):
        page, response, log = open_page(ctx, base_url, path)
        pages.append(page)
        return page, response, log

    return go, pages


@pytest.fixture
def visit(context, base_url):
    """visit(path) -> (page, response, log) in the desktop context; closes the tabs after."""
    go, pages = tabs(context, base_url)
    yield go
    for page in pages:
        close_page(page)


@pytest.fixture
def visit_phone(phone_context, base_url):
    """The same on a 390 x 844 phone."""
    go, pages = tabs(phone_context, base_url)
    yield go
    for page in pages:
        close_page(page)
