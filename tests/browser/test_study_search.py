"""Concept search: each query in tests/search_queries.yml, typed into the site's real search box,
puts the question that explains it among the first three results, and most of them first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .browser_support import page_url

QUERIES_FILE = Path(__file__).resolve().parent.parent / "search_queries.yml"
MIN_QUERIES = 25
TOP = 3
FIRST_SHARE = 0.8  # at least this share of the queries find their page at rank 1


def load_queries() -> list[dict]:
    entries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{QUERIES_FILE.name}: expected a list of {{query, page}} entries"
    return entries


QUERIES = load_queries()


def test_the_query_list_is_long_enough_and_names_question_pages(questions):
    assert len(QUERIES) >= MIN_QUERIES, f"{QUERIES_FILE.name} holds {len(QUERIES)} queries; at least {MIN_QUERIES} are required"
    pages = {question.path for question in questions}
    for entry in QUERIES:
        assert isinstance(entry, dict) and set(entry) == {"query", "page"}, f"{QUERIES_FILE.name}: bad entry {entry!r}"
        assert entry["page"] in pages, f"{QUERIES_FILE.name}: '{entry['page']}' (for '{entry['query']}') is not a question page"
    typed = [entry["query"].casefold() for entry in QUERIES]
    assert len(typed) == len(set(typed)), f"{QUERIES_FILE.name}: a query is listed twice"


@pytest.mark.parametrize("entry", QUERIES, ids=[entry["query"] for entry in QUERIES])
def test_concept_query_finds_its_question(results_of, entry):
    results = results_of(entry["query"])
    expected = "/" + page_url(entry["page"])
    assert expected in results[:TOP], (
        f"searching '{entry['query']}' should list {expected} among the first {TOP} results; "
        f"got {results[:TOP + 2]}"
    )


def test_most_concept_queries_find_their_question_first(results_of):
    second_best = []
    for entry in QUERIES:
        results = results_of(entry["query"])
        if results[:1] != ["/" + page_url(entry["page"])]:
            second_best.append(f"'{entry['query']}': {results[:TOP]}")
    first = len(QUERIES) - len(second_best)
    assert first >= FIRST_SHARE * len(QUERIES), (
        f"{first} of {len(QUERIES)} queries find their page first; at least {FIRST_SHARE:.0%} must. Not first:\n"
        + "\n".join(second_best)
    )
