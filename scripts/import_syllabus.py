"""Copy the shared syllabus (../shared/syllabus/) into the project's own data file.

The tests and the build read only `overrides/data/syllabus.yml`, never ../shared: run this script
when the shared syllabus changes, review the diff, commit it.

    python scripts/import_syllabus.py ../shared/syllabus/mlops-interview-syllabus.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

LINE = re.compile(r"^- (?P<id>[FDMET]\d{2}) \[(?P<count>\d+)\] (?P<question>.+?)\s*$")
SECTION = re.compile(r"^## (?P<section>[a-z]+) \(")
OUT = Path(__file__).resolve().parent.parent / "overrides" / "data" / "syllabus.yml"
HEADER = """\
# The MLOps interview syllabus (surveyed December 2026): 147 questions, each with how many of 12 public
# interview-question banks ask it (each count +/- 1). Copied from ../shared/syllabus/ by
# scripts/import_syllabus.py; the build and the tests read only this copy.
# Which page answers an id: the `syllabus:` list in that page's front matter.
"""
COMPLETE_COMMENT = (
    "# Sections whose every id must have a page (tests/test_syllabus.py); the lead adds a section when its\n"
    "# pages have landed. Kept as it is when this file is imported again.\n"
)


def complete_sections() -> list[str]:
    """The sections declared complete in the current copy, so that a new import keeps them."""
    if not OUT.is_file():
        return []
    return list((yaml.safe_load(OUT.read_text(encoding="utf-8")) or {}).get("complete_sections") or [])


def parse(text: str) -> list[dict]:
    entries, section = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if heading := SECTION.match(line):
            section = heading["section"]
        elif item := LINE.match(line):
            if section is None:
                sys.exit(f"line {number}: question before any section heading")
            entries.append({"id": item["id"], "section": section, "banks": int(item["count"]), "question": item["question"]})
        elif line.startswith("- ") and section:
            sys.exit(f"line {number}: not '- ID [count] question': {line}")
    return entries


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.exit("usage: import_syllabus.py PATH/TO/mlops-interview-syllabus.md")
    entries = parse(Path(argv[1]).read_text(encoding="utf-8"))
    complete = ", ".join(complete_sections())
    lines = [HEADER, "banks_total: 12", COMPLETE_COMMENT + f"complete_sections: [{complete}]", "questions:"]
    for entry in entries:
        question = entry["question"].replace('"', '\\"')
        lines.append(f'  - {{id: {entry["id"]}, section: {entry["section"]}, banks: {entry["banks"]}, question: "{question}"}}')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(entries)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
