"""Search as a reader meets it: the first load of a page fetches no search index; the first search
fetches Pagefind's parts and lists the pages; a result shows the text that matched; the dialog
works by keyboard (Material's own handling)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .browser_support import open_page, page_url, search

QUESTION_PAGE = "monitoring/production-monitoring.md"
MATERIAL_INDEX = "/search/search_index.json"
PAGEFIND = "/pagefind/"


def paths(recorder) -> list[str]:
    return [urlsplit(line.split(" ", 1)[1]).path for line in recorder.requests]


def pagefind_requests(recorder) -> list[str]:
    return [path for path in paths(recorder) if path.startswith(PAGEFIND)]


def test_first_load_fetches_no_search_index_and_the_first_search_fetches_it(page, recorder):
    open_page(page, QUESTION_PAGE)
    page.wait_for_load_state("networkidle")
    loaded = paths(recorder)
    assert "/" + page_url(QUESTION_PAGE) in loaded
    assert not [path for path in loaded if path == MATERIAL_INDEX or path.startswith(PAGEFIND)], loaded

    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    results = search(page, "concept drift")
    assert results[0] == "/" + page_url("monitoring/model-drift.md"), results
    searched = paths(recorder)
    assert any(path.startswith(PAGEFIND) and path.endswith(".pf_fragment") for path in searched), searched
    assert MATERIAL_INDEX not in searched


def test_pointing_at_the_search_box_starts_loading_the_engine_before_search_opens(page, recorder):
    open_page(page, QUESTION_PAGE)
    page.wait_for_load_state("networkidle")
    page.mouse.move(640, 400)  # over the article
    page.wait_for_timeout(300)
    assert not pagefind_requests(recorder), "Pagefind loaded before the pointer came to search"

    box = page.locator("input.md-search__input")
    box.hover()
    for _ in range(100):  # the worker's requests, for up to 10 s
        if pagefind_requests(recorder):
            break
        page.wait_for_timeout(100)
    assert pagefind_requests(recorder), "pointing at the search box did not start loading Pagefind"
    expect(box).not_to_be_focused()
    results = search(page, "concept drift")
    assert results[0] == "/" + page_url("monitoring/model-drift.md"), results


def test_a_result_shows_the_section_that_answers_the_query(page):
    open_page(page, "index.md")
    page.keyboard.press("/")
    for query, page_path, words in [
        ("shap values", "ethics/explainability.md", ["shap", "value"]),
        ("model registry", "fundamentals/model-registry.md", ["model", "registry"]),
        ("feature store", "fundamentals/feature-store.md", ["feature", "store"]),
    ]:
        results = search(page, query)
        assert results[0] == "/" + page_url(page_path), f"'{query}': {results[:3]}"
        first = page.locator(".md-search-result__list > li.md-search-result__item").first
        # Outside "N more on this page": a section's link, with its heading and the matched words marked.
        shown = first.locator(":scope > a.md-search-result__link").nth(1)
        expect(shown).to_be_visible()
        assert "#" in (shown.get_attribute("href") or ""), f"'{query}': the first result shows no section"
        marked = " ".join(shown.locator("mark").all_inner_texts()).lower()
        for word in words:
            assert word in marked, f"'{query}': the shown section does not mark '{word}' ({marked!r})"


def test_search_dialog_works_by_keyboard(page):
    open_page(page, "index.md")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    page.keyboard.type("data poisoning")
    first_link = page.locator(".md-search-result__list > li.md-search-result__item").first.locator("a").first
    # The results of the whole query are in (each key typed searched for what was typed so far).
    expect(first_link).to_have_attribute("href", re.compile(r"h=data\+poisoning$"))
    page.keyboard.press("ArrowDown")
    expect(first_link).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(box).to_be_focused()
    page.keyboard.press("Escape")  # closes the dialog
    expect(box).not_to_be_focused()
    expect(page.locator("#__search")).not_to_be_checked()
    # Material learns of the blur through a focus watcher debounced by 1 ms; a reader never presses "/"
    # within a millisecond of Escape, but a loaded test machine can run both before that timer fires,
    # and Material then misses the reopening. Give it the moment a reader's fingers always do.
    page.wait_for_timeout(50)
    page.keyboard.press("/")  # opens it again, the query kept
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()  # the dialog is open: Enter is the dialog's, not the form's
    expect(box).to_have_value("data poisoning")
    expect(first_link).to_have_attribute("href", re.compile(r"h=data\+poisoning$"))
    page.keyboard.press("Enter")  # Material goes to the best result
    expect(page).to_have_url(re.compile(re.escape(page_url("ethics/model-security.md")) + r"(\?h=[^#]*)?$"))
    expect(page.locator("article.md-content__inner h1")).to_have_text(re.compile(r"security of machine learning models"))
