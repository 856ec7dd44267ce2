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
    """The section's questions, numbered as in the whole guide (and the PDFs), under their sub-topics.

    Each sub-topic is a group that folds (open at first), listed in a jump list above the groups; a
    section without sub-topics is one list. Each row: the question, its difficulty and how often it
    is asked; its description is folded with the short answer (study_data.py adds it).
    """
    members = [question for question in _questions if question.section == section]
    if not members:
        return ""
    groups = by_subtopic(members, _subtopics.get(section, []))
    parts = [SECTION_DOWNLOADS_MARKER, filter_form(members)]
    named = [(subtopic, questions) for subtopic, questions in groups if subtopic is not None]
    if named:
        parts.append(jump_list(named))
    for subtopic, questions in groups:
        parts.append(question_list(section, questions) if subtopic is None else question_group(section, subtopic, questions))
    return "\n\n".join(parts) + "\n"


def jump_list(groups: list[tuple[Subtopic, list[Question]]]) -> str:
    """Links to the sub-topic groups of the section page, with how many questions each holds."""
    links = "".join(
        f'<li><a href="#{escape(subtopic.id)}">{escape(subtopic.title)} <span class="question-jump__count">{len(questions)}</span></a></li>'
        for subtopic, questions in groups
    )
    return f'<nav class="question-jump" aria-label="Sub-topics"><ul>{links}</ul></nav>'


def question_group(section: str, subtopic: Subtopic, questions: list[Question]) -> str:
    """A sub-topic's questions in a group that folds: its heading is the group's summary."""
    count = f"{len(questions)} question{'s' if len(questions) != 1 else ''}"
    return (
        f'<details class="question-fold" open><summary>'
        f'<h2 id="{escape(subtopic.id)}" class="question-group">{escape(subtopic.title)}</h2>'
        f' <span class="question-fold__count">{count}</span></summary>\n'
        + question_list(section, questions)
        + "\n</details>"
    )


def by_subtopic(questions: list[Question], subtopics: list[Subtopic]) -> list[tuple[Subtopic | None, list[Question]]]:
    """(sub-topic, its questions) in declared order; one (None, all) group for a section without sub-topics.

    Questions without a declared sub-topic (the build warns about them) come last, under no heading.
    """
    groups = [(subtopic, [q for q in questions if q.subtopic == subtopic.id]) for subtopic in subtopics]
    ids = {subtopic.id for subtopic in subtopics}
    groups.append((None, [question for question in questions if question.subtopic not in ids]))
    return [(subtopic, members) for subtopic, members in groups if members]


def question_list(section: str, questions: list[Question]) -> str:
    """An ordered list; each item carries its guide number, so hiding some (the filter) never renumbers
    the rest, and what the filter and the order read: difficulty, tags, how often it is asked."""
    items = []
    for question in questions:
        href = posixpath.relpath(question.path.removesuffix(".md"), section) + "/"
        frequency = _syllabus[0].frequency(question.syllabus)
        items.append(
            f'<li value="{number_of(question)}" data-question="{escape(question.path)}" data-difficulty="{escape(question.difficulty)}"'
            f' data-tags="{escape(" ".join(question.tags))}" data-banks="{frequency.banks}" data-asked="{escape(frequency.css)}">'
            f'<span class="question-list__title"><a href="{escape(href)}">{escape(question.title)}</a> '
            f'<span class="difficulty difficulty--{escape(question.difficulty)}">{escape(question.difficulty)}</span></span> '
            f'<span class="question-list__meta"><span class="frequency frequency--{frequency.css}">{short_frequency(frequency)}</span></span>'
            f' <p class="question-list__about">{escape(question.description)}</p></li>'
        )
    return '<ol class="question-list">\n' + "\n".join(items) + "\n</ol>"


def short_frequency(frequency) -> str:
    """The mark beside a question on its section page; on a phone " banks" is read out, not shown."""
    text = str(escape(frequency.short))
    return text.replace(" banks)", '<span class="question-list__more"> banks</span>)') if frequency.banks else text


# How often asked, as the filter offers it: (the items' data-asked value, the option's words).
ASKED_OPTIONS = (
    ("very-common", "very common (6+ of 12 banks)"),
    ("common", "common (3 to 5)"),
    ("less-common", "less common (1 or 2)"),
    ("not-counted", "groundwork"),
)


def filter_form(questions: list[Question]) -> str:
    """Order (guide order or most asked first) and filters by difficulty, how often asked and tag,
    without a reload. Hidden until the script (filter.js) runs; the address keeps the choice."""
    difficulties = [level for level in DIFFICULTIES if any(q.difficulty == level for q in questions)]
    tags = sorted({tag for question in questions for tag in question.tags})
    bands = {_syllabus[0].frequency(question.syllabus).css for question in questions}

    def select(name: str, label: str, options: list[tuple[str, str]], first: tuple[str, str] = ("", "any")) -> str:
        html = "".join(f'<option value="{escape(value)}">{escape(words)}</option>' for value, words in [first, *options])
        return f'<label class="question-filter__field"><span>{label}</span> <select name="{name}">{html}</select></label>'

    return (
        '<form class="question-filter" aria-label="Order and filter the questions" autocomplete="off" hidden>'
        + select("order", "Order", [("asked", "most asked first")], first=("", "guide order"))
        + select("asked", "Asked", [option for option in ASKED_OPTIONS if option[0] in bands])
        + select("difficulty", "Difficulty", [(level, level) for level in difficulties])
        + select("tag", "Tag", [(tag, tag) for tag in tags])
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
