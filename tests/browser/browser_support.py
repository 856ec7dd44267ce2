"""Helpers for the browser tests: Chromium's settings, a recorder of what pages do, and page actions."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from chromium_launch import CHROMIUM_ARGS as BASE_CHROMIUM_ARGS
from guide_catalog import SECTIONS, is_question_path
from playwright.sync_api import Browser, BrowserContext, Page, expect

CHROMIUM_ARGS = [
    *BASE_CHROMIUM_ARGS,
    # A request to any other host fails at once instead of waiting on the network;
    # it is still recorded, and the test fails.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# Schemes that never reach a network.
LOCAL_SCHEMES = {"data", "blob", "about"}
# Where the study tools keep their marks (docs/assets/javascripts/study/storage.js).
STORAGE_KEY = "mlops-interview-guide:study:v2"
FORMAT_1_KEY = "mlops-interview-guide:study:v1"  # marks saved before 7 December 2026, carried over
# How long the study tools may take to set up a page (they fetch one small JSON file), and how long
# any other Playwright wait lasts: a broken page fails its test within seconds, not after 30.
STUDY_TOOLS_TIMEOUT_S = 10
DEFAULT_TIMEOUT_MS = 15_000
# A page the study tools always set up: a question page gets the self-test panel.
READY_CHECK_PAGE = "monitoring/model-drift.md"


@dataclass
class Recorder:
    """What the pages of one browser context requested and reported."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", lambda request: self.requests.append(f"{request.method} {request.url}"))
        context.on("console", self._console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location or {}
            self.console_errors.append(f"{message.text} ({where.get('url', '?')}:{where.get('lineNumber', '?')})")

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.origin)
        foreign = []
        for line in self.requests:
            url = line.split(" ", 1)[1]
            parts = urlsplit(url)
            if parts.scheme in LOCAL_SCHEMES:
                continue
            if (parts.scheme, parts.hostname, parts.port) != (own.scheme, own.hostname, own.port):
                foreign.append(line)
        return foreign

    def errors(self) -> list[str]:
        """What the pages' scripts reported: console errors and uncaught errors."""
        return [f"console error: {text}" for text in self.console_errors] + [f"uncaught error: {text}" for text in self.page_errors]

    def problems(self) -> list[str]:
        found = [f"request to another host: {line}" for line in self.foreign_requests()]
        found += [f"request that sends data: {line}" for line in self.requests if not line.startswith("GET ")]
        return found + self.errors()

    def check(self) -> None:
        assert self.requests, "no request was recorded: the recorder is not attached"
        problems = self.problems()
        assert not problems, "the pages misbehaved:\n" + "\n".join(problems)


def open_context(browser: Browser, server: str, **options) -> tuple[BrowserContext, Recorder]:
    """A fresh context (empty storage) on the local site, with a recorder attached."""
    context = browser.new_context(base_url=server, **options)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    recorder = Recorder(server)
    recorder.attach(context)
    context.recorder = recorder  # so that waits on the study tools can stop at the first script error
    return context, recorder


def page_url(docs_path: str) -> str:
    """The site path MkDocs (use_directory_urls) serves a docs page at, relative to the root."""
    if docs_path == "index.md":
        return "./"
    if docs_path.endswith("/index.md"):
        return docs_path.removesuffix("index.md")
    return docs_path.removesuffix(".md") + "/"


def study_tools_selector(docs_path: str) -> str | None:
    """What the study tools add to this page once they are set up, if anything.

    It names the page: Material's instant navigation changes the address before it swaps the
    content, so the tools of the page being left are still there for a moment.
    """
    if is_question_path(docs_path):
        return f'article:has(details.answer[data-question="{docs_path}"]) .study-judge'
    section = docs_path.split("/")[0]
    if section in SECTIONS and docs_path.endswith("/index.md"):
        return f'article:has(details.answer--short[data-question^="{section}/"]) .study-bar'
    if docs_path == "progress.md":
        return "article .study-progress table"
    return None


def open_page(page: Page, docs_path: str, anchor: str = "") -> None:
    """Load a page and wait until the study tools have set it up."""
    page.goto(page_url(docs_path) + (f"#{anchor}" if anchor else ""))
    wait_for_study_tools(page, docs_path)


def wait_for_study_tools(page: Page, docs_path: str) -> None:
    """Wait until the study tools have set up the page; fail at once when a script reports an error.

    A script that breaks at load time never sets the page up: the test then fails with that
    script's error as soon as it is reported, or after STUDY_TOOLS_TIMEOUT_S at most.
    """
    selector = study_tools_selector(docs_path)
    if not selector:
        return
    recorder = getattr(page.context, "recorder", None)
    tools = page.locator(selector)
    deadline = time.monotonic() + STUDY_TOOLS_TIMEOUT_S
    while not tools.count():
        errors = recorder.errors() if recorder else []
        if errors:
            raise AssertionError(f"the study tools did not set up {docs_path}: a script failed:\n" + "\n".join(errors))
        if time.monotonic() > deadline:
            raise AssertionError(f"the study tools did not set up {docs_path} within {STUDY_TOOLS_TIMEOUT_S} s (no {selector})")
        page.wait_for_timeout(50)


def stored_marks(page: Page) -> dict:
    raw = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return {} if raw is None else json.loads(raw)


def stored_mark(page: Page, docs_path: str) -> str:
    """What the stored record of a question says: "known" or "review" by its last grade ("knew";
    "partly" or "missed"), "seen" when read and never graded, "unseen" with no record."""
    record = stored_marks(page).get("records", {}).get(docs_path) or {}
    grades = record.get("grades") or []
    if grades:
        return "known" if grades[-1]["grade"] == "knew" else "review"
    return "seen" if record.get("seen") else "unseen"


def wait_for_stored_status(page: Page, docs_path: str, status: str) -> None:
    """Wait until the study tools have saved a record of `docs_path` that says `status` (stored_mark)."""
    page.wait_for_function(
        """([key, path, status]) => {
            try {
                const record = JSON.parse(localStorage.getItem(key)).records[path] || {}
                const last = (record.grades || []).at(-1)
                const mark = last ? (last.grade === "knew" ? "known" : "review") : record.seen ? "seen" : "unseen"
                return mark === status
            } catch { return false; }
        }""",
        arg=[STORAGE_KEY, docs_path, status],
    )


def format_1_marks(marks: dict[str, str]) -> str:
    """Marks as the study tools saved them before 7 December 2026 (format 1), given today, as JSON."""
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return json.dumps({"version": 1, "questions": {path: {"status": status, "at": now} for path, status in marks.items()}})


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search box; return the paths of the result pages, best first.

    Material searches when a key is released. The box is emptied first (Material shows its
    placeholder again), then all but the last character are put in and the last one is typed,
    so the only search that runs is for the whole query and the results read are its own.
    """
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    expect(meta).to_have_text("Type to start searching")
    box.fill(query[:-1])
    box.press(query[-1])
    expect(meta).to_have_text(re.compile(r"matching document"))
    hrefs = page.locator(".md-search-result__list > li.md-search-result__item > a:first-child").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return [urlsplit(href).path for href in hrefs]
