"""Rules between the pages and the data about them: the tool landscape (overrides/data/landscape.yml) and
the list of changes (overrides/data/changes.yml). See CONTRIBUTING.md, "The tool landscape".

- A question page that names a tool whose change was announced after the page's review fails, at the first
  line naming the tool: the page must be reviewed again. A change that takes effect later counts from its
  announcement; one announced on the review day counts as reviewed; one known only by its month (or year)
  counts from the month's (year's) last day.
- A page that uses a retired name of a renamed tool and never gives the current name fails, naming both.
- A question page's `reviewed:` day needs an entry for that page on that day in changes.yml.
- A bad landscape.yml entry is reported at its line, every problem at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from changes import CHANGES_FILE, read_changes
from landscape_data import LANDSCAPE_FILE, Landscape, first_line, load_landscape, readable_lines

from .page_rules import SourcePage
from .problems import Problem

SHOWN_FILE = LANDSCAPE_FILE.as_posix()


def check_landscape(pages: dict[str, SourcePage], root: Path) -> list[Problem]:
    landscape, problems = load_landscape(root)
    found = [Problem(SHOWN_FILE, line, message) for line, message in problems]
    for _, page in sorted(pages.items()):
        if page.is_question and not page.unreadable:
            text = (root / page.shown_path).read_text(encoding="utf-8")
            found += changes_after_review(page, text, landscape) + retired_names(page, text, landscape)
    return found


def reviewed_day(page: SourcePage) -> date | None:
    """The page's review day, when it is a real date (check_reviewed reports it otherwise)."""
    value = page.meta.get("reviewed")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def changes_after_review(page: SourcePage, text: str, landscape: Landscape) -> list[Problem]:
    reviewed = reviewed_day(page)
    if reviewed is None:
        return []
    lines = readable_lines(text)
    problems = []
    for tool in landscape.changed:
        later = [change for change in tool.changes if change.after(reviewed)]
        hit = first_line(lines, tool.pattern()) if later else None
        if hit is None:
            continue
        for change in later:
            problems.append(page.problem(
                hit[0],
                f"names {tool.name}, whose {change.noun} was announced {change.announced.iso} after this page's review "
                f"({reviewed.isoformat()}): review the page",
            ))
    return problems


def retired_names(page: SourcePage, text: str, landscape: Landscape) -> list[Problem]:
    lines = readable_lines(text)
    problems = []
    for tool in landscape.changed:
        for change in tool.changes:
            if change.kind != "rename":
                continue
            retired = first_line(lines, tool.pattern(change.retired))
            if retired is None or first_line(lines, tool.pattern((change.current,))) is not None:
                continue
            problems.append(page.problem(
                retired[0],
                f"uses the retired name '{retired[1]}' and never gives the current name '{change.current}': "
                f"say '{change.current}' (renamed {change.announced.iso})",
            ))
    return problems


def check_review_entries(pages: dict[str, SourcePage], root: Path) -> list[Problem]:
    """Moving `reviewed:` needs a "What changed" entry for the page dated the same day."""
    questions = {page.docs_path for page in pages.values() if page.is_question}
    changes, _ = read_changes(root / CHANGES_FILE, questions)  # a bad entry stops the build, which reports it
    recorded = {(change.page, change.day) for change in changes}
    problems = []
    for _, page in sorted(pages.items()):
        reviewed = reviewed_day(page) if page.is_question and not page.unreadable else None
        if reviewed is not None and (page.docs_path, reviewed) not in recorded:
            problems.append(page.problem(
                page.key_line("reviewed"),
                f"reviewed {reviewed.isoformat()} has no entry for this page on that day in {CHANGES_FILE.as_posix()}: "
                "add one line saying what the review changed",
            ))
    return problems
