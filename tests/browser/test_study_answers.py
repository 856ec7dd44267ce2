"""Answer reveals in a real browser: collapsed on load, opened by mouse and keyboard, all at once,
by a deep link, across instant navigation, and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .browser_support import open_page, page_url, wait_for_study_tools

QUESTION = "monitoring/model-drift.md"
SECTION = "monitoring"


def answer_of(page):
    return page.locator("article details.answer:not(.answer--short)")


def test_answer_is_collapsed_on_load_and_a_click_reveals_and_hides_it(page):
    open_page(page, QUESTION)
    answer = answer_of(page)
    short_answer = page.locator("#short-answer")
    expect(answer).not_to_have_attribute("open", "")
    expect(short_answer).to_be_hidden()
    answer.locator("summary").click()
    expect(short_answer).to_be_visible()
    answer.locator("summary").click()
    expect(short_answer).to_be_hidden()


def test_keyboard_reaches_the_answer_and_enter_or_space_toggles_it(page):
    open_page(page, QUESTION)
    page.get_by_role("button", name="Shortcuts").focus()
    page.keyboard.press("Tab")  # the next stop after the study tools is the answer's summary
    summary = answer_of(page).locator("summary")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#short-answer")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.locator("#short-answer")).to_be_hidden()


def test_r_reveals_and_hides_the_answer_but_not_while_typing_in_search(page):
    open_page(page, QUESTION)
    answer = answer_of(page)
    page.keyboard.press("r")
    expect(answer).to_have_attribute("open", "")
    page.keyboard.press("r")
    expect(answer).not_to_have_attribute("open", "")
    page.keyboard.press("/")
    search_box = page.locator("input.md-search__input")
    expect(search_box).to_be_focused()
    page.keyboard.type("r")
    expect(search_box).to_have_value("r")
    expect(answer).not_to_have_attribute("open", "")


def test_reveal_all_on_a_question_page_follows_the_answer_state(page):
    open_page(page, QUESTION)
    control = page.locator("article .study-reveal-all")
    answer = answer_of(page)
    expect(control).to_have_text("Reveal all")
    control.click()
    expect(answer).to_have_attribute("open", "")
    expect(control).to_have_text("Hide all")
    control.click()
    expect(answer).not_to_have_attribute("open", "")
    expect(control).to_have_text("Reveal all")
    answer.locator("summary").click()  # opening the answer by hand updates the control too
    expect(control).to_have_text("Hide all")


def test_section_page_holds_each_short_answer_collapsed_and_reveal_all_opens_them(page, questions, built):
    in_section = [question for question in questions if question.section == SECTION]
    open_page(page, f"{SECTION}/index.md")
    blocks = page.locator("article details.answer--short")
    expect(blocks).to_have_count(len(in_section))
    for index, question in enumerate(in_section):
        block = blocks.nth(index)
        expect(block).not_to_have_attribute("open", "")
        expect(block).to_have_attribute("data-question", question.path)
        short_answer = built.page(question.path).css_first("#short-answer").next.next.text().strip()[:60]
        expect(block).to_contain_text(short_answer)
    control = page.locator("article .study-reveal-all")
    control.click()
    for index in range(len(in_section)):
        expect(blocks.nth(index)).to_have_attribute("open", "")
        expect(blocks.nth(index).locator("p").first).to_be_visible()
    expect(control).to_have_text("Hide all")
    page.keyboard.press("r")
    for index in range(len(in_section)):
        expect(blocks.nth(index)).not_to_have_attribute("open", "")
    full_answer = blocks.first.get_by_role("link", name="The full answer, in depth", include_hidden=True)
    expect(full_answer).to_have_attribute("href", re.compile(re.escape("/" + page_url(in_section[0].path) + "#in-depth") + "$"))


@pytest.mark.parametrize("anchor", ["answer", "in-depth", "references"])
def test_a_link_to_the_answer_or_a_heading_in_it_opens_the_answer(page, anchor):
    open_page(page, QUESTION, anchor)
    expect(answer_of(page)).to_have_attribute("open", "")
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_following_a_link_to_the_answer_on_the_same_page_opens_it(page):
    open_page(page, QUESTION)
    page.evaluate("location.hash = '#answer'")
    expect(answer_of(page)).to_have_attribute("open", "")


def test_everything_works_again_after_instant_navigation(page, questions):
    open_page(page, f"{SECTION}/index.md")
    page.evaluate("window.loadedOnce = true")  # survives only if no full page load happens
    first = next(question for question in questions if question.section == SECTION)
    page.locator("article ol a").first.click()
    page.wait_for_url("**/" + page_url(first.path))
    wait_for_study_tools(page, first.path)
    assert page.evaluate("window.loadedOnce === true"), "the click loaded a whole page: instant navigation is off"
    expect(page.locator("article .study-bar")).to_have_count(1)
    expect(page.locator("article .study-judge")).to_have_count(1)
    page.locator("article .study-reveal-all").click()
    expect(answer_of(page)).to_have_attribute("open", "")

    following = questions[questions.index(first) + 1]
    page.keyboard.press("j")
    page.wait_for_url("**/" + page_url(following.path))
    wait_for_study_tools(page, following.path)
    expect(page.locator("article h1")).to_contain_text(following.title)
    expect(page.locator("article .study-bar")).to_have_count(1)
    expect(answer_of(page)).not_to_have_attribute("open", "")
    page.keyboard.press("r")
    expect(answer_of(page)).to_have_attribute("open", "")

    page.go_back()
    page.wait_for_url("**/" + page_url(first.path))
    wait_for_study_tools(page, first.path)
    expect(page.locator("article .study-bar")).to_have_count(1)
    assert page.evaluate("window.loadedOnce === true")


def test_answers_are_reachable_without_javascript(page_without_js, questions):
    page = page_without_js
    page.goto(page_url(QUESTION))
    answer = answer_of(page)
    expect(answer).not_to_have_attribute("open", "")
    expect(page.locator(".study-bar")).to_have_count(0)
    answer.locator("summary").click()
    expect(page.locator("#short-answer")).to_be_visible()

    page.goto(page_url(QUESTION) + "#in-depth")
    expect(answer_of(page)).to_have_attribute("open", "")

    page.goto(page_url(f"{SECTION}/index.md"))
    blocks = page.locator("article details.answer--short")
    expect(blocks).to_have_count(sum(question.section == SECTION for question in questions))
    blocks.first.locator("summary").click()
    expect(blocks.first).to_have_attribute("open", "")

    page.goto(page_url("progress.md"))
    expect(page.locator("article .study-progress")).to_contain_text("needs JavaScript")
