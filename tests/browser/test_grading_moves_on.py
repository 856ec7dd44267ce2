"""Grading moves the reader on (issue 23): once a question is graded, "Next" is in the pinned grading
bar, on screen at once, on 390x844 and 375x667 phones and a 1366x900 laptop, by touch, mouse and
keyboard; it leads to the next question of the list the reader came from (a section page in the
order it showed, the progress page's "Study next") or else of the guide. The pinned bar takes at most
10% of a 375x667 screen and never covers the short answer; past it, it is a thin strip."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page, page_url, wait_for_study_tools

each_phone = viewports.each_phone
laptop = viewports.laptop
small_phone = viewports.small_phone

QUESTION = "monitoring/model-drift.md"
# The pinned bar may take this share of a 375x667 screen's height.
MAX_BAR_SHARE = 0.10
# A strip is at most this tall where it shows.
MAX_STRIP_PX = 8

# Where the pinned bar shows on the screen (the part of it inside the viewport), and whether it is full.
BAR = """() => {
  const bar = document.querySelector("article .study-judge")
  const rect = bar.getBoundingClientRect()
  const top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, innerHeight)
  return { top, bottom, shown: Math.max(0, bottom - top), height: rect.height, strip: bar.classList.contains("study-judge--strip"),
           pinned: Math.abs(rect.bottom - innerHeight) < 1 || rect.bottom > innerHeight }
}"""

# The line boxes of the short answer's text that are on the screen, as [top, bottom] pairs.
SHORT_ANSWER_LINES = """() => {
  const lines = []
  let node = document.querySelector("article details.answer h2#short-answer").nextElementSibling
  while (node && !node.matches("h2, .question-alt")) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      if (!walker.currentNode.textContent.trim()) continue
      const range = document.createRange()
      range.selectNodeContents(walker.currentNode)
      for (const rect of range.getClientRects()) if (rect.bottom > 0 && rect.top < innerHeight) lines.push([rect.top, rect.bottom])
    }
    node = node.nextElementSibling
  }
  return lines
}"""


def bar(page) -> dict:
    page.wait_for_timeout(250)  # the bar's look follows the scroll on the next frame; its slide takes 150 ms
    return page.evaluate(BAR)


def assert_short_answer_uncovered(page, where: str) -> None:
    """The full bar covers no line of the short answer; a strip is no taller than MAX_STRIP_PX."""
    shown = bar(page)
    if shown["strip"]:
        assert shown["shown"] <= MAX_STRIP_PX, f"{where}: the strip shows {shown['shown']:.0f} px"
        return
    covered = [line for line in page.evaluate(SHORT_ANSWER_LINES) if line[1] > shown["top"] + 1 and line[0] < shown["bottom"] - 1]
    assert not covered, f"{where}: the bar ({shown}) covers lines of the short answer: {covered}"


def grade_bar(page):
    return page.locator("article .study-judge")


def reveal(page, touch: bool) -> None:
    summary = page.locator("article details.answer:not(.answer--short) > summary")
    summary.tap() if touch else summary.click()
    expect(page.locator("article details.answer:not(.answer--short)")).to_have_attribute("open", "")


def read_short_answer(page) -> None:
    """Scroll as a reader does to the end of the short answer: the bar, pinned under it, shows in full."""
    page.evaluate(
        """() => {
          let last = document.querySelector("article details.answer h2#short-answer")
          while (last.nextElementSibling && !last.nextElementSibling.matches("h2, .question-alt")) last = last.nextElementSibling
          last.scrollIntoView({ block: "center" })
        }"""
    )
    expect(grade_bar(page)).not_to_have_class(re.compile(r"study-judge--strip"))


def test_after_a_grade_next_is_in_the_pinned_bar_on_screen_at_once_on_each_phone(each_phone, questions):
    page = each_phone
    following = questions[[q.path for q in questions].index(QUESTION) + 1]
    open_page(page, QUESTION)
    reveal(page, touch=True)
    judge = grade_bar(page)
    known = judge.get_by_role("button", name="I knew it")
    next_link = judge.locator(".study-judge__row").get_by_role("link", name=re.compile(r"^Next question: "))
    expect(next_link).to_have_count(0)  # nothing to move on to before a grade
    # Read the short answer to its end, as a reader does, then grade.
    read_short_answer(page)
    expect(known).to_be_in_viewport(ratio=1)
    known.tap()
    expect(known).to_have_attribute("aria-pressed", "true")
    expect(next_link).to_be_in_viewport(ratio=1)
    expect(next_link).to_have_accessible_name(f"Next question: {following.title}")
    assert bar(page)["pinned"], "the bar holding Next is not pinned to the bottom of the screen"
    next_link.tap()
    page.wait_for_url("**/" + page_url(following.path))
    wait_for_study_tools(page, following.path)


def test_on_a_laptop_a_grade_by_key_puts_next_in_the_bar_and_j_or_the_tab_key_goes_on(laptop, questions):
    page = laptop
    following = questions[[q.path for q in questions].index(QUESTION) + 1]
    open_page(page, QUESTION)
    page.keyboard.press("r")
    page.keyboard.press("1")
    next_link = grade_bar(page).locator(".study-judge__row a.study-judge__go")
    expect(next_link).to_be_in_viewport(ratio=1)
    expect(next_link).to_have_accessible_name(f"Next question: {following.title}")
    # By mouse: the grade button, then the link right after it.
    page.keyboard.press("1")  # taken back
    expect(next_link).to_be_hidden()
    grade_bar(page).get_by_role("button", name="Partly").click()
    expect(next_link).to_be_visible()
    page.keyboard.press("Tab")  # from the grade just given to the way on: "Review again", then "Next"
    page.keyboard.press("Tab")
    expect(next_link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + page_url(following.path))
    wait_for_study_tools(page, following.path)
    page.keyboard.press("r")
    page.keyboard.press("3")
    expect(grade_bar(page).get_by_role("button", name="Review again")).to_have_attribute("aria-pressed", "true")
    after = questions[questions.index(following) + 1]
    page.keyboard.press("j")
    page.wait_for_url("**/" + page_url(after.path))


def test_next_follows_the_section_list_in_the_order_it_showed_then_leads_back_to_it(each_phone, questions, syllabus_banks):
    page = each_phone
    section = [q for q in questions if q.section == "fundamentals"]
    ranked = sorted(section, key=lambda q: (-syllabus_banks[q.path], questions.index(q)))
    assert [q.path for q in ranked[:4]] != [q.path for q in section[:4]], "the test needs an order other than the guide's"
    page.goto(page_url("fundamentals/index.md") + "?order=asked")
    wait_for_study_tools(page, "fundamentals/index.md")
    titles = page.locator("article ol.question-list > li:visible > .question-list__title > a")
    titles.first.tap()
    for number, (question, after) in enumerate(zip(ranked[:3], ranked[1:4], strict=True), start=2):
        page.wait_for_url("**/" + page_url(question.path))
        wait_for_study_tools(page, question.path)
        reveal(page, touch=True)
        read_short_answer(page)
        grade_bar(page).get_by_role("button", name="Partly").tap()
        go = grade_bar(page).locator("a.study-judge__go")
        expect(go).to_have_accessible_name(f"Next in Fundamentals: most asked first, {number} of {len(ranked)}: {after.title}")
        expect(go).to_be_in_viewport(ratio=1)
        go.tap()
    page.wait_for_url("**/" + page_url(ranked[3].path))
    page.go_back()  # to the list, as it showed; its last question leads back to it
    page.go_back()
    page.go_back()
    page.go_back()
    wait_for_study_tools(page, "fundamentals/index.md")
    titles.last.tap()
    page.wait_for_url("**/" + page_url(ranked[-1].path))
    wait_for_study_tools(page, ranked[-1].path)
    reveal(page, touch=True)
    read_short_answer(page)
    grade_bar(page).get_by_role("button", name="I knew it").tap()
    back = grade_bar(page).locator("a.study-judge__go")
    expect(back).to_have_accessible_name("That was the last of Fundamentals: most asked first: back to the list")
    back.tap()
    page.wait_for_url(re.compile(r"/fundamentals/\?order=asked$"))
    expect(page.locator("form.question-filter select[name=order]")).to_have_value("asked")


def test_next_follows_the_progress_pages_study_next_list(each_phone, questions, syllabus_banks):
    page = each_phone
    open_page(page, "progress.md")
    items = page.locator("article ol.study-progress__next > li")
    expect(items.first).to_be_visible()
    first, second = (items.nth(index).get_attribute("data-question") for index in (0, 1))
    # A fresh start: the most-asked questions first, in guide order between equals, never a dead end.
    ranked = sorted(questions, key=lambda q: (-syllabus_banks[q.path], questions.index(q)))
    assert [first, second] == [ranked[0].path, ranked[1].path]
    expect(items.first).to_contain_text(f"asked in {syllabus_banks[first]} of 12 question banks, not marked yet")
    titles = {q.path: q.title for q in questions}
    items.first.get_by_role("link").tap()
    page.wait_for_url("**/" + page_url(first))
    wait_for_study_tools(page, first)
    reveal(page, touch=True)
    read_short_answer(page)
    grade_bar(page).get_by_role("button", name="Review again").tap()
    expect(grade_bar(page).locator("a.study-judge__go")).to_have_accessible_name(re.compile(rf"^Next in Study next, 2 of \d+: {re.escape(titles[second])}$"))


@pytest.mark.parametrize("screen", list(viewports.PHONES))
def test_the_pinned_bar_takes_at_most_a_tenth_of_the_screen_and_never_covers_the_short_answer(browser, server, screen):
    for page in viewports._page(browser, server, **viewports.PHONES[screen]):
        open_page(page, QUESTION)
        reveal(page, touch=True)
        height = page.viewport_size["height"]
        assert_short_answer_uncovered(page, f"{screen}, on reveal")
        full_seen = not bar(page)["strip"]
        # Read on with the finger, a screen's third at a time, through the short answer and past it.
        for step in range(12):
            page.evaluate("step => window.scrollBy(0, step)", height // 3)
            shown = bar(page)
            where = f"{screen}, after {step + 1} scrolls"
            if shown["pinned"] and not shown["strip"]:
                full_seen = True
                assert shown["height"] <= MAX_BAR_SHARE * 667, f"{where}: the bar is {shown['height']:.0f} px tall"
                assert shown["height"] <= MAX_BAR_SHARE * height
            assert_short_answer_uncovered(page, where)
        assert full_seen, f"{screen}: the bar never showed in full while the short answer was read"
        past = page.evaluate("document.querySelector('article details.answer h2#in-depth').getBoundingClientRect().top") < 0
        assert past and bar(page)["strip"], f"{screen}: reading on past the short answer, the bar is not a strip"
        # At the end of the answer the bar rests in its place, in full, with the way on in words.
        onward = page.locator("article .study-judge__onward")
        for _ in range(10):  # lazy figures may still lengthen the answer: scroll again until it holds
            page.evaluate("document.querySelector('.md-footer').scrollIntoView()")
            if onward.is_visible():
                break
            page.wait_for_timeout(300)
        expect(onward).to_be_in_viewport()
        expect(page.locator("article .study-judge__onward")).to_contain_text("Next question: ")
        assert not bar(page)["strip"]


def test_a_tap_on_the_strip_or_keyboard_focus_brings_the_bar_back_in_full(small_phone):
    page = small_phone
    open_page(page, QUESTION)
    reveal(page, touch=True)
    page.locator("article details.answer h2#example").scroll_into_view_if_needed()
    assert bar(page)["strip"]
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    page.touchscreen.tap(width / 2, height - 2)
    shown = bar(page)
    assert not shown["strip"] and shown["shown"] == pytest.approx(shown["height"], abs=1), shown
    page.evaluate("window.scrollBy(0, 300)")  # reading on: a strip again
    assert bar(page)["strip"]
    known = page.locator("article .study-judge").get_by_role("button", name="I knew it")
    known.focus()
    page.keyboard.press("Shift+Tab")  # away and back by keyboard
    page.keyboard.press("Tab")
    expect(known).to_be_focused()
    shown = bar(page)
    assert not shown["strip"] and shown["shown"] == pytest.approx(shown["height"], abs=1), shown
