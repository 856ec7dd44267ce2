"""The syllabus mapping and what readers see of it: how often a question is asked, and when its page was reviewed.

Reads only the project's own copy, overrides/data/syllabus.yml (never ../shared).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from guide_catalog import SECTIONS, Question
from syllabus_data import Syllabus, format_review_date, load_syllabus

ROOT = Path(__file__).resolve().parent.parent
SYLLABUS = load_syllabus(ROOT)


def normalized(text: str) -> str:
    return " ".join(text.casefold().split())


def owners(questions: list[Question]) -> dict[str, list[str]]:
    """Syllabus id -> the pages that name it."""
    found: dict[str, list[str]] = {}
    for question in questions:
        for item in question.syllabus:
            found.setdefault(item, []).append(question.path)
    return found


def unanswered(syllabus: Syllabus, questions: list[Question], sections: list[str]) -> list[str]:
    """Ids of the given sections that no page names."""
    answered = owners(questions)
    return [item for item, entry in syllabus.questions.items() if entry.section in sections and item not in answered]


def test_every_syllabus_id_maps_to_at_most_one_page(questions):
    shared = {item: paths for item, paths in owners(questions).items() if len(paths) > 1}
    assert not shared, f"ids answered by more than one page: {shared}"


def test_every_id_a_page_names_is_in_the_syllabus(questions):
    unknown = {item: paths for item, paths in owners(questions).items() if item not in SYLLABUS.questions}
    assert not unknown, f"ids not in overrides/data/syllabus.yml: {unknown}"


def test_a_mapped_page_carries_the_syllabus_wording_in_its_title_or_alt_titles(questions):
    missing = []
    for question in questions:
        phrasings = {normalized(text) for text in [question.title, *question.alt_titles]}
        for item in question.syllabus:
            wording = SYLLABUS.questions[item].question
            if normalized(wording) not in phrasings:
                missing.append(f"{question.path}: {item} '{wording}'")
    assert not missing, "add the syllabus wording to alt_titles:\n" + "\n".join(missing)


def test_sections_declared_complete_are_sections():
    assert set(SYLLABUS.complete_sections) <= set(SECTIONS), SYLLABUS.complete_sections


def test_every_id_of_a_section_declared_complete_has_a_page(questions):
    assert not unanswered(SYLLABUS, questions, SYLLABUS.complete_sections)


def test_the_completeness_rule_finds_an_id_whose_page_is_missing(questions):
    without_ab_testing = [question for question in questions if question.path != "deployment/ab-testing.md"]
    assert "D01" not in unanswered(SYLLABUS, questions, ["deployment"])
    assert "D01" in unanswered(SYLLABUS, without_ab_testing, ["deployment"])


@pytest.mark.parametrize(
    ("banks", "label"),
    [(8, "Very common"), (6, "Very common"), (5, "Common"), (3, "Common"), (2, "Less common"), (1, "Less common")],
)
def test_bands_of_how_often_a_question_is_asked(banks, label):
    item = next(item for item, entry in SYLLABUS.questions.items() if entry.banks == banks)
    frequency = SYLLABUS.frequency([item])
    assert frequency.text == f"{label}: asked in {banks} of 12 public question banks"


def test_a_page_answering_several_ids_shows_the_most_asked_one():
    assert SYLLABUS.questions["M01"].banks == 7 and SYLLABUS.questions["M06"].banks == 4
    assert SYLLABUS.frequency(["M06", "M01"]).text == "Very common: asked in 7 of 12 public question banks"


def test_every_question_page_shows_how_often_it_is_asked(built, questions):
    for question in questions:
        shown = built.page(question.path).css_first("article .question-meta .frequency")
        assert shown is not None, f"{question.path}: no frequency under the title"
        if question.syllabus:
            banks = max(SYLLABUS.questions[item].banks for item in question.syllabus)
            assert f"asked in {banks} of 12 public question banks" in shown.text(), question.path
        else:
            assert shown.text() == "Groundwork: not asked in this form by the 12 surveyed public question banks; MLOps answers build on it"
    drift = built.page("monitoring/model-drift.md").css_first("article .question-meta .frequency").text()
    assert drift == "Very common: asked in 7 of 12 public question banks"


def test_section_pages_mark_how_often_each_question_is_asked(built, questions):
    for section in SECTIONS:
        members = [question for question in questions if question.section == section]
        marks = [item.css_first(".frequency") for item in built.html(f"{section}/index.html").css("article ol.question-list > li")]
        assert len(marks) == len(members) and all(marks), section
        for mark, question in zip(marks, members, strict=True):
            assert mark.text() == SYLLABUS.frequency(question.syllabus).short, question.path
        banks = [item.attributes["data-banks"] for item in built.html(f"{section}/index.html").css("article ol.question-list > li")]
        assert banks == [str(SYLLABUS.frequency(question.syllabus).banks) for question in members], section
    retraining = built.html("deployment/index.html").css_first('article ol.question-list > li[data-question="deployment/model-retraining.md"]')
    assert retraining.css_first(".question-list__title > a").attributes["href"] == "model-retraining/"
    assert retraining.css_first(".frequency").text() == "Very common (7 of 12 banks)"
    assert retraining.attributes["data-asked"] == "very-common"


def test_every_question_page_shows_its_review_date_and_gives_it_to_search_engines(built, questions):
    for question in questions:
        page = built.page(question.path)
        time = page.css_first("article .question-meta .reviewed time")
        assert time is not None, f"{question.path}: no review date under the title"
        assert time.attributes["datetime"] == question.reviewed, question.path
        assert page.css_first("article .question-meta .reviewed").text() == f"Reviewed {format_review_date(question.reviewed)}"
        (script,) = page.css('script[type="application/ld+json"]')
        data = json.loads(script.text())
        assert data["dateModified"] == data["lastReviewed"] == question.reviewed, question.path
    drift = built.page("monitoring/model-drift.md").css_first("article .question-meta .reviewed").text()
    assert drift == "Reviewed 1 December 2026"
