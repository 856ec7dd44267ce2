"""Question search: each question of tests/search_questions.yml, in the words an interviewer or a
public question bank uses, typed into the site's real search box, puts the page that answers it among
the first three results, and most of them first. The list measures search, not the copy of the
syllabus wording in the pages' other phrasings: an entry equal to a page's title or alt_titles is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from .browser_support import page_url, search

QUESTIONS_FILE = Path(__file__).resolve().parent.parent / "search_questions.yml"
MIN_QUESTIONS = 120
TOP = 3
FIRST_SHARE = 0.7  # at least this share of the questions find their page at rank 1


def normalized(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


QUESTIONS = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))


def test_the_question_list_is_long_enough_covers_every_section_and_copies_no_title(questions):
    assert isinstance(QUESTIONS, list) and len(QUESTIONS) >= MIN_QUESTIONS, (
        f"{QUESTIONS_FILE.name} holds {len(QUESTIONS or [])} questions; at least {MIN_QUESTIONS} are required"
    )
    by_path = {question.path: question for question in questions}
    titles = {normalized(title): question.path for question in questions for title in [question.title, *question.alt_titles]}
    problems = []
    for entry in QUESTIONS:
        if not (isinstance(entry, dict) and set(entry) == {"query", "page"}):
            problems.append(f"bad entry {entry!r}")
            continue
        if entry["page"] not in by_path:
            problems.append(f"'{entry['page']}' (for '{entry['query']}') is not a question page")
        if normalized(entry["query"]) in titles:
            problems.append(f"'{entry['query']}' is the title or an alt_title of {titles[normalized(entry['query'])]}: word it as a reader would")
    typed = [normalized(entry["query"]) for entry in QUESTIONS if isinstance(entry, dict) and "query" in entry]
    problems += [f"'{query}' is listed twice" for query in sorted({q for q in typed if typed.count(q) > 1})]
    sections = {question.path.split("/")[0] for question in questions}
    covered = {str(entry.get("page", "")).split("/")[0] for entry in QUESTIONS if isinstance(entry, dict)}
    problems += [f"no question for the section '{section}'" for section in sorted(sections - covered)]
    assert not problems, f"{QUESTIONS_FILE.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("entry", QUESTIONS, ids=[entry["query"] for entry in QUESTIONS])
def test_question_finds_the_page_that_answers_it(results_of, entry):
    results = results_of(entry["query"])
    expected = "/" + page_url(entry["page"])
    assert expected in results[:TOP], f"searching '{entry['query']}' should list {expected} among the first {TOP}; got {results[:TOP + 2]}"


def test_most_questions_find_their_page_first(results_of):
    second_best = [
        f"'{entry['query']}': {results_of(entry['query'])[:TOP]}"
        for entry in QUESTIONS
        if results_of(entry["query"])[:1] != ["/" + page_url(entry["page"])]
    ]
    first = len(QUESTIONS) - len(second_best)
    assert first >= FIRST_SHARE * len(QUESTIONS), (
        f"{first} of {len(QUESTIONS)} questions find their page first; at least {FIRST_SHARE:.0%} must. Not first:\n" + "\n".join(second_best)
    )


def test_a_partial_match_says_which_words_no_page_of_it_holds(search_page):
    search(search_page, "describe the significance of experiment tracking in mlops.")
    first = search_page.locator(".md-search-result__list > li.md-search-result__item").first
    expect(first.locator(".md-search-result__terms").first).to_contain_text("significance")


def test_a_snippet_is_answer_text_not_the_other_phrasings(search_page):
    search(search_page, "model registry")
    first = search_page.locator(".md-search-result__list > li.md-search-result__item").first
    # The page heads its group; the section shown with its text comes next (Material's markup).
    shown = first.locator("article").nth(1)
    teaser = shown.inner_text().removeprefix(shown.locator("h2, h3").first.inner_text()).strip()
    assert teaser, "the first result shows no text"
    assert "Also asked as" not in teaser and "What replaced MLflow model stages" not in teaser, f"the snippet is the page's other phrasings: {teaser!r}"
