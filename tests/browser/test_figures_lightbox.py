"""Figures: each one shows in the reader's palette and zooms in the lightbox, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .browser_support import open_context, open_page

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
    shown.click()
    zoomed = page.locator(".glightbox-container .gslide.current img")
    expect(zoomed).to_be_visible()
    expect(zoomed).to_have_attribute("src", re.compile(rf"{name}-{variant}\.svg"))
    page.keyboard.press("Escape")
    expect(page.locator(".glightbox-container")).to_have_count(0)
    context.close()
    recorder.check()
