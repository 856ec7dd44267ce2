"""The mock interview page (issue 25): choices, one question at a time under a countdown announced at
30 seconds left and at zero (Playwright's clock, no waiting), the reveal, the key-point checklist whose
ticks suggest the grade, the interviewer's follow-up, and the summary whose one button puts the missed
and partial answers on the review list. The draw comes back from the seed in the address. Driven with
the mouse on a phone and with the keyboard alone on a laptop, in both palettes; axe finds nothing."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page, page_url, stored_marks

MOCK = "mock-interview.md"


def assert_axe_clean(page, what):
    results = Axe().run(page, context="article")
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def tab_to(page, target, presses: int = 30) -> None:
    """Press Tab until `target` has the focus (the reader's way through links and boxes)."""
    for _ in range(presses):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


def drawn_titles(page, address: str, count: int) -> list[str]:
    """Open a mock interview's address, start it, and read its questions' titles by revealing and grading each."""
    page.goto(address)
    page.get_by_role("button", name="Start the interview").click()
    titles = []
    for _ in range(count):
        titles.append(page.locator(".mock-question").inner_text())
        page.get_by_role("button", name="Reveal the answer").click()
        page.get_by_role("button", name="Missed", exact=True).click()
        onward = page.locator(".mock-next, .mock-finish")
        onward.click()
    return titles


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_timed_mock_interview_on_a_phone_from_choices_to_review_list(browser, server, questions, study_tools_ready, palette):
    for page in viewports._page(browser, server, color_scheme=palette, **viewports.PHONE):
        page.clock.install()
        page.goto(page_url(MOCK))
        form = page.get_by_role("form", name="Your mock interview")
        expect(form).to_be_visible()
        assert_axe_clean(page, f"the choices ({palette})")
        for section in ["Fundamentals", "Deployment", "Ethics", "Tips"]:
            form.get_by_label(section, exact=True).uncheck()
        form.get_by_label("How many").fill("2")
        form.get_by_label("Time per question").select_option("60")
        expect(form.get_by_label("Let the interviewer ask a follow-up after a question")).to_be_checked()
        form.get_by_role("button", name="Start the interview").click()

        query = parse_qs(urlsplit(page.url).query)
        assert query["sections"] == ["monitoring"] and query["count"] == ["2"] and query["time"] == ["60"]
        assert re.fullmatch(r"[a-z2-9]{8}", query["seed"][0]), query
        monitoring = {question.title: question for question in questions if question.section == "monitoring"}

        expect(page.locator(".mock-place")).to_have_text("Question 1 of 2")
        first = page.locator(".mock-question").inner_text()
        assert first in monitoring, f"{first!r} is not a Monitoring question"
        expect(page.locator(".mock-question")).to_be_focused()
        timer = page.get_by_role("timer")
        expect(timer).to_have_text("Time left: 1:00")
        alert = page.locator("[aria-live=assertive]")
        page.clock.run_for(29_000)
        expect(timer).to_have_text("Time left: 0:31")
        expect(alert).to_have_text("")
        page.clock.run_for(1_500)
        expect(alert).to_have_text("30 seconds left.")
        assert_axe_clean(page, f"a question under the countdown ({palette})")
        page.clock.run_for(30_000)
        expect(timer).to_have_text("Time left: 0:00")
        expect(alert).to_have_text("Time is up. Reveal the answer when you are ready.")

        page.get_by_role("button", name="Reveal the answer").click()
        expect(page.locator(".mock-answer")).to_contain_text("Short answer")
        boxes = page.locator(".key-points input[type=checkbox]")
        assert boxes.count() >= 2, "the short answer's bold terms are the key points"
        legend = page.locator(".key-points legend").inner_text()
        assert legend.startswith("Did you say: ") and legend.endswith("?")
        suggestion = page.locator(".key-points__suggestion")
        expect(suggestion).to_contain_text("From your ticks: Missed")
        boxes.first.check()
        expect(suggestion).to_contain_text("From your ticks: Partly")
        for index in range(boxes.count()):
            boxes.nth(index).check()
        expect(suggestion).to_contain_text("From your ticks: Knew it")
        expect(page.locator(".mock-grade--suggested")).to_have_text("Knew it")
        assert_axe_clean(page, f"the revealed answer with its checklist ({palette})")
        page.get_by_role("button", name="Partly", exact=True).click()  # the reader overrides the ticks
        expect(page.locator(".mock-graded")).to_have_text("Graded: Partly.")

        page.get_by_role("button", name="Answer the interviewer's follow-up").click()
        expect(page.locator(".mock-place")).to_have_text("Follow-up to question 1")
        follow_up = page.locator(".mock-question").inner_text()
        assert follow_up.endswith("?"), follow_up
        page.clock.run_for(12_000)
        page.get_by_role("button", name="Reveal the answer").click()
        page.get_by_role("button", name="Missed", exact=True).click()
        follow_up_href = page.get_by_role("link", name="This follow-up on its question's page").get_attribute("href")
        page.get_by_role("button", name="Next question").click()

        expect(page.locator(".mock-place")).to_have_text("Question 2 of 2")
        second = page.locator(".mock-question").inner_text()
        assert second in monitoring and second != first
        page.clock.run_for(45_000)
        page.get_by_role("button", name="Reveal the answer").click()
        page.get_by_role("button", name="Knew it", exact=True).click()
        expect(page.get_by_role("button", name="Next question")).to_have_count(0)
        page.get_by_role("button", name="See the summary").click()

        expect(page.get_by_role("heading", name="Summary")).to_be_focused()
        expect(page.locator(".mock-score")).to_have_text("Score: 1.5 of 3 (1 knew it, 1 partly, 1 missed).")
        rows = page.locator(".mock-summary tbody tr")
        expect(rows).to_have_count(3)
        expect(rows.nth(0)).to_contain_text(f"{first}Partly1:00")
        expect(rows.nth(1)).to_contain_text(f"{follow_up}Missed0:12")
        expect(rows.nth(2)).to_contain_text(f"{second}Knew it0:45")
        weak = page.locator(".mock-weak li")
        expect(weak).to_have_count(2)
        first_href = weak.nth(0).get_by_role("link").get_attribute("href")
        assert urlsplit(first_href).path == "/" + page_url(monitoring[first].path)
        assert_axe_clean(page, f"the summary ({palette})")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the mock interview is {width} px wide on a 390 px phone"

        page.get_by_role("button", name="Add these 2 to my review list").click()
        expect(page.locator(".mock-summary__status")).to_contain_text("Added 2 questions to your review list")
        records = stored_marks(page)["records"]
        graded = {key: [item["grade"] for item in record.get("grades", [])] for key, record in records.items()}
        assert graded[monitoring[first].path] == ["partly"]
        follow_up_keys = [key for key in graded if key.startswith(monitoring[first].path + "#")]
        assert len(follow_up_keys) == 1 and graded[follow_up_keys[0]] == ["missed"], graded
        assert follow_up_href.endswith("#fu-" + follow_up_keys[0].split("#")[1]), "the link lands on the follow-up's own anchor"
        assert monitoring[second].path not in graded, "a question known in the interview is not put on the review list"


def test_the_same_seed_draws_the_same_interview_and_another_seed_another(page):
    address = page_url(MOCK) + "?count=3&time=60&followups=0&seed="
    first = drawn_titles(page, address + "k7m2p9qa", 3)
    assert drawn_titles(page, address + "k7m2p9qa", 3) == first
    others = [drawn_titles(page, address + seed, 3) for seed in ["b3c4d5e6", "zz9y8x7w"]]
    assert any(other != first for other in others), "three seeds drew the same interview"
    expect(page.get_by_role("heading", name="Summary")).to_be_visible()


def test_the_mock_interview_by_keyboard_alone(laptop):
    open_page(laptop, MOCK)
    laptop.goto(page_url(MOCK) + "?count=1&seed=keyboard1")
    laptop.get_by_label("Fundamentals", exact=True).focus()
    start = laptop.get_by_role("button", name="Start the interview")
    tab_to(laptop, start)
    laptop.keyboard.press("Enter")
    expect(laptop.locator(".mock-question")).to_be_focused()
    laptop.keyboard.press("Tab")
    expect(laptop.get_by_role("button", name="Reveal the answer")).to_be_focused()
    laptop.keyboard.press("Enter")
    tab_to(laptop, laptop.locator(".key-points input").first)
    laptop.keyboard.press("Space")
    expect(laptop.locator(".key-points input").first).to_be_checked()
    partly = laptop.get_by_role("button", name="Partly", exact=True)
    tab_to(laptop, partly)
    laptop.keyboard.press("Enter")
    expect(partly).to_have_attribute("aria-pressed", "true")
    tab_to(laptop, laptop.get_by_role("button", name="See the summary"), presses=3)
    laptop.keyboard.press("Enter")
    expect(laptop.locator(".mock-score")).to_have_text("Score: 0.5 of 1 (0 knew it, 1 partly, 0 missed).")


laptop = viewports.laptop


def test_the_home_page_and_a_section_pages_study_bar_lead_to_the_mock_interview(laptop):
    open_page(laptop, "index.md")
    laptop.locator("article").get_by_role("link", name="Mock interview").click()
    expect(laptop.get_by_role("form", name="Your mock interview")).to_be_visible()
    open_page(laptop, "monitoring/index.md")
    laptop.locator("article .study-bar").get_by_role("link", name="Mock interview").click()
    expect(laptop.get_by_role("form", name="Your mock interview")).to_be_visible()
    expect(laptop).to_have_title(re.compile(r"^Mock interview"))
