"""The home page starts the study, wide tables show that they scroll, the progress page fits a
phone (issue 11), on a 390x844 phone and a 1366x900 laptop, in both palettes where color matters."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from . import viewports
from .browser_support import FORMAT_1_KEY, format_1_marks, open_page, page_url

phone = viewports.phone
laptop = viewports.laptop

BIAS = "ethics/bias.md"


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_home_page_starts_the_study_in_words_true_for_the_screen(browser, server, questions, screen):
    options = viewports.PHONE if screen == "phone" else viewports.LAPTOP
    for page in viewports._page(browser, server, **options):
        open_page(page, "index.md")
        article = page.locator("article")
        start = article.get_by_role("link", name="Start with question 1")
        expect(start).to_be_visible()
        expect(start).to_have_attribute("href", re.compile(re.escape(page_url(questions[0].path)) + "$"))
        expect(article.get_by_role("link", name="Continue where you left off")).to_be_visible()
        text = article.inner_text().lower()
        assert "sidebar" not in text, f"{screen}: the home page speaks of a sidebar"
        for tool in ("i knew it", "review again", "progress page", "next to review", "random question", "short answer"):
            assert tool in text, f"{screen}: the home page does not tell about '{tool}'"


@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_the_home_pages_study_actions_are_real_links_to_questions(browser, server, questions, syllabus_banks, screen):
    """Issue 23: "Random" and "Next to review" were italic words; they are links, which lead where the
    study tools would: the most-asked question on a fresh start, and a question not yet seen."""
    options = viewports.PHONE if screen == "phone" else viewports.LAPTOP
    for page in viewports._page(browser, server, **options):
        open_page(page, "index.md")
        article = page.locator("article")
        pages = {page.url + page_url(question.path): question for question in questions}
        most_asked = max(questions, key=lambda question: (syllabus_banks[question.path], -questions.index(question)))
        next_link = article.get_by_role("link", name="Next to review")
        expect(next_link).to_have_attribute("href", page.url + page_url(most_asked.path))
        random = article.get_by_role("link", name="Random question")
        expect(random).to_have_attribute("href", re.compile(r"/(fundamentals|deployment|monitoring|ethics|tips)/[a-z0-9-]+/$"))
        assert random.get_attribute("href") in pages
        for link in (next_link, random):
            assert link.evaluate("a => a.closest('em, i') === null"), "a study action is still set in italics"
        next_link.click()
        # (Material's navigation.tracking may carry the home page's last heading over as a #fragment.)
        page.wait_for_url(re.compile(re.escape(page_url(most_asked.path)) + r"(#[\w-]*)?$"))


def test_continue_where_you_left_off_goes_to_the_first_question_not_known(phone, questions):
    open_page(phone, "index.md")
    resume = phone.locator("article").get_by_role("link", name="Continue where you left off")
    expect(resume).to_have_attribute("href", f"{phone.url}{page_url(questions[0].path)}")
    # Marks saved before 7 December 2026 (format 1) are carried over to today's records.
    marks = format_1_marks({question.path: "known" for question in questions[:3]})
    phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [FORMAT_1_KEY, marks])
    phone.reload()
    open_page(phone, "index.md")
    expect(resume).to_have_attribute("href", f"{phone.url}{page_url(questions[3].path)}")


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "laptop"])
def test_a_wide_table_shows_that_it_scrolls_and_its_last_columns_can_be_reached(browser, server, screen, palette):
    options = viewports.PHONE if screen == "phone" else viewports.LAPTOP
    for page in viewports._page(browser, server, color_scheme=palette, **options):
        open_page(page, BIAS)
        page.locator("article details.answer > summary").click()
        wrapper = page.locator("article .md-typeset__scrollwrap:has(th:text-is('PPV'))")
        wrapper.scroll_into_view_if_needed()
        expect(wrapper).to_have_attribute("tabindex", "0")
        expect(wrapper).to_have_attribute("data-scrolls", "")
        cue = wrapper.evaluate("e => getComputedStyle(e).backgroundImage")
        assert cue.count("gradient(") == 4, f"{screen} {palette}: no scroll shadows on the table: {cue}"
        wrapper.focus()
        at_end = "e => Math.ceil(e.scrollLeft + e.clientWidth) >= e.scrollWidth - 1"
        for _ in range(100):
            if wrapper.evaluate(at_end):
                break
            page.keyboard.press("ArrowRight")
        assert wrapper.evaluate(at_end), f"{screen} {palette}: the keyboard did not scroll the table to its last column"
        for header in ("FPR", "PPV", "Accuracy"):
            expect(wrapper.locator("th", has_text=header)).to_be_in_viewport()


def test_the_progress_page_fits_a_phone(phone):
    open_page(phone, "progress.md")
    wrapper = phone.locator("article .study-progress .md-typeset__scrollwrap")
    widths = wrapper.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1], f"the progress table is {widths[0]} px wide in {widths[1]} px"
    wrapper.scroll_into_view_if_needed()  # below the page's introduction on a phone; every column in view
    for header in ("Known", "To review", "Not graded", "Questions"):
        expect(wrapper.get_by_role("columnheader", name=header)).to_be_in_viewport()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
