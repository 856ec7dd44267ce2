"""The print documents: the study guide (every answer), the practice sheet (questions only) and the
short sheet for the night before (each question's short answer and its follow-up questions).

Both are plain HTML made from templates in `overrides/print/`, styled by `overrides/print/print.css`
for paged media (cover, contents with page numbers, running headers, page numbers in the footer).
Each section also gets its own: a practice sheet of its questions, and a study guide made of the
whole guide's pages for the section behind a cover of its own (`section_cover_html`), whose
contents give the whole guide's page numbers, the ones printed on those pages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from export_pages import ExportedQuestion
from guide_catalog import SECTION_TITLES, SECTIONS
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

PRINT_DIR = Path(__file__).resolve().parent.parent / "print"
STYLESHEET = PRINT_DIR / "print.css"
PRACTICE_LINES = 8  # ruled lines of room to write under each question of the practice sheet


@dataclass(frozen=True)
class GuideInfo:
    title: str
    site_url: str
    built: date


@dataclass
class SectionGroup:
    key: str
    title: str
    questions: list[ExportedQuestion]


def build_date() -> date:
    """Today, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()


def group_by_section(questions: list[ExportedQuestion]) -> list[SectionGroup]:
    """The five sections in order, each with its questions; empty sections are left out."""
    groups = [SectionGroup(key, SECTION_TITLES[key], [q for q in questions if q.question.section == key]) for key in SECTIONS]
    return [group for group in groups if group.questions]


def guide_html(questions: list[ExportedQuestion], info: GuideInfo) -> str:
    return _render("guide.html", questions, info)


def practice_html(questions: list[ExportedQuestion], info: GuideInfo, section: str | None = None) -> str:
    """The practice sheet of the whole guide, or of one section when `section` is given."""
    if section is not None:
        questions = [item for item in questions if item.question.section == section]
    return _render("practice.html", questions, info, lines=PRACTICE_LINES, section_title=SECTION_TITLES.get(section or ""))


def short_sheet_html(questions: list[ExportedQuestion], info: GuideInfo, section: str | None = None) -> str:
    """The short sheet for the night before, of the whole guide or of one section: short answers and follow-up questions."""
    if section is not None:
        questions = [item for item in questions if item.question.section == section]
    return _render("short-sheet.html", questions, info, section_title=SECTION_TITLES.get(section or ""))


def section_cover_html(questions: list[ExportedQuestion], info: GuideInfo, section: str, page_numbers: dict[str, int], total: int) -> str:
    """The cover and contents of one section's study guide; `page_numbers` maps question anchors to guide pages."""
    members = [item for item in questions if item.question.section == section]
    return _render(
        "section-cover.html", members, info,
        section_title=SECTION_TITLES[section], page_numbers=page_numbers, guide_pages=total, guide_count=len(questions),
    )


def _render(template: str, questions: list[ExportedQuestion], info: GuideInfo, **extra) -> str:
    return _environment().get_template(template).render(
        info=info,
        sections=group_by_section(questions),
        count=len(questions),
        **{"section_title": None, **extra},
    )


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(PRINT_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
