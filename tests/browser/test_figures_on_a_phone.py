"""Figures on a phone (issue 23): a figure fits the screen's width, with a visible cue that a tap
enlarges it; the enlarged view zooms until its labels are legible, measured as the rendered size of
the figure's smallest label text in px (its font size in the SVG, times the rendered width over the
SVG's width). On a laptop, the lightbox shows the figure with labels as legible. Both palettes."""

from __future__ import annotations

import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page, wait_for_study_tools

phone_in_both_palettes = viewports.phone_in_both_palettes
small_phone = viewports.small_phone
phone = viewports.phone
laptop = viewports.laptop

PAGE = "deployment/ci-cd.md"
FIGURE = "ci-cd-ct-pipeline"
FIGURES = Path(__file__).resolve().parents[2] / "docs" / "assets" / "figures"
LEGIBLE_PX = 12  # the smallest label, as rendered, once zoomed in


def smallest_label(variant: str) -> tuple[float, float]:
    """(the smallest font size of the figure's text, the SVG's width), in the SVG's units."""
    svg = (FIGURES / f"{FIGURE}-{variant}.svg").read_text(encoding="utf-8")
    sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)px", svg)]
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert sizes, "the figure holds no text to measure"
    return min(sizes), width


def label_px(image, variant: str) -> float:
    size, width = smallest_label(variant)
    return size * image.evaluate("img => img.getBoundingClientRect().width") / width


def open_figure_page(page, opened: bool = False) -> tuple[str, object]:
    if not opened:
        open_page(page, PAGE)
    variant = "dark" if page.evaluate("document.body.dataset.mdColorScheme") == "slate" else "light"
    page.locator("article details.answer > summary").tap() if page.viewport_size["width"] < 800 else page.locator("article details.answer > summary").click()
    link = page.locator(f'article figure a.glightbox:has(img[src$="{FIGURE}-{variant}.svg#only-{variant}"])')
    link.scroll_into_view_if_needed()
    return variant, link


def test_a_figure_fits_a_phone_says_a_tap_enlarges_it_and_zooms_until_its_labels_are_legible(phone_in_both_palettes):
    page = phone_in_both_palettes
    variant, link = open_figure_page(page)
    image = link.locator("img")
    expect(image).to_be_visible()
    box = image.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"the figure runs off the screen: {box}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cue = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert cue == '"Tap to enlarge"', cue
    cue_height = link.evaluate("a => a.getBoundingClientRect().bottom - a.querySelector('img').getBoundingClientRect().bottom")
    assert cue_height >= 16, "the cue takes no room under the figure"
    in_page = label_px(image, variant)
    assert in_page < LEGIBLE_PX, "the test needs a figure whose labels are small in the page"
    link.tap()
    viewer = page.get_by_role("dialog", name="Figure, enlarged")
    expect(viewer).to_be_visible()
    zoomed = viewer.locator("img")
    expect(zoomed).to_have_attribute("src", re.compile(rf"{FIGURE}-{variant}\.svg"))
    sizes = [label_px(zoomed, variant)]
    zoom_in = viewer.get_by_role("button", name="Zoom in")
    while zoom_in.is_enabled():
        zoom_in.tap()
        page.wait_for_function("img => img.complete", arg=zoomed.element_handle())
        sizes.append(label_px(zoomed, variant))
    assert sizes == sorted(sizes) and sizes[-1] >= LEGIBLE_PX, f"labels at each zoom: {[round(size, 1) for size in sizes]} px"
    frame = viewer.locator(".figure-view__frame")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth"), "zoomed in, the figure cannot be panned"
    frame.evaluate("e => e.scrollLeft = e.scrollWidth")
    assert frame.evaluate("e => e.scrollLeft > 0")
    viewer.get_by_role("button", name="Zoom out").tap()
    assert label_px(zoomed, variant) < sizes[-1]
    results = Axe().run(page, context=".figure-view")
    assert results.violations_count == 0, results.generate_report()
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()


def test_the_figure_viewer_opens_and_closes_on_a_small_phone(small_phone):
    variant, link = open_figure_page(small_phone)
    link.tap()
    viewer = small_phone.get_by_role("dialog", name="Figure, enlarged")
    expect(viewer).to_be_visible()
    expect(small_phone.locator(".glightbox-container")).to_have_count(0)  # the viewer, not the lightbox
    viewer.get_by_role("button", name="Close").tap()
    expect(viewer).to_be_hidden()


def test_on_a_laptop_the_lightbox_shows_the_figure_with_legible_labels(laptop):
    variant, link = open_figure_page(laptop)
    cue = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert cue == '"Click to enlarge"', cue
    link.click()
    zoomed = laptop.locator(".glightbox-container .gslide.current img")
    expect(zoomed).to_be_visible()
    laptop.wait_for_function("img => img.complete && img.getBoundingClientRect().width > 0", arg=zoomed.element_handle())
    laptop.wait_for_timeout(600)  # the lightbox's opening animation
    assert label_px(zoomed, variant) >= LEGIBLE_PX


def test_the_figure_viewer_opens_after_instant_navigation_from_a_page_without_figures(phone):
    """The viewer's code loads with the first page that has a figure (main.js), not with every page."""
    requested: list[str] = []
    phone.on("request", lambda request: requested.append(request.url))
    open_page(phone, "deployment/index.md")  # no figure
    phone.wait_for_load_state("networkidle")
    assert [url for url in requested if url.split("?")[0].endswith("study/figure-viewer.js")] == []
    phone.evaluate("window.loadedOnce = true")  # survives only if no full page load happens
    phone.locator('article ol.question-list a[href$="ci-cd/"]').first.tap()
    phone.wait_for_url("**/deployment/ci-cd/")
    wait_for_study_tools(phone, PAGE)
    variant, link = open_figure_page(phone, opened=True)
    link.tap()
    viewer = phone.get_by_role("dialog", name="Figure, enlarged")
    expect(viewer).to_be_visible()
    expect(viewer.locator("img")).to_have_attribute("src", re.compile(rf"{FIGURE}-{variant}\.svg"))
    expect(phone.locator(".glightbox-container")).to_have_count(0)  # the viewer, not the lightbox
    viewer.get_by_role("button", name="Close").tap()
    expect(viewer).to_be_hidden()
    assert phone.evaluate("window.loadedOnce === true"), "a tap loaded a whole page: instant navigation is off"
