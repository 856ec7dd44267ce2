"""The self-test in a real browser: marks kept in localStorage across reloads, the progress page's
counts and reset, "Random question", "Next to review", section statuses and keyboard shortcuts."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .browser_support import STORAGE_KEY, open_page, page_url, stored_mark, stored_marks, wait_for_stored_status, wait_for_study_tools

QUESTION = "monitoring/model-drift.md"


def mark_button(page, label):
    return page.locator("article .study-judge").get_by_role("button", name=label)


def test_marks_are_kept_in_this_browser_and_survive_a_reload(page):
    open_page(page, QUESTION)
    known = mark_button(page, "I knew it")
    expect(known).to_have_attribute("aria-pressed", "false")
    known.click()
    expect(known).to_have_attribute("aria-pressed", "true")
    expect(page.locator("article .study-judge__status")).to_have_text("Marked as known.")

    page.reload()
    wait_for_study_tools(page, QUESTION)
    expect(mark_button(page, "I knew it")).to_have_attribute("aria-pressed", "true")
    expect(mark_button(page, "Review again")).to_have_attribute("aria-pressed", "false")
    data = stored_marks(page)
    assert data["version"] == 2, data
    assert [grade["grade"] for grade in data["records"][QUESTION]["grades"]] == ["knew"], data


def test_review_again_replaces_a_mark_and_a_second_press_takes_it_back_to_the_mark_before(page):
    open_page(page, QUESTION)
    known, review = mark_button(page, "I knew it"), mark_button(page, "Review again")
    known.click()
    review.click()
    expect(review).to_have_attribute("aria-pressed", "true")
    expect(known).to_have_attribute("aria-pressed", "false")
    review.click()  # pressed again: taken back, the grade before ("I knew it") comes back
    expect(review).to_have_attribute("aria-pressed", "false")
    expect(known).to_have_attribute("aria-pressed", "true")
    known.click()  # and that one taken back too: read, not graded
    expect(known).to_have_attribute("aria-pressed", "false")
    expect(page.locator("article .study-judge__status")).to_have_text("Answer revealed, not marked yet.")
    assert stored_mark(page, QUESTION) == "seen"


def test_revealing_an_answer_records_it_as_seen_and_marking_sends_nothing(page, recorder):
    open_page(page, QUESTION)
    assert stored_marks(page) == {}
    page.locator("article details.answer > summary").click()
    # The reveal loads the key-point checklist's code (issue 25); marking itself requests nothing.
    expect(page.locator("article .key-points")).to_be_visible()
    page.wait_for_load_state("networkidle")
    before = len(recorder.requests)
    page.keyboard.press("1")
    expect(mark_button(page, "I knew it")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("2")
    expect(mark_button(page, "Partly")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("3")
    expect(mark_button(page, "Review again")).to_have_attribute("aria-pressed", "true")
    assert stored_mark(page, QUESTION) == "review"
    assert recorder.requests[before:] == [], "marking a question made requests"


def test_damaged_or_older_data_is_ignored_instead_of_breaking_the_page(page):
    page.add_init_script(f"if (location.protocol === 'http:') localStorage.setItem({STORAGE_KEY!r}, '{{not json')")
    open_page(page, QUESTION)
    expect(page.locator("article .study-judge__status")).to_have_text("Not marked yet.")
    mark_button(page, "I knew it").click()
    assert stored_mark(page, QUESTION) == "known"


def section_row(page, section_id):
    return page.locator(f"article .study-progress tr[data-section='{section_id}']")


def counts_in(row):
    return [row.locator(f"td[data-count='{key}']").inner_text() for key in ("known", "review", "ungraded", "total")]


def test_progress_page_counts_known_to_review_and_not_graded_per_section(page, questions):
    marks = {
        "fundamentals/what-is-mlops.md": "I knew it",
        "fundamentals/mlops-vs-devops.md": "I knew it",
        "monitoring/model-drift.md": "Review again",
    }
    for path, label in marks.items():
        open_page(page, path)
        mark_button(page, label).click()
        expect(mark_button(page, label)).to_have_attribute("aria-pressed", "true")
    open_page(page, "ethics/bias.md")
    page.keyboard.press("r")  # read, not graded: not on the review list
    wait_for_stored_status(page, "ethics/bias.md", "seen")

    open_page(page, "progress.md")
    per_section = {section: sum(q.section == section for q in questions) for section in ("fundamentals", "monitoring", "ethics", "tips")}
    expected = {
        "fundamentals": ["2", "0", str(per_section["fundamentals"] - 2), str(per_section["fundamentals"])],
        "monitoring": ["0", "1", str(per_section["monitoring"] - 1), str(per_section["monitoring"])],
        "ethics": ["0", "0", str(per_section["ethics"]), str(per_section["ethics"])],
        "tips": ["0", "0", str(per_section["tips"]), str(per_section["tips"])],
        "all": ["2", "1", str(len(questions) - 3), str(len(questions))],
    }
    for section_id, counts in expected.items():
        expect(section_row(page, section_id)).to_be_visible()
        assert counts_in(section_row(page, section_id)) == counts, section_id
    expect(page.locator("article .study-progress__summary")).to_have_text(
        f"You know 2 of {len(questions)} questions: 1 to review, {len(questions) - 3} not graded yet (1 of them read)."
    )
    review_list = page.locator("article .study-progress__review li")
    expect(review_list).to_have_count(1)
    titles = {question.path: question.title for question in questions}
    expect(review_list.nth(0)).to_contain_text(titles["monitoring/model-drift.md"])

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(section_row(page, "all").locator("td[data-count='ungraded']")).to_have_text(str(len(questions)))
    assert counts_in(section_row(page, "all")) == ["0", "0", str(len(questions)), str(len(questions))]
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None
    expect(page.get_by_role("status").filter(has_text="Progress reset")).to_be_attached()


def test_reset_asks_first_and_keeps_the_marks_when_cancelled(page):
    open_page(page, QUESTION)
    mark_button(page, "I knew it").click()
    open_page(page, "progress.md")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Reset progress").click()
    expect(section_row(page, "all").locator("td[data-count='known']")).to_have_text("1")
    assert stored_mark(page, QUESTION) == "known"


def test_next_to_review_starts_with_the_most_asked_question_and_random_goes_to_another_one(page, questions, syllabus_banks):
    # A fresh start is no dead end: the most-asked question comes first (the first of them in guide order).
    most_asked = max(questions, key=lambda question: (syllabus_banks[question.path], -questions.index(question)))
    open_page(page, "ethics/bias.md")
    page.get_by_role("button", name="Next to review").click()
    page.wait_for_url("**/" + page_url(most_asked.path))

    open_page(page, QUESTION)
    page.get_by_role("button", name="Random question").click()
    question_urls = {"/" + page_url(question.path) for question in questions} - {"/" + page_url(QUESTION)}
    page.wait_for_url(lambda url: re.sub(r"^https?://[^/]+", "", url.split("#")[0]) in question_urls)


def test_section_page_shows_the_status_of_each_question(page):
    open_page(page, QUESTION)
    mark_button(page, "I knew it").click()
    open_page(page, "monitoring/production-monitoring.md")
    mark_button(page, "Review again").click()
    open_page(page, "monitoring/index.md")
    def item(name: str):
        return page.locator(f'article ol > li[data-question="monitoring/{name}.md"]')

    expect(item("model-drift").locator(".study-status")).to_have_text("Known")
    expect(item("production-monitoring").locator(".study-status")).to_have_text("To review")
    expect(item("evaluation-metrics").locator(".study-status")).to_have_count(0)


def test_section_page_shows_a_revealed_but_ungraded_question_as_read_not_to_review(page):
    """The third state of a chip: an answer opened and never graded ("seen") is read, and only a grade
    puts a question on the review list (storage.js, tally; the progress page counts it as not graded)."""
    open_page(page, QUESTION)
    page.locator("article details.answer > summary").click()
    wait_for_stored_status(page, QUESTION, "seen")
    expect(mark_button(page, "I knew it")).to_have_attribute("aria-pressed", "false")
    expect(mark_button(page, "Review again")).to_have_attribute("aria-pressed", "false")

    open_page(page, "monitoring/index.md")
    chip = page.locator('article ol > li[data-question="monitoring/model-drift.md"] .study-status')
    expect(chip).to_have_count(1)
    expect(chip).to_be_visible()
    expect(chip).to_have_text("Read")
    expect(chip).to_have_class("study-status study-status--seen")
    assert stored_mark(page, QUESTION) == "seen"


def test_j_and_k_go_to_the_next_and_previous_question_and_question_mark_lists_the_shortcuts(page, questions):
    current = next(question for question in questions if question.path == QUESTION)
    following = questions[questions.index(current) + 1]
    open_page(page, QUESTION)
    page.keyboard.press("j")
    page.wait_for_url("**/" + page_url(following.path))
    wait_for_study_tools(page, following.path)
    page.keyboard.press("k")
    page.wait_for_url("**/" + page_url(QUESTION))
    wait_for_study_tools(page, QUESTION)

    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    for key, action in [("r", "Reveal or hide"), ("j", "Next question"), ("k", "Previous question"), ("?", "Show these shortcuts")]:
        expect(dialog.locator("tr", has=page.locator("kbd", has_text=re.compile(f"^{re.escape(key)}$")))).to_contain_text(action)
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("j")  # shortcuts wait while the dialog is open
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.url.endswith(page_url(QUESTION))

    page.get_by_role("button", name="Shortcuts").click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Shortcuts")).to_be_focused()

    page.keyboard.press("/")
    page.keyboard.type("jk")
    expect(page.locator("input.md-search__input")).to_have_value("jk")
    assert page.url.endswith(page_url(QUESTION)), "typing in the search box moved to another question"
