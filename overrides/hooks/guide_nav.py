"""Build hook: the question pages' place in the navigation, from their front matter.

`mkdocs.yml` lists the five sections with their `index.md` only (and the other pages); this hook
adds each section's question pages in guide order (`guide_catalog.load_catalog`), grouped under the
sub-topics its `index.md` declares, so adding a page never needs a `nav:` edit. It runs at
`on_config`, before MkDocs reads the nav, so MkDocs sees every page as listed.

Bad structure (an unknown or missing sub-topic, an empty one, a question page still listed in
`mkdocs.yml`) is logged as a warning `path:line: message`; the build is strict, so it stops with
those messages once every page has been read. A page with a bad sub-topic is listed at the end of
its section, so `mkdocs serve` still shows it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from guide_catalog import SECTIONS, Question, declared_subtopics, is_question_path, load_catalog
from guide_structure import check_structure

log = logging.getLogger("mkdocs.hooks.guide_nav")


def on_config(config):
    if not config.nav:
        return config  # no nav: MkDocs lists every page by itself
    docs_dir = Path(config.docs_dir)
    for problem in check_structure(docs_dir):
        log.warning(f"docs/{problem.path}:{problem.line}: {problem.message}")
    config_text = _read(config.config_file_path)
    config.nav = [_with_questions(item, docs_dir, config_text) for item in config.nav]
    return config


def _with_questions(item, docs_dir: Path, config_text: str):
    if not isinstance(item, dict) or len(item) != 1:
        return item
    ((title, children),) = item.items()
    section = next((key for key in SECTIONS if isinstance(children, list) and f"{key}/index.md" in children), None)
    if section is None:
        return item
    kept = []
    for child in children:
        if isinstance(child, str) and is_question_path(child):
            log.warning(
                f"mkdocs.yml:{_line_of(config_text, child)}: '{child}' is listed in nav: question pages are "
                "placed by their front matter (subtopic), remove the line"
            )
        else:
            kept.append(child)
    questions = [question for question in load_catalog(docs_dir) if question.section == section]
    return {title: kept + section_entries(questions, docs_dir, section)}


def section_entries(questions: list[Question], docs_dir: Path, section: str) -> list:
    """The section's pages: one nav group per declared sub-topic (in order), then any page without a valid one."""
    groups = []
    placed: set[str] = set()
    for subtopic in declared_subtopics(docs_dir, section):
        members = [question.path for question in questions if question.subtopic == subtopic.id]
        if members:
            groups.append({subtopic.title: members})
            placed.update(members)
    return groups + [question.path for question in questions if question.path not in placed]


def _read(path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return ""


def _line_of(text: str, needle: str) -> int:
    return next((number for number, line in enumerate(text.splitlines(), start=1) if needle in line), 1)
