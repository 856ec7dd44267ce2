"""HTML to PDF with WeasyPrint, reading local files only.

WeasyPrint is imported when a PDF is made, not when MkDocs loads the hooks, so that
`mkdocs serve` (exports off) neither pays for the import nor needs its system libraries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
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
    weasyprint = _weasyprint()
    fetcher = weasyprint.URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)
    with _collected_warnings() as warnings:
        try:
            document = weasyprint.HTML(string=html, base_url=base_dir.resolve().as_uri() + "/", url_fetcher=fetcher).render(
                stylesheets=[weasyprint.CSS(filename=str(stylesheet), url_fetcher=fetcher)]
            )
        except weasyprint.urls.FatalURLFetchingError as error:
            cause = error.__cause__ or error
            raise ExportError(f"{target.name}: {error} ({cause})") from None
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target)
    return PdfResult(pages=len(document.pages), warnings=warnings)


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
