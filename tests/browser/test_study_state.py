"""Study state in a real browser with several questions in play: what screen readers are told
after a mark, "Next to review" and "Random question" choosing among candidates, marks shared
between tabs, and storage the browser refuses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from .browser_support import FORMAT_1_KEY, STORAGE_KEY, format_1_marks, open_page, page_url, wait_for_study_tools

QUESTION = "monitoring/model-drift.md"


def mark_button(page, label):
    return page.locator("article .study-judge").get_by_role("button", name=label)


def live_region(page):
    """The region the study tools announce through: a polite status outside the article."""
    return page.locator('body > .study-toast[role="status"][aria-live="polite"]')


def seed_marks(context, server, marks: dict[str, str]) -> None:
    """Marks saved today by the format before 7 December 2026 (carried over when read)."""
    context.add_init_script(
        f"if (location.origin === {server.rstrip('/')!r} && !localStorage.getItem({FORMAT_1_KEY!r}))"
        f" localStorage.setItem({FORMAT_1_KEY!r}, {json.dumps(format_1_marks(marks))})"
    )


def seed_records(context, server, records: dict[str, dict]) -> None:
    """Study records of today's format (storage.js), as the study tools keep them."""
    data = {"version": 2, "records": records}
    context.add_init_script(
        f"if (location.origin === {server.rstrip('/')!r} && !localStorage.getItem({STORAGE_KEY!r}))"
        f" localStorage.setItem({STORAGE_KEY!r}, {json.dumps(json.dumps(data))})"
    )


def test_marks_given_with_the_keyboard_are_announced_to_screen_readers(page):
    open_page(page, QUESTION)
    panel_status = page.locator("article .study-judge__status")
    expect(panel_status).to_have_attribute("role", "status")
    page.keyboard.press("1")
    expect(live_region(page)).to_have_text("Marked as known.")
    expect(panel_status).to_have_text("Marked as known.")
    page.keyboard.press("2")
    expect(live_region(page)).to_have_text("Marked as partly known: it comes back sooner.")
    expect(panel_status).to_have_text("Marked as partly known: it comes back sooner.")
    page.keyboard.press("3")
    expect(live_region(page)).to_have_text("Marked to review again.")
    expect(panel_status).to_have_text("Marked to review again.")
    page.keyboard.press("3")  # pressed again: the grade before comes back
    expect(live_region(page)).to_have_text("Marked as partly known: it comes back sooner.")
    page.keyboard.press("2")
    expect(live_region(page)).to_have_text("Marked as known.")
    page.keyboard.press("1")
    expect(live_region(page)).to_have_text("Answer revealed, not marked yet.")


def test_next_to_review_offers_the_overdue_question_then_the_most_asked_one_never_graded(recorded_context, server, questions, syllabus_banks):
    context, _ = recorded_context
    overdue, read = QUESTION, "fundamentals/hyperparameter-tuning.md"  # read only: not on the review list
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    seed_records(context, server, {overdue: {"grades": [{"grade": "missed", "at": three_days_ago}]}, read: {"seen": three_days_ago}})
    page = context.new_page()
    open_page(page, "fundamentals/what-is-mlops.md")
    page.get_by_role("button", name="Next to review").click()
    page.wait_for_url("**/" + page_url(overdue))
    wait_for_study_tools(page, overdue)
    # Nothing else is due: the most-asked question never graded, the unread before the read.
    fresh = [q for q in questions if q.path != overdue]
    after = next(i for i, q in enumerate(questions) if q.path == overdue)
    most_asked = max(fresh, key=lambda q: (syllabus_banks[q.path], q.path != read, -((questions.index(q) - after) % len(questions))))
    page.get_by_role("button", name="Next to review").click()
    page.wait_for_url("**/" + page_url(most_asked.path))


def test_random_question_goes_to_the_one_question_not_yet_seen(recorded_context, server, questions):
    context, _ = recorded_context
    unseen = "ethics/bias.md"
    seed_marks(context, server, {question.path: "known" for question in questions if question.path != unseen})
    page = context.new_page()
    open_page(page, QUESTION)
    page.get_by_role("button", name="Random question").click()
    page.wait_for_url("**/" + page_url(unseen))


def test_a_mark_given_in_one_tab_shows_in_the_other_tabs_without_a_reload(recorded_context):
    context, _ = recorded_context
    question, twin, progress = context.new_page(), context.new_page(), context.new_page()
    open_page(question, QUESTION)
    open_page(twin, QUESTION)
    open_page(progress, "progress.md")
    known_in_progress = progress.locator("article .study-progress tr[data-section='all'] td[data-count='known']")
    expect(known_in_progress).to_have_text("0")

    mark_button(question, "I knew it").click()
    expect(mark_button(twin, "I knew it")).to_have_attribute("aria-pressed", "true")
    expect(known_in_progress).to_have_text("1")

    mark_button(twin, "Review again").click()
    expect(mark_button(question, "Review again")).to_have_attribute("aria-pressed", "true")
    expect(mark_button(question, "I knew it")).to_have_attribute("aria-pressed", "false")
    expect(known_in_progress).to_have_text("0")
    expect(progress.locator("article .study-progress__review li")).to_have_count(1)


def test_when_the_browser_refuses_storage_the_progress_page_says_marks_are_not_kept(recorded_context):
    context, _ = recorded_context
    # The browser refuses the study tools' key (as a blocked or full storage does); Material's keys still work.
    context.add_init_script(
        "for (const name of ['getItem', 'setItem', 'removeItem']) {"
        "  const original = Storage.prototype[name];"
        "  Storage.prototype[name] = function (key, ...rest) {"
        f"    if (key === {STORAGE_KEY!r}) throw new DOMException('The operation is insecure.', 'SecurityError');"
        "    return original.call(this, key, ...rest);"
        "  };"
        "}"
    )
    page = context.new_page()
    open_page(page, QUESTION)
    mark_button(page, "I knew it").click()
    expect(page.locator("article .study-judge__status")).to_have_text("Not marked yet.")
    expect(mark_button(page, "I knew it")).to_have_attribute("aria-pressed", "false")

    open_page(page, "progress.md")
    expect(page.locator("article .study-progress__warning")).to_have_text(
        "This browser does not let the guide store data, so marks are not kept."
    )
    expect(page.locator("article .study-progress__summary")).to_contain_text("You know 0 of")
