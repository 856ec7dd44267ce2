"""Lint the guide's Markdown with PyMarkdown, configured in .pymarkdown.yml.

Material's admonitions, collapsible blocks and content tabs (`!!! note`, `??? answer`,
`=== "Tab"`) indent their content by four spaces, which plain Markdown reads as an
indented code block: a linter given the raw page would skip every answer. So each page
is handed to PyMarkdown with those blocks opened up: an opener line becomes an HTML
comment and its content loses the indent. Line numbers stay the same, and problems are
reported at the original line and column, one per line, as `path:line:column: RULE ...`.

Usage: lint_markdown.py [PATH ...]    (files or folders; default: docs/)
Exit status: 0 clean, 1 problems found, 2 the linter could not run.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".pymarkdown.yml"
BLOCK_INDENT = 4
BLOCK_OPENER = re.compile(r'^(?P<indent> *)(?:!!!|\?\?\?\+?|===!?)(?:\s+[\w-]+)?(?:\s+"[^"]*")?\s*$')
OPENER_STANDIN = "<!-- block -->"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.rule}: {self.message}"


def open_up_blocks(text: str) -> tuple[str, list[int]]:
    """The text with indented blocks opened up, and the indent removed from each line."""
    lines_out: list[str] = []
    removed: list[int] = []
    content_indents: list[int] = []  # one per open block, outermost first
    for line in text.split("\n"):
        if line.strip():
            leading = len(line) - len(line.lstrip(" "))
            while content_indents and leading < content_indents[-1]:
                content_indents.pop()
        depth = content_indents[-1] if content_indents else 0
        opener = BLOCK_OPENER.match(line)
        if opener and len(opener["indent"]) >= depth:
            lines_out.append(" " * (len(opener["indent"]) - depth) + OPENER_STANDIN)
            removed.append(depth)
            content_indents.append(len(opener["indent"]) + BLOCK_INDENT)
        elif line.strip():
            lines_out.append(line[depth:])
            removed.append(depth)
        else:
            lines_out.append("")
            removed.append(0)
    return "\n".join(lines_out), removed


def markdown_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.rglob("*.md"))
        elif path.suffix == ".md":
            found.append(path)
    return found


def shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def lint(paths: list[Path]) -> list[Problem]:
    from pymarkdown.api import PyMarkdownApi

    problems = []
    for path in markdown_files(paths):
        text, removed = open_up_blocks(path.read_text(encoding="utf-8"))
        if not text.strip():
            continue
        result = PyMarkdownApi().configuration_file_path(str(CONFIG)).scan_string(text)
        for failure in result.scan_failures:
            offset = removed[failure.line_number - 1] if 0 < failure.line_number <= len(removed) else 0
            message = " ".join(f"{failure.rule_description} {failure.extra_error_information or ''}".split())
            column = failure.column_number + offset
            problems.append(Problem(shown(path), failure.line_number, column, failure.rule_id.upper(), f"{message} ({failure.rule_name})"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "docs"], help="Markdown files or folders (default: docs/)")
    arguments = parser.parse_args(argv)
    missing = [str(path) for path in arguments.paths if not path.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        problems = lint(arguments.paths)
    except ImportError:
        print("error: PyMarkdown is not installed; run `make setup`", file=sys.stderr)
        return 2
    except Exception as error:  # the linter's own failure (bad config, parser crash): one clear line
        print(f"error: PyMarkdown could not run: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} Markdown problem(s); rules are set in .pymarkdown.yml", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
