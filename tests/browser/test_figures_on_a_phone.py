"""Figures stay legible on a 390x844 phone (issue 11: their text was about 5 px tall), in both
palettes: each figure is drawn at least 640 px wide, so its smallest text (9 units of the SVG's
576-unit width) is at least 10 px, in a strip that scrolls sideways; checked on a screenshot."""

from __future__ import annotations

import io

from PIL import Image
from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page

phone_in_both_palettes = viewports.phone_in_both_palettes

PAGE = "deployment/ci-cd.md"
SVG_WIDTH, SMALLEST_TEXT, MIN_TEXT_PX = 576, 9, 10


def test_a_figure_is_legible_on_a_phone(phone_in_both_palettes):
    page = phone_in_both_palettes
    open_page(page, PAGE)
    page.locator("article details.answer > summary").tap()
    image = page.locator("article figure img:visible").first
    strip = page.locator("article figure > p").first
    strip.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    width = image.evaluate("img => img.getBoundingClientRect().width")
    assert width * SMALLEST_TEXT / SVG_WIDTH >= MIN_TEXT_PX, f"the figure is {width:.0f} px wide: its text is under {MIN_TEXT_PX} px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the figure widens the page instead of scrolling in place"
    assert strip.evaluate("e => e.scrollWidth > e.clientWidth"), "the figure strip does not scroll"
    shot = Image.open(io.BytesIO(strip.screenshot())).convert("RGB")
    colors = shot.getcolors(maxcolors=1 << 16) or []
    assert shot.width <= 390 * 2 and len(colors) > 20, f"the screenshot shows no figure ({len(colors)} colors)"
