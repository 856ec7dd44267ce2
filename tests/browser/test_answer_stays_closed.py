"""An answer stays closed until the reader opens it (issue 11), on a 390x844 phone.

navigation.tracking writes the heading scrolled past into the address, and Material opens the
<details> holding the address's #fragment: scrolling to the bottom of an unrevealed question and
reloading, or going Back to it, opened the answer and recorded the question as seen. Scrolling,
reloading, Back and instant navigation now leave it closed and unmarked; following a link to a
part of the answer still opens it.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page, page_url, stored_mark, stored_marks, wait_for_study_tools

phone = viewports.phone  # the fixture, for this module

QUESTION = "deployment/ci-cd.md"
# The page a search for "champion challenger" leads to, at a part of its answer.
RETRAINING = "deployment/model-retraining.md"
# Material's tracking writes the address 250 ms after the scrolling stops; give it ample time.
TRACKING_SETTLES_MS = 1500


def answer_of(page):
    return page.locator("article details.answer:not(.answer--short)")


def marks(page) -> dict:
    return stored_marks(page).get("records", {})


def scroll_to_the_bottom_like_a_reader(page) -> None:
    """Swipe down a screen at a time to the end of the page, then let tracking write the address."""
    for _ in range(40):
        at_bottom = page.evaluate(
            "() => { window.scrollBy(0, window.innerHeight * 0.8);"
            " return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2 }"
        )
        page.wait_for_timeout(50)
        if at_bottom:
            break
    page.wait_for_timeout(TRACKING_SETTLES_MS)


def hash_inside_the_answer(page) -> bool:
    return page.evaluate(
        "() => { const t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));"
        " return Boolean(t && t.closest('details.answer')) }"
    )


def footer_link_to_another_question(page):
    """The footer link (next, else previous) that leads to another question page, and that page's docs path.

    Which question comes next follows the section's order, which grows with the content: read it
    from the page rather than naming it here.
    """
    for direction in ("next", "prev"):
        link = page.locator(f"a.md-footer__link--{direction}")
        if link.count():
            path = urlparse(link.evaluate("a => a.href")).path.strip("/")
            if path.count("/") == 1:  # section/question, not a section page
                return link, path + ".md"
    raise AssertionError(f"{page.url}: no footer link leads to another question page")


def name_a_hidden_heading_in_the_address(page, heading: str) -> None:
    """Put #heading into the address the way tracking did before the fix (past any wrapper of ours)."""
    page.evaluate("hash => History.prototype.replaceState.call(history, history.state, '', hash)", f"#{heading}")
    assert page.evaluate("location.hash") == f"#{heading}"


def test_scrolling_an_unrevealed_answer_leaves_the_address_and_the_answer_alone(phone):
    open_page(phone, QUESTION)
    scroll_to_the_bottom_like_a_reader(phone)
    assert not hash_inside_the_answer(phone), f"tracking named a heading of the closed answer: {phone.url}"
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    phone.reload()
    wait_for_study_tools(phone, QUESTION)
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    assert marks(phone) == {}


def test_reload_with_a_hidden_heading_in_the_address_keeps_the_answer_closed_and_unmarked(phone):
    open_page(phone, QUESTION)
    name_a_hidden_heading_in_the_address(phone, "references")
    phone.reload()
    wait_for_study_tools(phone, QUESTION)
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    expect(answer_of(phone).locator("summary")).to_be_in_viewport()
    assert marks(phone) == {}
    assert not hash_inside_the_answer(phone), "the address still names a heading of the closed answer"


def test_back_and_forward_through_instant_navigation_keep_answers_closed_and_unmarked(phone):
    open_page(phone, QUESTION)
    phone.evaluate("window.loadedOnce = true")
    scroll_to_the_bottom_like_a_reader(phone)
    name_a_hidden_heading_in_the_address(phone, "references")
    link, other_question = footer_link_to_another_question(phone)
    link.click()
    phone.wait_for_url("**/" + page_url(other_question))
    wait_for_study_tools(phone, other_question)
    phone.go_back()
    phone.wait_for_url(re.compile(re.escape(page_url(QUESTION)) + "(#.*)?$"))
    wait_for_study_tools(phone, QUESTION)
    assert phone.evaluate("window.loadedOnce === true"), "Back loaded a whole page: instant navigation is off"
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    phone.go_forward()
    phone.wait_for_url("**/" + page_url(other_question))
    wait_for_study_tools(phone, other_question)
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    phone.wait_for_timeout(500)  # a late toggle event of the page left behind must not count either
    assert marks(phone) == {}


def test_a_link_followed_to_a_part_of_the_answer_opens_it_and_counts_it_seen(phone):
    open_page(phone, "deployment/index.md")
    phone.evaluate("window.loadedOnce = true")
    short = phone.locator(f'article details.answer--short[data-question="{QUESTION}"]')
    short.locator("summary").click()
    short.get_by_role("link", name="The full answer, in depth").click()
    phone.wait_for_url("**/" + page_url(QUESTION) + "#in-depth")
    wait_for_study_tools(phone, QUESTION)
    assert phone.evaluate("window.loadedOnce === true")
    expect(answer_of(phone)).to_have_attribute("open", "")
    expect(phone.locator("#in-depth")).to_be_in_viewport()
    assert stored_mark(phone, QUESTION) == "seen"


def test_a_search_result_for_a_part_of_the_answer_opens_it(phone):
    open_page(phone, QUESTION)
    phone.locator("label[for='__search']").first.click()
    box = phone.locator("input.md-search__input")
    box.fill("champion challenge")
    box.press("r")
    item = phone.locator(".md-search-result__item").filter(has=phone.locator("a[href*='model-retraining/']")).first
    item.locator("details.md-search-result__more > summary").click()  # "5 more on this page": its sections
    result = item.locator("details.md-search-result__more a[href*='#']").first
    href = result.get_attribute("href")
    result.click()
    phone.wait_for_url(re.compile(re.escape(href.split("#")[1]) + "$"))
    wait_for_study_tools(phone, RETRAINING)
    expect(answer_of(phone)).to_have_attribute("open", "")


def test_after_next_next_next_and_back_to_the_list_the_next_question_opened_stays_closed(phone, questions, syllabus_banks):
    """Issue 23: going on with "Next" from inside answers, then Back to the section's list, then to
    another question, opened that question's answer by itself (Material replayed a #fragment of a page
    left earlier) and recorded it as read; and "Next" carried the page left's heading into the new
    address. Now the new page's answer stays closed, unmarked, and its address names nothing."""
    section = [q for q in questions if q.section == "fundamentals"]
    ranked = sorted(section, key=lambda q: (-syllabus_banks[q.path], questions.index(q)))
    phone.goto(page_url("fundamentals/index.md") + "?order=asked")
    wait_for_study_tools(phone, "fundamentals/index.md")
    titles = phone.locator("article ol.question-list > li:visible > .question-list__title > a")
    titles.first.tap()
    for question, following in zip(ranked[:3], ranked[1:4], strict=True):
        phone.wait_for_url("**/" + page_url(question.path))
        wait_for_study_tools(phone, question.path)
        answer_of(phone).locator("summary").tap()
        phone.locator("article details.answer h2#in-depth").scroll_into_view_if_needed()
        phone.wait_for_timeout(TRACKING_SETTLES_MS)  # tracking writes the heading into the address
        # Back up to the short answer, where the grades show in full, and grade.
        phone.evaluate("document.querySelector('article details.answer h2#short-answer').scrollIntoView()")
        expect(phone.locator("article .study-judge")).not_to_have_class(re.compile(r"study-judge--strip"))
        phone.locator("article .study-judge").get_by_role("button", name="Partly").tap()
        phone.locator("article .study-judge a.study-judge__go").tap()
        phone.wait_for_url(re.compile(re.escape(page_url(following.path)) + "$"))  # no heading of the page left
    for _ in range(4):
        phone.go_back()
    wait_for_study_tools(phone, "fundamentals/index.md")
    last = ranked[-1]
    titles.last.tap()
    phone.wait_for_url(re.compile(re.escape(page_url(last.path)) + "$"))
    wait_for_study_tools(phone, last.path)
    phone.wait_for_timeout(500)
    expect(answer_of(phone)).not_to_have_attribute("open", "")
    assert stored_mark(phone, last.path) == "unseen"
    answer_of(phone).locator("summary").tap()
    expect(answer_of(phone)).to_have_attribute("open", "")
