"""The downloads for offline study, made from a built site into its `downloads/` folder.

Used by the build hook (`exports.py`, after `mkdocs build`) and by `scripts/bench.py`, which
times each download separately.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from export_documents import STYLESHEET, GuideInfo, guide_html, practice_html
from export_flashcards import write_csv, write_deck
from export_pages import ExportedQuestion, read_questions
from export_pdf import render_pdf
from guide_catalog import Question

DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Download:
    filename: str
    label: str
    kind: str
    summary: str
    save_as: bool  # a file to save (deck, CSV), rather than one to open in the browser (PDF)


GUIDE = Download(
    "mlops-interview-guide.pdf", "Study guide", "PDF",
    "every question with its full answer, a table of contents and page numbers, to print or read offline", False,
)
PRACTICE = Download(
    "mlops-interview-guide-practice.pdf", "Practice sheet", "PDF",
    "every question, numbered as in the guide, with room to write and no answers", False,
)
DECK = Download(
    "mlops-interview-guide.apkg", "Flashcards", "Anki deck",
    "one card per question with its short answer; importing a newer deck updates your cards", True,
)
CARDS_CSV = Download(
    "mlops-interview-guide-flashcards.csv", "Flashcards", "CSV",
    "question and short answer, for other flashcard apps or a spreadsheet", True,
)
DOWNLOADS = (GUIDE, PRACTICE, DECK, CARDS_CSV)


@dataclass
class ExportResult:
    download: Download
    path: Path
    seconds: float
    pages: int | None = None  # PDFs only

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass
class ExportRun:
    results: list[ExportResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # pages left out, and why; renderer warnings


def make_exports(site_dir: Path, questions: list[Question], info: GuideInfo) -> ExportRun:
    """Write every download under site_dir/downloads/, reading the question pages of the built site."""
    exported, problems = read_questions(site_dir, questions, info.site_url)
    run = ExportRun(problems=problems)
    for download in DOWNLOADS:
        result, warnings = make_one(download, exported, info, site_dir)
        run.results.append(result)
        run.problems += [f"{download.filename}: {warning}" for warning in warnings]
    return run


def make_one(download: Download, exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path) -> tuple[ExportResult, list[str]]:
    target = site_dir / DOWNLOADS_DIR / download.filename
    started = time.perf_counter()
    pages, warnings = _MAKERS[download](exported, info, site_dir, target)
    return ExportResult(download, target, time.perf_counter() - started, pages), warnings


def _guide(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[int, list[str]]:
    result = render_pdf(guide_html(exported, info), site_dir, STYLESHEET, target)
    return result.pages, result.warnings


def _practice(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[int, list[str]]:
    result = render_pdf(practice_html(exported, info), site_dir, STYLESHEET, target)
    return result.pages, result.warnings


def _deck(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[None, list[str]]:
    write_deck(exported, info, target)
    return None, []


def _cards_csv(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[None, list[str]]:
    write_csv(exported, target)
    return None, []


_MAKERS: dict[Download, Callable[[list[ExportedQuestion], GuideInfo, Path, Path], tuple[int | None, list[str]]]] = {
    GUIDE: _guide,
    PRACTICE: _practice,
    DECK: _deck,
    CARDS_CSV: _cards_csv,
}
