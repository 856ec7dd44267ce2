"""Print what you need (issue 25): the reader chooses sections, sub-topics, difficulty, their review
list, what is due now or the most asked, sees the chosen questions and about how many pages they take,
and prints them with the browser. Printed by Chromium's page.pdf() (no displayHeaderFooter) with the
dark palette chosen, read back with pdftotext: the chosen questions and their answers are in, the others
are not, each starts on a new page, the page numbers come from the print stylesheet's margin boxes, and
the figures print in the light palette. axe finds nothing on the page, in both palettes."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import STORAGE_KEY, open_context, page_url

PRINT = "print.md"
MISSED = "2026-11-20T09:00:00.000Z"  # long overdue
DUE_LATER = "2099-01-01T09:00:00.000Z"  # graded in the future: learning, not due


def review_list(questions) -> dict:
    """Marks: two questions due now (missed long ago), one learning (partly, not due), one known."""
    fundamentals = [question for question in questions if question.section == "fundamentals"]
    deployment = [question for question in questions if question.section == "deployment"]
    with_figure = next(question for question in questions if question.path == "monitoring/model-drift.md")
    return {
        "due": [with_figure.path, deployment[3].path],
        "learning": [fundamentals[2].path],
        "known": [fundamentals[0].path],
    }


def printing_page(browser, server, questions, palette="dark", **options):
    marks = review_list(questions)
    records = {path: {"grades": [{"grade": "missed", "at": MISSED}]} for path in marks["due"]}
    records |= {path: {"grades": [{"grade": "partly", "at": DUE_LATER}]} for path in marks["learning"]}
    records |= {path: {"grades": [{"grade": "knew", "at": DUE_LATER}]} for path in marks["known"]}
    context, recorder = open_context(browser, server, color_scheme=palette, **options)
    stored = json.dumps({"version": 2, "records": records})
    context.add_init_script(
        f"if (location.origin === {server.rstrip('/')!r}) {{"
        f" if (!localStorage.getItem({STORAGE_KEY!r})) localStorage.setItem({STORAGE_KEY!r}, {stored!r});"
        " window.print = () => { window.printed = (window.printed || 0) + 1 } }"  # the dialog itself is the browser's
    )
    page = context.new_page()
    page.goto(page_url(PRINT))
    expect(page.locator(".print-summary")).to_contain_text("question")
    return context, recorder, page, marks


def listed(page) -> list[str]:
    return page.locator(".print-list li").all_inner_texts()


def pdf_pages(page, tmp_path) -> list[str]:
    target = tmp_path / "printed.pdf"
    page.pdf(path=str(target))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", part).strip() for part in text.split("\f") if part.strip()]


def test_my_review_list_prints_with_its_answers_and_nothing_else(browser, server, questions, study_tools_ready, tmp_path):
    context, recorder, page, marks = printing_page(browser, server, questions)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    by_path = {question.path: question for question in questions}
    number = {question.path: index for index, question in enumerate(questions, start=1)}
    expect(page.locator(".print-list li")).to_have_count(len(questions))
    page.get_by_label("Only my review list").check()
    chosen = [path for path in by_path if path in marks["due"] + marks["learning"]]
    expect(page.locator(".print-list li")).to_have_count(len(chosen))
    assert listed(page) == [by_path[path].title for path in chosen]
    estimate = int(re.search(r"about (\d+) pages?", page.locator(".print-summary").inner_text()).group(1))
    page.get_by_role("button", name="Print these questions").click()
    page.wait_for_function("window.printed === 1")
    expect(page.locator(".print-status")).to_contain_text("Ready: 3 questions")

    pages = pdf_pages(page, tmp_path)
    whole = " ".join(pages)
    for path in chosen:
        heading = f"{number[path]}. {by_path[path].title}"
        starts = [index for index, text in enumerate(pages) if text.startswith(heading)]
        assert starts, f"{heading!r} does not start a page: " + " | ".join(text[:60] for text in pages)
    for path, question in by_path.items():
        if path not in chosen:
            assert f"{number[path]}. {question.title}" not in whole, f"{path} was printed but not chosen"
    assert "Short answer" in whole and "In depth" in whole and "References" in whole, "the answers print whole, open"
    assert "Reveal the answer" not in whole, "the answers' summaries are not printed"
    for index, text in enumerate(pages, start=1):
        assert text.endswith(f"Page {index} of {len(pages)}"), f"page {index} has no number from the margin boxes: ...{text[-80:]}"
    assert "127.0.0.1" not in whole, "no browser header or footer"
    assert "Print what you need" not in whole and "Which questions" not in whole, "the page's own content is not printed"
    page.emulate_media(media="print")
    light = page.locator('.print-sheet img[src*="#only-light"]')
    assert light.count() >= 1, "model drift's figure is in the print copy"
    assert light.first.evaluate("image => getComputedStyle(image).display") != "none", "the light figure prints"
    assert page.locator('.print-sheet img[src*="#only-dark"]').count() == 0, "the dark figure is not in the print copy"
    assert page.locator(".print-sheet").evaluate("sheet => getComputedStyle(sheet).backgroundColor") == "rgb(255, 255, 255)"
    assert page.locator(".md-header").evaluate("header => getComputedStyle(header).display") == "none", "no site chrome in print"
    assert abs(estimate - len(pages)) <= max(2, len(pages) // 3), f"the estimate ({estimate}) is far from the {len(pages)} pages printed"
    context.close()
    recorder.check()


def test_sections_sub_topics_difficulty_due_now_and_most_asked_choose_the_list(browser, server, questions, syllabus_banks, study_tools_ready):
    context, recorder, page, marks = printing_page(browser, server, questions, palette="light", **viewports.PHONE)
    titles = lambda paths: [question.title for question in questions if question.path in paths]  # noqa: E731
    for section in ["Fundamentals", "Monitoring", "Ethics", "Tips"]:
        page.get_by_label(section, exact=True).uncheck()
    deployment = [question for question in questions if question.section == "deployment"]
    assert listed(page) == titles({question.path for question in deployment})
    page.get_by_label("Rollout and experiments", exact=True).uncheck()
    expected = [question for question in deployment if question.subtopic != "rollout-and-experiments"]
    assert expected and len(expected) < len(deployment)
    assert listed(page) == titles({question.path for question in expected})
    page.get_by_label("Foundational", exact=True).uncheck()
    expected = [question for question in expected if question.difficulty != "foundational"]
    assert listed(page) == titles({question.path for question in expected})
    page.get_by_label("Only the most asked (by 5 or more public question banks)").check()
    most = [question for question in expected if syllabus_banks[question.path] >= 5]
    assert listed(page) == titles({question.path for question in most})
    for section in ["Fundamentals", "Monitoring", "Ethics", "Tips"]:
        page.get_by_label(section, exact=True).check()
    page.get_by_label("Only the most asked (by 5 or more public question banks)").uncheck()
    page.get_by_label("Foundational", exact=True).check()
    page.get_by_label("Rollout and experiments", exact=True).check()
    page.get_by_label("Only what is due for review now").check()
    assert listed(page) == titles(set(marks["due"]))
    expect(page.locator(".print-summary")).to_have_text(re.compile(r"^2 questions, about \d+ pages printed\.$"))
    for level in ["Foundational", "Intermediate", "Advanced"]:
        page.get_by_label(level, exact=True).uncheck()
    expect(page.locator(".print-summary")).to_have_text("No question matches these choices.")
    expect(page.get_by_role("button", name="Print these questions")).to_be_disabled()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the print page is {width} px wide on a 390 px phone"
    context.close()
    recorder.check()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_print_page_has_no_accessibility_violation(browser, server, questions, study_tools_ready, palette):
    context, recorder, page, _ = printing_page(browser, server, questions, palette=palette)
    results = Axe().run(page, context="article")
    assert results.violations_count == 0, results.generate_report()
    page.get_by_label("Ethics", exact=True).focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("Ethics", exact=True)).not_to_be_checked()
    context.close()
    recorder.check()
