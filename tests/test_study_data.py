"""What overrides/hooks/study_data.py adds to the built site for the study tools and search."""

from __future__ import annotations

import json

from guide_catalog import SECTION_TITLES, SECTIONS


def test_questions_json_lists_every_question_in_guide_order_with_a_working_url(site_dir, questions, syllabus_banks):
    data = json.loads((site_dir / "assets" / "study" / "questions.json").read_text(encoding="utf-8"))
    assert [entry["id"] for entry in data["questions"]] == [question.path for question in questions]
    for number, (entry, question) in enumerate(zip(data["questions"], questions, strict=True), start=1):
        assert entry["number"] == number and entry["title"] == question.title and entry["section"] == question.section
        assert (site_dir / entry["url"] / "index.html").is_file(), entry
    assert [(section["id"], section["title"]) for section in data["sections"]] == [(s, SECTION_TITLES[s]) for s in SECTIONS]
    assert (site_dir / data["progress"] / "index.html").is_file()
    # How often each is asked, and of how many banks: "Next to review" and "Study next" rank by it.
    assert [entry["banks"] for entry in data["questions"]] == [syllabus_banks[question.path] for question in questions]
    assert data["banks_total"] == 12


def test_question_page_answer_carries_the_anchor_and_the_id_marks_are_stored_under(built, questions):
    for question in questions:
        answer = built.page(question.path).css_first("article details.answer")
        assert answer.attributes.get("id") == "answer", question.path
        assert answer.attributes.get("data-question") == question.path


def test_section_page_holds_each_short_answer_collapsed_under_its_question(built, questions):
    for section in SECTIONS:
        items = built.page(f"{section}/index.md").css("article ol > li")
        in_section = [question for question in questions if question.section == section]
        for item, question in zip(items, in_section, strict=True):
            block = item.css_first("details.answer--short")
            assert block is not None, f"{section}: no short answer under '{question.title}'"
            assert "open" not in block.attributes
            assert block.attributes["data-question"] == question.path
            # What the answer covers is folded with it, not shown in the row.
            assert block.css_first("p.question-list__about").text() == question.description, question.path
            assert [child.tag for child in item.iter() if child.tag == "p"] == [], "the description shows in the row"
            short_answer = built.page(question.path).css_first("#short-answer").next.next.text().strip()
            assert short_answer[:80] in block.text(), question.path
            full = block.css("a")[-1].attributes["href"]
            assert full.endswith("#in-depth") and (built.site_dir / section / full.split("#")[0] / "index.html").is_file()


def test_a_section_pages_short_answers_leave_the_other_phrasings_to_the_question_pages(built, questions):
    for section in SECTIONS:
        section_page = built.page(f"{section}/index.md")
        assert section_page.css("article details.answer--short"), section
        assert section_page.css("article details.answer--short .question-alt") == [], f"{section}: other phrasings on the section page"
    with_phrasings = [question for question in questions if question.alt_titles]
    assert with_phrasings
    for question in with_phrasings:
        assert built.page(question.path).css_first("article details.answer .question-alt") is not None, question.path
