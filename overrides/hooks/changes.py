"""Build hook: the "What changed" page (docs/changes.md), made from overrides/data/changes.yml.

Every change to what a question page says is one entry (date, page, one line). The page reads as news:
one part per day, newest first; in it the new questions, then the updated answers, each linked to its
page by the page's current title (entries keep their order in the file). New questions that say the
same thing are listed under that sentence once; an updated page's changes of the day are one item.
A bad entry (not a date, a date in the future, a page that is not a question page, no text, an internal
id such as a syllabus id) stops the build with `overrides/data/changes.yml:LINE: message`, every
problem at once.
"""

from __future__ import annotations

import re
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
# What readers never see: the syllabus's ids (overrides/data/syllabus.yml), with or without "syllabus".
INTERNAL_ID = re.compile(r"\b(?:syllabus\s+)?[FDMET]\d{2}\b")
# An entry about a new question starts so; the rest says what the question covers.
NEW_QUESTION = re.compile(r"^New question\b[:,]?\s*", re.IGNORECASE)

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
    _table[:] = [changes_news(changes, titles)]


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
        elif INTERNAL_ID.search(change):
            problems.append((line, f"change names an internal id ('{INTERNAL_ID.search(change).group(0)}'): say it in words a reader knows"))
        if not problems or problems[-1][0] != line:
            changes.append(Change(day, page, change.strip(), line))
    return changes, problems


def changes_news(changes: list[Change], titles: dict[str, str]) -> str:
    """Markdown: a part per day, newest first; in it the new questions, then the updated answers."""
    if not changes:
        return "No changes recorded yet."
    days = sorted({change.day for change in changes}, reverse=True)
    parts = []
    for day in days:
        of_day = [change for change in changes if change.day == day]
        new = [change for change in of_day if NEW_QUESTION.match(change.text)]
        updated = [change for change in of_day if not NEW_QUESTION.match(change.text)]
        parts.append(f"## {format_review_date(day)} {{ #{day.isoformat()} }}")
        if new:
            parts.append(f"**{_count(len(new), 'new question')}**\n\n" + "\n".join(_new_questions(new, titles)))
        if updated:
            parts.append(f"**{_count(len({change.page for change in updated}), 'updated answer')}**\n\n" + "\n".join(_updated(updated, titles)))
    return "\n\n".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _link(page: str, titles: dict[str, str]) -> str:
    title = str(escape(titles[page])).replace("[", "\\[").replace("]", "\\]")
    return f"[{title}]({page})"


def _sentence(text: str) -> str:
    text = str(escape(text.strip()))
    return text[:1].upper() + text[1:] if text else ""


def _new_questions(changes: list[Change], titles: dict[str, str]) -> list[str]:
    """One item per new question; those that say the same thing are listed once under it."""
    said: dict[str, list[str]] = {}
    for change in changes:
        said.setdefault(_sentence(NEW_QUESTION.sub("", change.text)), []).append(change.page)
    lines = []
    for text, pages in said.items():
        if len(pages) == 1:
            lines.append(f"- {_link(pages[0], titles)}" + (f": {text}" if text else ""))
        else:
            lines.append(f"- {text or 'New questions'}\n" + "\n".join(f"    - {_link(page, titles)}" for page in pages))
    return lines


def _updated(changes: list[Change], titles: dict[str, str]) -> list[str]:
    """One item per page, its changes of the day in the file's order."""
    by_page: dict[str, list[str]] = {}
    for change in changes:
        by_page.setdefault(change.page, []).append(_sentence(change.text))
    return [f"- {_link(page, titles)}: " + " ".join(texts) for page, texts in by_page.items()]
