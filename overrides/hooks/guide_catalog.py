"""The guide's questions as data: front matter parsing and the catalog in guide order.

Shared by the build hooks, the checker (`scripts/check_site.py`) and the exporters, so that every
one of them reads the pages, and numbers the questions, the same way.

Guide order: the five sections in order; inside a section, its sub-topics in the order its
`index.md` declares them (`subtopics:` in its front matter), a section without sub-topics being one
group; inside a group, foundational questions first, then intermediate, then advanced, each by
title. No list of pages is kept anywhere: adding a page puts it in its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from follow_ups import FollowUp, follow_ups_html  # noqa: F401  (the page model's follow-ups: see follow_ups.py)

SECTIONS = ("fundamentals", "deployment", "monitoring", "ethics", "tips")
SECTION_TITLES = {
    "fundamentals": "Fundamentals",
    "deployment": "Deployment",
    "monitoring": "Monitoring",
    "ethics": "Ethics",
    "tips": "Tips",
}
DIFFICULTIES = ("foundational", "intermediate", "advanced")
ANSWER_HEADINGS = (
    "Short answer",
    "In depth",
    "Example",
    "Follow-up questions",
    "Common mistakes",
    "References",
)
RELATED_HEADING = "Related questions"
SHORT_ANSWER_ID = "short-answer"
# In a rendered page: from the Short answer heading to the next h2 or the end of the answer block.
SHORT_ANSWER_HTML = re.compile(rf'<h2 id="{SHORT_ANSWER_ID}">.*?</h2>\s*(?P<body>.*?)\s*(?=<h2\b|</details>)', re.DOTALL)
ANSWER_OPENER = re.compile(r'^\?\?\?(?P<open>\+?) answer "(?P<label>[^"]+)"\s*$')
FRONT_MATTER_FENCE = "---"


class FrontMatterError(ValueError):
    """Front matter that cannot be read; `line` is 1-based within the file."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Question:
    path: str  # relative to docs/, with forward slashes
    section: str
    title: str
    description: str
    difficulty: str
    tags: list[str] = field(default_factory=list)
    alt_titles: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    reviewed: str = ""  # YYYY-MM-DD of the last review ("" when the page has none)
    syllabus: list[str] = field(default_factory=list)  # ids of overrides/data/syllabus.yml it answers
    subtopic: str = ""  # the id of a sub-topic its section's index.md declares; "" when the section has none

    @property
    def slug(self) -> str:
        return Path(self.path).stem


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Return (meta, body, line number of the body's first line).

    Raises FrontMatterError naming the line when the block is missing,
    unterminated, not valid YAML, or not a mapping.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        raise FrontMatterError(1, "front matter missing: the file must start with a '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FRONT_MATTER_FENCE:
            block = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            return _parse_yaml(block), body, index + 2
    raise FrontMatterError(1, "front matter not closed: no second '---' line")


def _parse_yaml(block: str) -> dict:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    except ValueError as error:  # a well-formed but impossible date, such as 2026-13-01
        raise FrontMatterError(_impossible_date_line(block), f"front matter has an impossible date: {error}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a mapping of keys to values")
    return meta


def _impossible_date_line(block: str) -> int:
    """The file line of the first YYYY-MM-DD value in the block that is not a real date."""
    for offset, line in enumerate(block.splitlines()):
        for text in re.findall(r"\b\d{4}-\d{1,2}-\d{1,2}\b", line):
            try:
                date(*map(int, text.split("-")))
            except ValueError:
                return offset + 2
    return 2


def nav_paths(nav: list) -> list[str]:
    """Every page path in a `nav:` config, depth first, in order."""
    found: list[str] = []
    for item in nav or []:
        value = item
        if isinstance(item, dict):
            (value,) = item.values()
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            found.extend(nav_paths(value))
    return found


def is_question_path(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 2 and parts[0] in SECTIONS and parts[1] != "index.md" and parts[1].endswith(".md")


def question_from_meta(path: str, meta: dict) -> Question:
    def strings(key: str) -> list[str]:
        value = meta.get(key) or []
        return [str(item) for item in value] if isinstance(value, list) else []

    return Question(
        path=path,
        section=path.split("/")[0],
        title=str(meta.get("title", "")),
        description=str(meta.get("description", "")),
        difficulty=str(meta.get("difficulty", "")),
        tags=strings("tags"),
        alt_titles=strings("alt_titles"),
        related=strings("related"),
        reviewed=str(meta.get("reviewed") or ""),
        syllabus=strings("syllabus"),
        subtopic=str(meta.get("subtopic") or ""),
    )


@dataclass(frozen=True)
class Subtopic:
    id: str
    title: str


def section_index_meta(docs_dir: Path, section: str) -> dict:
    """The front matter of a section's index.md; {} when it cannot be read (the checker reports why)."""
    try:
        meta, _, _ = split_front_matter((docs_dir / section / "index.md").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return {}
    return meta


def declared_subtopics(docs_dir: Path, section: str) -> list[Subtopic]:
    """The sub-topics a section's index.md declares, in order; well-formed entries only."""
    entries = section_index_meta(docs_dir, section).get("subtopics")
    if not isinstance(entries, list):
        return []
    found: list[Subtopic] = []
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("title"), str):
            if entry["id"] not in {subtopic.id for subtopic in found}:
                found.append(Subtopic(entry["id"], entry["title"]))
    return found


def section_question_paths(docs_dir: Path, section: str) -> list[str]:
    folder = docs_dir / section
    if not folder.is_dir():
        return []
    return sorted(f"{section}/{file.name}" for file in folder.glob("*.md") if file.name != "index.md")


def guide_order(questions: list[Question], subtopics: list[Subtopic]) -> list[Question]:
    """One section's questions in guide order (see the module's docstring); stable for any input order."""
    rank = {subtopic.id: index for index, subtopic in enumerate(subtopics)}

    def key(question: Question) -> tuple:
        difficulty = DIFFICULTIES.index(question.difficulty) if question.difficulty in DIFFICULTIES else len(DIFFICULTIES)
        return (rank.get(question.subtopic, len(rank)), difficulty, question.title.casefold(), question.path)

    return sorted(questions, key=key)


def load_catalog(docs_dir: Path, nav: list | None = None) -> list[Question]:
    """Every question page under the five section folders, in guide order, skipping unreadable ones.

    `nav` is not read (the order comes from the pages themselves); it is accepted so that older
    callers keep working. The checker reports unreadable pages; the build must not die on them first.
    """
    questions = []
    for section in SECTIONS:
        members = []
        for path in section_question_paths(docs_dir, section):
            try:
                meta, _, _ = split_front_matter((docs_dir / path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, FrontMatterError):
                continue
            members.append(question_from_meta(path, meta))
        questions += guide_order(members, declared_subtopics(docs_dir, section))
    return questions


def relative_link(from_path: str, to_path: str) -> str:
    """A Markdown link target from one docs page to another."""
    from_parts = from_path.split("/")[:-1]
    to_parts = to_path.split("/")
    common = 0
    while common < min(len(from_parts), len(to_parts) - 1) and from_parts[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:])


def short_answer_html(content_html: str) -> str | None:
    """The rendered "Short answer" part of a question page's answer, or None when it has none."""
    match = SHORT_ANSWER_HTML.search(content_html)
    return match.group("body") if match else None
