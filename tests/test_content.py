"""Content: every question of the seed article is on the site, with its facts, in our own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from site_rules_helpers import normalized_question

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "mlops-interview-questions-article.txt"
FACTS = yaml.safe_load((ROOT / "tests" / "data" / "seed_facts.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.fail(f"the seed article is missing: {SEED} (CI lays ../shared/ beside the clone)")
    return SEED.read_text(encoding="utf-8")


def seed_questions(text: str) -> list[str]:
    """The article's questions: lines that end with '?' and stand alone (two intro, then numbered ones)."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.endswith("?") and len(line) < 160 and not line.startswith(("Are you", "•")):
            found.append(re.sub(r"^\d+\.\s*", "", line))
    return found


def test_every_question_of_the_seed_article_has_its_page(seed_text, questions):
    asked = seed_questions(seed_text)
    assert len(asked) == 22, asked
    titles = {normalized_question(question.title) for question in questions}
    missing = [question for question in asked if normalized_question(question) not in titles]
    assert not missing, f"seed questions without a page: {missing}"


def test_every_page_carries_the_facts_of_its_seed_answer(built, questions):
    assert sorted(FACTS) == sorted(question.path for question in questions)
    lost = []
    for question in questions:
        text = built.page(question.path).css_first("article details.answer").text().lower()
        for term in FACTS[question.path]:
            if not any(option.lower() in text for option in term.split("|")):
                lost.append(f"{question.path}: '{term}'")
    assert not lost, "facts of the seed article missing from the answers:\n" + "\n".join(lost)


def test_no_sentence_of_the_seed_article_is_copied(seed_text, built, questions):
    """No run of 12 consecutive words of the article's answers appears in an answer (its questions are our titles)."""
    asked = set(seed_questions(seed_text))
    prose = "\n".join(line for line in seed_text.splitlines() if re.sub(r"^\d+\.\s*", "", line.strip()) not in asked)
    words = re.findall(r"[a-z0-9']+", prose.lower())
    shingles = {" ".join(words[i : i + 12]) for i in range(len(words) - 11)}
    copied = []
    for question in questions:
        answer = re.findall(r"[a-z0-9']+", built.page(question.path).css_first("article details.answer").text().lower())
        for i in range(len(answer) - 11):
            if " ".join(answer[i : i + 12]) in shingles:
                copied.append(f"{question.path}: '{' '.join(answer[i : i + 12])}'")
                break
    assert not copied, "copied from the seed article:\n" + "\n".join(copied)
