"""The code of one kind of page loads with the first page of that kind (study/page-modules.js):
a question page does not fetch the section filter's or the progress page's code, and both still
work when instant navigation brings their page after a page that did not load them."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .browser_support import open_page, page_url, wait_for_stored_status, wait_for_study_tools

PAGE_CODE = ("study/filter.js", "study/progress-page.js")
# A question page with no figure: the home links' and the figure viewer's code wait for the page
# and the figure that use them, the key-point checklist's for the first reveal.
WAITING_CODE = ("study/home.js", "study/figure-viewer.js", "study/question-checklist.js")
SECTION = "fundamentals"


def fetched(requests: list[str], name: str) -> list[str]:
    return [url for url in requests if url.split("?")[0].endswith(name)]


def test_a_question_page_fetches_neither_the_filter_nor_the_progress_code(page, questions):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, questions[0].path)
    page.wait_for_load_state("networkidle")
    assert fetched(requested, "study/main.js"), "the study tools' code was not fetched at all"
    for name in PAGE_CODE:
        assert fetched(requested, name) == [], f"a question page fetched {name}"


def test_a_question_page_without_a_figure_waits_for_the_code_it_does_not_use_yet(page, questions):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, "fundamentals/experiment-tracking.md")
    page.wait_for_load_state("networkidle")
    for name in WAITING_CODE:
        assert fetched(requested, name) == [], f"a question page fetched {name} before it was needed"
    page.locator("article details.answer > summary").click()  # the first reveal: the checklist
    expect(page.locator("article .key-points")).to_be_visible()
    assert len(fetched(requested, "study/question-checklist.js")) == 1


def test_the_home_links_follow_the_records_after_instant_navigation_from_a_question_page(page, questions):
    open_page(page, questions[0].path)
    page.keyboard.press("1")  # known: "Continue where you left off" then leads to the second question
    wait_for_stored_status(page, questions[0].path, "known")
    page.evaluate("window.loadedOnce = true")
    page.locator("a.md-header__button.md-logo").click()  # the logo: home, by instant navigation
    resume = page.locator("article").get_by_role("link", name="Continue where you left off")
    expect(resume).to_have_attribute("href", re.compile(re.escape(page_url(questions[1].path)) + "$"))
    assert page.evaluate("window.loadedOnce === true"), "the click loaded a whole page: instant navigation is off"


def test_the_section_filter_works_after_instant_navigation_from_a_question_page(page, questions):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    first = next(question for question in questions if question.section == SECTION)
    open_page(page, first.path)
    page.evaluate("window.loadedOnce = true")  # survives only if no full page load happens
    page.locator("a.md-footer__link--prev").click()  # the first question's previous page: its section
    page.wait_for_url("**/" + page_url(f"{SECTION}/index.md"))
    wait_for_study_tools(page, f"{SECTION}/index.md")
    assert page.evaluate("window.loadedOnce === true"), "the click loaded a whole page: instant navigation is off"

    difficulty = page.locator("form.question-filter select[name=difficulty]")
    expect(difficulty).to_be_visible()
    chosen = difficulty.locator("option").nth(1).get_attribute("value")
    difficulty.select_option(chosen)
    listed = [question for question in questions if question.section == SECTION]
    expected = [question.title for question in listed if question.difficulty == chosen]
    assert 0 < len(expected) < len(listed)
    expect(page.locator("article ol.question-list > li:visible .question-list__title > a")).to_have_text(expected)
    assert len(fetched(requested, "study/filter.js")) == 1


def test_the_progress_page_draws_its_table_after_instant_navigation_from_a_question_page(page, questions):
    last = questions[-1]
    open_page(page, last.path)
    page.evaluate("window.loadedOnce = true")
    page.locator("a.study-judge__next").click()  # "That was the last question: see your progress"
    page.wait_for_url("**/" + page_url("progress.md"))
    wait_for_study_tools(page, "progress.md")
    assert page.evaluate("window.loadedOnce === true"), "the click loaded a whole page: instant navigation is off"
    table = page.locator("article .study-progress table")
    expect(table.get_by_role("columnheader", name="Not graded")).to_be_visible()
    expect(table.locator("tr", has_text="All sections").locator('td[data-count="total"]')).to_have_text(str(len(questions)))
