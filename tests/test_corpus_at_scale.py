"""The guide at 200 questions: a generated corpus (scripts/make_corpus.py) goes through the checker,
the build and the downloads, and keeps its structure (counts and structure asserted, never times).
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from export_all import ALL_DOWNLOADS, CARDS_CSV, DOWNLOADS_DIR, GUIDE, make_exports, section_guide
from export_documents import GuideInfo, build_date
from guide_catalog import SECTIONS, declared_subtopics, load_catalog
from make_corpus import SUBTOPIC_SIZE, make_corpus
from selectolax.lexbor import LexborHTMLParser
from sitecheck.site_rules import built_html_path

SIZE = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(SIZE, tmp_path_factory.mktemp("corpus") / "project")


@pytest.fixture(scope="module")
def checked(corpus, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """The checker on the corpus, keeping the site it built."""
    site = tmp_path_factory.mktemp("corpus-site")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_site.py"), "--root", str(corpus), "--site-dir", str(site)],
        capture_output=True, text=True,
    )
    return result, site


@pytest.fixture(scope="module")
def catalog(corpus):
    return load_catalog(corpus / "docs")


def pdf_destinations(path: Path) -> set[str]:
    output = subprocess.run(["pdfinfo", "-dests", str(path)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r'"([^"]+)"$', output, re.MULTILINE))


def test_the_corpus_has_every_question_each_under_a_declared_sub_topic_of_bounded_size(corpus, catalog):
    assert len(catalog) == SIZE
    for section in SECTIONS:
        members = [question for question in catalog if question.section == section]
        declared = [subtopic.id for subtopic in declared_subtopics(corpus / "docs", section)]
        if len(members) > SUBTOPIC_SIZE:
            assert declared, f"{section}: {len(members)} questions and no sub-topics"
        for subtopic in declared:
            count = sum(question.subtopic == subtopic for question in members)
            assert 1 <= count <= SUBTOPIC_SIZE, f"{section}/{subtopic}: {count} questions"


def test_the_checker_passes_the_corpus(checked):
    result, _ = checked
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.strip().endswith("no problems")


def test_the_built_corpus_lists_every_question_on_its_section_page_by_sub_topic(checked, catalog, corpus):
    _, site = checked
    for section in SECTIONS:
        page = LexborHTMLParser((site / section / "index.html").read_text(encoding="utf-8"))
        members = [question for question in catalog if question.section == section]
        items = page.css("article ol.question-list > li")
        assert [item.css_first("a").text(strip=True) for item in items] == [question.title for question in members]
        assert [item.attributes["value"] for item in items] == [str(catalog.index(question) + 1) for question in members]
        declared = [subtopic.id for subtopic in declared_subtopics(corpus / "docs", section)]
        assert [heading.attributes["id"] for heading in page.css("article h2.question-group")] == declared


def test_a_corpus_question_page_sidebar_holds_its_sub_topic_not_the_guide(checked, catalog):
    _, site = checked
    question = catalog[-1]
    page = LexborHTMLParser((site / built_html_path(question.path)).read_text(encoding="utf-8"))
    titles = {link.text(strip=True) for link in page.css("nav.md-nav--primary a.md-nav__link")}
    listed = [other for other in catalog if other.title in titles]
    assert question in listed
    assert all(other.section == question.section and other.subtopic == question.subtopic for other in listed)
    assert len(listed) <= SUBTOPIC_SIZE


def test_the_corpus_downloads_hold_every_question(checked, catalog, tmp_path):
    _, site = checked
    info = GuideInfo(title="MLOps Interview Guide", site_url="https://example.org/", built=build_date())
    run = make_exports(site, catalog, info)
    assert run.problems == []
    made = {result.download.filename for result in run.results}
    assert made == {download.filename for download in ALL_DOWNLOADS}
    anchors = {f"q-{question.section}-{question.slug}" for question in catalog}
    assert anchors <= pdf_destinations(site / DOWNLOADS_DIR / GUIDE.filename)
    for section in SECTIONS:
        own = {f"q-{question.section}-{question.slug}" for question in catalog if question.section == section}
        held = pdf_destinations(site / DOWNLOADS_DIR / section_guide(section).filename) & anchors
        assert held == own, f"{section}: the section's guide holds {len(held)} questions, not its {len(own)}"
    with (site / DOWNLOADS_DIR / CARDS_CSV.filename).open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    questions = [row for row in rows if not row["follow_up_to"]]  # the other rows are follow-ups, each after its question
    assert [row["number"] for row in questions] == [str(number) for number in range(1, SIZE + 1)]
    assert len({row["id"] for row in rows}) == len(rows), "two cards share an id"
