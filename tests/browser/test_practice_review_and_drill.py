"""The follow-up drill and the "Due for review" page (issue 25): a drill asks follow-ups one at a time,
each with its stable id, and puts the missed ones on the review list; the review page lists what is due
now, most overdue first (follow-ups included), and what comes due in the next seven days. On a phone in
both palettes; axe finds nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import STORAGE_KEY, open_context, page_url, stored_marks


def iso(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_follow_up_drill_puts_missed_follow_ups_on_the_review_page(browser, server, questions, study_tools_ready, site_dir, palette):
    answers = json.loads((site_dir / "assets/study/answers.json").read_text(encoding="utf-8"))
    follow_ups = {f"{question['id']}#{item['id']}" for question in answers["questions"] for item in question["follow_ups"]}
    context, recorder = open_context(browser, server, color_scheme=palette, **viewports.PHONE)
    page = context.new_page()
    page.goto(page_url("mock-interview.md") + "?mode=follow-ups&count=2&sections=monitoring&seed=drill7")
    expect(page.get_by_label("A follow-up drill: the questions interviewers ask next, one at a time")).to_be_checked()
    page.get_by_role("button", name="Start the interview").click()
    asked = []
    for grade in ["Missed", "Knew it"]:
        expect(page.locator(".mock-context")).to_contain_text("A follow-up to: ")
        asked.append(page.locator(".mock-question").inner_text())
        page.get_by_role("button", name="Reveal the answer").click()
        expect(page.get_by_role("button", name="Answer the interviewer's follow-up")).to_have_count(0)
        page.get_by_role("button", name=grade, exact=True).click()
        page.locator(".mock-next, .mock-finish").click()
    assert all(title.endswith("?") for title in asked) and asked[0] != asked[1]
    expect(page.locator(".mock-score")).to_have_text("Score: 1 of 2 (1 knew it, 0 partly, 1 missed).")
    page.get_by_role("button", name="Add it to my review list").click()
    records = stored_marks(page)["records"]
    assert len(records) == 1
    (key,) = records
    assert key in follow_ups and key.startswith("monitoring/"), key
    assert records[key]["grades"][0]["grade"] == "missed"

    # Missed today: due tomorrow, so on the week's list; the seeded overdue question is due now.
    overdue = next(question for question in questions if question.path == "monitoring/model-drift.md")
    records[overdue.path] = {"grades": [{"grade": "missed", "at": iso(4)}]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps({"version": 2, "records": records})])
    page.goto(page_url("review.md"))
    summary = page.locator(".review-summary")
    expect(summary).to_have_text("1 card due now; 1 more in the next seven days.")
    expect(page.locator(".review-now li")).to_have_text(f"{overdue.title} - 3 days overdue, box 1")
    expect(page.locator(".review-soon li")).to_contain_text(f"{asked[0]} (a follow-up to: ")
    expect(page.locator(".review-soon li")).to_contain_text("box 1")
    results = Axe().run(page, context="article")
    assert results.violations_count == 0, results.generate_report()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the review page is {width} px wide on a phone"

    # The follow-up's link opens its question's answer at that follow-up (its anchor: "fu-" and its id).
    question_path, follow_up_id = key.split("#")
    link = page.locator(".review-soon li a").first
    assert link.get_attribute("href").endswith(f"#fu-{follow_up_id}"), link.get_attribute("href")
    link.click()
    target = page.locator(f"strong#fu-{follow_up_id}")
    expect(target).to_have_text(asked[0])
    expect(target).to_be_in_viewport()
    expect(page.locator("details.answer")).to_have_attribute("open", "")
    context.close()
    recorder.check()


def test_the_review_page_says_when_nothing_is_due(page):
    page.goto(page_url("review.md"))
    expect(page.locator(".review-summary")).to_have_text("0 cards due now; 0 more in the next seven days.")
    expect(page.locator(".review-none")).to_have_count(2)
