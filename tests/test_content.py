"""Content: every question of the seed article is on the site, with its facts, in our own words.

The seed article is not stored in the repository: tests/data holds its questions and a fingerprint
of its sentences (scripts/seed_fingerprint.py makes both), so these tests run on any machine.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from seed_fingerprint import SHINGLE_WORDS, hash_words, words
from site_rules_helpers import normalized_question

DATA = Path(__file__).resolve().parent / "data"
FACTS = yaml.safe_load((DATA / "seed_facts.yml").read_text(encoding="utf-8"))
SEED_QUESTIONS = (DATA / "seed_questions.txt").read_text(encoding="utf-8").splitlines()
SEED_SHINGLES = set((DATA / "seed_shingles.txt").read_text(encoding="utf-8").split())


def test_every_question_of_the_seed_article_has_its_page(questions):
    assert len(SEED_QUESTIONS) == 22, SEED_QUESTIONS
    titles = {normalized_question(question.title) for question in questions}
    missing = [question for question in SEED_QUESTIONS if normalized_question(question) not in titles]
    assert not missing, f"seed questions without a page: {missing}"


def test_every_page_carries_the_facts_of_its_seed_answer(built, questions):
    # The 22 seed pages (the guide has grown past them; the pages added since carry no seed facts).
    assert len(FACTS) == 22, sorted(FACTS)
    by_path = {question.path: question for question in questions}
    assert set(FACTS) <= set(by_path), f"seed pages gone from the guide: {sorted(set(FACTS) - set(by_path))}"
    lost = []
    for question in (by_path[path] for path in FACTS):
        text = built.page(question.path).css_first("article details.answer").text().lower()
        for term in FACTS[question.path]:
            if not any(option.lower() in text for option in term.split("|")):
                lost.append(f"{question.path}: '{term}'")
    assert not lost, "facts of the seed article missing from the answers:\n" + "\n".join(lost)


def test_no_sentence_of_the_seed_article_is_copied(built, questions):
    """No run of 12 consecutive words of the article's answers appears in an answer (its questions are our titles)."""
    copied = []
    for question in questions:
        tokens = words(built.page(question.path).css_first("article details.answer").text())
        for i in range(len(tokens) - SHINGLE_WORDS + 1):
            if hash_words(tokens[i : i + SHINGLE_WORDS]) in SEED_SHINGLES:
                copied.append(f"{question.path}: '{' '.join(tokens[i : i + SHINGLE_WORDS])}'")
                break
    assert not copied, "copied from the seed article:\n" + "\n".join(copied)
