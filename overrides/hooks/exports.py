"""Build hook: downloads for offline study (study guide and practice sheet PDFs, flashcards).

Off unless `extra.exports` is true in mkdocs.yml, which reads the EXPORTS environment variable:
`make build` sets EXPORTS=1, `make serve` does not, so live reload stays fast. When on:

- after the build, the downloads are made from the built question pages (`export_all.py`);
- the home page lists them (marker `<!-- downloads -->`), each section page links to its own
  study guide and practice sheet (marker `<!-- section-downloads -->`, left by `questions.py`),
  and every page's header gets a download menu (`overrides/partials/downloads.html`).

When off, the home page says how to make them and no page links to them, so no link is broken.
"""

from __future__ import annotations

import logging
from pathlib import Path

from export_all import ALL_DOWNLOADS, DOWNLOADS, DOWNLOADS_DIR, SECTION_DOWNLOADS, Download, make_exports
from export_documents import PRINT_DIR, GuideInfo, build_date
from export_pages import ExportError
from guide_catalog import SECTION_TITLES, SECTIONS, load_catalog
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.exports")

DOWNLOADS_MARKER = "<!-- downloads -->"
SECTION_DOWNLOADS_MARKER = "<!-- section-downloads -->"
# The menu goes right before Material's search button in the header.
HEADER_ANCHOR = '<label class="md-header__button md-icon" for="__search">'
DOWNLOADS_OFF_NOTE = (
    "*This preview was built without the downloads: `make build` makes them "
    "(or set `EXPORTS=1` for `mkdocs build` or `mkdocs serve`).*"
)

_theme_env = None


def exports_enabled(config) -> bool:
    value = (config.extra or {}).get("exports")
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def on_files(files, *, config):
    """The print templates and stylesheet are build input, not files of the site."""
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).is_relative_to(PRINT_DIR)]:
        files.remove(file)
    return files


def on_env(env, *, config, files):
    global _theme_env
    _theme_env = env
    return env


def on_page_markdown(markdown, *, page, config, files):
    section, _, name = page.file.src_uri.partition("/")
    if section in SECTIONS and name == "index.md" and SECTION_DOWNLOADS_MARKER in markdown:
        links = section_downloads(section, page.url) if exports_enabled(config) else ""
        return markdown.replace(SECTION_DOWNLOADS_MARKER, links)
    if page.file.src_uri != "index.md" or DOWNLOADS_MARKER not in markdown:
        return None
    return markdown.replace(DOWNLOADS_MARKER, downloads_list() if exports_enabled(config) else DOWNLOADS_OFF_NOTE)


def downloads_list() -> str:
    """The home page's list; raw HTML links, since the files are not part of docs/."""
    whole = [
        f'- <a href="{DOWNLOADS_DIR}/{item.filename}"{" download" if item.save_as else ""}>{item.label}</a>'
        f" ({item.kind}): {item.summary}."
        for item in DOWNLOADS
    ]
    by_section = [
        f"- {SECTION_TITLES[section]}: "
        + ", ".join(f'<a href="{DOWNLOADS_DIR}/{item.filename}">{item.label.lower()}</a> ({item.kind})' for item in _of(section))
        for section in SECTIONS
    ]
    return "\n".join(whole) + "\n\nEach section on its own, numbered as in the whole guide:\n\n" + "\n".join(by_section)


def section_downloads(section: str, page_url: str) -> str:
    """A section page's line with its own study guide and practice sheet."""
    links = ", ".join(
        f'<a href="{get_relative_url(f"{DOWNLOADS_DIR}/{item.filename}", page_url)}">{item.label.lower()}</a> ({item.kind})'
        for item in _of(section)
    )
    return f'<p class="section-downloads">This section to print or read offline: {links}, numbered as in the whole guide.</p>'


def _of(section: str) -> list[Download]:
    return [item for item in SECTION_DOWNLOADS if item.section == section]


def menu_text(item: Download) -> str:
    if item.section:
        return f"{SECTION_TITLES[item.section]}: {item.label.lower()} ({item.kind})"
    return f"{item.label} ({item.kind})"


def on_post_page(output, *, page, config):
    if not exports_enabled(config):
        return None
    if HEADER_ANCHOR not in output:
        log.warning(f"exports: no place for the download menu in the header of page '{page.file.src_uri}' (Material's search button is missing)")
        return None
    return output.replace(HEADER_ANCHOR, header_menu(page.url) + HEADER_ANCHOR, 1)


def header_menu(page_url: str) -> str:
    """Links relative to the page, like the rest of the header (Material makes them absolute on load)."""
    items = [
        {"href": get_relative_url(f"{DOWNLOADS_DIR}/{item.filename}", page_url), "download": item, "text": menu_text(item)}
        for item in ALL_DOWNLOADS
    ]
    return _theme_env.get_template("partials/downloads.html").render(downloads=items)


def on_post_build(*, config):
    if not exports_enabled(config):
        return
    questions = load_catalog(Path(config.docs_dir))
    info = GuideInfo(title=config.site_name, site_url=config.site_url or "/", built=build_date())
    try:
        run = make_exports(Path(config.site_dir), questions, info)
    except ExportError as error:
        raise PluginError(f"exports: {error}") from None
    for problem in run.problems:
        log.warning(f"exports: {problem}")
    for result in run.results:
        pages = f"{result.pages} pages, " if result.pages else ""
        log.info(f"exports: {result.path.relative_to(config.site_dir)} ({pages}{result.size / 1024:.0f} KiB) in {result.seconds:.1f} s")
