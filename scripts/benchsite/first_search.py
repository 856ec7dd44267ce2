"""The first search of a fresh browser, timed as a reader meets it.

A fresh browser context (empty cache) loads a question page and waits until it is idle. Then the
clock starts: `/` is pressed (Material opens search), the whole query is put in the box at once
and its last key released (Material searches on key up), and the clock stops when the dialog
shows the results of that query. Everything the first search needs is inside that time: opening
the dialog, Pagefind's script and WebAssembly, its index chunks, the text of the pages shown,
ranking and drawing the results. The same query is then searched again on the same page (the
engine loaded), for comparison.

The clock runs in the page (performance.now), and the keys are dispatched by a script in the page,
so the time is the browser's own: no round trip to the test driver is counted, and no typing time.

A reader types, and Material asks the engine at every key. So each query is also typed in another
fresh browser, a key every KEY_INTERVAL_MS from opening search, and timed from its last key to its
results shown: what a reader waits once the query is typed, with every earlier key's search sent.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pagefind_index import bundle_files

SEARCH_BOX = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
FIRST_RESULT = ".md-search-result__list > li.md-search-result__item > a:first-child"


@dataclass
class SearchTiming:
    query: str
    first_ms: float  # opening search and typing the query to its results shown, fresh browser
    again_ms: float  # the same query typed again, the engine loaded
    fetched: int  # bytes on the wire (compressed) of the requests the first search made
    requests: int
    top: str  # the first result's path
    typed_ms: float  # typed a key at a time in a fresh browser: from the last key to its results shown


@dataclass
class SearchFigures:
    timings: list[SearchTiming] = field(default_factory=list)
    bundle_bytes: int = 0  # the Pagefind bundle on disk (every file a search could fetch)
    bundle_files: int = 0

    @property
    def median_first_ms(self) -> float:
        return statistics.median(timing.first_ms for timing in self.timings)

    @property
    def max_first_ms(self) -> float:
        return max(timing.first_ms for timing in self.timings)

    @property
    def median_again_ms(self) -> float:
        return statistics.median(timing.again_ms for timing in self.timings)

    @property
    def median_typed_ms(self) -> float:
        return statistics.median(timing.typed_ms for timing in self.timings)

    @property
    def max_typed_ms(self) -> float:
        return max(timing.typed_ms for timing in self.timings)

    @property
    def median_fetched(self) -> int:
        return int(statistics.median(timing.fetched for timing in self.timings))


# In the page, shared by the two scripts below (which define `meta`, `first`, `query` and
# `timeout`): wait until the dialog shows this query's results, and resolve with the milliseconds
# since `since`. This query's results are the first list drawn after its last key whose first link
# was found by words of this query (the link's `h` holds the query words the page holds; a query
# sent before, still a prefix, holds a cut word such as "regi"), or "No matching documents" (the
# strict worker, for a question no page holds every word of).
WAIT_FOR_RESULTS = """
  const queryWords = new Set(query.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) || [])
  let drawn = false
  const watch = new MutationObserver(() => { drawn = true })
  const shown = () => {
    const status = document.querySelector(meta)?.textContent || ""
    if (!drawn) return false
    if (/^No matching/.test(status)) return true
    const link = document.querySelector(first)?.href
    const found = link ? (new URL(link).searchParams.get("h") || "").toLowerCase().split(/\\s+/).filter(Boolean) : []
    return /matching document/.test(status) && found.length > 0 && found.every(word => queryWords.has(word))
  }
  const resultsShown = async since => {
    while (!shown()) {
      if (performance.now() - since > timeout) throw new Error(`no results for "${query}" after ${timeout} ms`)
      await new Promise(requestAnimationFrame)
    }
    watch.disconnect()
    return performance.now() - since
  }
  const watchResults = () => watch.observe(document.querySelector(meta).parentElement, { childList: true, subtree: true, characterData: true })
"""

# In the page: open search with `/` unless it is open, put the query in, release its last key,
# and resolve with the milliseconds until the dialog shows this query's results.
SEARCH_IN_PAGE = (
    """async ([box, meta, first, query, open, timeout]) => {"""
    + WAIT_FOR_RESULTS
    + """
  const started = performance.now()
  if (open) window.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }))
  const input = document.querySelector(box)
  input.focus()
  input.value = query
  watchResults()
  input.dispatchEvent(new KeyboardEvent("keyup", { key: query.at(-1), bubbles: true }))
  return resultsShown(started)
}"""
)

# A brisk reader: about 80 words a minute.
KEY_INTERVAL_MS = 150

# In the page: open search with `/`, type the query a key at a time (each key released, as Material
# searches on key up), and resolve with the milliseconds from the last key to this query's results.
TYPED_IN_PAGE = (
    """async ([box, meta, first, query, interval, timeout]) => {"""
    + WAIT_FOR_RESULTS
    + """
  window.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true }))
  const input = document.querySelector(box)
  input.focus()
  for (const [index, key] of [...query].entries()) {
    await new Promise(resolve => setTimeout(resolve, interval))
    input.value += key
    if (index === query.length - 1) watchResults()
    input.dispatchEvent(new KeyboardEvent("keyup", { key, bubbles: true }))
  }
  return resultsShown(performance.now())
}"""
)

TIMEOUT_MS = 30000


def _search(page, query: str, open_search: bool) -> float:
    return page.evaluate(SEARCH_IN_PAGE, [SEARCH_BOX, RESULT_META, FIRST_RESULT, query, open_search, TIMEOUT_MS])


@contextmanager
def _fresh_page(browser, url: str) -> Iterator[tuple]:
    """A new context (empty cache) with `url` loaded and idle; closed afterwards."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        yield context, page
    finally:
        context.close()


def time_first_search(browser, base: str, page_path: str, query: str, body_size) -> SearchTiming:
    """One first search in a fresh context, then the same query typed in another; `body_size(response)`
    gives a response's compressed bytes."""
    with _fresh_page(browser, base + page_path) as (context, page):
        responses = []
        context.on("response", lambda response: responses.append(response))  # the search worker's requests too
        first_ms = _search(page, query, open_search=True)
        page.wait_for_load_state("networkidle")
        fetched = [response for response in responses if not response.url.startswith("data:")]
        size = sum(body_size(response)[0] for response in fetched)
        top = urlsplit(page.locator(FIRST_RESULT).first.get_attribute("href") or "").path
        page.locator(SEARCH_BOX).fill("")
        page.locator(SEARCH_BOX).press("End")  # Material clears its results
        again_ms = _search(page, query, open_search=False)
    typed_ms = time_typed_search(browser, base + page_path, query)
    return SearchTiming(query, first_ms, again_ms, size, len(fetched), top, typed_ms)


def time_typed_search(browser, url: str, query: str) -> float:
    """The query typed at KEY_INTERVAL_MS a key from opening search, in a fresh context: last key to results."""
    with _fresh_page(browser, url) as (_, page):
        return page.evaluate(TYPED_IN_PAGE, [SEARCH_BOX, RESULT_META, FIRST_RESULT, query, KEY_INTERVAL_MS, TIMEOUT_MS])


STRICT_WORKER = Path(__file__).resolve().parent / "strict_worker.js"
SITE_WORKER = Path("assets/javascripts/search/worker.js")


@contextmanager
def strict_worker(site_dir: Path) -> Iterator[None]:
    """The built site with the worker as it was before it understood questions, put back afterwards."""
    worker = site_dir / SITE_WORKER
    today = worker.read_bytes()
    worker.write_bytes(STRICT_WORKER.read_bytes())
    try:
        yield
    finally:
        worker.write_bytes(today)


def measure_first_search(browser, base: str, site_dir: Path, page_path: str, queries: list[str], body_size) -> SearchFigures:
    figures = SearchFigures()
    files = bundle_files(site_dir)
    figures.bundle_bytes, figures.bundle_files = sum(path.stat().st_size for path in files), len(files)
    for query in queries:
        figures.timings.append(time_first_search(browser, base, page_path, query, body_size))
    return figures
