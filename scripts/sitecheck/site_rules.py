"""Rules across pages: the navigation and sub-topics, duplicate questions, and links between pages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from guide_catalog import SECTION_TITLES, SECTIONS, is_question_path, nav_paths
from guide_structure import check_structure

from .markdown_source import Link, links
from .page_rules import SourcePage
from .problems import Problem

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
ASSET_TAGS = {"img", "script", "link", "iframe", "source", "video", "audio", "embed", "object"}


def line_of(text: str, needle: str, default: int = 1) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return default


def check_nav(nav: list, config_text: str, pages: dict[str, SourcePage], docs_dir: Path) -> list[Problem]:
    problems = []
    nav_line = line_of(config_text, "nav:")
    listed = nav_paths(nav)
    for path in listed:
        if not (docs_dir / path).is_file():
            problems.append(Problem("mkdocs.yml", line_of(config_text, path, nav_line), f"nav entry '{path}' does not exist in docs/"))
    seen = set()
    for path in listed:
        if path in seen:
            problems.append(Problem("mkdocs.yml", line_of(config_text, path, nav_line), f"nav lists '{path}' twice"))
        seen.add(path)
    for path in seen:
        if is_question_path(path):
            problems.append(Problem(
                "mkdocs.yml", line_of(config_text, path, nav_line),
                f"nav lists the question page '{path}': question pages are placed by their front matter (subtopic), remove the line",
            ))
    for path, page in sorted(pages.items()):
        if path not in seen and not page.is_question:
            problems.append(page.problem(1, "page is not in the navigation (nav: in mkdocs.yml)"))
    problems += check_nav_sections(nav, config_text, nav_line)
    problems += [Problem(f"docs/{found.path}", found.line, found.message) for found in check_structure(docs_dir)]
    return problems


def check_nav_sections(nav: list, config_text: str, nav_line: int) -> list[Problem]:
    """The nav holds the five sections in order, each opening with its index page and holding only its own pages."""
    sections = [item for item in nav or [] if isinstance(item, dict) and isinstance(next(iter(item.values())), list)]
    titles = [next(iter(item)) for item in sections]
    expected = [SECTION_TITLES[section] for section in SECTIONS]
    if titles[: len(expected)] != expected:
        return [Problem("mkdocs.yml", nav_line, f"nav sections must be, in order: {', '.join(expected)}; found: {', '.join(titles)}")]
    problems = []
    for section, item in zip(SECTIONS, sections, strict=False):
        children = nav_paths(next(iter(item.values())))
        title = SECTION_TITLES[section]
        if not children or children[0] != f"{section}/index.md":
            problems.append(Problem("mkdocs.yml", nav_line, f"nav section '{title}' must start with '{section}/index.md'"))
        for child in children[1:]:
            if not child.startswith(f"{section}/"):
                line = line_of(config_text, child, nav_line)
                problems.append(Problem("mkdocs.yml", line, f"'{child}' is listed under '{title}' but lives elsewhere"))
    return problems


def normalized(question: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", question.lower()))


def check_duplicate_questions(pages: dict[str, SourcePage]) -> list[Problem]:
    problems = []
    owner: dict[str, str] = {}
    questions = [page for _, page in sorted(pages.items()) if page.is_question and not page.unreadable]
    for page in questions:
        key = normalized(str(page.meta.get("title", "")))
        if key in owner:
            problems.append(page.problem(1, f"asks the same question as {owner[key]}"))
        else:
            owner[key] = page.shown_path
    for page in questions:
        for alt in page.meta.get("alt_titles") or []:
            other = owner.get(normalized(str(alt)))
            if other and other != page.shown_path:
                problems.append(page.problem(1, f"alt title '{alt}' is the question of {other}"))
    return problems


def built_html_path(docs_path: str) -> str:
    """Where MkDocs (use_directory_urls) writes the page built from a docs path."""
    if docs_path == "index.md" or docs_path.endswith("/index.md"):
        return docs_path[: -len(".md")] + ".html"
    return docs_path[: -len(".md")] + "/index.html"


def check_source_links(page: SourcePage, docs_dir: Path, ids_of) -> list[Problem]:
    """Every link and image in the Markdown source, raw HTML included, resolves."""
    return [problem for link in links(page.body, page.body_line) for problem in _check_link(page, link, docs_dir, ids_of)]


def _check_link(page: SourcePage, link: Link, docs_dir: Path, ids_of) -> list[Problem]:
    target = link.target
    if target.startswith(("mailto:", "tel:")):
        return []
    if EXTERNAL.match(target):
        if link.is_image or link.html_tag in ASSET_TAGS:
            return [page.problem(link.line, f"'{target}' loads from another host; keep assets under docs/assets/")]
        return []
    if link.raw_html:
        return []  # raw HTML is not rewritten by MkDocs: checked on the built page (built_site.py)
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return [page.problem(link.line, f"absolute link '{target}': use a path relative to this page")]
    if not path:
        return _check_anchor(page, link, page.docs_path, anchor, ids_of)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.docs_path), path))
    if resolved.startswith("../") or resolved == "..":
        return [page.problem(link.line, f"link '{target}' escapes docs/")]
    if not (docs_dir / resolved).exists():
        return [page.problem(link.line, f"broken link '{target}': {resolved} does not exist in docs/")]
    if (docs_dir / resolved).is_dir():
        return [page.problem(link.line, f"link '{target}' points to a folder: link to its index.md")]
    if anchor and resolved.endswith(".md"):
        return _check_anchor(page, link, resolved, anchor, ids_of)
    return []


def _check_anchor(page: SourcePage, link: Link, docs_path: str, anchor: str, ids_of) -> list[Problem]:
    ids = ids_of(docs_path)
    if ids is None or anchor in ids:
        return []
    return [page.problem(link.line, f"broken anchor '{link.target}': {docs_path} has no heading or element with id '{anchor}'")]


def question_paths(docs_dir: Path) -> set[str]:
    return {
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if is_question_path(path.relative_to(docs_dir).as_posix())
    }
