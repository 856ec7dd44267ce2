"""Code blocks on a phone (issue 23: 56 of 58 scrolled sideways with no cue, and the copy icon sat
on top of code): a code block that scrolls shows it, as a wide table does, and the copy button never
covers a line of code, scrolled or not; in both palettes."""

from __future__ import annotations

from playwright.sync_api import expect

from . import viewports
from .browser_support import open_page

phone_in_both_palettes = viewports.phone_in_both_palettes

PAGE = "deployment/ci-cd.md"

# For each code block on the screen's page: whether it scrolls, its cue, and the lines of code the copy button overlaps.
CHECK = """() => [...document.querySelectorAll("article pre > code")].filter(code => code.getClientRects().length).map(code => {
  const button = code.parentElement.querySelector(".md-code__nav")
  const b = button ? button.getBoundingClientRect() : null
  const overlaps = []
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT)
  while (b && walker.nextNode()) {
    if (!walker.currentNode.textContent.trim()) continue
    const range = document.createRange()
    range.selectNodeContents(walker.currentNode)
    for (const r of range.getClientRects())
      if (r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom) overlaps.push(walker.currentNode.textContent.slice(0, 30))
  }
  return { scrolls: code.scrollWidth > code.clientWidth, marked: code.hasAttribute("data-scrolls"),
           gradients: getComputedStyle(code).backgroundImage.split("gradient(").length - 1, button: Boolean(button), overlaps }
})"""


def test_a_code_block_that_scrolls_shows_it_and_the_copy_button_never_covers_code(phone_in_both_palettes):
    page = phone_in_both_palettes
    open_page(page, PAGE)
    page.locator("article details.answer > summary").tap()
    expect(page.locator("article pre .md-code__nav").first).to_be_attached()
    blocks = page.evaluate(CHECK)
    assert any(block["scrolls"] for block in blocks), "the page has no code block that scrolls to test with"
    for index, block in enumerate(blocks):
        assert block["button"], f"code block {index + 1} has no copy button"
        assert block["marked"] == block["scrolls"], f"code block {index + 1}: {block}"
        assert block["gradients"] == (4 if block["scrolls"] else 0), f"code block {index + 1}: {block}"
        assert not block["overlaps"], f"code block {index + 1}: the copy button covers {block['overlaps']}"
    # Scrolled to its end, the longest line passes under no button either.
    page.evaluate("() => { for (const code of document.querySelectorAll('article pre > code')) code.scrollLeft = code.scrollWidth }")
    assert not [block for block in page.evaluate(CHECK) if block["overlaps"]]
