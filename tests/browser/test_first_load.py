"""A question page's first load does not fetch the guide's data (issue 12: the first load stays
small at 1,000 questions). The page says where it stands ("Question N of M") and which question
comes next from its own HTML; questions.json is fetched only when a tool needs the whole guide.
"""

from __future__ import annotations

from urllib.parse import urljoin

from playwright.sync_api import expect

from .browser_support import open_page, page_url, wait_for_study_tools

GUIDE_DATA = "assets/study/questions.json"


def test_a_question_page_shows_its_place_and_the_next_question_without_the_guide_data(page, server, questions):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    number = 2
    question, following = questions[number - 1], questions[number]
    open_page(page, question.path)
    expect(page.locator(".study-bar__position")).to_have_text(f"Question {number} of {len(questions)}")
    onward = page.locator(".study-judge__onward")
    expect(onward).to_have_text(f"Next question: {following.title}")
    assert onward.locator("a").evaluate("a => a.href") == urljoin(server, page_url(following.path))
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if GUIDE_DATA in url] == [], "a question page's first load fetched the guide's data"

    page.locator("button.study-random").click()  # a tool that needs the whole guide loads it
    page.wait_for_url(lambda url: url != urljoin(server, page_url(question.path)))
    assert len([url for url in requested if GUIDE_DATA in url]) == 1


def test_the_last_question_leads_to_the_progress_page(page, server, questions):
    last = questions[-1]
    open_page(page, last.path)
    wait_for_study_tools(page, last.path)
    expect(page.locator(".study-bar__position")).to_have_text(f"Question {len(questions)} of {len(questions)}")
    onward = page.locator(".study-judge__onward")
    expect(onward).to_have_text("That was the last question: see your progress")
    assert onward.locator("a").evaluate("a => a.href") == urljoin(server, page_url("progress.md"))
