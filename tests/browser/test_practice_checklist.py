"""The key-point checklist on a question page (issue 25): nothing of it loads with the page; after the
first reveal, the short answer's bold terms are boxes to tick ("Did you say ...?"), the ticks give the
grade (all: Knew it, some: Partly, none: Missed) and a button saves it. On a phone, in both palettes,
with axe finding nothing."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import open_context, open_page, stored_marks

QUESTION = "fundamentals/feature-store.md"
CHECKLIST_FILES = ("question-checklist.js", "checklist-panel.js", "checklist.js", "practice.css", "answers.json")


def loaded(recorder, names=CHECKLIST_FILES) -> list[str]:
    return [line for line in recorder.requests if any(line.split("?")[0].endswith("/" + name) for name in names)]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_checklist_loads_after_the_reveal_and_its_ticks_give_the_grade(browser, server, study_tools_ready, palette):
    context, recorder = open_context(browser, server, color_scheme=palette, **viewports.PHONE)
    page = context.new_page()
    open_page(page, QUESTION)
    page.wait_for_load_state("networkidle")
    assert loaded(recorder) == [], "the checklist's code is not on the first load"
    bold = page.locator("article details.answer h2#short-answer").evaluate(
        """heading => {
            const found = []
            for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling)
                found.push(...[...node.querySelectorAll("strong")].map(strong => strong.textContent))
            return found
        }"""
    )
    assert len(bold) >= 2

    page.locator("article details.answer > summary").click()
    legend = page.locator(".key-points legend")
    expect(legend).to_have_text(f"Did you say: {', '.join(bold)}?")
    assert loaded(recorder, ("question-checklist.js",)), "the checklist's code loads with the reveal"
    assert loaded(recorder, ("answers.json",)) == [], "the checklist reads the page itself"
    boxes = page.locator(".key-points input[type=checkbox]")
    expect(boxes).to_have_count(len(bold))
    save = page.locator(".key-points__save")
    expect(save).to_have_text("Save the grade: Missed")
    boxes.nth(1).check()
    expect(save).to_have_text("Save the grade: Partly")
    save.click()
    expect(page.locator(".key-points__saved")).to_have_text("Saved: Partly. It schedules the question's next review.")
    assert [item["grade"] for item in stored_marks(page)["records"][QUESTION]["grades"]] == ["partly"]
    for index in range(len(bold)):
        boxes.nth(index).check()
    expect(save).to_have_text("Save the grade: Knew it")
    save.click()
    assert [item["grade"] for item in stored_marks(page)["records"][QUESTION]["grades"]] == ["partly", "knew"]
    expect(page.locator(".study-judge [data-mark=known]")).to_have_attribute("aria-pressed", "true")

    results = Axe().run(page, context=".key-points-panel")
    assert results.violations_count == 0, results.generate_report()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the question page is {width} px wide with the checklist"
    page.locator("article details.answer > summary").click()
    page.locator("article details.answer > summary").click()
    expect(page.locator(".key-points")).to_have_count(1)
    context.close()
    recorder.check()
