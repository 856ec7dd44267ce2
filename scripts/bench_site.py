"""Measure the built site: build time per page, search index size, first-load weight, first search.

Usage: python scripts/bench_site.py [--sizes 200 1000] [--no-corpora]

Builds the real site and generated corpora of N questions (made by scripts/make_corpus.py in a
temporary folder, never committed), then prints for each:

- build time: a strict `mkdocs build`, in all and per built page;
- the search index (search/search_index.json), raw and gzip-compressed;
- the first-load transfer of a question page: what a fresh browser fetches (HTML, CSS, JS,
  fonts, images, the search index), compressed as a static host serves them; and the same for the
  biggest section page (the section with the most questions), whose list grows with the guide;
- the first search: from pressing `/` on a loaded question page of a fresh browser to the
  results of a typed query shown, the search engine's download included (SEARCH_QUERIES, each
  in a fresh browser; scripts/benchsite/first_search.py), and the Pagefind bundle on disk.

Lighthouse, the guide next to plain Material, is scripts/bench_side_by_side.py (make bench runs both).

These are figures, not pass/fail. A missing tool (Chromium, Playwright) fails the run, with a
message that says what to install.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from benchsite.distinct_corpus import make_copies_distinct  # noqa: E402
from benchsite.first_search import KEY_INTERVAL_MS, SearchFigures, measure_first_search, strict_worker  # noqa: E402
from benchsite.static_server import gzip_size, serve_site  # noqa: E402
from chromium_launch import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SEARCH_INDEX = "search/search_index.json"
DEFAULT_SIZES = (200, 1000)
# The concept queries of the issue that set the search budget, each timed as a first search.
SEARCH_QUERIES = (
    "data poisoning",
    "labeled data",
    "feature store",
    "canary release",
    "concept drift",
    # Questions typed in full, as a reader pastes them (the strict worker finds few or no pages for them).
    "what is a model registry and what role does it play in mlops",
    "describe the significance of experiment tracking in mlops",
)

# The real site's question page that the report loads (the biggest section page is found at run time).
QUESTION_PAGE = "monitoring/model-drift/"


class BenchError(Exception):
    """A measurement that cannot run: a missing tool or a failed build. Printed without a traceback."""


# -----------------------------------------------------------------------------
# Build time per page
# -----------------------------------------------------------------------------


@dataclass
class BuildTiming:
    seconds: float  # wall clock: what a contributor waits
    cpu_seconds: float  # user + system time of the build: steadier than the wall clock on a busy machine
    pages: int  # built HTML pages, 404.html excluded

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0

    @property
    def cpu_per_page_ms(self) -> float:
        return 1000 * self.cpu_seconds / self.pages if self.pages else 0.0


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_site(project: Path, site_dir: Path) -> tuple[float, float]:
    """Build `project` strictly into `site_dir`; return (wall-clock seconds, CPU seconds)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    cpu_before = _children_cpu_seconds()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(f"mkdocs build of {project} failed:\n{result.stdout}{result.stderr}")
    return elapsed, _children_cpu_seconds() - cpu_before


def count_pages(site_dir: Path) -> int:
    return sum(1 for page in site_dir.rglob("*.html") if page.name != "404.html")


def build_time_per_page(project: Path, site_dir: Path) -> BuildTiming:
    """Build once and divide the time by the number of pages built (start-up cost included)."""
    seconds, cpu_seconds = build_site(project, site_dir)
    return BuildTiming(seconds, cpu_seconds, count_pages(site_dir))


# -----------------------------------------------------------------------------
# Search index size
# -----------------------------------------------------------------------------


@dataclass
class IndexSize:
    raw: int
    gzip: int
    entries: int


def search_index_size(site_dir: Path) -> IndexSize:
    path = site_dir / SEARCH_INDEX
    if not path.is_file():
        raise BenchError(f"{path} is missing: is the search plugin on?")
    raw = path.read_bytes()
    entries = len(json.loads(raw).get("docs", []))
    return IndexSize(len(raw), gzip_size(raw), entries)


# -----------------------------------------------------------------------------
# First-load transfer of a page, measured in a real browser
# -----------------------------------------------------------------------------

RESOURCE_KINDS = ("HTML", "CSS", "JS", "fonts", "images", "search index", "other")


@dataclass
class Transfer:
    """Bytes on the wire (compressed) and decoded, per kind of resource."""

    compressed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESOURCE_KINDS, 0))
    decoded: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESOURCE_KINDS, 0))
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, url, compressed bytes)

    @property
    def total_compressed(self) -> int:
        return sum(self.compressed.values())

    @property
    def total_decoded(self) -> int:
        return sum(self.decoded.values())

    def add(self, kind: str, url: str, compressed: int, decoded: int) -> None:
        self.compressed[kind] += compressed
        self.decoded[kind] += decoded
        self.requests.append((kind, url, compressed))


def resource_kind(url: str, resource_type: str, mime: str) -> str:
    path = urlsplit(url).path
    if path.endswith(SEARCH_INDEX):
        return "search index"
    if resource_type == "document" or mime.startswith("text/html"):
        return "HTML"
    if resource_type == "stylesheet" or mime.startswith("text/css"):
        return "CSS"
    if resource_type == "script" or "javascript" in mime:
        return "JS"
    if resource_type == "font" or mime.startswith("font/"):
        return "fonts"
    if resource_type == "image" or mime.startswith("image/"):
        return "images"
    return "other"


def body_sizes(response) -> tuple[int, int]:
    """(bytes on the wire, decoded bytes) of a response body.

    Chromium reports no encoded size for a worker's script: then we compress the body as the server does.
    """
    from playwright.sync_api import Error as PlaywrightError

    encoded = response.request.sizes()["responseBodySize"]
    try:
        body = response.body()
    except PlaywrightError:
        return encoded, encoded
    if encoded == 0 and body:
        gzipped = response.headers.get("content-encoding") == "gzip"
        encoded = gzip_size(body) if gzipped else len(body)
    return encoded, len(body)


def require_chromium() -> Path:
    if not CHROMIUM.is_file():
        raise BenchError(f"Chromium not found at {CHROMIUM}: run `make system-deps` (Debian package `chromium`)")
    return CHROMIUM


def first_load_transfer(site_dir: Path, page: str) -> Transfer:
    """Everything a fresh browser fetches for `page` (a site path such as 'monitoring/model-drift/').

    Chromium loads the page from the compressing server in a fresh context; we wait until the
    network is idle and Material's search index has arrived, then sum the encoded body sizes.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BenchError("Playwright is not installed: run `make setup`") from None
    chromium = require_chromium()
    transfer = Transfer()
    responses = []
    with serve_site(site_dir) as base, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            raise BenchError(f"Chromium at {chromium} does not start: {error.message.splitlines()[0]}") from None
        try:
            context = browser.new_context()
            browser_page = context.new_page()
            browser_page.on("response", lambda response: responses.append(response))
            browser_page.goto(base + page, wait_until="networkidle")
            if not any(response.url.endswith(SEARCH_INDEX) for response in responses):
                try:
                    browser_page.wait_for_event("response", lambda r: r.url.endswith(SEARCH_INDEX), timeout=5000)
                except PlaywrightError:
                    pass  # the index is not fetched on first load: then it is not part of it
            browser_page.wait_for_load_state("networkidle")
            for response in responses:
                if response.url.startswith("data:"):
                    continue
                kind = resource_kind(response.url, response.request.resource_type, response.headers.get("content-type", ""))
                transfer.add(kind, response.url.removeprefix(base), *body_sizes(response))
        finally:
            browser.close()
    return transfer


def first_search(site_dir: Path, page: str) -> SearchFigures:
    """The first search of a fresh browser on `page`, for each of SEARCH_QUERIES, with the site's worker."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    chromium = require_chromium()
    with serve_site(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            return measure_first_search(browser, base, site_dir, page, list(SEARCH_QUERIES), body_sizes)
        except PlaywrightError as error:
            raise BenchError(f"the first search on {page} did not show its results: {error.message.splitlines()[0]}") from None
        finally:
            browser.close()


# -----------------------------------------------------------------------------
# Corpora of N questions
# -----------------------------------------------------------------------------


def question_page(project: Path) -> str:
    """The question page to load: QUESTION_PAGE when the project has it, else its first question."""
    if (project / "docs" / f"{QUESTION_PAGE.rstrip('/')}.md").is_file():
        return QUESTION_PAGE
    questions = load_questions(project)
    if not questions:
        raise BenchError(f"{project} has no question page in its nav")
    return questions[0].path.removesuffix(".md") + "/"


def load_questions(project: Path) -> list:
    from check_site import load_config
    from guide_catalog import load_catalog

    config, _, _ = load_config(project)
    return load_catalog(project / "docs", config.get("nav") or [])


def biggest_section(project: Path) -> tuple[str, int]:
    """The site path of the section page with the most questions, and how many it lists."""
    from guide_catalog import SECTIONS

    questions = load_questions(project)
    counts = {section: sum(1 for question in questions if question.section == section) for section in SECTIONS}
    section = max(SECTIONS, key=counts.__getitem__)
    return f"{section}/", counts[section]


def count_questions(project: Path) -> int:
    return len(load_questions(project))


def generate_corpus(size: int, dest: Path) -> Path:
    """A copy of the project with `size` question pages, made by scripts/make_corpus.py, copies made distinct."""
    try:
        from make_corpus import CorpusError, make_corpus
    except ImportError:
        raise BenchError("scripts/make_corpus.py (make_corpus) is missing: cannot generate the corpora") from None
    try:
        project = make_corpus(size, dest)
    except CorpusError as error:
        raise BenchError(f"cannot generate a corpus of {size} questions: {error}") from None
    real_paths = {question.path for question in load_questions(ROOT)}
    make_copies_distinct(project, ROOT / "docs", real_paths)
    return project


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


@dataclass
class SiteFigures:
    label: str
    questions: int
    build: BuildTiming
    index: IndexSize
    transfer: Transfer
    page: str
    section_page: str  # the biggest section's page
    section_questions: int  # how many questions it lists
    section_transfer: Transfer
    search: SearchFigures
    strict_search: SearchFigures  # the worker before it understood questions, same site, same run


def kib(size: int) -> str:
    return f"{size / 1024:,.1f} KiB"


def measure(label: str, project: Path, site_dir: Path, questions: int, page: str) -> SiteFigures:
    print(f"  {label}: building ...", flush=True)
    build = build_time_per_page(project, site_dir)
    index = search_index_size(site_dir)
    print(f"  {label}: loading {page} in Chromium ...", flush=True)
    transfer = first_load_transfer(site_dir, page)
    section, section_questions = biggest_section(project)
    print(f"  {label}: loading {section} (the biggest section) in Chromium ...", flush=True)
    section_transfer = first_load_transfer(site_dir, section)
    print(f"  {label}: timing the first search on {page} ({len(SEARCH_QUERIES)} queries, a fresh browser each) ...", flush=True)
    search = first_search(site_dir, page)
    print(f"  {label}: the same with the strict worker (every word on a page), for comparison ...", flush=True)
    with strict_worker(site_dir):
        strict = first_search(site_dir, page)
    return SiteFigures(label, questions, build, index, transfer, page, section, section_questions, section_transfer, search, strict)


def print_figures(figures: list[SiteFigures]) -> None:
    print("\nBuild, search index and first-load transfer (compressed as a static host serves them)\n")
    header = (
        f"{'site':<14}{'questions':>10}{'pages':>7}{'build':>9}{'per page':>10}{'CPU/page':>10}"
        f"{'index raw':>14}{'index gzip':>13}{'first load':>13}{'w/o index':>12}"
    )
    print(header)
    print("-" * len(header))
    for item in figures:
        without_index = item.transfer.total_compressed - item.transfer.compressed["search index"]
        print(
            f"{item.label:<14}{item.questions:>10}{item.build.pages:>7}{item.build.seconds:>8.1f}s"
            f"{item.build.per_page_ms:>8.0f}ms{item.build.cpu_per_page_ms:>8.0f}ms"
            f"{kib(item.index.raw):>14}{kib(item.index.gzip):>13}{kib(item.transfer.total_compressed):>13}{kib(without_index):>12}"
        )
    print("\n(build: wall clock of a strict build; CPU/page: its user + system time per page, steadier on a busy")
    print(" machine; first load: a question page's every request, compressed; w/o index: the same less the search index)")
    print("\nFirst load of a question page, by kind (compressed / decoded)\n")
    header = f"{'kind':<14}" + "".join(f"{item.label:>24}" for item in figures)
    print(header)
    print("-" * len(header))
    for kind in (*RESOURCE_KINDS, "total"):
        cells = []
        for item in figures:
            if kind == "total":
                compressed, decoded = item.transfer.total_compressed, item.transfer.total_decoded
            else:
                compressed, decoded = item.transfer.compressed[kind], item.transfer.decoded[kind]
            cells.append(f"{kib(compressed)} / {kib(decoded)}".rjust(24))
        print(f"{kind:<14}" + "".join(cells))
    print("\nFirst load of the biggest section page (compressed): all requests, and its HTML alone\n")
    header = f"{'site':<14}{'questions':>10}{'page':>22}{'in section':>12}{'first load':>13}{'HTML':>12}"
    print(header)
    print("-" * len(header))
    for item in figures:
        print(
            f"{item.label:<14}{item.questions:>10}{item.section_page:>22}{item.section_questions:>12}"
            f"{kib(item.section_transfer.total_compressed):>13}{kib(item.section_transfer.compressed['HTML']):>12}"
        )
    print_search(figures)
    for item in figures:
        print(f"\nRequests for {item.page} in {item.label} ({len(item.transfer.requests)}):")
        for kind, url, size in sorted(item.transfer.requests, key=lambda request: -request[2]):
            print(f"  {kib(size):>11}  {kind:<13} {url}")


def print_search(figures: list[SiteFigures]) -> None:
    print("\nFirst search: from pressing / on a loaded question page (fresh browser) to the typed query's results")
    print("shown, the engine's download included; again: the same query on the same page, the engine loaded;")
    print(f"typed: a key every {KEY_INTERVAL_MS} ms from opening search (fresh browser), from the last key to its results\n")
    header = f"{'site':<14}{'questions':>10}{'median':>9}{'max':>8}{'again':>8}{'typed':>8}{'typed max':>11}{'fetched':>12}{'Pagefind on disk':>26}"
    print(header)
    print("-" * len(header))
    for item in figures:
        for label, search in ((item.label, item.search), ("  strict", item.strict_search)):
            bundle = f"{kib(search.bundle_bytes)} ({search.bundle_files} files)"
            print(
                f"{label:<14}{item.questions:>10}{search.median_first_ms:>7.0f}ms{search.max_first_ms:>6.0f}ms"
                f"{search.median_again_ms:>6.0f}ms{search.median_typed_ms:>6.0f}ms{search.max_typed_ms:>9.0f}ms"
                f"{kib(search.median_fetched):>12}{bundle:>26}"
            )
    print("\n(strict: the worker before it understood questions, every word on a page, timed on the same site in the same run)")
    for item in figures:
        for label, search in ((item.label, item.search), (f"{item.label} with the strict worker", item.strict_search)):
            print(f"\n{label}, each query (first / again / typed, requests, compressed bytes, first result):")
            for timing in search.timings:
                print(
                    f"  {timing.query[:40]:<42}{timing.first_ms:>7.0f} ms {timing.again_ms:>5.0f} ms {timing.typed_ms:>5.0f} ms"
                    f"{timing.requests:>4} requests {kib(timing.fetched):>11}  {timing.top or '(no result)'}"
                )


def run(sizes: list[int], with_corpora: bool) -> None:
    require_chromium()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as temp:
        temp_dir = Path(temp)
        print("Measuring (each site is built strictly, then loaded in Chromium):", flush=True)
        real_site = temp_dir / "site-real"
        figures = [measure("real site", ROOT, real_site, count_questions(ROOT), QUESTION_PAGE)]
        if with_corpora:
            for size in sizes:
                project = generate_corpus(size, temp_dir / f"corpus-{size}")
                label = f"corpus {size}"
                figures.append(measure(label, project, temp_dir / f"site-{size}", count_questions(project), question_page(project)))
        print_figures(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="corpus sizes in questions (default: 200 1000)")
    parser.add_argument("--no-corpora", action="store_true", help="measure the real site only")
    args = parser.parse_args(argv)
    if any(size < 1 for size in args.sizes):
        parser.error("--sizes: each size must be a positive number of questions")
    try:
        run(args.sizes, with_corpora=not args.no_corpora)
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
