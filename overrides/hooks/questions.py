"""Build hook: generated parts of pages, made from the question pages' front matter.

- Home page: the number of questions per section and in all (markers `<!-- question-counts -->`,
  `<!-- question-total -->`).
- Section index: its questions by sub-topic, with difficulty, how often each is asked and summary,
  and a filter by difficulty and tag (marker `<!-- section-questions -->`; the filter's script is
  `docs/assets/javascripts/study/filter.js`, and the form stays hidden without JavaScript).
- Question page: a line under the title with difficulty, how often the question is asked (from
  overrides/data/syllabus.yml) and the date of its last review; inside the answer, other phrasings
  of the question (indexed by search) and a "Related questions" part.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from guide_catalog import (
    DIFFICULTIES,
    RELATED_HEADING,
    SECTION_TITLES,
    SECTIONS,
    Question,
    Subtopic,
    declared_subtopics,
    load_catalog,
    relative_link,
)
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from syllabus_data import SYLLABUS_FILE, Syllabus, SyllabusError, format_review_date, load_syllabus

COUNTS_MARKER = "<!-- question-counts -->"
TOTAL_MARKER = "<!-- question-total -->"
SECTION_LIST_MARKER = "<!-- section-questions -->"
# Left above the list for exports.py (a later hook), which puts the section's downloads there.
SECTION_DOWNLOADS_MARKER = "<!-- section-downloads -->"
ANSWER_INDENT = "    "

_questions: list[Question] = []
_syllabus: list[Syllabus] = []  # the one syllabus, read on every build
_subtopics: dict[str, list[Subtopic]] = {}


def on_files(files, *, config):
    _questions[:] = load_catalog(Path(config.docs_dir))
    _subtopics.clear()
    _subtopics.update((section, declared_subtopics(Path(config.docs_dir), section)) for section in SECTIONS)
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
    """The section's questions, numbered as in the whole guide (and the PDFs), under their sub-topics."""
    members = [question for question in _questions if question.section == section]
    if not members:
        return ""
    parts = [SECTION_DOWNLOADS_MARKER, filter_form(members)]
    for subtopic, questions in by_subtopic(members, _subtopics.get(section, [])):
        if subtopic is not None:
            parts.append(f"## {subtopic.title} {{ #{subtopic.id} .question-group }}")
        parts.append(question_list(section, questions))
    return "\n\n".join(parts) + "\n"


def by_subtopic(questions: list[Question], subtopics: list[Subtopic]) -> list[tuple[Subtopic | None, list[Question]]]:
    """(sub-topic, its questions) in declared order; one (None, all) group for a section without sub-topics.

    Questions without a declared sub-topic (the build warns about them) come last, under no heading.
    """
    groups = [(subtopic, [q for q in questions if q.subtopic == subtopic.id]) for subtopic in subtopics]
    ids = {subtopic.id for subtopic in subtopics}
    groups.append((None, [question for question in questions if question.subtopic not in ids]))
    return [(subtopic, members) for subtopic, members in groups if members]


def question_list(section: str, questions: list[Question]) -> str:
    """An ordered list; each item carries its guide number, so hiding some (the filter) never renumbers the rest."""
    items = []
    for question in questions:
        href = posixpath.relpath(question.path.removesuffix(".md"), section) + "/"
        frequency = _syllabus[0].frequency(question.syllabus)
        items.append(
            f'<li value="{number_of(question)}" data-difficulty="{escape(question.difficulty)}" data-tags="{escape(" ".join(question.tags))}">'
            f'<a href="{escape(href)}">{escape(question.title)}</a> '
            f'<span class="difficulty difficulty--{escape(question.difficulty)}">{escape(question.difficulty)}</span> '
            f'<span class="frequency frequency--{frequency.css}">{escape(frequency.short)}</span>'
            f"<br>{escape(question.description)}</li>"
        )
    return '<ol class="question-list">\n' + "\n".join(items) + "\n</ol>"


def filter_form(questions: list[Question]) -> str:
    """Filter by difficulty and tag, without a reload. Hidden until the script (filter.js) runs."""
    difficulties = [level for level in DIFFICULTIES if any(q.difficulty == level for q in questions)]
    tags = sorted({tag for question in questions for tag in question.tags})

    def select(name: str, label: str, values: list[str]) -> str:
        options = "".join(f'<option value="{escape(value)}">{escape(value)}</option>' for value in values)
        return (
            f'<label class="question-filter__field">{label} '
            f'<select name="{name}"><option value="">any</option>{options}</select></label>'
        )

    return (
        '<form class="question-filter" aria-label="Filter the questions" hidden>'
        + select("difficulty", "Difficulty", difficulties)
        + select("tag", "Tag", tags)
        + '<button type="reset" class="md-button question-filter__reset">Show all</button>'
        + f'<p class="question-filter__status" role="status">All {len(questions)} questions</p>'
        + "</form>"
    )


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
    # Not indexed by search (data-pagefind-ignore): the line under the title and the other phrasings
    # would otherwise be the text a result shows; the phrasings are indexed as titles (search_engine.py).
    meta_line = " ".join(parts) + '\n{ .question-meta data-pagefind-ignore="index" }\n'
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("# "):
            lines.insert(index + 1, "\n" + meta_line)
            break
    if question.alt_titles:
        asked = "; ".join(f"*{title}*" for title in question.alt_titles)
        alt_line = f"{ANSWER_INDENT}Also asked as: {asked}\n{ANSWER_INDENT}{{ .question-alt data-pagefind-ignore='index' }}\n\n"
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
