"""HTML to PDF with WeasyPrint, reading local files only.

WeasyPrint is imported when a PDF is made, not when MkDocs loads the hooks, so that
`mkdocs serve` (exports off) neither pays for the import nor needs its system libraries.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from export_pages import ExportError

# WeasyPrint messages that say nothing about the document (font subsetting details).
_QUIET = ("Failed to load", "Step ")


@dataclass
class PdfResult:
    pages: int
    warnings: list[str] = field(default_factory=list)


def render_pdf(html: str, base_dir: Path, stylesheet: Path, target: Path) -> PdfResult:
    """Write `html` as a PDF; relative URLs resolve under `base_dir`; only file: and data: URLs load."""
    rendered = render_document(html, base_dir, stylesheet, target.name)
    return write_pages(rendered, rendered.document.pages, target)


@dataclass
class RenderedDocument:
    """A laid-out document, kept so that several PDFs can be written from its pages without laying them out again."""

    document: object  # weasyprint.Document
    warnings: list[str] = field(default_factory=list)

    def page_of(self, anchor: str) -> int | None:
        """The 1-based number of the page that holds the element with this id."""
        return next((number for number, page in enumerate(self.document.pages, start=1) if anchor in page.anchors), None)


def render_document(html: str, base_dir: Path, stylesheet: Path, name: str) -> RenderedDocument:
    """Lay out `html` for print; `name` (the file it is for) names it in errors."""
    weasyprint = _weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    with _collected_warnings() as warnings:
        try:
            document = weasyprint.HTML(string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher).render(
                stylesheets=[weasyprint.CSS(filename=str(stylesheet), url_fetcher=fetcher)]
            )
        except weasyprint.urls.FatalURLFetchingError as error:
            cause = error.__cause__ or error
            raise ExportError(f"{name}: {error} ({cause})") from None
    return RenderedDocument(document, warnings)


def write_pages(rendered: RenderedDocument, pages: list, target: Path, links_out: Callable[[str], str | None] | None = None) -> PdfResult:
    """Write some pages of a laid-out document (possibly with pages of others, in order) as one PDF.

    A link to an element on none of these pages becomes the URL `links_out` gives for its id
    (a question's page on the site), or is dropped when it gives none.
    """
    if links_out is not None:
        _point_links_outside(pages, links_out)
    with _collected_warnings() as warnings:
        target.parent.mkdir(parents=True, exist_ok=True)
        rendered.document.copy(pages).write_pdf(target)
    return PdfResult(pages=len(pages), warnings=rendered.warnings + warnings)


def _point_links_outside(pages: list, links_out: Callable[[str], str | None]) -> None:
    anchors = {anchor for page in pages for anchor in page.anchors}
    for page in pages:
        kept = []
        for link_type, target, rectangle, box in page.links:
            if link_type == "internal" and target not in anchors:
                url = links_out(target)
                if url is None:
                    continue
                link_type, target = "external", url
            kept.append((link_type, target, rectangle, box))
        page.links = kept


def _weasyprint():
    try:
        import weasyprint
        import weasyprint.urls
    except ImportError:
        raise ExportError("WeasyPrint is not installed: run `make setup`") from None
    except OSError as error:  # its system libraries (Pango, HarfBuzz, fontconfig) are missing
        raise ExportError(f"WeasyPrint cannot load its system libraries ({error}): run `make system-deps`") from None
    return weasyprint


@contextmanager
def _collected_warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings during one rendering (CSS it ignored, files it could not load)."""
    collected: list[str] = []

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if record.levelno >= logging.WARNING and not message.startswith(_QUIET):
                collected.append(message)

    logger = logging.getLogger("weasyprint")
    handler = Collector()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield collected
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
