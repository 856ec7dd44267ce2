"""The "What changed" page: every content change as news, a part per day newest first, made from
overrides/data/changes.yml: new questions, then updated answers, each linked by its page's title,
with no internal id (a syllabus id) anywhere."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from changes import CHANGES_FILE, Change, changes_news, read_changes

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


def days_shown(built) -> dict[str, dict[str, list[str]]]:
    """Per day (its part's id, YYYY-MM-DD): the pages linked under it, by the part's group heading."""
    article = built.html("changes/index.html").css_first("article")
    shown: dict[str, dict[str, list[str]]] = {}
    day = group = None
    for node in article.traverse():
        if node.tag == "h2" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.attributes.get("id") or ""):
            day = node.attributes["id"]
            shown[day] = {}
        elif node.tag == "strong" and day and node.parent.tag == "p":
            group = node.text()
            shown[day][group] = []
        elif node.tag == "a" and day and group and node.parent.tag == "li":
            shown[day][group].append(node.attributes["href"])
    return shown


def href_of(path: str) -> str:
    return "../" + path.removesuffix(".md") + "/"


def test_what_changed_reads_as_news_a_part_per_day_newest_first_every_change_linked_to_its_page(built, questions):
    recorded, problems = read_changes(ROOT / CHANGES_FILE, {question.path for question in questions})
    assert not problems and recorded
    shown = days_shown(built)
    assert list(shown) == sorted({change.day.isoformat() for change in recorded}, reverse=True), "not a part per day, newest first"
    for day, groups in shown.items():
        assert list(groups) and all(re.fullmatch(r"\d+ (new questions?|updated answers?)", group) for group in groups), groups
        expected = [href_of(change.page) for change in recorded if change.day.isoformat() == day]
        linked = [href for hrefs in groups.values() for href in hrefs]
        assert sorted(set(linked)) == sorted(set(expected)), day
        updated = next((hrefs for group, hrefs in groups.items() if "updated" in group), [])
        assert len(updated) == len(set(updated)), f"{day}: a page updated twice is listed twice"
        for group, hrefs in groups.items():
            assert group.startswith(f"{len(set(hrefs))} "), f"{day}: '{group}' for {len(set(hrefs))} pages"
    titles = {question.title for question in questions}
    links = built.html("changes/index.html").css("article li a")
    assert links and all(link.text() in titles for link in links), "a link not named by its page's title"


def test_what_changed_names_no_internal_id(built):
    text = built.html("changes/index.html").css_first("article").text()
    assert not re.search(r"\b[FDMET]\d{2}\b", text), re.search(r".{40}\b[FDMET]\d{2}\b.{10}", text)


def test_what_changed_holds_the_corrections_of_the_december_2026_review(built, questions):
    shown = days_shown(built)["2026-12-01"]
    linked = {href for hrefs in shown.values() for href in hrefs}
    assert {href_of(path) for path in REVIEW_CORRECTIONS} <= linked


def test_the_home_page_links_to_what_changed(built):
    links = [link.attributes.get("href") for link in built.html("index.html").css("article a")]
    assert "changes/" in links


def test_a_bad_entry_is_reported_with_its_line(tmp_path):
    file = tmp_path / "changes.yml"
    file.write_text(
        "changes:\n"
        "  - {date: 2026-11-30, page: deployment/ci-cd.md, change: Fine.}\n"
        "  - {date: someday, page: deployment/ci-cd.md, change: Bad date.}\n"
        "  - {date: 2999-01-01, page: nowhere.md, change: ''}\n"
        "  - {date: 2026-11-30, page: deployment/ci-cd.md, change: New question (syllabus D22).}\n",
        encoding="utf-8",
    )
    changes, problems = read_changes(file, {"deployment/ci-cd.md"})
    assert [change.line for change in changes] == [2]
    assert problems == [
        (3, "date 'someday' is not a date: write YYYY-MM-DD"),
        (4, "date 2999-01-01 is in the future"),
        (4, "page 'nowhere.md' is not a question page of the guide (a path relative to docs/)"),
        (4, "change must say in one line what changed"),
        (5, "change names an internal id ('syllabus D22'): say it in words a reader knows"),
    ]


def test_the_news_groups_a_day_into_new_questions_and_updated_answers_in_the_file_order():
    titles = {"a.md": "A?", "b.md": "B?", "c.md": "C?", "d.md": "D?"}
    changes = [
        Change(date(2026, 11, 1), "a.md", "old", 2),
        Change(date(2026, 12, 1), "b.md", "New question: what B covers.", 3),
        Change(date(2026, 12, 1), "c.md", "New question, reviewed against its sources.", 4),
        Change(date(2026, 12, 1), "a.md", "First fix.", 5),
        Change(date(2026, 12, 1), "d.md", "New question, reviewed against its sources.", 6),
        Change(date(2026, 12, 1), "a.md", "second fix.", 7),
    ]
    assert changes_news(changes, titles).split("\n") == [
        "## 1 December 2026 { #2026-12-01 }",
        "",
        "**3 new questions**",
        "",
        "- [B?](b.md): What B covers.",
        "- Reviewed against its sources.",
        "    - [C?](c.md)",
        "    - [D?](d.md)",
        "",
        "**1 updated answer**",
        "",
        "- [A?](a.md): First fix. Second fix.",
        "",
        "## 1 November 2026 { #2026-11-01 }",
        "",
        "**1 updated answer**",
        "",
        "- [A?](a.md): Old",
    ]
