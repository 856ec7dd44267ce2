"""Rules of the page contract that each Markdown page must meet on its own (see CONTRIBUTING.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from follow_ups import SOURCE_ID_IN_TEXT, follow_up_problems, source_follow_ups
from guide_catalog import (
    ANSWER_HEADINGS,
    ANSWER_OPENER,
    DIFFICULTIES,
    RELATED_HEADING,
    SECTIONS,
    FrontMatterError,
    is_question_path,
    split_front_matter,
)

from .markdown_source import headings, html_images_without_alt, links, prose_lines
from .problems import Problem

# reviewed: the date of the page's last review (YYYY-MM-DD); syllabus: the ids of overrides/data/syllabus.yml
# the page answers; subtopic: the sub-topic of its section the page is listed under.
QUESTION_KEYS = ("title", "description", "difficulty", "tags", "alt_titles", "related", "reviewed", "syllabus", "subtopic")
REQUIRED_QUESTION_KEYS = ("title", "description", "difficulty", "tags", "related", "reviewed")
SYLLABUS_ID = re.compile(r"^[FDMET]\d{2}$")
FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum", re.IGNORECASE)
URL = re.compile(r"https?://[^\s>)]+")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*")
MIN_WORDS, MAX_WORDS = 500, 1200
# The short answer is what a candidate says in about 30 seconds: some 80 words at a speaking pace.
MAX_SHORT_ANSWER_WORDS = 80
LINK_TARGET = re.compile(r"\]\([^)]*\)")
FIGURES_FOLDER = "assets/figures/"
MIN_FIGURE_ALT = 40
ANSWER_INDENT = "    "


@dataclass
class SourcePage:
    """One Markdown file under docs/, read once."""

    docs_path: str  # relative to docs/
    shown_path: str  # relative to the project root, as printed in problems
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    unreadable: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)  # front matter key -> its line in the file

    @property
    def is_question(self) -> bool:
        return is_question_path(self.docs_path)

    def problem(self, line: int, message: str) -> Problem:
        return Problem(self.shown_path, line, message)

    def key_line(self, key: str) -> int:
        """The line of a front matter key (1, the opening fence, when the key is missing)."""
        return self.key_lines.get(key, 1)


def read_page(docs_dir: Path, docs_path: str, shown_prefix: str) -> tuple[SourcePage, list[Problem]]:
    page = SourcePage(docs_path, f"{shown_prefix}{docs_path}")
    try:
        text = (docs_dir / docs_path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        page.unreadable = True
        return page, [page.problem(1, "file is not valid UTF-8 text")]
    try:
        page.meta, page.body, page.body_line = split_front_matter(text)
    except FrontMatterError as error:
        page.unreadable = True
        return page, [page.problem(error.line, error.message)]
    for number, line in enumerate(text.splitlines()[1 : page.body_line - 2], start=2):
        if match := FRONT_MATTER_KEY.match(line):
            page.key_lines.setdefault(match["key"], number)
    return page, []


def check_page(page: SourcePage, allowed_tags: set[str], question_paths: set[str]) -> list[Problem]:
    problems = check_title(page) + check_placeholders(page) + check_images(page) + check_figures(page)
    if page.is_question:
        problems += check_question_front_matter(page, allowed_tags, question_paths)
        problems += check_answer_block(page)
    elif page.docs_path.count("/") >= 1 and page.docs_path.split("/")[0] not in SECTIONS + ("assets",):
        problems.append(page.problem(1, "page is outside the five sections: " + ", ".join(SECTIONS)))
    return problems


def check_title(page: SourcePage) -> list[Problem]:
    title = page.meta.get("title")
    if not isinstance(title, str) or not title.strip():
        return [page.problem(1, "front matter has no 'title'")]
    h1s = headings(page.body, page.body_line, 1)
    if not h1s:
        return [page.problem(first_text_line(page), f"no H1: the page must start with '# {title}'")]
    problems = [page.problem(line, "more than one H1: only the question may be an H1") for line, _ in h1s[1:]]
    line, text = h1s[0]
    if text != title.strip():
        problems.append(page.problem(line, f"H1 '{text}' differs from the front matter title '{title.strip()}'"))
    return problems


def first_text_line(page: SourcePage) -> int:
    for offset, line in enumerate(page.body.splitlines()):
        if line.strip():
            return page.body_line + offset
    return page.body_line


def check_placeholders(page: SourcePage) -> list[Problem]:
    return [
        page.problem(number, f"placeholder text '{match.group(0)}' left in the page")
        for number, line in prose_lines(page.body, page.body_line)
        for match in [PLACEHOLDER.search(line)]
        if match
    ]


def check_images(page: SourcePage) -> list[Problem]:
    problems = [
        page.problem(link.line, f"image '{link.target}' has no alt text")
        for link in links(page.body, page.body_line)
        if link.is_image and not link.raw_html and not link.text.strip()
    ]
    problems += [
        page.problem(line, "raw HTML <img> has no alt text")
        for line in html_images_without_alt(page.body, page.body_line)
    ]
    return problems


def check_figures(page: SourcePage) -> list[Problem]:
    """A figure (an image under assets/figures/) says what it shows, has a caption, and has both palette variants."""
    problems = []
    lines = dict(prose_lines(page.body, page.body_line))
    figures = [link for link in links(page.body, page.body_line) if link.is_image and FIGURES_FOLDER in link.target]
    sources = {link.target.split("#")[0] for link in figures}
    for link in figures:
        file, _, variant = link.target.partition("#")
        if len(link.text.strip()) < MIN_FIGURE_ALT:
            problems.append(page.problem(link.line, f"figure '{file}' needs alt text that says what it shows ({MIN_FIGURE_ALT}+ characters)"))
        following = [lines.get(number, "").strip() for number in range(link.line + 1, link.line + 4)]
        if "/// caption" not in following:
            problems.append(page.problem(link.line, f"figure '{file}' has no '/// caption' block right after it"))
        pair = {"only-light": ("-light.svg", "-dark.svg"), "only-dark": ("-dark.svg", "-light.svg")}.get(variant)
        if pair is None or not file.endswith(pair[0]):
            problems.append(page.problem(link.line, f"figure '{file}' must end in -light.svg#only-light or -dark.svg#only-dark"))
        elif file[: -len(pair[0])] + pair[1] not in sources:
            problems.append(page.problem(link.line, f"figure '{file}' has no {pair[1][1:-4]} palette variant next to it"))
    return problems


def check_question_front_matter(page: SourcePage, allowed_tags: set[str], question_paths: set[str]) -> list[Problem]:
    meta = page.meta
    problems = [
        page.problem(1, f"front matter has no '{key}'") for key in REQUIRED_QUESTION_KEYS if key not in meta
    ]
    problems += [
        page.problem(1, f"unknown front matter key '{key}' (allowed: {', '.join(QUESTION_KEYS)})")
        for key in meta
        if key not in QUESTION_KEYS
    ]
    title = meta.get("title")
    if isinstance(title, str) and not title.strip().endswith("?"):
        problems.append(page.problem(1, f"title '{title}' is not a question: it must end with '?'"))
    problems += check_description(page)
    difficulty = meta.get("difficulty")
    if "difficulty" in meta and difficulty not in DIFFICULTIES:
        problems.append(page.problem(1, f"difficulty '{difficulty}' is not one of: {', '.join(DIFFICULTIES)}"))
    problems += check_string_list(page, "tags", required=True)
    for tag in _strings(meta.get("tags")):
        if tag not in allowed_tags:
            problems.append(page.problem(1, f"tag '{tag}' is not in the vocabulary (extra.tag_vocabulary in mkdocs.yml)"))
    problems += check_string_list(page, "alt_titles", required=False)
    problems += check_string_list(page, "related", required=True)
    problems += check_reviewed(page)
    problems += check_syllabus_list(page)
    for related in _strings(meta.get("related")):
        if related == page.docs_path:
            problems.append(page.problem(1, f"related question '{related}' is the page itself"))
        elif related not in question_paths:
            problems.append(page.problem(1, f"related question '{related}' is not a question page under docs/"))
    return problems


def today() -> date:
    return datetime.now(UTC).date()


def check_reviewed(page: SourcePage) -> list[Problem]:
    """`reviewed:` is the date of the last review (see CONTRIBUTING.md): a real date, not in the future."""
    if "reviewed" not in page.meta:
        return []
    value = page.meta["reviewed"]
    line = page.key_line("reviewed")
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if not isinstance(value, date):
        return [page.problem(line, f"reviewed '{value}' is not a date: write the day of the last review as YYYY-MM-DD")]
    if value > today():
        return [page.problem(line, f"reviewed {value.isoformat()} is in the future (today is {today().isoformat()})")]
    return []


def check_syllabus_list(page: SourcePage) -> list[Problem]:
    """`syllabus:` lists ids such as M01 (whether each id exists is checked across pages)."""
    if "syllabus" not in page.meta:
        return []
    value = page.meta["syllabus"]
    if not isinstance(value, list) or not all(isinstance(item, str) and SYLLABUS_ID.match(item) for item in value):
        return [page.problem(page.key_line("syllabus"), f"'syllabus' must be a list of ids such as [M01, M06], not {value!r}")]
    return []


def check_description(page: SourcePage) -> list[Problem]:
    description = page.meta.get("description")
    if "description" not in page.meta:
        return []
    if not isinstance(description, str) or not description.strip():
        return [page.problem(1, "description must be one non-empty sentence")]
    text = description.strip()
    if not text.endswith(".") or re.search(r"[.!?]\s+[A-Z]", text):
        return [page.problem(1, "description must be exactly one sentence ending with '.'")]
    return []


def check_string_list(page: SourcePage, key: str, required: bool) -> list[Problem]:
    value = page.meta.get(key)
    if key not in page.meta:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        return [page.problem(1, f"'{key}' must be a list of non-empty strings")]
    if required and not value:
        return [page.problem(1, f"'{key}' must list at least one entry")]
    return []


def _strings(value) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def answer_openers(page: SourcePage) -> list[tuple[int, bool]]:
    """(line, is_open) of every answer block opener."""
    return [
        (number, bool(match.group("open")))
        for number, line in prose_lines(page.body, page.body_line)
        for match in [ANSWER_OPENER.match(line)]
        if match
    ]


def answer_lines(page: SourcePage, opener_line: int) -> list[tuple[int, str]]:
    """Lines of the answer block: everything indented after the opener, up to the first unindented line."""
    block = []
    lines = page.body.splitlines()
    for offset in range(opener_line - page.body_line + 1, len(lines)):
        line = lines[offset]
        if line.strip() and not line.startswith(ANSWER_INDENT):
            break
        block.append((page.body_line + offset, line))
    return block


def check_answer_block(page: SourcePage) -> list[Problem]:
    openers = answer_openers(page)
    if not openers:
        return [page.problem(first_text_line(page), 'no answer block: add one \'??? answer "Reveal the answer"\' block')]
    problems = [
        page.problem(line, f"more than one answer block (the first is at line {openers[0][0]})")
        for line, _ in openers[1:]
    ]
    line, is_open = openers[0]
    if is_open:
        problems.append(page.problem(line, "answer block must be collapsed: use '???', not '???+'"))
    block = answer_lines(page, line)
    if not any(text.strip() for _, text in block):
        return problems + [page.problem(line, "answer block is empty")]
    return problems + check_answer_sections(page, line, block)


def check_answer_sections(page: SourcePage, opener_line: int, block: list[tuple[int, str]]) -> list[Problem]:
    body = "\n".join(text for _, text in block)
    first = block[0][0]
    found = headings(body, first, 2, ANSWER_INDENT)
    titles = [title for _, title in found]
    problems = [
        page.problem(number, f"remove the '{RELATED_HEADING}' section: the build makes it from 'related:'")
        for number, title in found
        if title == RELATED_HEADING
    ]
    missing = [title for title in ANSWER_HEADINGS if title not in titles]
    for title in missing:
        problems.append(page.problem(opener_line, f"answer has no '## {title}' section"))
    expected = [title for title in titles if title in ANSWER_HEADINGS]
    if not missing and expected != list(ANSWER_HEADINGS):
        problems.append(
            page.problem(opener_line, "answer sections out of order: expected " + ", ".join(ANSWER_HEADINGS))
        )
    problems += check_word_count(page, opener_line, block, found)
    problems += check_short_answer_length(page, found, block)
    problems += check_references(page, opener_line, block, found)
    problems += check_follow_up_ids(page)
    return problems


def check_follow_up_ids(page: SourcePage) -> list[Problem]:
    """Every follow-up has its id, well-formed, not used twice in the page (follow_ups.py)."""
    return [page.problem(line, message) for line, message in follow_up_problems(source_follow_ups(page.body, page.body_line))]


def _section_lines(block, found, title):
    """Lines of one '##' section of the answer."""
    starts = [number for number, heading in found if heading == title]
    if not starts:
        return []
    later = [number for number, _ in found if number > starts[0]]
    end = later[0] if later else block[-1][0] + 1
    return [(number, text) for number, text in block if starts[0] < number < end]


def check_word_count(page, opener_line, block, found) -> list[Problem]:
    """Words of the answer's prose: code, figures' alt text and References do not count."""
    references = {number for number, _ in _section_lines(block, found, "References")}
    prose = prose_lines("\n".join(text for _, text in block), block[0][0])
    words = sum(len(WORD.findall(SOURCE_ID_IN_TEXT.sub("", text))) for number, text in prose if number not in references and not text.strip().startswith("!["))
    if words < MIN_WORDS or words > MAX_WORDS:
        return [page.problem(opener_line, f"answer has {words} words; it must have {MIN_WORDS} to {MAX_WORDS}")]
    return []


def check_short_answer_length(page, found, block) -> list[Problem]:
    """The Short answer's words (link targets not counted) stay within what a candidate says in 30 seconds."""
    start = next((number for number, title in found if title == "Short answer"), None)
    if start is None:
        return []
    prose = prose_lines("\n".join(text for _, text in _section_lines(block, found, "Short answer")), start + 1)
    words = sum(len(WORD.findall(LINK_TARGET.sub("]", text))) for _, text in prose)
    if words > MAX_SHORT_ANSWER_WORDS:
        return [
            page.problem(
                start,
                f"short answer has {words} words; it must have at most {MAX_SHORT_ANSWER_WORDS} "
                "(what a candidate says in 30 seconds)",
            )
        ]
    return []


def check_references(page, opener_line, block, found) -> list[Problem]:
    if "References" not in [title for _, title in found]:
        return []
    lines = _section_lines(block, found, "References")
    if not any(URL.search(text) for _, text in lines):
        return [page.problem(opener_line, "References list no source with a URL")]
    return []
