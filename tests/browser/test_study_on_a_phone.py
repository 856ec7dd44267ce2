"""Studying on a 390x844 touch phone and a 1366x900 laptop (issue 11): the study bar is one row
with nothing that needs a keyboard, the self-test buttons are where the reader is once the answer is
open (while the short answer is read, and at the end; tests/browser/test_grading_moves_on.py holds
the rest), revealing moves nothing under the finger, and the answer's summary says what it does."""

from __future__ import annotations

from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page

phone = viewports.phone
laptop = viewports.laptop

QUESTION = "monitoring/model-drift.md"
SECTION = "monitoring/index.md"


def tops(page, selector):
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => e.getClientRects().length).map(e => Math.round(e.getBoundingClientRect().top))"
    )


def test_the_study_bar_is_one_row_on_a_phone_without_the_keyboard_shortcuts(phone):
    for docs_path in (QUESTION, SECTION):
        open_page(phone, docs_path)
        bar = phone.locator("article .study-bar")
        expect(bar.get_by_role("button", name="Next to review")).to_be_visible()
        expect(bar.get_by_role("button", name="Shortcuts")).to_be_hidden()
        height = bar.evaluate("e => e.getBoundingClientRect().height")
        buttons = bar.locator(".study-button").evaluate_all(
            "els => els.filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect())"
            ".map(r => ({top: r.top, bottom: r.bottom, height: r.height, right: r.right}))"
        )
        assert buttons, docs_path
        assert all(button["height"] >= 44 for button in buttons), f"{docs_path}: a button is under 44 px tall: {buttons}"
        assert height <= 48, f"{docs_path}: the study bar wraps into {height:.0f} px"
        assert max(button["right"] for button in buttons) <= 390, f"{docs_path}: the study bar runs off the screen"


def test_the_laptop_study_bar_is_one_row_and_keeps_its_width_when_reveal_turns_into_hide(laptop):
    open_page(laptop, QUESTION)
    bar = laptop.locator("article .study-bar")
    control = bar.locator(".study-reveal-all")
    assert len(set(tops(laptop, "article .study-bar .study-button"))) == 1, "the study bar wraps"
    before = control.bounding_box()
    summary_before = laptop.locator("article details.answer > summary").bounding_box()
    control.click()
    expect(control).to_have_text("Hide all")
    assert control.bounding_box() == before, "Reveal all changed size when it turned into Hide all"
    assert laptop.locator("article details.answer > summary").bounding_box() == summary_before, "the answer moved"


def test_the_marks_are_on_screen_while_the_short_answer_is_read_and_at_the_end_of_the_answer(phone):
    open_page(phone, QUESTION)
    summary = phone.locator("article details.answer > summary")
    before = summary.bounding_box()
    summary.tap()
    assert summary.bounding_box() == before, "revealing moved the summary under the finger"
    known = phone.locator("article .study-judge").get_by_role("button", name="I knew it")
    # Read to the end of the short answer: the bar, pinned under it, holds the grades.
    phone.evaluate("document.querySelector('article details.answer h2#short-answer ~ p').scrollIntoView({ block: 'center' })")
    expect(known).to_be_in_viewport()
    # At the end of the answer, the grades rest in their place, the way on in words beside them
    # (shown only there). Lazy figures may still lengthen the answer: scroll again until it holds.
    onward = phone.locator("article .study-judge__onward")
    for _ in range(10):
        phone.evaluate("document.querySelector('.md-footer').scrollIntoView()")
        if onward.is_visible():
            break
        phone.wait_for_timeout(300)
    expect(onward).to_be_in_viewport()
    expect(known).to_be_in_viewport(ratio=1)
    known.tap()
    expect(known).to_have_attribute("aria-pressed", "true")


def test_the_summary_says_what_a_tap_does(phone):
    open_page(phone, QUESTION)
    summary = phone.locator("article details.answer > summary")
    expect(summary).to_have_text("Reveal the answer")
    summary.tap()
    expect(summary).to_have_text("Hide the answer")
    summary.tap()
    expect(summary).to_have_text("Reveal the answer")
    open_page(phone, SECTION)
    short = phone.locator("article details.answer--short > summary").first
    expect(short).to_have_text("Reveal the short answer")
    short.tap()
    expect(short).to_have_text("Hide the short answer")


def test_other_phrasings_show_only_once_the_answer_is_revealed(phone, questions):
    question = next(question for question in questions if question.path == QUESTION)
    assert question.alt_titles, f"{QUESTION} has no other phrasings to test with"
    open_page(phone, QUESTION)
    # Inside the answer: the article also holds them in a hidden element for the search index only.
    phrasing = phone.locator("article details.answer").get_by_text(question.alt_titles[0])
    expect(phrasing).to_be_hidden()
    assert "Also asked as" not in phone.locator("article").inner_text()
    phone.locator("article details.answer > summary").tap()
    expect(phrasing).to_be_visible()
