"""Reading a Markdown page the way the checker needs it: lines outside code, links, headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")
INLINE_LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]*)\]\((?P<target><[^>]+>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,12}\[[^\]]+\]:\s*(?P<target>\S+)")
HTML_ATTRIBUTE = re.compile(r"<(?P<tag>[a-zA-Z]+)\b[^>]*?\b(?P<attr>href|src)=\"(?P<target>[^\"]*)\"[^>]*>")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTRIBUTE_BLOCK = re.compile(r"\{[^}]*\}$")


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    text: str
    is_image: bool
    raw_html: bool = False
    html_tag: str = ""


def prose_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, text) of every line outside fenced code blocks."""
    result = []
    inside = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            result.append((first_line + offset, line))
    return result


def links(body: str, first_line: int) -> list[Link]:
    found = []
    for number, line in prose_lines(body, first_line):
        text = INLINE_CODE.sub("", line)
        for match in INLINE_LINK.finditer(text):
            target = match.group("target").strip("<>")
            found.append(Link(number, target, match.group("text"), bool(match.group("image"))))
        definition = REFERENCE_DEFINITION.match(text)
        if definition:
            found.append(Link(number, definition.group("target"), "", False))
        for match in HTML_ATTRIBUTE.finditer(text):
            tag = match.group("tag").lower()
            found.append(Link(number, match.group("target"), "", tag == "img", raw_html=True, html_tag=tag))
    return found


def html_images_without_alt(body: str, first_line: int) -> list[int]:
    return [
        number
        for number, line in prose_lines(body, first_line)
        for tag in HTML_IMAGE.findall(INLINE_CODE.sub("", line))
        if not re.search(r"\balt=\"[^\"]+\"", tag)
    ]


def headings(body: str, first_line: int, level: int, indent: str = "") -> list[tuple[int, str]]:
    """(line number, title) of ATX headings of one level, at one indentation."""
    prefix = indent + "#" * level + " "
    found = []
    for number, line in prose_lines(body, first_line):
        if line.startswith(prefix):
            title = ATTRIBUTE_BLOCK.sub("", line[len(prefix) :]).strip().rstrip("#").strip()
            found.append((number, title))
    return found
