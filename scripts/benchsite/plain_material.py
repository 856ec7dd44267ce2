"""The guide's Markdown built by plain Material: the yardstick for what the guide's own additions cost.

A throw-away project (in the bench's temporary folder, never committed): the guide's pages and
images, and an mkdocs.yml with the guide's Markdown extensions, its theme settings (`font: false`,
the same features, palette, logo and icons) and its search plugin, and nothing else: no hooks, no
`custom_dir`, no extra CSS or JavaScript, no other plugin (glightbox, tags).

Two things only the hooks would make are written in as plain Markdown, so that both sites show the
same pages in the same places:
- the nav: each section's question pages under its sub-topics, as guide_nav.py groups them;
- a section page's list of questions: a numbered list of links, each with its one-line
  description, under the sub-topics' headings: what a plain Material site would write by hand.
Everything else the hooks add (the line under a question's title, the related questions, the short
answers and the filter on a section page, the study tools) is the guide's, and counts on its side.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from types import SimpleNamespace

import yaml
from check_site import load_config
from guide_catalog import SECTIONS, declared_subtopics, load_catalog

SECTION_LIST_MARKER = "<!-- section-questions -->"  # overrides/hooks/questions.py fills it in the guide
THEME_KEPT_OUT = ("custom_dir",)  # the guide's templates and hooks' partials
ASSETS_KEPT_OUT = ("assets/javascripts", "assets/stylesheets")  # the guide's own scripts and styles


def plain_config(config: dict, docs_dir: Path) -> dict:
    """The throw-away mkdocs.yml: the guide's theme, search and Markdown, nothing of its own."""
    theme = {key: value for key, value in config["theme"].items() if key not in THEME_KEPT_OUT}
    search = next(plugin for plugin in config["plugins"] if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin))
    return {
        "site_name": config["site_name"],
        "site_description": config.get("site_description", ""),
        "site_url": config["site_url"],
        "theme": {**theme, "font": False},
        "plugins": [search],
        "markdown_extensions": config["markdown_extensions"],
        "nav": full_nav(config["nav"], docs_dir),
    }


def full_nav(nav: list, docs_dir: Path) -> list:
    """The nav as the guide's build sees it: guide_nav.py's own grouping, computed once here."""
    import guide_nav

    expanded = guide_nav.on_config(SimpleNamespace(nav=nav, docs_dir=str(docs_dir), config_file_path=None))
    return expanded.nav


def plain_section_list(docs_dir: Path, section: str) -> str:
    """A section's questions as plain Markdown: numbered links with their descriptions, under sub-topics."""
    questions = [question for question in load_catalog(docs_dir) if question.section == section]
    parts = []
    number = 0
    for subtopic in declared_subtopics(docs_dir, section) or [None]:
        members = [question for question in questions if subtopic is None or question.subtopic == subtopic.id]
        if not members:
            continue
        if subtopic is not None:
            parts.append(f"## {subtopic.title}")
        items = []
        for question in members:
            number += 1
            href = posixpath.relpath(question.path, section)
            items.append(f"{number}. [{question.title}]({href})  \n    {question.description}")
        parts.append("\n".join(items))
    return "\n\n".join(parts) + "\n"


def make_plain_project(root: Path, dest: Path) -> Path:
    """Write the plain project into `dest` (created): docs/ without the guide's assets, and mkdocs.yml."""
    config, _, problems = load_config(root)
    if problems:
        raise ValueError(f"{root}/mkdocs.yml: {problems[0].message}")
    source_docs = root / "docs"
    docs = dest / "docs"
    shutil.copytree(source_docs, docs, ignore=shutil.ignore_patterns("__pycache__"))
    for kept_out in ASSETS_KEPT_OUT:
        shutil.rmtree(docs / kept_out, ignore_errors=True)
    for section in SECTIONS:
        index = docs / section / "index.md"
        if index.is_file():
            index.write_text(index.read_text(encoding="utf-8").replace(SECTION_LIST_MARKER, plain_section_list(source_docs, section)), encoding="utf-8")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(config, source_docs), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest
