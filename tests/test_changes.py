"""The "What changed" page: every content change newest first, made from overrides/data/changes.yml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from changes import CHANGES_FILE, Change, changes_table, read_changes

ROOT = Path(__file__).resolve().parent.parent
# The corrections of the December 2026 review (issue 13): the list starts with them.
REVIEW_CORRECTIONS = {
    "ethics/explainability.md",
    "fundamentals/why-mlops-matters.md",
    "fundamentals/what-is-mlops.md",
    "monitoring/model-drift.md",
    "monitoring/production-monitoring.md",
    "fundamentals/supervised-vs-unsupervised.md",
    "monitoring/evaluation-metrics.md",
    "deployment/ci-cd.md",
    "tips/common-pitfalls.md",
    "deployment/model-retraining.md",
    "deployment/containerization.md",
    "deployment/data-versioning.md",
    "fundamentals/curse-of-dimensionality.md",
    "fundamentals/missing-and-inconsistent-data.md",
    "tips/tips-for-success.md",
    "deployment/reproducibility.md",
}


def rows(built):
    table = built.html("changes/index.html").css("article table tbody tr")
    return [[cell for cell in row.css("td")] for row in table]


def test_what_changed_lists_every_recorded_change_newest_first_linked_to_its_page(built, questions):
    recorded, problems = read_changes(ROOT / CHANGES_FILE, {question.path for question in questions})
    assert not problems
    shown = rows(built)
    assert len(shown) == len(recorded) > 0
    days = [date.fromisoformat(cells[0].css_first("time").attributes["datetime"]) for cells in shown]
    assert days == sorted(days, reverse=True), "not newest first"
    titles = {question.title: question.path for question in questions}
    for cells in shown:
        link = cells[1].css_first("a")
        assert link.text() in titles, link.text()
        assert link.attributes["href"] == "../" + titles[link.text()].removesuffix(".md") + "/"
        assert cells[2].text().strip(), "a change without text"


def test_what_changed_holds_the_corrections_of_the_december_2026_review(built, questions):
    paths = {question.title: question.path for question in questions}
    reviewed = {paths[cells[1].text()] for cells in rows(built) if cells[0].text() == "1 December 2026"}
    assert reviewed >= REVIEW_CORRECTIONS, REVIEW_CORRECTIONS - reviewed


def test_the_home_page_links_to_what_changed(built):
    links = [link.attributes.get("href") for link in built.html("index.html").css("article a")]
    assert "changes/" in links


def test_a_bad_entry_is_reported_with_its_line(tmp_path):
    file = tmp_path / "changes.yml"
    file.write_text(
        "changes:\n"
        "  - {date: 2026-11-30, page: deployment/ci-cd.md, change: Fine.}\n"
        "  - {date: someday, page: deployment/ci-cd.md, change: Bad date.}\n"
        "  - {date: 2999-01-01, page: nowhere.md, change: ''}\n",
        encoding="utf-8",
    )
    changes, problems = read_changes(file, {"deployment/ci-cd.md"})
    assert [change.line for change in changes] == [2]
    assert problems == [
        (3, "date 'someday' is not a date: write YYYY-MM-DD"),
        (4, "date 2999-01-01 is in the future"),
        (4, "page 'nowhere.md' is not a question page of the guide (a path relative to docs/)"),
        (4, "change must say in one line what changed"),
    ]


def test_the_table_is_newest_first_and_keeps_the_file_order_within_a_day():
    titles = {"a.md": "A?", "b.md": "B?", "c.md": "C?"}
    changes = [
        Change(date(2026, 11, 1), "a.md", "old", 2),
        Change(date(2026, 12, 1), "b.md", "first of the day", 3),
        Change(date(2026, 12, 1), "c.md", "second of the day", 4),
    ]
    lines = changes_table(changes, titles).splitlines()[2:]
    assert [line.split("|")[3].strip() for line in lines] == ["first of the day", "second of the day", "old"]
