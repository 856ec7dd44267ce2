"""Build hook: the "What changed" page (docs/changes.md), made from overrides/data/changes.yml.

Every change to what a question page says is one entry (date, page, one line). The page lists them
newest first (entries of the same day keep their order in the file), each linked to its page by the
page's current title. A bad entry (not a date, a date in the future, a page that is not a question
page, no text) stops the build with `overrides/data/changes.yml:LINE: message`, every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml
from guide_catalog import SECTIONS, load_catalog, section_question_paths
from markupsafe import escape
from mkdocs.exceptions import PluginError
from syllabus_data import format_review_date

CHANGES_FILE = Path("overrides") / "data" / "changes.yml"  # relative to the project root
CHANGES_PAGE = "changes.md"
MARKER = "<!-- content-changes -->"

_table: list[str] = []


@dataclass(frozen=True)
class Change:
    day: date
    page: str  # relative to docs/
    text: str
    line: int  # in changes.yml


def on_files(files, *, config):
    docs_dir = Path(config.docs_dir)
    # A page whose front matter is broken is still a page here (the checker reports the front matter);
    # it is shown by its path until it has a title again.
    titles = {path: path for section in SECTIONS for path in section_question_paths(docs_dir, section)}
    titles.update((question.path, question.title) for question in load_catalog(docs_dir))
    changes, problems = read_changes(Path(config.config_file_path).parent / CHANGES_FILE, set(titles))
    if problems:
        raise PluginError("\n".join(f"{CHANGES_FILE.as_posix()}:{line}: {message}" for line, message in problems))
    _table[:] = [changes_table(changes, titles)]


def on_page_markdown(markdown, *, page, config, files):
    if page.file.src_uri == CHANGES_PAGE:
        return markdown.replace(MARKER, _table[0] if _table else "")
    return None


def read_changes(path: Path, question_paths: set[str]) -> tuple[list[Change], list[tuple[int, str]]]:
    """The entries of changes.yml, and (line, message) for every entry that is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as error:
        return [], [(1, f"cannot read the list of changes: {error.strerror}")]
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        return [], [(mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}")]
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        return [], [(1, "the file needs a 'changes:' list")]
    nodes = next(value for key, value in root.value if key.value == "changes").value
    changes, problems = [], []
    today = datetime.now(UTC).date()
    for node, entry in zip(nodes, data["changes"], strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            problems.append((line, "an entry needs 'date', 'page' and 'change'"))
            continue
        day, page, change = entry.get("date"), entry.get("page"), entry.get("change")
        if not isinstance(day, date) or isinstance(day, datetime):
            problems.append((line, f"date '{day}' is not a date: write YYYY-MM-DD"))
        elif day > today:
            problems.append((line, f"date {day.isoformat()} is in the future"))
        if page not in question_paths:
            problems.append((line, f"page '{page}' is not a question page of the guide (a path relative to docs/)"))
        if not isinstance(change, str) or not change.strip():
            problems.append((line, "change must say in one line what changed"))
        elif "\n" in change.strip():
            problems.append((line, "change must be one line"))
        if not problems or problems[-1][0] != line:
            changes.append(Change(day, page, change.strip(), line))
    return changes, problems


def changes_table(changes: list[Change], titles: dict[str, str]) -> str:
    """A Markdown table, newest first; a stable sort keeps the file's order within one day."""
    if not changes:
        return "No changes recorded yet."
    rows = ["| Date | Page | What changed |", "| --- | --- | --- |"]
    for change in sorted(changes, key=lambda item: item.day, reverse=True):
        when = f'<time datetime="{change.day.isoformat()}">{format_review_date(change.day)}</time>'
        title = str(escape(titles[change.page])).replace("|", "\\|")
        text = str(escape(change.text)).replace("|", "\\|")
        rows.append(f"| {when} | [{title}]({change.page}) | {text} |")
    return "\n".join(rows)
