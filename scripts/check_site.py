"""Check the guide's pages against the page contract, build strictly, and check the built site.

Usage: python scripts/check_site.py [--root DIR] [--site-dir DIR]

Prints every problem in one run, one line each, as `path:line: message`, and exits 1 when
there is any. See CONTRIBUTING.md for the rules.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import yaml  # noqa: E402
from guide_catalog import SECTIONS, load_catalog  # noqa: E402
from sitecheck.built_site import BuiltSite, build, build_warnings_as_problems, check_built_site  # noqa: E402
from sitecheck.landscape_rules import check_landscape, check_review_entries  # noqa: E402
from sitecheck.page_rules import check_page, read_page  # noqa: E402
from sitecheck.problems import Problem  # noqa: E402
from sitecheck.site_rules import (  # noqa: E402
    built_html_path,
    check_duplicate_questions,
    check_nav,
    check_source_links,
    question_paths,
)
from sitecheck.syllabus_rules import check_syllabus_ids  # noqa: E402


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking the default of every !ENV switch."""


def _env_default(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return value[-1] if len(value) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env_default)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_config(root: Path) -> tuple[dict, str, list[Problem]]:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, text, [Problem("mkdocs.yml", mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}")]
    return config, text, []


def allowed_tags(config: dict) -> set[str]:
    """The controlled vocabulary: `extra.tag_vocabulary` in mkdocs.yml."""
    return set((config.get("extra") or {}).get("tag_vocabulary") or [])


def check(root: Path, site_dir: Path) -> list[Problem]:
    config, config_text, problems = load_config(root)
    if problems:
        return problems
    docs_dir = root / "docs"
    questions = question_paths(docs_dir)
    tags = allowed_tags(config)
    pages = {}
    for file in sorted(docs_dir.rglob("*.md")):
        docs_path = file.relative_to(docs_dir).as_posix()
        page, read_problems = read_page(docs_dir, docs_path, "docs/")
        pages[docs_path] = page
        problems += read_problems
        if not page.unreadable:
            problems += check_page(page, tags, questions)
    nav = config.get("nav") or []
    problems += check_nav(nav, config_text, pages, docs_dir)
    problems += check_duplicate_questions(pages)
    problems += check_syllabus_ids(pages, root)
    problems += check_landscape(pages, root)
    problems += check_review_entries(pages, root)

    built, messages = build(root, site_dir)
    problems += build_warnings_as_problems(messages, root)
    site = BuiltSite(site_dir, urlsplit(str(config.get("site_url") or "/")).path or "/", root)
    if not (site_dir / "index.html").is_file():
        return _unique(problems)
    link_problems = [p for page in pages.values() if not page.unreadable for p in check_source_links(page, docs_dir, site.ids_of)]
    problems += link_problems
    pages_with_link_problems = {problem.path for problem in link_problems}
    sources = {built_html_path(path): f"docs/{path}" for path in pages}
    in_guide = [question.path for question in load_catalog(docs_dir)]
    sections = {section: [path for path in in_guide if path.startswith(section + "/")] for section in SECTIONS}
    pages_with_h1_problems = {problem.path for problem in problems if problem.message.startswith("more than one H1")}
    problems += [
        problem for problem in check_built_site(site, sources, in_guide, sections)
        if not (problem.path in pages_with_link_problems and "built page links" in problem.message)
        and not (problem.path in pages_with_h1_problems and "H1 headings" in problem.message)
    ]
    return _unique(problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    """Sorted, and without a mkdocs warning that repeats a problem already reported at the same place."""
    seen_places = {(p.path, p.line) for p in problems if not p.message.startswith("mkdocs: ")}
    kept = {p for p in problems if not (p.message.startswith("mkdocs: ") and (p.path, p.line) in seen_places)}
    return sorted(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding mkdocs.yml and docs/")
    parser.add_argument("--site-dir", type=Path, help="where to build the site (default: a temporary folder)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"{root}/mkdocs.yml: no such file: --root must be the project folder", file=sys.stderr)
        return 2
    if args.site_dir:
        problems = check(root, args.site_dir.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="site-check-") as folder:
            problems = check(root, Path(folder))
    for problem in problems:
        print(problem)
    pages = len(list((root / "docs").rglob("*.md")))
    if problems:
        print(f"check_site: {len(problems)} problem(s) in {pages} pages", file=sys.stderr)
        return 1
    print(f"check_site: {pages} pages, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
