"""The tool landscape as data: what each tool the guide names is, who owns it, under which license, and
what changed about it (renames, license changes, acquisitions, deprecations, ends of life).

`overrides/data/landscape.yml` lists the tools; this module is the one reader of it, shared by the build
hooks (the landscape page, the "Tool status" note on question pages) and the checker (a page that names a
tool whose change came after its review, a retired name without the current one), so that both read the
file, and find a tool's names on a page, the same way.

How a page names a tool: any of its `names` (its retired names included), as a whole word (no letter,
digit or underscore on either side), ignoring case unless the tool sets `match_case: true` (for a name that
is also an English word, such as Evidently). Fenced code blocks are not read: a package in an import is not
a claim about the tool; front matter, prose, inline code and links are.

A bad entry never raises: `load_landscape` returns every problem as (line, message), each naming the
line of the entry in the file.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

LANDSCAPE_FILE = Path("overrides") / "data" / "landscape.yml"  # relative to the project root

# kind -> how a sentence names the change ("whose acquisition was announced ...").
KINDS = {
    "rename": "rename",
    "license": "license change",
    "acquisition": "acquisition",
    "foundation": "move to a foundation",
    "deprecation": "deprecation",
    "end-of-life": "end of life",
    "archived": "archiving",
    "incident": "security incident",
}
TOOL_KEYS = ("name", "does", "license", "owner", "names", "status", "as_of", "source", "match_case", "changes")
REQUIRED_TOOL_KEYS = ("name", "does", "license", "owner", "names", "status", "as_of", "source")
CHANGE_KEYS = ("kind", "announced", "effective", "source", "date_source", "summary", "retired", "current")
REQUIRED_CHANGE_KEYS = ("kind", "announced", "source", "summary")
MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
URL = re.compile(r"^https://\S+$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Day:
    """A date as precise as its source: a day, or only a month or a year (`precision`)."""

    first: date  # the day, or the first day of the month or year
    precision: str = "day"  # day, month or year

    @property
    def last(self) -> date:
        """The latest day it may be: the day itself, or the last day of the month or year."""
        if self.precision == "year":
            return self.first.replace(month=12, day=31)
        if self.precision == "month":
            return self.first.replace(day=calendar.monthrange(self.first.year, self.first.month)[1])
        return self.first

    @property
    def iso(self) -> str:
        return {"day": self.first.isoformat(), "month": self.first.strftime("%Y-%m")}.get(self.precision, str(self.first.year))

    @property
    def text(self) -> str:
        """'22 January 2024', 'June 2025' when only the month is known, '2025' when only the year is."""
        if self.precision == "day":
            return f"{self.first.day} {self.first:%B} {self.first.year}"
        if self.precision == "month":
            return f"{self.first:%B} {self.first.year}"
        return str(self.first.year)


@dataclass(frozen=True)
class Change:
    kind: str
    announced: Day
    source: str
    summary: str
    line: int  # in landscape.yml
    effective: Day | None = None
    date_source: str = ""  # where the date comes from, when `source` does not give it
    retired: tuple[str, ...] = ()  # a rename: the names it retired
    current: str = ""  # a rename: the name now in use

    @property
    def noun(self) -> str:
        return KINDS[self.kind]

    def after(self, reviewed: date) -> bool:
        """Announced after a review on that day. A change known only by its month counts from the month's
        last day (a review within that month may predate it); one announced on the review day is reviewed."""
        return self.announced.last > reviewed


@dataclass(frozen=True)
class Tool:
    name: str
    does: str
    license: str
    owner: str
    names: tuple[str, ...]
    status: str
    as_of: date
    source: str
    line: int
    match_case: bool = False
    changes: tuple[Change, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        """Its names, the retired and current names of its renames included, longest first."""
        found = dict.fromkeys([self.name, *self.names])
        for change in self.changes:
            found.update(dict.fromkeys(change.retired))
            if change.current:
                found[change.current] = None
        return tuple(sorted(found, key=len, reverse=True))

    def pattern(self, names: tuple[str, ...] | None = None) -> re.Pattern:
        return name_pattern(names or self.all_names, self.match_case)


@dataclass
class Landscape:
    tools: list[Tool] = field(default_factory=list)

    @property
    def changed(self) -> list[Tool]:
        return [tool for tool in self.tools if tool.changes]


def name_pattern(names, match_case: bool = False) -> re.Pattern:
    """Any of the names as a whole word: no letter, digit or underscore right before or after it."""
    alternatives = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])", 0 if match_case else re.IGNORECASE)


def readable_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of a page's lines a reader reads as prose: every line outside fenced code."""
    found, inside = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            found.append((number, line))
    return found


def first_line(lines: list[tuple[int, str]], pattern: re.Pattern) -> tuple[int, str] | None:
    """(line, the words matched) of the first line the pattern finds, or None."""
    for number, line in lines:
        if match := pattern.search(line):
            return number, match.group(0)
    return None


def named_tools(landscape: Landscape, text: str, only_changed: bool = True) -> list[tuple[Tool, int]]:
    """The tools a page's text names, each with the first line naming it, in the file's order."""
    lines = readable_lines(text)
    found = []
    for tool in landscape.changed if only_changed else landscape.tools:
        if hit := first_line(lines, tool.pattern()):
            found.append((tool, hit[0]))
    return found


# ----------------------------------------------------------------------------------------------------
# Reading the file
# ----------------------------------------------------------------------------------------------------


def load_landscape(root: Path) -> tuple[Landscape, list[tuple[int, str]]]:
    """Read the project's landscape file: the tools whose entries are sound, and (line, message) for
    every problem in the file (all of them, never an exception)."""
    path = root / LANDSCAPE_FILE
    try:
        text = path.read_text(encoding="utf-8")
        root_node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
    except OSError as error:
        return Landscape(), [(1, f"cannot read the tool landscape: {error.strerror}")]
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        return Landscape(), [(mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}")]
    if not isinstance(data, dict) or not isinstance(data.get("tools"), list):
        return Landscape(), [(1, "the file needs a 'tools:' list")]
    nodes = next(value for key, value in root_node.value if key.value == "tools").value
    landscape, problems = Landscape(), []
    seen: dict[str, str] = {}  # a name, folded -> the tool that has it
    for node, entry in zip(nodes, data["tools"], strict=True):
        tool, found = _read_tool(node, entry)
        problems += found
        if tool is None:
            continue
        clash = [name for name in tool.all_names if seen.get(name.casefold(), tool.name) != tool.name]
        for name in clash:
            problems.append((tool.line, f"the name '{name}' of {tool.name} is already a name of {seen[name.casefold()]}"))
        seen.update((name.casefold(), tool.name) for name in tool.all_names)
        if not clash:
            landscape.tools.append(tool)
    return landscape, sorted(problems)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, with dates left as text: an impossible date is then one entry's problem, with
    its line, not a failure of the whole file."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _line(node, key: str | None = None) -> int:
    """The line of a mapping node, or of one of its keys."""
    if key is not None and isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return key_node.start_mark.line + 1
    return node.start_mark.line + 1


def _read_tool(node, entry) -> tuple[Tool | None, list[tuple[int, str]]]:
    line = _line(node)
    if not isinstance(entry, dict):
        return None, [(line, "a tool needs " + ", ".join(REQUIRED_TOOL_KEYS))]
    label = entry.get("name") if isinstance(entry.get("name"), str) else f"the tool at line {line}"
    problems = [(_line(node, key), f"{label}: unknown key '{key}' (allowed: {', '.join(TOOL_KEYS)})") for key in entry if key not in TOOL_KEYS]
    problems += [(line, f"{label}: no '{key}'") for key in REQUIRED_TOOL_KEYS if key not in entry]
    for key in ("name", "does", "license", "owner", "status"):
        if key in entry and not _one_line(entry[key]):
            problems.append((_line(node, key), f"{label}: '{key}' must be one line of text"))
    names = entry.get("names")
    if "names" in entry and (not isinstance(names, list) or not names or not all(_one_line(name) for name in names)):
        problems.append((_line(node, "names"), f"{label}: 'names' must list the names a page may use for it"))
    as_of = _day(entry.get("as_of"))
    if "as_of" in entry and (as_of is None or as_of.precision != "day"):
        problems.append((_line(node, "as_of"), f"{label}: as_of '{entry['as_of']}' is not a date: write YYYY-MM-DD"))
    if "source" in entry and not _is_url(entry["source"]):
        problems.append((_line(node, "source"), f"{label}: source '{entry['source']}' is not an https:// URL"))
    if "match_case" in entry and not isinstance(entry["match_case"], bool):
        problems.append((_line(node, "match_case"), f"{label}: match_case must be true or false"))
    changes = []
    raw_changes = entry.get("changes", [])
    change_nodes = next((value.value for key, value in node.value if key.value == "changes"), []) if isinstance(node, yaml.MappingNode) else []
    if not isinstance(raw_changes, list):
        problems.append((_line(node, "changes"), f"{label}: 'changes' must be a list"))
        raw_changes = []
    for change_node, change in zip(change_nodes, raw_changes, strict=False):
        read, found = _read_change(change_node, change, label)
        problems += found
        if read is not None:
            changes.append(read)
    if problems:
        return None, problems
    tool = Tool(
        name=entry["name"].strip(),
        does=entry["does"].strip(),
        license=entry["license"].strip(),
        owner=entry["owner"].strip(),
        names=tuple(name.strip() for name in names),
        status=entry["status"].strip(),
        as_of=as_of.first,
        source=entry["source"],
        line=line,
        match_case=bool(entry.get("match_case", False)),
        changes=tuple(sorted(changes, key=lambda change: change.announced.first)),
    )
    return tool, []


def _read_change(node, entry, label: str) -> tuple[Change | None, list[tuple[int, str]]]:
    line = _line(node)
    if not isinstance(entry, dict):
        return None, [(line, f"{label}: a change needs " + ", ".join(REQUIRED_CHANGE_KEYS))]
    problems = [(_line(node, key), f"{label}: unknown key '{key}' in a change (allowed: {', '.join(CHANGE_KEYS)})") for key in entry if key not in CHANGE_KEYS]
    problems += [(line, f"{label}: a change has no '{key}'") for key in REQUIRED_CHANGE_KEYS if key not in entry]
    kind = entry.get("kind")
    if "kind" in entry and kind not in KINDS:
        problems.append((_line(node, "kind"), f"{label}: unknown kind '{kind}' (one of: {', '.join(KINDS)})"))
    days = {}
    for key in ("announced", "effective"):
        if key in entry:
            days[key] = _day(entry[key])
            if days[key] is None:
                message = f"{key} '{entry[key]}' is not a date: write YYYY-MM-DD, or YYYY-MM (YYYY) when the source gives only the month (year)"
                problems.append((_line(node, key), f"{label}: {message}"))
    for key in ("source", "date_source"):
        if key in entry and not _is_url(entry[key]):
            problems.append((_line(node, key), f"{label}: {key} '{entry[key]}' is not an https:// URL"))
    if "summary" in entry and not _one_line(entry["summary"]):
        problems.append((_line(node, "summary"), f"{label}: 'summary' must be one line of text"))
    retired, current = entry.get("retired"), entry.get("current")
    if kind == "rename":
        if not isinstance(retired, list) or not retired or not all(_one_line(name) for name in retired):
            problems.append((line, f"{label}: a rename lists its retired names ('retired: [...]')"))
        if not _one_line(current):
            problems.append((line, f"{label}: a rename gives the current name ('current: ...')"))
    elif "retired" in entry or "current" in entry:
        problems.append((line, f"{label}: only a rename has 'retired' and 'current'"))
    if problems:
        return None, problems
    return Change(
        kind=kind,
        announced=days["announced"],
        effective=days.get("effective"),
        source=entry["source"],
        date_source=entry.get("date_source", ""),
        summary=entry["summary"].strip(),
        retired=tuple(name.strip() for name in retired or ()),
        current=(current or "").strip(),
        line=line,
    ), []


def _one_line(value) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value.strip()


def _is_url(value) -> bool:
    return isinstance(value, str) and bool(URL.match(value.strip()))


def _day(value) -> Day | None:
    """A real day written YYYY-MM-DD, YYYY-MM when only the month is known, YYYY when only the year is;
    None otherwise. (YAML reads an unquoted year as a number.)"""
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2999:
        return Day(date(value, 1, 1), "year")
    if not isinstance(value, str):
        return None
    if YEAR.match(value.strip()):
        return _day(int(value.strip()))
    if DAY.match(value.strip()):
        try:
            return Day(date.fromisoformat(value.strip()))
        except ValueError:
            return None
    if match := MONTH.match(value.strip()):
        year, month = int(match["year"]), int(match["month"])
        if 1 <= month <= 12:
            return Day(date(year, month, 1), "month")
    return None
