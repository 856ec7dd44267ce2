"""The syllabus as data: how many public question banks ask each interview question, and how a page says it.

`overrides/data/syllabus.yml` (copied from the shared survey by scripts/import_syllabus.py) lists every
syllabus question with its id and its count of banks. A question page names the ids it answers in its
`syllabus:` front matter. Shared by the build hooks and the checker, so both read the file the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

SYLLABUS_FILE = Path("overrides") / "data" / "syllabus.yml"  # relative to the project root

# How often a question is asked, from its count of banks (each count is +/- 1). The middle band is
# three counts wide, so an error of one moves a count only at a band's edge, and then by one band;
# the line under the title always prints the count as well. CONTRIBUTING.md explains the choice.
BANDS = (
    (6, "very-common", "Very common"),  # half of the banks or more
    (3, "common", "Common"),
    (1, "less-common", "Less common"),
)
NOT_COUNTED_CLASS = "not-counted"


class SyllabusError(ValueError):
    """A syllabus file that cannot be read; `line` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class SyllabusQuestion:
    id: str
    section: str
    banks: int
    question: str


@dataclass
class Syllabus:
    banks_total: int
    questions: dict[str, SyllabusQuestion] = field(default_factory=dict)
    complete_sections: list[str] = field(default_factory=list)

    def frequency(self, ids: list[str]) -> Frequency:
        """How often a page's question is asked: the most-asked of the syllabus questions it answers."""
        known = [self.questions[item] for item in ids if item in self.questions]
        if not known:
            return Frequency(NOT_COUNTED_CLASS, "Groundwork", 0, self.banks_total)
        banks = max(question.banks for question in known)
        css, label = next((css, label) for low, css, label in BANDS if banks >= low)
        return Frequency(css, label, banks, self.banks_total)


@dataclass(frozen=True)
class Frequency:
    css: str  # frequency--<css>
    label: str
    banks: int
    banks_total: int

    @property
    def text(self) -> str:
        """The sentence shown under a question's title."""
        if self.css == NOT_COUNTED_CLASS:
            # Said so that a reader does not skip it: the banks ask what builds on it, not it in this form.
            return f"{self.label}: not asked in this form by the {self.banks_total} surveyed public question banks; MLOps answers build on it"
        return f"{self.label}: asked in {self.banks} of {self.banks_total} public question banks"

    @property
    def short(self) -> str:
        """The mark beside a question on its section page."""
        if self.css == NOT_COUNTED_CLASS:
            return self.label
        return f"{self.label} ({self.banks} of {self.banks_total} banks)"


def load_syllabus(root: Path) -> Syllabus:
    """Read the project's syllabus file; raise SyllabusError naming the line of the first problem."""
    path = root / SYLLABUS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SyllabusError(1, f"cannot read the syllabus: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SyllabusError(mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("banks_total"), int) or not isinstance(data.get("questions"), list):
        raise SyllabusError(1, "the syllabus needs 'banks_total' (a number) and 'questions' (a list)")
    syllabus = Syllabus(banks_total=data["banks_total"], complete_sections=list(data.get("complete_sections") or []))
    for entry in data["questions"]:
        question = SyllabusQuestion(str(entry["id"]), str(entry["section"]), int(entry["banks"]), str(entry["question"]))
        syllabus.questions[question.id] = question
    return syllabus


def format_review_date(value) -> str | None:
    """'2026-12-01' (or a date) as '1 December 2026'; None when it is not a date (the checker reports it)."""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return None
    return f"{day.day} {day:%B} {day.year}"
