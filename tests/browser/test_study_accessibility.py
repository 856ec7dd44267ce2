"""Accessibility: axe-core finds no violation on the home page, a section page, a question page,
the progress page and the search results, in the light and the dark palette."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .browser_support import FORMAT_1_KEY, format_1_marks, open_context, open_page

PALETTES = {"light": "default", "dark": "slate"}  # what the reader prefers -> Material's scheme
# Some marks, so the statuses, the meter and the review list are on the pages axe checks.
MARKS = {
    "fundamentals/what-is-mlops.md": "known",
    "monitoring/model-drift.md": "known",
    "monitoring/production-monitoring.md": "review",
    "monitoring/evaluation-metrics.md": "seen",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(params=list(PALETTES))
def palette_page(request, browser, server, study_tools_ready):
    context, recorder = open_context(browser, server, color_scheme=request.param)
    context.add_init_script(
        f"if (location.origin === {server.rstrip('/')!r} && !localStorage.getItem({FORMAT_1_KEY!r}))"
        f" localStorage.setItem({FORMAT_1_KEY!r}, {format_1_marks(MARKS)!r})"
    )
    page = context.new_page()
    page.palette = PALETTES[request.param]
    yield page
    context.close()
    recorder.check()


def open_in_palette(page, docs_path):
    open_page(page, docs_path)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", page.palette)


def assert_no_violations(axe, page, what, within=None):
    results = axe.run(page, context=within)
    assert results.violations_count == 0, f"{what} ({page.palette}):\n{results.generate_report()}"


def test_home_page(axe, palette_page):
    open_in_palette(palette_page, "index.md")
    assert_no_violations(axe, palette_page, "home page")


def test_section_page_with_short_answers_revealed(axe, palette_page):
    open_in_palette(palette_page, "monitoring/index.md")
    expect(palette_page.locator("article .study-status").first).to_be_visible()
    palette_page.locator("article .study-reveal-all").click()
    assert_no_violations(axe, palette_page, "section page")


def test_question_page_with_its_answer_revealed_and_marked(axe, palette_page):
    open_in_palette(palette_page, "monitoring/production-monitoring.md")
    palette_page.keyboard.press("r")
    expect(palette_page.locator("article details.answer")).to_have_attribute("open", "")
    palette_page.keyboard.press("1")  # the mark's message shows at the bottom of the screen
    expect(palette_page.locator(".study-toast")).to_have_text("Marked as known.")
    expect(palette_page.locator("article .study-judge a.study-judge__go")).to_be_visible()  # "Next", in the pinned bar
    assert_no_violations(axe, palette_page, "question page")
    palette_page.keyboard.press("?")
    expect(palette_page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    assert_no_violations(axe, palette_page, "shortcuts dialog", within="dialog.study-help")


def test_section_page_ordered_by_how_often_asked_with_a_group_folded(axe, palette_page):
    open_in_palette(palette_page, "fundamentals/index.md")
    palette_page.locator("form.question-filter select[name=asked]").select_option("very-common")
    palette_page.locator("article details.question-fold > summary").first.click()
    expect(palette_page.locator("article details.question-fold").first).not_to_have_attribute("open", "")
    assert_no_violations(axe, palette_page, "section page, filtered and folded")
    palette_page.locator("form.question-filter select[name=order]").select_option("asked")
    palette_page.locator("article .study-reveal-all").click()
    expect(palette_page.locator("article .study-grade").first).to_be_visible()
    assert_no_violations(axe, palette_page, "section page, most asked first, short answers and grades shown")


def test_what_changed_page(axe, palette_page):
    open_in_palette(palette_page, "changes.md")
    assert_no_violations(axe, palette_page, "what changed")


def test_progress_page(axe, palette_page):
    open_in_palette(palette_page, "progress.md")
    expect(palette_page.locator("article .study-progress__review li")).to_have_count(1)  # the "seen" one is only read
    assert_no_violations(axe, palette_page, "progress page")


def test_search_results(axe, palette_page):
    open_in_palette(palette_page, "index.md")
    palette_page.keyboard.press("/")
    palette_page.keyboard.type("concept drift")
    expect(palette_page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching documents"))
    # "N more on this page", hovered: the state whose colors fell short (3.75:1 and 4.24:1).
    more = palette_page.locator(".md-search-result__more > summary").first
    expect(more).to_have_text(re.compile(r"\d+ more on this page"))
    more.hover()
    # Material fades the hover colors in: check the colors the reader ends up seeing.
    palette_page.wait_for_function("summary => summary.getAnimations({subtree: true}).length === 0", arg=more.element_handle())
    assert_no_violations(axe, palette_page, "search results")


# Pages whose answers hold what the pages above do not: wide tables, links in table cells, and
# figures with a light and a dark copy (each wrapped in a lightbox link).
PAGES_WITH_TABLES_AND_FIGURES = [
    "ethics/bias.md",
    "ethics/model-security.md",
    "monitoring/evaluation-metrics.md",
    "fundamentals/curse-of-dimensionality.md",
]


@pytest.mark.parametrize("docs_path", PAGES_WITH_TABLES_AND_FIGURES)
def test_answer_with_tables_and_figures(axe, palette_page, docs_path):
    open_in_palette(palette_page, docs_path)
    palette_page.locator("article details.answer > summary").click()
    expect(palette_page.locator("article details.answer")).to_have_attribute("open", "")
    assert_no_violations(axe, palette_page, docs_path)
