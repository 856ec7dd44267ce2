"""The strict MkDocs build, and the rules checked on its output (what a reader's browser gets)."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pagefind_index import indexed_pages

from .markdown_source import prose_lines
from .problems import Problem
from .site_rules import EXTERNAL, built_html_path, line_of

WARNING = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(?P<message>.*)$")
DOC_LINK_WARNING = re.compile(r"Doc file '(?P<doc>[^']+)' contains .*?link '(?P<link>[^']+)'")
PAGE_MESSAGE = re.compile(r"page '(?P<doc>[^']+\.md)'")
# A hook's own warning that already names its place (overrides/hooks/guide_nav.py).
PLACED_MESSAGE = re.compile(r"^(?P<path>(?:docs/\S+\.md|mkdocs\.yml)):(?P<line>\d+): (?P<message>.*)$")
CSS_EXTERNAL = re.compile(r"url\(\s*['\"]?(?:https?:)?//|@import\s+['\"]?(?:https?:)?//", re.IGNORECASE)
# An address on another host, whatever it looks like: a scheme that reaches a network, or //host.
OTHER_HOST = re.compile(r"^\s*(?:(?:https?|wss?|ftp):)?//", re.IGNORECASE)
# URLs a stylesheet fetches: url(...), @import "...", image-set("...").
CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+|image-set\([^)]*?)['"]?(?P<url>[^'")\s,]+)""", re.IGNORECASE)
# Attributes whose address the browser fetches on its own, on any element.
FETCHED_ATTRIBUTES = ("src", "poster", "data", "background")
SRCSET_ATTRIBUTES = ("srcset", "imagesrcset")
# Elements whose href is fetched too (SVG images and sprites), and <link> relations that only name
# another page: every other relation (stylesheet, icon, preload, preconnect, dns-prefetch,
# manifest, modulepreload, search...) makes the browser contact the host.
FETCHED_HREF_TAGS = {"image", "use", "feimage"}
PAGE_RELATIONS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "me", "bookmark"}
# A level-one heading in Markdown (ATX at any indentation, or raw HTML) or a setext underline.
SOURCE_H1 = re.compile(r"^\s*(?:#(?:\s|$)|<h1\b|=+\s*$)", re.IGNORECASE)


def build(root: Path, site_dir: Path) -> tuple[bool, list[str]]:
    """Build; return (no warnings, warning and error messages).

    The build runs with --no-strict so that one warning does not stop the checks of the built
    pages; every warning it prints is reported as a problem, which is what strict mode means here.
    The downloads (PDFs, flashcards) are not made here: the hook adds their links only when it makes
    the files, and tests/test_exports.py checks both on the full build (EXPORTS=1).
    """
    env = {**os.environ, "EXPORTS": "0", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)
    output = result.stdout + result.stderr
    messages = [match.group("message").strip() for line in output.splitlines() for match in [WARNING.match(line)] if match]
    if result.returncode != 0 and not messages:
        tail = [line for line in output.strip().splitlines() if line.strip()][-1:] or ["no output"]
        messages.append(f"mkdocs build failed: {tail[0]}")
    return result.returncode == 0 and not messages, messages


def build_warnings_as_problems(messages: list[str], root: Path) -> list[Problem]:
    problems = []
    config_text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for message in messages:
        if message.startswith("Aborted with"):
            continue
        placed = PLACED_MESSAGE.match(message)
        match = DOC_LINK_WARNING.search(message)
        if placed:
            problems.append(Problem(placed.group("path"), int(placed.group("line")), f"mkdocs: {placed.group('message')}"))
        elif match:
            doc = match.group("doc")
            source = root / "docs" / doc
            text = source.read_text(encoding="utf-8") if source.is_file() else ""
            problems.append(Problem(f"docs/{doc}", line_of(text, match.group("link")), f"mkdocs: {message}"))
        elif PAGE_MESSAGE.search(message) and (root / "docs" / PAGE_MESSAGE.search(message).group("doc")).is_file():
            problems.append(Problem(f"docs/{PAGE_MESSAGE.search(message).group('doc')}", 1, f"mkdocs: {message}"))
        else:
            quoted = re.search(r"'([^']+\.md)'", message)
            line = line_of(config_text, quoted.group(1)) if quoted else 1
            problems.append(Problem("mkdocs.yml", line, f"mkdocs: {message}"))
    return problems


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.fetched: list[str] = []  # every address the browser requests for this page
        self.answer_blocks: list[bool] = []  # is_open for each <details class="answer">
        self.h1_count = 0
        self.question_list: list[str] = []  # a section page's own list: the first link of each item
        self._list_depth = 0  # lists open inside <ol class="question-list">, itself included
        self._awaiting_item_link = False
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if attributes.get("name") and tag == "a":
            self.ids.add(attributes["name"])
        for attribute in ("href", "src", "srcset", "poster", "data"):
            if attributes.get(attribute):
                self.references.append((tag, attribute, attributes[attribute]))
        self._record_fetched(tag, attributes)
        if tag == "details" and "answer" in attributes.get("class", "").split():
            self.answer_blocks.append("open" in attributes)
        if tag == "h1":
            self.h1_count += 1
        self._follow_question_list(tag, attributes)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self._list_depth:
            self._list_depth -= 1
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.fetched += [match.group("url") for match in CSS_URL.finditer(data)]

    def _record_fetched(self, tag, attributes):
        self.fetched += [attributes[name] for name in FETCHED_ATTRIBUTES if attributes.get(name)]
        for name in SRCSET_ATTRIBUTES:
            self.fetched += [candidate.split()[0] for candidate in attributes.get(name, "").split(",") if candidate.split()]
        href = attributes.get("href") or attributes.get("xlink:href")
        if href and tag == "link" and not set(attributes.get("rel", "").lower().split()) <= PAGE_RELATIONS:
            self.fetched.append(href)
        elif href and tag in FETCHED_HREF_TAGS:
            self.fetched.append(href)
        self.fetched += [match.group("url") for match in CSS_URL.finditer(attributes.get("style", ""))]

    def _follow_question_list(self, tag, attributes):
        if tag in ("ol", "ul") and (self._list_depth or "question-list" in attributes.get("class", "").split()):
            self._list_depth += 1
        elif tag == "li" and self._list_depth == 1:
            self._awaiting_item_link = True
        elif tag == "a" and self._awaiting_item_link and attributes.get("href"):
            self.question_list.append(attributes["href"])
            self._awaiting_item_link = False


class BuiltSite:
    """Parsed pages of a built site, read lazily and once."""

    def __init__(self, site_dir: Path, base_path: str = "/", root: Path | None = None):
        self.site_dir = site_dir
        self.root = root
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self._pages: dict[str, _PageParser] = {}

    def page(self, html_path: str) -> _PageParser | None:
        if html_path not in self._pages:
            file = self.site_dir / html_path
            if not file.is_file():
                return None
            parser = _PageParser()
            parser.feed(file.read_text(encoding="utf-8"))
            self._pages[html_path] = parser
        return self._pages[html_path]

    def ids_of(self, docs_path: str) -> set[str] | None:
        page = self.page(built_html_path(docs_path))
        return page.ids if page else None

    def html_files(self) -> list[str]:
        return sorted(path.relative_to(self.site_dir).as_posix() for path in self.site_dir.rglob("*.html"))

    def search_locations(self) -> set[str]:
        """The pages in the search index readers search: Pagefind's (overrides/hooks/search_engine.py)."""
        return set(indexed_pages(self.site_dir))


def check_built_site(site: BuiltSite, sources: dict[str, str], question_paths: list[str], sections: dict[str, list[str]]) -> list[Problem]:
    """sources maps built HTML paths to the Markdown file shown in problems."""
    problems = []
    reported_targets: set[str] = set()
    for html_path in site.html_files():
        shown = sources.get(html_path, f"site/{html_path}")
        problems += _check_references(site, html_path, shown, reported_targets)
    problems += _check_other_hosts(site, sources)
    problems = [_with_source_line(problem, site.root) for problem in problems]
    problems += _check_one_h1(site, sources)
    for docs_path in question_paths:
        problems += _check_answer_rendered(site, docs_path)
    problems += _check_section_indexes(site, sections)
    problems += _check_search_index(site, question_paths)
    problems += _check_stylesheets(site)
    return problems


def _check_references(site: BuiltSite, html_path: str, shown: str, reported_targets: set[str]) -> list[Problem]:
    """Missing link targets (each missing target once, where first seen)."""
    problems = []
    page = site.page(html_path)
    for tag, attribute, value in page.references:
        if EXTERNAL.match(value) or _resolves(site, html_path, value):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(html_path), value.lstrip("/")))
        if target in reported_targets:
            continue
        reported_targets.add(target)
        if tag != "a" or attribute != "href":
            problems.append(Problem(shown, 1, f"built page references missing file '{value}'"))
        else:
            problems.append(Problem(shown, 1, f"built page links to '{value}', which does not exist"))
    return problems


def _check_other_hosts(site: BuiltSite, sources: dict[str, str]) -> list[Problem]:
    """Any address a page makes the browser fetch from another host: each once, where first seen."""
    pages_of: dict[str, list[str]] = {}
    for html_path in site.html_files():
        for value in site.page(html_path).fetched:
            if OTHER_HOST.match(value) and html_path not in pages_of.setdefault(value.strip(), []):
                pages_of[value.strip()].append(html_path)
    problems = []
    for value, html_paths in pages_of.items():
        first = html_paths[0]
        elsewhere = f" (and {len(html_paths) - 1} other pages)" if len(html_paths) > 1 else ""
        problems.append(Problem(sources.get(first, f"site/{first}"), 1, f"built page loads '{value}' from another host{elsewhere}"))
    return problems


def _check_one_h1(site: BuiltSite, sources: dict[str, str]) -> list[Problem]:
    """One H1 in the rendered page, wherever a second one comes from (an answer, raw HTML, setext)."""
    problems = []
    for html_path in site.html_files():
        count = site.page(html_path).h1_count
        if count > 1:
            shown = sources.get(html_path, f"site/{html_path}")
            problems.append(Problem(shown, _second_h1_line(site.root, shown), f"built page has {count} H1 headings; only the title may be an H1"))
    return problems


def _second_h1_line(root: Path | None, shown: str) -> int:
    """The source line of the page's second level-one heading, when the source shows one."""
    source = root / shown if root else None
    if source is None or not shown.startswith("docs/") or not source.is_file():
        return 1
    lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
    body_start = next((index + 1 for index, line in enumerate(lines[1:], 1) if lines[0] == "---" and line.rstrip() == "---"), 0)
    found = [number for number, line in prose_lines("\n".join(lines[body_start:]), body_start + 1) if SOURCE_H1.match(line)]
    return found[1] if len(found) > 1 else 1


def _with_source_line(problem: Problem, root: Path | None) -> Problem:
    """Point a built-page problem at the source line that holds the offending reference, when one does."""
    quoted = re.search(r"'([^']+)'", problem.message)
    source = root / problem.path if root else None
    if not quoted or source is None or not source.is_file() or not problem.path.startswith("docs/"):
        return problem
    return Problem(problem.path, line_of(source.read_text(encoding="utf-8"), quoted.group(1)), problem.message)


def _resolves(site: BuiltSite, html_path: str, value: str) -> bool:
    parts = urlsplit(value)
    if parts.scheme or not (parts.path or parts.fragment):
        return True
    path = unquote(parts.path)
    if path.startswith("/"):  # root-relative, as on the 404 page: strip the site's base path
        if not path.startswith(site.base_path):
            return False
        path, html_path = path[len(site.base_path):] or ".", "index.html"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(html_path), path)) if path else html_path
    if target.startswith(".."):
        return False
    file = site.site_dir / target
    if file.is_dir():
        target = posixpath.join(target, "index.html")
        file = site.site_dir / target
    if not file.is_file():
        return False
    if parts.fragment and target.endswith(".html"):
        page = site.page(target)
        return page is not None and unquote(parts.fragment) in page.ids
    return True


def _check_answer_rendered(site: BuiltSite, docs_path: str) -> list[Problem]:
    page = site.page(built_html_path(docs_path))
    shown = f"docs/{docs_path}"
    if page is None:
        return [Problem(shown, 1, "page is missing from the built site")]
    if len(page.answer_blocks) != 1:
        return [Problem(shown, 1, f"built page has {len(page.answer_blocks)} answer blocks; it must have exactly one")]
    if page.answer_blocks[0]:
        return [Problem(shown, 1, "built page shows the answer open; it must be collapsed")]
    return []


def _check_section_indexes(site: BuiltSite, sections: dict[str, list[str]]) -> list[Problem]:
    problems = []
    for section, questions in sections.items():
        index = f"{section}/index.html"
        page = site.page(index)
        if page is None:
            continue
        targets = {posixpath.normpath(posixpath.join(section, value.split("#")[0])) for value in page.question_list}
        for docs_path in questions:
            expected = posixpath.dirname(built_html_path(docs_path))
            if expected not in targets:
                problems.append(Problem(f"docs/{section}/index.md", 1, f"section index does not list {docs_path}"))
    return problems


def _check_search_index(site: BuiltSite, question_paths: list[str]) -> list[Problem]:
    locations = site.search_locations()
    return [
        Problem(f"docs/{docs_path}", 1, "page is missing from the search index")
        for docs_path in question_paths
        if posixpath.dirname(built_html_path(docs_path)) + "/" not in locations
    ]


def _check_stylesheets(site: BuiltSite) -> list[Problem]:
    problems = []
    for css in sorted(site.site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if CSS_EXTERNAL.search(line):
                problems.append(Problem(f"site/{css.relative_to(site.site_dir).as_posix()}", number, "stylesheet loads from another host"))
    return problems
