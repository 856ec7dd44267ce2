"""Figures: each one shows in the reader's palette and zooms in the lightbox, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser_support import open_context, open_page, wait_for_study_tools

DOCS = Path(__file__).resolve().parents[2] / "docs"
FIGURE = re.compile(r"!\[[^\]]+\]\(\.\./assets/figures/(?P<name>[a-z0-9-]+)-light\.svg#only-light\)")


def figures() -> list[tuple[str, str]]:
    """(docs path, figure name) of every figure on a page, read from the sources."""
    found = []
    for page in sorted(DOCS.glob("*/*.md")):
        for match in FIGURE.finditer(page.read_text(encoding="utf-8")):
            found.append((page.relative_to(DOCS).as_posix(), match.group("name")))
    return found


def test_the_guide_has_at_least_eight_figures_on_six_pages():
    assert len(figures()) >= 8 and len({page for page, _ in figures()}) >= 6, figures()


@pytest.mark.parametrize(("palette", "variant"), [("light", "light"), ("dark", "dark")])
@pytest.mark.parametrize(("docs_path", "name"), figures())
def test_figure_shows_in_the_palette_and_opens_in_the_lightbox(browser, server, study_tools_ready, docs_path, name, palette, variant):
    context, recorder = open_context(browser, server, color_scheme=palette)
    page = context.new_page()
    open_page(page, docs_path)
    page.locator("article details.answer > summary").click()
    shown = page.locator(f'article figure img[src$="{name}-{variant}.svg#only-{variant}"]')
    other = "dark" if variant == "light" else "light"
    shown.scroll_into_view_if_needed()  # the figure loads lazily: it has a size once near the viewport
    expect(shown).to_be_visible()
    expect(page.locator(f'article figure img[src$="{name}-{other}.svg#only-{other}"]')).to_be_hidden()
    zoom_then_close(page, shown, f"{name}-{variant}")
    context.close()
    recorder.check()


LIGHTBOX_FILES = ("glightbox.min.js", "glightbox.min.css")


def lightbox_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if url.split("?")[0].endswith(LIGHTBOX_FILES)]


def zoom_then_close(page, shown, figure: str) -> None:
    """Click a shown figure: the lightbox shows that figure (`figure`: its file name without .svg); Escape closes it."""
    shown.click()
    zoomed = page.locator(".glightbox-container .gslide.current img")
    expect(zoomed).to_be_visible()
    expect(zoomed).to_have_attribute("src", re.compile(rf"{re.escape(figure)}\.svg"))
    page.keyboard.press("Escape")
    expect(page.locator(".glightbox-container")).to_have_count(0)


def open_first_figure(page, name: str) -> None:
    """Reveal the answer, bring its figure into view, click it: the lightbox shows that figure; Escape closes it."""
    page.locator("article details.answer > summary").click()
    shown = page.locator(f'article figure img[src*="{name}-light.svg"]')
    shown.scroll_into_view_if_needed()
    zoom_then_close(page, shown, f"{name}-light")


def test_no_page_loads_the_lightbox_until_a_figure_is_shown(page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_page(page, "monitoring/index.md")  # no figure
    page.wait_for_load_state("networkidle")
    open_page(page, "monitoring/model-drift.md")  # its figure is inside the answer, not yet revealed
    page.wait_for_load_state("networkidle")
    assert lightbox_requests(requested) == []
    open_first_figure(page, "data-drift-psi")
    assert len(lightbox_requests(requested)) == 2, lightbox_requests(requested)


def test_the_lightbox_opens_figures_after_instant_navigation_from_a_page_without_figures(page):
    open_page(page, "monitoring/index.md")
    page.evaluate("window.loadedOnce = true")  # survives only if no full page load happens
    page.locator('article ol.question-list a[href$="model-drift/"]').click()
    page.wait_for_url("**/monitoring/model-drift/")
    wait_for_study_tools(page, "monitoring/model-drift.md")
    open_first_figure(page, "data-drift-psi")  # loads the lightbox

    page.go_back()  # the lightbox loaded, another figure page through instant navigation
    page.wait_for_url("**/monitoring/")
    page.locator('article ol.question-list a[href$="evaluation-metrics/"]').click()
    page.wait_for_url("**/monitoring/evaluation-metrics/")
    wait_for_study_tools(page, "monitoring/evaluation-metrics.md")
    open_first_figure(page, "precision-recall-threshold")
    assert page.evaluate("window.loadedOnce === true"), "a click loaded a whole page: instant navigation is off"
