"""Rules across pages for the syllabus: each id a page names exists, and no two pages answer the same id."""

from __future__ import annotations

from pathlib import Path

from guide_catalog import SECTIONS
from syllabus_data import SYLLABUS_FILE, SyllabusError, load_syllabus

from .page_rules import SourcePage
from .problems import Problem

SHOWN_FILE = SYLLABUS_FILE.as_posix()


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
    return problems
