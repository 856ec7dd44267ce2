"""A section page's questions, by sub-topic, filtered by difficulty and tag without a reload.

The filter is driven with the keyboard only, as a reader without a mouse would, and the filtered
page passes axe. Hiding questions never renumbers the others (each keeps its number in the guide).
The controls show the state the list is in after a reload, Back and Forward too (issue 23: after
Back, the filter showed "llm" while the list showed all 36 questions).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .browser_support import open_page, page_url, wait_for_study_tools

SECTION = "fundamentals"  # the section that declares sub-topics


def visible_titles(page) -> list[str]:
    return page.locator("article ol.question-list > li:visible .question-list__title > a").all_inner_texts()


def visible_numbers(page) -> list[str]:
    return [item.get_attribute("value") for item in page.locator("article ol.question-list > li:visible").all()]


def visible_groups(page) -> list[str]:
    return [heading.get_attribute("id") for heading in page.locator("article h2.question-group:visible").all()]


@pytest.fixture
def section(questions):
    """(guide number, question) of the section's questions."""
    return [(number, question) for number, question in enumerate(questions, start=1) if question.section == SECTION]


def test_filter_by_difficulty_then_tag_with_the_keyboard_only(page, section):
    open_page(page, f"{SECTION}/index.md")
    page.evaluate("window.loadedOnce = true")
    assert visible_titles(page) == [question.title for _, question in section]
    difficulty = page.locator("form.question-filter select[name=difficulty]")
    expect(difficulty).to_be_visible()
    difficulty.focus()
    page.keyboard.press("ArrowDown")  # "any" -> the first difficulty the section has
    chosen = difficulty.input_value()
    expected = [(number, question) for number, question in section if question.difficulty == chosen]
    assert chosen and 0 < len(expected) < len(section)
    assert visible_titles(page) == [question.title for _, question in expected]
    assert visible_numbers(page) == [str(number) for number, _ in expected], "the filter renumbered the questions"
    assert visible_groups(page) == list(dict.fromkeys(question.subtopic for _, question in expected))
    status = page.locator("form.question-filter [role=status]")
    expect(status).to_have_text(f"{len(expected)} of {len(section)} questions: difficulty {chosen}")

    page.keyboard.press("Tab")  # from the difficulty to the tag
    tag = page.locator("form.question-filter select[name=tag]")
    expect(tag).to_be_focused()
    tags = [value for value in tag.locator("option").evaluate_all("options => options.map(o => o.value)") if value]
    wanted = next(value for value in tags if any(value in question.tags for _, question in expected))
    for _ in range(tags.index(wanted) + 1):
        page.keyboard.press("ArrowDown")
    assert tag.input_value() == wanted
    both = [question.title for _, question in expected if wanted in question.tags]
    assert visible_titles(page) == both
    expect(status).to_contain_text(f"{len(both)} of {len(section)} questions")

    page.keyboard.press("Tab")  # to "Show all"
    expect(page.locator("form.question-filter button[type=reset]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"All {len(section)} questions")
    assert visible_titles(page) == [question.title for _, question in section]
    assert page.evaluate("window.loadedOnce === true"), "the filter reloaded the page"


def test_a_filter_that_matches_nothing_says_so_and_hides_every_group(page, section):
    open_page(page, f"{SECTION}/index.md")
    form = page.locator("form.question-filter")
    tags = form.locator("select[name=tag] option").evaluate_all("options => options.map(o => o.value)")
    difficulties = form.locator("select[name=difficulty] option").evaluate_all("options => options.map(o => o.value)")
    pair = next(
        (difficulty, tag)
        for difficulty in difficulties[1:]
        for tag in tags[1:]
        if not any(q.difficulty == difficulty and tag in q.tags for _, q in section)
    )
    form.locator("select[name=difficulty]").select_option(pair[0])
    form.locator("select[name=tag]").select_option(pair[1])
    expect(form.locator("[role=status]")).to_have_text(f"No question matches difficulty {pair[0]}, tag {pair[1]}")
    assert visible_titles(page) == [] and visible_groups(page) == []


def test_the_filtered_section_page_passes_axe(page, section):
    open_page(page, f"{SECTION}/index.md")
    page.locator("form.question-filter select[name=difficulty]").select_option(section[0][1].difficulty)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_filter_is_hidden_and_every_question_listed(page_without_js, section):
    page_without_js.goto(f"{SECTION}/")
    expect(page_without_js.locator("form.question-filter")).to_be_hidden()
    assert visible_titles(page_without_js) == [question.title for _, question in section]


def test_the_controls_show_the_lists_state_after_back_forward_and_a_reload(page, section):
    open_page(page, f"{SECTION}/index.md")
    form = page.locator("form.question-filter")
    tag, status = form.locator("select[name=tag]"), form.locator("[role=status]")
    form.locator("select[name=order]").select_option("asked")
    tag.select_option("llm")
    llm = [question for _, question in section if "llm" in question.tags]
    assert 0 < len(llm) < len(section)
    shown = visible_titles(page)
    assert sorted(shown) == sorted(question.title for question in llm)
    expect(status).to_have_text(f"{len(llm)} of {len(section)} questions: tag llm, most asked first")
    assert page.url.endswith("?order=asked&tag=llm")

    def same_state():
        expect(tag).to_have_value("llm")
        expect(form.locator("select[name=order]")).to_have_value("asked")
        expect(status).to_have_text(f"{len(llm)} of {len(section)} questions: tag llm, most asked first")
        assert visible_titles(page) == shown

    page.locator("article ol.question-list > li:visible .question-list__title > a").first.click()
    first = next(question for _, question in section if question.title == shown[0])
    page.wait_for_url("**/" + page_url(first.path))
    wait_for_study_tools(page, first.path)
    page.go_back()
    wait_for_study_tools(page, f"{SECTION}/index.md")
    same_state()
    page.go_forward()
    wait_for_study_tools(page, first.path)
    page.go_back()
    wait_for_study_tools(page, f"{SECTION}/index.md")
    same_state()
    page.reload()
    wait_for_study_tools(page, f"{SECTION}/index.md")
    same_state()

    form.locator("button[type=reset]").click()
    expect(status).to_have_text(f"All {len(section)} questions")
    assert page.url.endswith(f"/{SECTION}/")
    page.locator("article ol.question-list > li:visible .question-list__title > a").first.click()
    page.wait_for_url("**/" + page_url(section[0][1].path))
    page.go_back()
    wait_for_study_tools(page, f"{SECTION}/index.md")
    expect(tag).to_have_value("")
    expect(status).to_have_text(f"All {len(section)} questions")
    assert visible_titles(page) == [question.title for _, question in section]
