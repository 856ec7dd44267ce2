"""The downloads for offline study, made from a built site into its `downloads/` folder.

Used by the build hook (`exports.py`, after `mkdocs build`), which logs each download's time
(`scripts/bench.py` reads those lines).

Beside the whole-guide downloads, each section gets its own study guide, short sheet and practice
sheet (SECTION_DOWNLOADS), with the questions numbered as in the whole guide. The whole guide is laid out
once: a section's study guide is a cover of its own followed by the whole guide's pages for that
section (each section starts on a new page), so it costs a cover, not a second layout.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from export_documents import STYLESHEET, GuideInfo, guide_html, practice_html, section_cover_html, short_sheet_html
from export_flashcards import write_csv, write_deck
from export_pages import ExportedQuestion, read_questions
from export_parallel import finish, start
from export_pdf import RenderedDocument, render_document, render_pdf, write_pages
from guide_catalog import SECTION_TITLES, SECTIONS, Question

DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Download:
    filename: str
    label: str
    kind: str
    summary: str
    save_as: bool  # a file to save (deck, CSV), rather than one to open in the browser (PDF)
    section: str = ""  # the section a per-section download holds; "" for the whole guide


GUIDE = Download(
    "mlops-interview-guide.pdf", "Study guide", "PDF",
    "every question with its full answer, a table of contents and page numbers, to print or read offline", False,
)
SHORT_SHEET = Download(
    "mlops-interview-guide-short.pdf", "Short sheet", "PDF",
    "for the night before: every question with its short answer and its follow-up questions, about a tenth of the study guide's pages", False,
)
PRACTICE = Download(
    "mlops-interview-guide-practice.pdf", "Practice sheet", "PDF",
    "every question, numbered as in the guide, with room to write and no answers; its follow-up questions under it", False,
)
DECK = Download(
    "mlops-interview-guide.apkg", "Flashcards", "Anki deck",
    "one card per question with its short answer and one per follow-up with its answer; importing a newer deck updates your cards", True,
)
CARDS_CSV = Download(
    "mlops-interview-guide-flashcards.csv", "Flashcards", "CSV",
    "questions and follow-ups with their answers, for other flashcard apps or a spreadsheet", True,
)
DOWNLOADS = (GUIDE, SHORT_SHEET, PRACTICE, DECK, CARDS_CSV)


def section_guide(section: str) -> Download:
    return Download(
        f"mlops-interview-guide-{section}.pdf", "Study guide", "PDF",
        f"the {SECTION_TITLES[section]} questions with their full answers, numbered as in the whole guide", False, section,
    )


def section_short_sheet(section: str) -> Download:
    return Download(
        f"mlops-interview-guide-{section}-short.pdf", "Short sheet", "PDF",
        f"the {SECTION_TITLES[section]} questions with their short answers and follow-up questions, for the night before", False, section,
    )


def section_practice(section: str) -> Download:
    return Download(
        f"mlops-interview-guide-{section}-practice.pdf", "Practice sheet", "PDF",
        f"the {SECTION_TITLES[section]} questions, numbered as in the whole guide, with room to write", False, section,
    )


SECTION_DOWNLOADS = tuple(
    download for section in SECTIONS for download in (section_guide(section), section_short_sheet(section), section_practice(section))
)
ALL_DOWNLOADS = DOWNLOADS + SECTION_DOWNLOADS


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
    """Write every download under site_dir/downloads/, reading the question pages of the built site.

    Two processes share the work (export_parallel.py): a forked child makes the practice sheets, the
    short sheets and the flashcards while the parent lays out the study guide; then a second child writes the whole
    guide's PDF while the parent writes the section guides from the same laid-out pages.
    """
    exported, problems = read_questions(site_dir, questions, info.site_url)
    run = ExportRun(problems=problems)
    sections = sorted({item.question.section for item in exported}, key=SECTIONS.index)
    others = start("practice sheets, short sheets and flashcards", lambda: _sheets_and_flashcards(exported, info, site_dir, sections))

    started = time.perf_counter()
    guide = render_document(guide_html(exported, info), site_dir, STYLESHEET, GUIDE.filename)
    layout_seconds = time.perf_counter() - started
    whole = start(GUIDE.filename, lambda: _written(GUIDE, site_dir, lambda target: write_pages(guide, guide.document.pages, target)))
    section_guides = [
        _written(section_guide(section), site_dir, lambda target, section=section: write_section_guide(guide, exported, info, site_dir, section))
        for section in sections
    ]
    guide_result = finish(whole)
    guide_result.export.seconds += layout_seconds
    for result in [guide_result, *section_guides, *finish(others)]:
        run.results.append(result.export)
        run.problems.extend(f"{result.export.download.filename}: {warning}" for warning in result.warnings)
    return run


@dataclass
class _Written:
    """A download made, with the renderer's warnings (sent back from a forked process)."""

    export: ExportResult
    warnings: list[str]


def _written(download: Download, site_dir: Path, write: Callable[[Path], object]) -> _Written:
    """Run `write(target)` for a PDF download, timed."""
    target = site_dir / DOWNLOADS_DIR / download.filename
    started = time.perf_counter()
    result = write(target)
    return _Written(ExportResult(download, target, time.perf_counter() - started, result.pages), result.warnings)


def _sheets_and_flashcards(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, sections: list[str]) -> list[_Written]:
    made = []
    sheets = [(download, practice_html) for download in (PRACTICE, *(section_practice(section) for section in sections))]
    sheets += [(download, short_sheet_html) for download in (SHORT_SHEET, *(section_short_sheet(section) for section in sections))]
    for download, make_html in sheets:
        html = make_html(exported, info, download.section or None)
        made.append(_written(download, site_dir, lambda target, html=html: render_pdf(html, site_dir, STYLESHEET, target)))
    for download in (DECK, CARDS_CSV):
        result, warnings = make_one(download, exported, info, site_dir)
        made.append(_Written(result, warnings))
    return made


def write_section_guide(guide: RenderedDocument, exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, section: str):
    """A cover and contents for the section, then the whole guide's pages from the section's start to the next one's."""
    pages = guide.document.pages
    starts = [guide.page_of(f"section-{key}") for key in SECTIONS]
    first = guide.page_of(f"section-{section}")
    following = [start for start in starts if start is not None and start > first]
    body = pages[first - 1 : (min(following) - 1) if following else len(pages)]
    numbers = {item.anchor: guide.page_of(item.anchor) for item in exported if item.question.section == section}
    download = section_guide(section)
    cover = render_document(section_cover_html(exported, info, section, numbers, len(pages)), site_dir, STYLESHEET, download.filename)
    urls = {item.anchor: item.url for item in exported}
    return write_pages(guide, cover.document.pages + body, site_dir / DOWNLOADS_DIR / download.filename, lambda anchor: _url_of(anchor, urls))


def _url_of(anchor: str, urls: dict[str, str]) -> str | None:
    """The site URL of an id in the guide: a question (`q-monitoring-model-drift`) or a part of one (`...-in-depth`)."""
    if anchor in urls:
        return urls[anchor]
    owners = [question_anchor for question_anchor in urls if anchor.startswith(question_anchor + "-")]
    if not owners:
        return None
    owner = max(owners, key=len)  # `q-x-drift-2-in-depth` belongs to `q-x-drift-2`, not to `q-x-drift`
    return f"{urls[owner]}#{anchor[len(owner) + 1 :]}"


def make_one(download: Download, exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path) -> tuple[ExportResult, list[str]]:
    target = site_dir / DOWNLOADS_DIR / download.filename
    started = time.perf_counter()
    pages, warnings = _MAKERS[download](exported, info, site_dir, target)
    return ExportResult(download, target, time.perf_counter() - started, pages), warnings


def _deck(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[None, list[str]]:
    write_deck(exported, info, target)
    return None, []


def _cards_csv(exported: list[ExportedQuestion], info: GuideInfo, site_dir: Path, target: Path) -> tuple[None, list[str]]:
    write_csv(exported, target)
    return None, []


# The flashcard files; the PDFs are made by make_exports, which shares their layout.
_MAKERS: dict[Download, Callable[[list[ExportedQuestion], GuideInfo, Path, Path], tuple[int | None, list[str]]]] = {
    DECK: _deck,
    CARDS_CSV: _cards_csv,
}
