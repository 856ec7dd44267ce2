"""The guide's structure rules: sub-topics declared by a section's index.md and named by its pages.

A section's `index.md` may declare its sub-topics, in reading order:

    subtopics:
      - id: data-and-features
        title: Data and features

Then every question page of that section names one of them (`subtopic: data-and-features`), and
every declared sub-topic holds at least one page. A section that declares none stays flat, and its
pages name none. Shared by the nav hook (`guide_nav.py`, which warns, so a strict build stops) and
the checker (`scripts/check_site.py`), so both report the same problems at the same lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from guide_catalog import (
    SECTIONS,
    FrontMatterError,
    declared_subtopics,
    section_question_paths,
    split_front_matter,
)

SUBTOPIC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SUBTOPIC_KEYS = ("id", "title")


class StructureProblem(NamedTuple):
    path: str  # relative to docs/
    line: int
    message: str


def check_structure(docs_dir: Path) -> list[StructureProblem]:
    problems: list[StructureProblem] = []
    for section in SECTIONS:
        problems += check_section(docs_dir, section)
    return problems


def check_section(docs_dir: Path, section: str) -> list[StructureProblem]:
    index_path = f"{section}/index.md"
    index_text = _read(docs_dir / index_path)
    problems = check_declaration(index_path, index_text) if index_text is not None else []
    declared = declared_subtopics(docs_dir, section)
    ids = [subtopic.id for subtopic in declared]
    used: set[str] = set()
    for path in section_question_paths(docs_dir, section):
        text = _read(docs_dir / path)
        meta = _meta(text)
        if meta is None:
            continue  # unreadable front matter: reported by the page rules
        value = meta.get("subtopic")
        line = line_of_key(text, "subtopic") or line_of_key(text, "difficulty") or 1
        if value is None:
            if ids:
                message = f"no 'subtopic': {index_path} declares sub-topics, so the page must name one of: {', '.join(ids)}"
                problems.append(StructureProblem(path, line, message))
        elif not isinstance(value, str) or not value.strip():
            problems.append(StructureProblem(path, line, "'subtopic' must be a sub-topic id, such as 'data-and-features'"))
        elif not ids:
            problems.append(StructureProblem(path, line, f"subtopic '{value}', but {index_path} declares no sub-topics: remove the key or declare it there"))
        elif value not in ids:
            problems.append(StructureProblem(path, line, f"unknown sub-topic '{value}': {index_path} declares {', '.join(ids)}"))
        else:
            used.add(value)
    if index_text is not None:
        for subtopic in declared:
            if subtopic.id not in used:
                line = line_of_value(index_text, subtopic.id) or line_of_key(index_text, "subtopics") or 1
                message = f"sub-topic '{subtopic.id}' is declared but no page of {section}/ names it (subtopic: {subtopic.id})"
                problems.append(StructureProblem(index_path, line, message))
    return problems


def check_declaration(index_path: str, text: str) -> list[StructureProblem]:
    """The `subtopics:` list itself: a list of {id, title}, ids kebab-case and unique."""
    meta = _meta(text)
    if meta is None or "subtopics" not in meta:
        return []
    entries = meta["subtopics"]
    key_line = line_of_key(text, "subtopics") or 1
    if not isinstance(entries, list) or not entries:
        return [StructureProblem(index_path, key_line, "'subtopics' must be a list of sub-topics, each with an 'id' and a 'title'")]
    problems = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"sub-topic {number}"
        if not isinstance(entry, dict):
            problems.append(StructureProblem(index_path, key_line, f"{where} must be a mapping with an 'id' and a 'title'"))
            continue
        subtopic_id = entry.get("id")
        line = (line_of_value(text, subtopic_id) if isinstance(subtopic_id, str) else None) or key_line
        unknown = sorted(str(key) for key in entry if key not in SUBTOPIC_KEYS)
        if unknown:
            problems.append(StructureProblem(index_path, line, f"{where} has unknown key(s) {', '.join(unknown)} (allowed: id, title)"))
        if not isinstance(subtopic_id, str) or not SUBTOPIC_ID.match(subtopic_id):
            problems.append(StructureProblem(index_path, line, f"{where} needs an 'id' in kebab-case, such as 'data-and-features'"))
        elif subtopic_id in seen:
            problems.append(StructureProblem(index_path, line, f"sub-topic '{subtopic_id}' is declared twice"))
        seen.add(subtopic_id if isinstance(subtopic_id, str) else "")
        if not isinstance(entry.get("title"), str) or not entry["title"].strip():
            problems.append(StructureProblem(index_path, line, f"{where} needs a 'title', the heading readers see"))
    return problems


def line_of_key(text: str | None, key: str) -> int | None:
    """The line of a top-level front matter key, within the front matter."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(_front_matter_lines(text), start=2):
        if pattern.match(line):
            return number
    return None


def line_of_value(text: str | None, value: str) -> int | None:
    """The first front matter line that holds `value` as a whole word (for a declared sub-topic id)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")
    for number, line in enumerate(_front_matter_lines(text), start=2):
        if pattern.search(line):
            return number
    return None


def _front_matter_lines(text: str | None) -> list[str]:
    lines = (text or "").splitlines()
    if not lines or lines[0].rstrip() != "---":
        return []
    block = []
    for line in lines[1:]:
        if line.rstrip() == "---":
            break
        block.append(line)
    return block


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _meta(text: str | None) -> dict | None:
    if text is None:
        return None
    try:
        meta, _, _ = split_front_matter(text)
    except FrontMatterError:
        return None
    return meta
