"""Build hook: the page "The MLOps tool landscape" (docs/landscape.md), made from overrides/data/landscape.yml,
and a "Tool status" note in the answer of every question page that names a tool with a recorded change.

The tools and how a page names one are read through landscape_data.py (shared with the checker). A bad
entry stops the build with `overrides/data/landscape.yml:LINE: message`, every problem at once.
"""

from __future__ import annotations

from pathlib import Path

from guide_catalog import RELATED_HEADING, is_question_path, relative_link
from landscape_data import LANDSCAPE_FILE, Landscape, Tool, load_landscape, named_tools
from markupsafe import escape
from mkdocs.exceptions import PluginError

LANDSCAPE_PAGE = "landscape.md"
MARKER = "<!-- tool-landscape -->"
ANSWER_INDENT = "    "
NOTE_INDENT = ANSWER_INDENT * 2

_landscape: list[Landscape] = []


def on_files(files, *, config):
    landscape, problems = load_landscape(Path(config.config_file_path).parent)
    if problems:
        raise PluginError("\n".join(f"{LANDSCAPE_FILE.as_posix()}:{line}: {message}" for line, message in problems))
    _landscape[:] = [landscape]


def on_page_markdown(markdown, *, page, config, files):
    if not _landscape:
        return None
    path = page.file.src_uri
    if path == LANDSCAPE_PAGE:
        return markdown.replace(MARKER, landscape_tables(_landscape[0]))
    if is_question_path(path):
        return add_tool_status(markdown, page.file.content_string, path, _landscape[0])
    return None


def cell(text: str) -> str:
    return str(escape(text)).replace("|", "\\|")


def landscape_tables(landscape: Landscape) -> str:
    """The tools by name, then every recorded change, newest first."""
    rows = ["| Tool | What it does | License | Status | As of | Source |", "| --- | --- | --- | --- | --- | --- |"]
    for tool in sorted(landscape.tools, key=lambda item: item.name.casefold()):
        as_of = f'<time datetime="{tool.as_of.isoformat()}">{tool.as_of.day} {tool.as_of:%B} {tool.as_of.year}</time>'
        rows.append(
            f"| **{cell(tool.name)}** | {cell(tool.does)} | {cell(tool.license)} | {cell(tool.status)} | {as_of} | [source]({tool.source}) |"
        )
    changes = sorted(
        ((change, tool) for tool in landscape.tools for change in tool.changes),
        key=lambda pair: (pair[0].announced.first, pair[1].name.casefold()),
        reverse=True,
    )
    log = ["| Announced | Tool | Change | Takes effect | What changed | Source |", "| --- | --- | --- | --- | --- | --- |"]
    for change, tool in changes:
        effective = change.effective.text if change.effective else ""
        log.append(
            f'| <time datetime="{change.announced.iso}">{change.announced.text}</time> | {cell(tool.name)} | {change.noun} '
            f"| {effective} | {cell(change.summary)} | [source]({change.source}) |"
        )
    return "\n".join(rows) + "\n\n## Changes, newest first\n\n" + "\n".join(log)


def status_line(tool: Tool) -> str:
    latest = tool.changes[-1]
    return f"**{cell(tool.name)}**: {cell(tool.status)} ({latest.noun}, {latest.announced.text})."


def add_tool_status(markdown: str, source: str, path: str, landscape: Landscape) -> str | None:
    """A note at the end of the answer, before its Related questions (or References), listing the changed tools the page's source
    names (read as the checker reads it: front matter and prose, not fenced code)."""
    tools = [tool for tool, _ in named_tools(landscape, source)]
    markers = [f"{ANSWER_INDENT}## {RELATED_HEADING}", f"{ANSWER_INDENT}## References"]
    marker = next((line for line in markers if line in markdown), None)
    if not tools or marker is None:
        return None
    link = relative_link(path, LANDSCAPE_PAGE)
    lines = [f'{ANSWER_INDENT}!!! info "Tool status"', ""]
    lines += [f"{NOTE_INDENT}- {status_line(tool)}" for tool in tools]
    lines += ["", f"{NOTE_INDENT}License, owner and every recorded change: [the MLOps tool landscape]({link}).", "", ""]
    return markdown.replace(marker, "\n".join(lines) + marker, 1)
