"""Build hook: generated parts of pages, made from the question pages' front matter.

- Home page: the number of questions per section and in all (markers `<!-- question-counts -->`,
  `<!-- question-total -->`).
- Section index: its questions with difficulty, how often each is asked and summary
  (marker `<!-- section-questions -->`).
- Question page: a line under the title with difficulty, how often the question is asked (from
  overrides/data/syllabus.yml), the date of its last review and other phrasings of the question
  (indexed by search), and a "Related questions" part inside the answer.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from guide_catalog import (
    RELATED_HEADING,
    SECTION_TITLES,
    SECTIONS,
    Question,
    load_catalog,
    relative_link,
)
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from syllabus_data import SYLLABUS_FILE, Syllabus, SyllabusError, format_review_date, load_syllabus

COUNTS_MARKER = "<!-- question-counts -->"
TOTAL_MARKER = "<!-- question-total -->"
SECTION_LIST_MARKER = "<!-- section-questions -->"
ANSWER_INDENT = "    "

_questions: list[Question] = []
_syllabus: list[Syllabus] = []  # the one syllabus, read on every build


def on_files(files, *, config):
    _questions[:] = load_catalog(Path(config.docs_dir), config.nav)
    try:
        _syllabus[:] = [load_syllabus(Path(config.config_file_path).parent)]
    except SyllabusError as error:
        raise PluginError(f"{SYLLABUS_FILE.as_posix()}:{error.line}: {error.message}") from None


def on_page_markdown(markdown, *, page, config, files):
    escape_description(page)
    path = page.file.src_uri
    if path == "index.md":
        return markdown.replace(COUNTS_MARKER, counts_table()).replace(TOTAL_MARKER, str(len(_questions)))
    section, _, name = path.partition("/")
    if section in SECTIONS and name == "index.md":
        return markdown.replace(SECTION_LIST_MARKER, section_list(section))
    question = _find(path)
    if question is None:
        return None
    page.meta["question_number"] = number_of(question)
    return add_related(add_meta_line(markdown, question), question)


def escape_description(page) -> None:
    """Material writes the description into an HTML attribute unescaped; a quote would cut it short."""
    description = page.meta.get("description")
    if isinstance(description, str):
        page.meta["description"] = Markup.escape(description)


def _find(path: str) -> Question | None:
    return next((question for question in _questions if question.path == path), None)


def number_of(question: Question) -> int:
    return _questions.index(question) + 1


def counts_table() -> str:
    rows = ["| Section | Questions |", "| --- | ---: |"]
    for section in SECTIONS:
        count = sum(1 for question in _questions if question.section == section)
        rows.append(f"| [{SECTION_TITLES[section]}]({section}/index.md) | {count} |")
    rows.append(f"| **All sections** | **{len(_questions)}** |")
    return "\n".join(rows)


def section_list(section: str) -> str:
    """The section's questions as an ordered list numbered as in the whole guide (and the PDFs)."""
    members = [question for question in _questions if question.section == section]
    if not members:
        return ""
    items = []
    for question in members:
        href = posixpath.relpath(question.path.removesuffix(".md"), section) + "/"
        frequency = _syllabus[0].frequency(question.syllabus)
        items.append(
            f'<li><a href="{escape(href)}">{escape(question.title)}</a> '
            f'<span class="difficulty difficulty--{escape(question.difficulty)}">{escape(question.difficulty)}</span> '
            f'<span class="frequency frequency--{frequency.css}">{escape(frequency.short)}</span>'
            f"<br>{escape(question.description)}</li>"
        )
    return f'<ol class="question-list" start="{number_of(members[0])}">\n' + "\n".join(items) + "\n</ol>"


def add_meta_line(markdown: str, question: Question) -> str:
    """Put difficulty, how often it is asked and the review date under the page's H1, and the other
    phrasings inside the answer.

    The other phrasings name the answer's concepts ("PSI", "Evidently"), so they are shown only
    once the reader reveals the answer: right after its short answer.
    """
    frequency = _syllabus[0].frequency(question.syllabus)
    parts = [
        f'<span class="difficulty difficulty--{question.difficulty}">{question.difficulty}</span>',
        f'<span class="frequency frequency--{frequency.css}">{escape(frequency.text)}</span>',
    ]
    reviewed = format_review_date(question.reviewed) if question.reviewed else None
    if reviewed:
        parts.append(f'<span class="reviewed">Reviewed <time datetime="{escape(question.reviewed)}">{reviewed}</time></span>')
    meta_line = " ".join(parts) + "\n{ .question-meta }\n"
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("# "):
            lines.insert(index + 1, "\n" + meta_line)
            break
    if question.alt_titles:
        asked = "; ".join(f"*{title}*" for title in question.alt_titles)
        alt_line = f"{ANSWER_INDENT}Also asked as: {asked}\n{ANSWER_INDENT}{{ .question-alt }}\n\n"
        for index, line in enumerate(lines):
            if line.rstrip() == f"{ANSWER_INDENT}## In depth":
                lines.insert(index, alt_line)
                break
    return "".join(lines)


def add_related(markdown: str, question: Question) -> str:
    """Insert the related questions, by their current titles, before References."""
    titles = {other.path: other.title for other in _questions}
    links = [
        f"{ANSWER_INDENT}- [{titles[path]}]({relative_link(question.path, path)})"
        for path in question.related
        if path in titles
    ]
    if not links:
        return markdown
    block = f"{ANSWER_INDENT}## {RELATED_HEADING}\n\n" + "\n".join(links) + "\n\n"
    marker = f"{ANSWER_INDENT}## References"
    if marker not in markdown:
        return markdown
    return markdown.replace(marker, block + marker, 1)
