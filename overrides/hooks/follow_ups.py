"""Follow-up questions: their ids as written in the Markdown, and their parts in a built page.

A follow-up is an item of the list under `## Follow-up questions` in a question's answer block, its
question in bold, its id written right after the bold question (no space), then its answer:

    - **How do you detect drift?**{#fu-detect-drift} Compare each feature's recent window with ...

`{#fu-detect-drift}` is attr_list's syntax (mkdocs.yml enables it): it prints nothing and gives the
question an anchor, `<strong id="fu-detect-drift">`, so `monitoring/model-drift/#fu-detect-drift`
opens the answer at that follow-up. The follow-up's id is what follows `fu-` (`detect-drift`): kebab-case,
unique in its page, and never changed once published, whatever happens to the question's words or the
list's order. Marks saved in readers' browsers (`<docs path>#<id>`), the flashcards' GUIDs and the
practice data all use it. `scripts/add_follow_up_ids.py` writes the ids a page lacks, each set to
`derived_id` (the first six words of the question that are not stop words): the id every follow-up had
before ids were written, so no saved mark is lost. The checker requires an id on every follow-up.

Shared by the build hooks (practice data, exports), the checker and the script: one reading of follow-ups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

ANCHOR_PREFIX = "fu-"
ID_FORM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_WORDS = 6
ADD_IDS_SCRIPT = "scripts/add_follow_up_ids.py"
_STOP_WORDS = frozenset("a an and the of to in on for is are do does you your it its what how why when which with or be can".split())

# --- In the Markdown ----------------------------------------------------------------------------------

SECTION_HEADING = re.compile(r"^ {4}## Follow-up questions\s*$")
NEXT_HEADING = re.compile(r"^ {0,4}#{1,2} ")
# An item of the list: "    - **question**" and what follows the closing "**" on the same line.
SOURCE_ITEM = re.compile(r"^(?P<lead> {4}- \*\*)(?P<question>.+?)\*\*(?P<after>.*)$")
# The id, right after the bold question: "{#fu-detect-drift}".
SOURCE_ID = re.compile(r"^\{#" + ANCHOR_PREFIX + r"(?P<id>[^}\s]*)\}")
# Something meant as an id that attr_list would not read as this one: a space before it, another form.
SOURCE_ID_ATTEMPT = re.compile(r"^\s*\{[^}]*\}")
# A written id anywhere in a line, for counting an answer's words without it.
SOURCE_ID_IN_TEXT = re.compile(r"\{#" + ANCHOR_PREFIX + r"[^}\s]*\}")


@dataclass(frozen=True)
class SourceFollowUp:
    """A follow-up as written: its line in the file, its question's Markdown, and what is written as its id."""

    line: int
    question: str
    id: str | None  # the id written right after the bold question ("detect-drift"); None when none is
    attempt: str  # the text of a malformed id ("{#Detect drift}", " {#fu-x}"); "" when there is none or it is well-formed
    end: int  # the offset in the line just after the closing "**", where an id goes

    @property
    def well_formed(self) -> bool:
        return self.id is not None and bool(ID_FORM.fullmatch(self.id))


def source_follow_ups(body: str, first_line: int) -> list[SourceFollowUp]:
    """The follow-ups of a page's Markdown body, in order; `first_line` is the file line of the body's first line."""
    found: list[SourceFollowUp] = []
    inside = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if SECTION_HEADING.match(line):
            inside = True
            continue
        if not inside:
            continue
        if NEXT_HEADING.match(line) or (line.strip() and not line.startswith("    ")):
            break
        if item := SOURCE_ITEM.match(line):
            found.append(_source_item(number, item))
    return found


def _source_item(number: int, item: re.Match) -> SourceFollowUp:
    after = item.group("after")
    end = item.end("question") + 2
    if written := SOURCE_ID.match(after):
        written_id = written.group("id")
        return SourceFollowUp(number, item.group("question"), written_id, "" if ID_FORM.fullmatch(written_id) else written.group(0), end)
    if attempt := SOURCE_ID_ATTEMPT.match(after):
        return SourceFollowUp(number, item.group("question"), None, attempt.group(0), end)
    return SourceFollowUp(number, item.group("question"), None, "", end)


def id_markup(follow_up_id: str) -> str:
    """What is written after the bold question: `{#fu-detect-drift}`."""
    return "{#" + ANCHOR_PREFIX + follow_up_id + "}"


class FollowUpProblem(NamedTuple):
    """A follow-up's id that the checker refuses: its line in the file and what to do."""

    line: int
    message: str


def follow_up_problems(follow_ups: list[SourceFollowUp]) -> list[FollowUpProblem]:
    """Each follow-up without an id, with a malformed one, or with one already used in its page."""
    problems: list[FollowUpProblem] = []
    first_line: dict[str, int] = {}
    for item in follow_ups:
        if item.attempt:
            problems.append(FollowUpProblem(item.line, f"follow-up id '{item.attempt.strip()}' is malformed: write it right after the "
                                            f"bold question, with no space, as {{#fu-<id>}} with the id in lowercase kebab-case, "
                                            f"such as **{_short(item.question)}**{{#fu-some-words}}"))
        elif item.id is None:
            problems.append(FollowUpProblem(item.line, f"follow-up '{_short(item.question)}' has no id: run `python {ADD_IDS_SCRIPT}`, "
                                            "which writes {#fu-<id>} after each bold question that lacks one"))
        elif item.id in first_line:
            problems.append(FollowUpProblem(item.line, f"follow-up id '{item.id}' is used twice in this page (first at line "
                                            f"{first_line[item.id]}): give this follow-up an id of its own, {{#fu-<another-id>}}"))
        else:
            first_line[item.id] = item.line
    return problems


def _short(question: str, limit: int = 60) -> str:
    return question if len(question) <= limit else question[: limit - 3].rstrip() + "..."


# --- The id follow-ups had before ids were written ------------------------------------------------------


def derived_id(question_html: str) -> str:
    """An id from a rendered question's words: the first six that are not stop words, in kebab-case.

    The only id follow-ups had before ids were written in the Markdown; add_follow_up_ids.py writes it
    as the explicit id, so that marks saved under it keep working.
    """
    text = re.sub(r"<[^>]+>", " ", question_html)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text).casefold()
    words = [word for word in re.findall(r"[a-z0-9]+", text) if word not in _STOP_WORDS]
    return "-".join(words[:ID_WORDS]) or "follow-up"


def unique_ids(written: list[str | None], derived: list[str]) -> list[str]:
    """Each follow-up's id: the one written, else its derived id, numbered (-2, -3) past the ids already taken."""
    used = {item for item in written if item}
    result: list[str] = []
    for explicit, base in zip(written, derived, strict=True):
        if explicit:
            result.append(explicit)
            continue
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        result.append(candidate)
    return result


# --- In a built page --------------------------------------------------------------------------------

# The list under the Follow-up questions heading, each item "<strong id="fu-...">question</strong> answer".
SECTION_HTML = re.compile(r'<h2 id="follow-up-questions">.*?</h2>\s*<ul>\s*(?P<body>.*?)</ul>\s*(?=<h2\b|</details>)', re.DOTALL)
ITEM_HTML = re.compile(r"<li>\s*<strong(?P<attributes>[^>]*)>(?P<question>.*?)</strong>\s*(?P<answer>.*?)</li>", re.DOTALL)
ANCHOR_HTML = re.compile(r'\bid="' + ANCHOR_PREFIX + r'(?P<id>[^"]+)"')


@dataclass(frozen=True)
class FollowUp:
    """One follow-up of a built question page: its id (as written in the Markdown), question and answer as HTML."""

    id: str
    question_html: str
    answer_html: str
    written: bool = True  # False: the Markdown has no id for it yet, and `id` is its derived id (the checker reports it)

    @property
    def anchor(self) -> str:
        return ANCHOR_PREFIX + self.id


def follow_ups_html(content_html: str) -> list[FollowUp]:
    """The follow-ups of a built question page, in order, each with its id.

    A follow-up whose Markdown has no id yet (a page written after the ids, before the script ran on it)
    gets the id the script would write, so the site still works; the checker reports the missing id.
    """
    match = SECTION_HTML.search(content_html)
    if match is None:
        return []
    items = list(ITEM_HTML.finditer(match.group("body")))
    written = [(anchor.group("id") if (anchor := ANCHOR_HTML.search(item.group("attributes"))) else None) for item in items]
    ids = unique_ids(written, [derived_id(item.group("question")) for item in items])
    return [
        FollowUp(follow_up_id, item.group("question").strip(), item.group("answer").strip(), explicit is not None)
        for follow_up_id, explicit, item in zip(ids, written, items, strict=True)
    ]
