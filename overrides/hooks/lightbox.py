"""Build hook: the figures' lightbox (GLightbox, from the glightbox plugin) loads only when a figure is shown.

The glightbox plugin puts GLightbox's script (15 KiB gzip, render-blocking in the head) and its
stylesheet (3 KiB) into every page, and starts it at the end of the body. Most pages show no
figure, and a page's figures sit inside its answer, hidden until the reader reveals it. So this
hook takes the script, the stylesheet and the start out of every page and leaves the plugin's
settings in their place, as JSON (`<script id="glightbox-options" type="application/json">`);
docs/assets/javascripts/study/lightbox.js loads GLightbox with them when a figure comes into view
or is clicked, on whichever page that is (instant navigation included).

The plugin still does the rest: the link around each image, its small inline styles, and the
copies of GLightbox's files in assets/.
"""

from __future__ import annotations

import json
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

OPTIONS_ID = "glightbox-options"
STYLESHEET = re.compile(r'<link\b[^>]*\bhref="[^"]*assets/stylesheets/glightbox\.min\.css"[^>]*>\s*')
SCRIPT = re.compile(r'<script\b[^>]*\bsrc="[^"]*assets/javascripts/glightbox\.min\.js"[^>]*>\s*</script>\s*')
START = re.compile(r'<script id="init-glightbox">\s*const lightbox = GLightbox\((?P<options>\{.*?\})\);.*?</script>', re.DOTALL)


# After the glightbox plugin has added its parts to the page (a plugin's on_post_page runs before a
# hook's of the same priority; this makes the order explicit).
@event_priority(-10)
def on_post_page(output, *, page, config):
    return load_lightbox_on_demand(output, page.file.src_uri)


def load_lightbox_on_demand(html: str, where: str) -> str | None:
    """The page without GLightbox's script, stylesheet and start; its settings kept as JSON."""
    found = [bool(pattern.search(html)) for pattern in (STYLESHEET, SCRIPT, START)]
    if not any(found):
        return None  # the plugin left this page alone (front matter `glightbox: false`)
    if not all(found):
        missing = [name for name, present in zip(("stylesheet link", "script", "start script"), found, strict=True) if not present]
        raise PluginError(f"lightbox: {where}: the glightbox plugin's {', '.join(missing)} not found: has its output changed?")
    start = START.search(html)
    options = json.loads(start["options"])
    holder = f'<script id="{OPTIONS_ID}" type="application/json">{json.dumps(options, separators=(",", ":"))}</script>'
    html = html[: start.start()] + holder + html[start.end() :]
    return SCRIPT.sub("", STYLESHEET.sub("", html, count=1), count=1)
