"""The guide's mark as PNG images, for the places that do not take SVG.

Link previews (Open Graph, Twitter cards) and the iOS home screen icon want raster
images; the mark is drawn here with Pillow from the same geometry as
`docs/assets/favicon.svg`, so nothing binary is kept in the repository. Text uses
the font Pillow embeds, so the images come out the same on every machine.
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

INDIGO = (63, 81, 181)  # #3f51b5, Material's indigo 500: the favicon's background
DEEP_INDIGO = (40, 53, 147)  # #283593, indigo 800: the card's background
WHITE = (255, 255, 255)
PALE = (197, 202, 233)  # #c5cae9, indigo 100

CARD_SIZE = (1200, 630)
TOUCH_ICON_SIZE = 180
SUPERSAMPLE = 3  # draw large, then scale down: smooth edges without anti-aliasing support in ImageDraw


def _draw_mark(draw: ImageDraw.ImageDraw, left: float, top: float, size: float, *, rounded: bool) -> None:
    """The favicon: an indigo tile with a white 'M' over a dot (its viewBox is 64 units wide)."""
    unit = size / 64

    def point(x: float, y: float) -> tuple[float, float]:
        return (left + x * unit, top + y * unit)

    tile = [point(0, 0), point(64, 64)]
    if rounded:
        draw.rounded_rectangle(tile, radius=14 * unit, fill=INDIGO)
    else:
        draw.rectangle(tile, fill=INDIGO)
    stroke = 6 * unit
    letter = [point(18, 44), point(18, 20), point(32, 34), point(46, 20), point(46, 44)]
    draw.line(letter, fill=WHITE, width=round(stroke), joint="curve")
    for x, y in (letter[0], letter[-1]):  # round line caps
        draw.ellipse([x - stroke / 2, y - stroke / 2, x + stroke / 2, y + stroke / 2], fill=WHITE)
    cx, cy = point(32, 52)
    radius = 3.5 * unit
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=WHITE)


def _png(image: Image.Image, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    image.resize(size, Image.Resampling.LANCZOS).save(buffer, format="PNG")
    return buffer.getvalue()


def touch_icon() -> bytes:
    """A square icon for the iOS home screen, which rounds the corners itself."""
    side = TOUCH_ICON_SIZE * SUPERSAMPLE
    image = Image.new("RGB", (side, side), INDIGO)
    _draw_mark(ImageDraw.Draw(image), 0, 0, side, rounded=False)
    return _png(image, (TOUCH_ICON_SIZE, TOUCH_ICON_SIZE))


def card(title: str, tagline: str) -> bytes:
    """The 1200x630 image a link preview shows: the mark, the site's name and its tagline."""
    scale = SUPERSAMPLE
    width, height = CARD_SIZE
    image = Image.new("RGB", (width * scale, height * scale), DEEP_INDIGO)
    draw = ImageDraw.Draw(image)
    _draw_mark(draw, 80 * scale, 195 * scale, 240 * scale, rounded=True)
    text_left = 380 * scale
    title_font = ImageFont.load_default(size=64 * scale)
    tagline_font = ImageFont.load_default(size=34 * scale)
    draw.text((text_left, 200 * scale), title, font=title_font, fill=WHITE)
    lines = textwrap.wrap(tagline, width=38)[:4]
    for number, line in enumerate(lines):
        draw.text((text_left, (300 + 46 * number) * scale), line, font=tagline_font, fill=PALE)
    return _png(image, CARD_SIZE)
