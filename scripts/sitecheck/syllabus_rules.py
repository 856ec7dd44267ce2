"""Rules across pages for the syllabus: each id a page names exists, no two pages answer the same id, and every
id of a section declared complete (`complete_sections`) keeps a page."""

from __future__ import annotations

import re
from pathlib import Path

from guide_catalog import SECTIONS
from syllabus_data import SYLLABUS_FILE, SyllabusError, load_syllabus

from .page_rules import SourcePage
from .problems import Problem

SHOWN_FILE = SYLLABUS_FILE.as_posix()
ID_ENTRY = re.compile(r"\bid:\s*(?P<id>[FDMET]\d{2})\b")


def check_syllabus_ids(pages: dict[str, SourcePage], root: Path) -> list[Problem]:
    try:
        syllabus = load_syllabus(root)
    except SyllabusError as error:
        return [Problem(SHOWN_FILE, error.line, error.message)]
    problems = [
        Problem(SHOWN_FILE, 1, f"complete_sections names '{section}', which is not one of: {', '.join(SECTIONS)}")
        for section in syllabus.complete_sections
        if section not in SECTIONS
    ]
    owner: dict[str, str] = {}
    questions = [page for _, page in sorted(pages.items()) if page.is_question and not page.unreadable]
    for page in questions:
        ids = page.meta.get("syllabus")
        if not isinstance(ids, list):
            continue
        line = page.key_line("syllabus")
        for item in ids:
            if not isinstance(item, str):
                continue
            if item not in syllabus.questions:
                problems.append(page.problem(line, f"syllabus id '{item}' is not in {SHOWN_FILE}"))
            elif item in owner:
                problems.append(page.problem(line, f"syllabus id '{item}' is already answered by {owner[item]}: each id maps to one page"))
            else:
                owner[item] = page.shown_path
    problems += unanswered_in_complete_sections(syllabus, set(owner), root)
    return problems


def unanswered_in_complete_sections(syllabus, answered: set[str], root: Path) -> list[Problem]:
    """An id of a section declared complete that no page maps any more, at the id's line in the syllabus."""
    lines = id_lines(root)
    return [
        Problem(SHOWN_FILE, lines.get(item, 1), f"syllabus id '{item}' of the complete section '{entry.section}' is answered by no page: \"{entry.question}\"")
        for item, entry in syllabus.questions.items()
        if entry.section in syllabus.complete_sections and item not in answered
    ]


def id_lines(root: Path) -> dict[str, int]:
    """The line of each syllabus id's entry in the file."""
    found = {}
    try:
        text = (root / SYLLABUS_FILE).read_text(encoding="utf-8")
    except OSError:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        if match := ID_ENTRY.search(line):
            found.setdefault(match["id"], number)
    return found
