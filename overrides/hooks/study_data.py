"""Build hook: what the in-browser study tools (docs/assets/javascripts/study/) build on.

- `assets/study/questions.json`: the sections and every question in guide order (id, number,
  title, URL, section, difficulty, how many public question banks ask it), made from the catalog,
  so the script never hard-codes a page.
- Question pages: the answer block gets `id="answer"`, so a link to `#answer` lands on it
  (the script opens it; a link to a heading inside the answer opens it even without JavaScript),
  `data-question` (the page's docs path), the id the self-test stores marks under, and the
  question's place in the guide (`data-number`, `data-total`, the next question's URL and title,
  or the progress page after the last): the study tools show "Question N of M" and "Next question"
  from the page itself, so a question page's first load does not fetch `questions.json`.
- Section pages: each listed question gets its short answer in a collapsed block, with the
  question's description (what its answer covers) folded in it too, so a whole section can be
  studied, and revealed at once, from one page.
(Search gets each question's other phrasings from overrides/hooks/search_engine.py.)
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import posixpath
import re
from pathlib import Path

from guide_catalog import SECTION_TITLES, SECTIONS, Question, load_catalog, short_answer_html
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from syllabus_data import SyllabusError, load_syllabus

log = logging.getLogger("mkdocs.hooks.study_data")

DATA_PATH = "assets/study/questions.json"
PROGRESS_PAGE = "progress.md"
ANSWER_OPENING = '<details class="answer">'
OTHER_PHRASINGS = re.compile(r'\s*<p class="question-alt"[^>]*>.*?</p>', re.DOTALL)  # questions.py's "Also asked as"
ABOUT = re.compile(r'\s*<p class="question-list__about">.*?</p>', re.DOTALL)
RELATIVE_URL = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>(?![a-z][a-z0-9+.-]*:|/|#)[^"]*|#[^"]*)"', re.IGNORECASE)

_questions: list[Question] = []
_urls: dict[str, str] = {}  # docs path -> site URL, for question and section pages
_short_answers: dict[str, str] = {}  # docs path -> the short answer's HTML
_banks: dict[str, int] = {}  # docs path -> how many public question banks ask it (0: not counted)
_banks_total: list[int] = []  # how many banks the syllabus surveyed


def on_files(files, *, config):
    _questions[:] = load_catalog(Path(config.docs_dir))
    _urls.clear()
    _short_answers.clear()
    _banks.clear()
    try:
        syllabus = load_syllabus(Path(config.config_file_path).parent)
    except SyllabusError:
        syllabus = None  # the questions hook stops the build with the file's line and problem
    for question in _questions:
        _banks[question.path] = syllabus.frequency(question.syllabus).banks if syllabus else 0
    _banks_total[:] = [syllabus.banks_total] if syllabus else []
    for path in [question.path for question in _questions] + [f"{section}/index.md" for section in SECTIONS] + [PROGRESS_PAGE]:
        file = files.get_file_from_path(path)
        if file is not None:
            _urls[path] = file.url
    files.append(File.generated(config, DATA_PATH, content=json.dumps(study_data(), indent=1, ensure_ascii=False)))
    return files


def study_data() -> dict:
    """Site-relative URLs: the script resolves them against the site's root."""
    return {
        "progress": _urls.get(PROGRESS_PAGE),
        "banks_total": _banks_total[0] if _banks_total else None,
        "sections": [
            {"id": section, "title": SECTION_TITLES[section], "url": _urls.get(f"{section}/index.md")}
            for section in SECTIONS
        ],
        "questions": [
            {
                "id": question.path,
                "number": number,
                "title": question.title,
                "url": _urls.get(question.path),
                "section": question.section,
                "difficulty": question.difficulty,
                # How often it is asked: "next to review" offers the most-asked unstudied question first.
                "banks": _banks.get(question.path, 0),
            }
            for number, question in enumerate(_questions, start=1)
        ],
    }


def _question(path: str) -> Question | None:
    return next((question for question in _questions if question.path == path), None)


def on_page_content(html, *, page, config, files):
    if _question(page.file.src_uri) is None:
        return None
    answer = short_answer_html(html)
    if answer:
        # On the section page without the other phrasings: they are on the question page (and in search),
        # and at 36 questions they were an eighth of the section page's weight.
        _short_answers[page.file.src_uri] = OTHER_PHRASINGS.sub("", answer)
    place = place_attributes(page.file.src_uri)
    return html.replace(ANSWER_OPENING, f'<details class="answer" id="answer" data-question="{page.file.src_uri}"{place}>', 1)


def place_attributes(path: str) -> str:
    """The question's number, the guide's size and where to go next (site-relative URLs, as in questions.json)."""
    index = next(i for i, question in enumerate(_questions) if question.path == path)
    attributes = {"data-number": index + 1, "data-total": len(_questions)}
    following = _questions[index + 1] if index + 1 < len(_questions) else None
    if following is not None and _urls.get(following.path):
        attributes["data-next-url"] = _urls[following.path]
        attributes["data-next-title"] = following.title
    elif _urls.get(PROGRESS_PAGE):
        attributes["data-progress-url"] = _urls[PROGRESS_PAGE]
    return "".join(f' {name}="{html_lib.escape(str(value), quote=True)}"' for name, value in attributes.items())


# After the search plugin has indexed the page: the short answers belong to the question pages.
@event_priority(-50)
def on_page_context(context, *, page, config, nav):
    section, _, name = page.file.src_uri.partition("/")
    if section in SECTIONS and name == "index.md":
        page.content = add_short_answers(page.content, page.url, section)
    return context


def add_short_answers(html: str, section_url: str, section: str) -> str:
    for question in (question for question in _questions if question.section == section):
        answer = _short_answers.get(question.path)
        url = _urls.get(question.path)
        if answer is None or url is None:
            continue
        link = relative_url(url, section_url)
        item = re.search(rf'<li\b[^>]*>(?:<span class="question-list__title">)?<a href="{re.escape(link)}">.*?(?=</li>)', html, re.DOTALL)
        if item is None:
            log.warning(f"study_data: '{question.path}' is not listed on its section page, so its short answer is not shown there")
            continue
        # The question's description (what the answer covers) is folded with its short answer.
        row = item.group(0)
        about = ABOUT.search(row)
        block = (
            f'<details class="answer answer--short" data-question="{question.path}">'
            # On a phone the row shows "Reveal" / "Hide"; the rest is read out (study.css).
            '<summary>Reveal<span class="question-list__more"> the short answer</span></summary>'
            f"{about.group(0) if about else ''}"
            f"{rebase_links(answer, link)}"
            f'<p><a href="{link}#in-depth">The full answer, in depth</a></p>'
            "</details>"
        )
        row = ABOUT.sub("", row, count=1).rstrip()
        html = html[: item.start()] + row + block + html[item.end() :]
    return html


def relative_url(target: str, from_url: str) -> str:
    """A page's URL relative to another page's, both as MkDocs gives them ("monitoring/", "monitoring/model-drift/")."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    relative = posixpath.relpath(target or ".", from_dir or ".")
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


def rebase_links(html: str, prefix: str) -> str:
    """Relative links in a question page's HTML, made to work from its section page."""
    return RELATIVE_URL.sub(lambda match: f'{match.group("attr")}="{prefix}{match.group("url")}"', html)
