"""Browser fixtures: the built site served on 127.0.0.1, one Chromium per session, a fresh context per test.

Every context records what its pages do: a test fails when a page requested anything from a
host other than the local server, sent data, logged an error to the console, or threw an
uncaught error. Playwright drives Debian's Chromium; when it is missing, every browser test
fails with the command that installs it (browser tests never skip).
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from chromium_launch import CHROMIUM
from playwright.sync_api import Browser, expect, sync_playwright

from .browser_support import CHROMIUM_ARGS, READY_CHECK_PAGE, open_context, open_page, search


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site as its host would, quietly.

    Material's instant navigation follows a link only when its URL is in sitemap.xml, taking the
    scheme and host from the page but the port from `site_url`. So, as `mkdocs serve` does, the
    sitemap is served with the site's own URL replaced by this server's: the site is tested as
    it runs where it is published.
    """

    site_url = ""
    served_url = ""

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        if self.path.split("?")[0] != "/sitemap.xml":
            return super().do_GET()
        body = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8").replace(self.site_url, self.served_url).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def published_url(site_dir: Path) -> str:
    """The site's own URL (`site_url`): the shortest address in its sitemap, the home page's."""
    locations = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations, "the built sitemap.xml lists no page"
    return min(locations, key=len)


class SiteServer(ThreadingHTTPServer):
    """A browser that drops a connection it no longer needs (a page left mid-load) is not an error."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site_dir) -> str:
    """The built site over HTTP on 127.0.0.1, on a free port; yields its root URL."""
    handler = type("Handler", (SiteHandler,), {"site_url": published_url(site_dir)})
    httpd = SiteServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    handler.served_url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield handler.served_url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is missing: {CHROMIUM} does not exist. Install it with `make system-deps` "
            "(Debian package `chromium`); browser tests never skip.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def study_tools_ready(browser, server) -> None:
    """The study tools set up a question page without a script error: checked once per session.

    When they do not, every test that opens a page fails at once with the same error, instead of
    each one waiting out its own timeout.
    """
    context, recorder = open_context(browser, server)
    try:
        open_page(context.new_page(), READY_CHECK_PAGE)
        errors = recorder.errors()
    except AssertionError as error:
        errors = [str(error)]
    finally:
        context.close()
    if errors:
        pytest.fail("the study tools are broken: every browser test would fail:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def recorded_context(browser, server, study_tools_ready):
    """(context, recorder) for one test; the recorder's checks run when the test ends."""
    context, recorder = open_context(browser, server)
    yield context, recorder
    context.close()
    recorder.check()


@pytest.fixture
def page(recorded_context):
    return recorded_context[0].new_page()


@pytest.fixture
def recorder(recorded_context):
    return recorded_context[1]


@pytest.fixture
def page_without_js(browser, server):
    context, recorder = open_context(browser, server, java_script_enabled=False)
    yield context.new_page()
    context.close()
    recorder.check()


@pytest.fixture(scope="module")
def search_page(browser, server):
    """One page with search open for a module's queries (the index loads once); its recorder checks run at the end."""
    context, recorder = open_context(browser, server)
    page = context.new_page()
    page.goto("./")
    page.keyboard.press("/")  # Material's shortcut to the search box
    expect(page.locator("input.md-search__input")).to_be_focused()
    yield page
    context.close()
    recorder.check()


@pytest.fixture(scope="module")
def results_of(search_page):
    """The result pages of a query, typed once (the share tests read every query's results)."""
    typed: dict[str, list[str]] = {}

    def results(query: str) -> list[str]:
        if query not in typed:
            typed[query] = search(search_page, query)
        return typed[query]

    return results


def pytest_collection_modifyitems(items):
    """Run the test that the study tools start cleanly first: when they do not, it says so first."""
    items.sort(key=lambda item: item.path.name != "test_study_tools_start.py")
