"""Build hook: what the practice screens (mock interview, print what you need, follow-up drills) read.

`assets/study/answers.json`, written after the build: for each question in guide order, its short
answer and its follow-ups (each with the id written in its Markdown, follow_ups.py) as HTML whose links are
relative to the site's root, its sub-topic (with the sub-topics' titles), and how long its whole answer is (words, figures), from which the print
page estimates pages. Only the practice pages fetch it; a question page never does.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from guide_catalog import SECTIONS, declared_subtopics, follow_ups_html, load_catalog, short_answer_html

DATA_PATH = "assets/study/answers.json"
ANSWER_BLOCK = re.compile(r'<details class="answer".*?</details>', re.DOTALL)
LINK = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>(?![a-z][a-z0-9+.-]*:|/|#)[^"]*)"', re.IGNORECASE)
FIGURE = re.compile(r'<img\b[^>]*#only-light', re.IGNORECASE)

_entries: dict[str, dict] = {}
_order: list[str] = []
_subtopic_of: dict[str, str] = {}
_subtopics: list[dict] = []


def on_files(files, *, config):
    _entries.clear()
    catalog = load_catalog(Path(config.docs_dir))
    _order[:] = [question.path for question in catalog]
    _subtopic_of.clear()
    _subtopic_of.update({question.path: question.subtopic for question in catalog})
    _subtopics[:] = [
        {"section": section, "id": subtopic.id, "title": subtopic.title}
        for section in SECTIONS
        for subtopic in declared_subtopics(Path(config.docs_dir), section)
    ]
    return files


def on_page_content(html, *, page, config, files):
    if page.file.src_uri not in _order:
        return None
    _entries[page.file.src_uri] = practice_entry(html, page.url)
    return None


def practice_entry(html: str, page_url: str) -> dict:
    answer = ANSWER_BLOCK.search(html)
    answer_html = answer.group(0) if answer else html
    text = re.sub(r"<[^>]+>", " ", answer_html)
    return {
        "short": root_relative(short_answer_html(html) or "", page_url),
        "follow_ups": [
            {"id": item.id, "question": root_relative(item.question_html, page_url), "answer": root_relative(item.answer_html, page_url)}
            for item in follow_ups_html(html)
        ],
        "words": len(text.split()),
        "figures": len(FIGURE.findall(answer_html)),
    }


def root_relative(html: str, page_url: str) -> str:
    """Relative links of a page's HTML (its URL "fundamentals/feature-store/"), made relative to the site's root."""

    def rebase(match: re.Match) -> str:
        url = match.group("url")
        path, hash_, fragment = url.partition("#")
        joined = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
        joined = "" if joined == "." else joined
        if path.endswith("/") or not path:
            joined = joined + "/" if joined else ""
        return f'{match.group("attr")}="{joined}{hash_}{fragment}"'

    return LINK.sub(rebase, html)


def on_post_build(*, config):
    data = {
        "subtopics": _subtopics,
        "questions": [{"id": path, "subtopic": _subtopic_of.get(path, ""), **_entries[path]} for path in _order if path in _entries],
    }
    target = Path(config.site_dir) / DATA_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
