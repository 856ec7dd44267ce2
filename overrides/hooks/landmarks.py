"""Build hook: landmarks in Material's layout that axe-core accepts (rules `landmark-unique`, `region`).

- Each section's navigation (`<nav aria-labelledby="__nav_2_label">`) is named by the section's
  toggle, which with `navigation.indexes` holds only an icon: five navigation landmarks named ""
  that a screen reader cannot tell apart. Each is named by its own title instead (the
  `md-nav__title` label inside it, which holds the section's name).
- The page's tags (`<nav class="md-tags">`) get the name "Tags".
- The page-loading bar (`.md-progress`) sits outside every landmark. It only repeats what the
  browser shows while a page loads, so it is hidden from assistive technology.

The `<nav>` elements Material's script adds (code blocks' copy bar, search results' tags) are
handled in the browser: docs/assets/javascripts/study/landmarks.js.
"""

from __future__ import annotations

import re

SECTION_NAV = re.compile(
    r'(?P<open><nav class="md-nav" data-md-level="\d+" aria-labelledby=")(?P<id>__nav_[\d_]+)_label'
    r'(?P<rest>"[^>]*>\s*<label class="md-nav__title" for="(?P=id)")>'
)
PAGE_TAGS = '<nav class="md-tags">'
PROGRESS_BAR = re.compile(r'<div class="md-progress"(?![^>]*aria-hidden)(?P<attributes>[^>]*)>')


def name_landmarks(html: str) -> str:
    html = SECTION_NAV.sub(r'\g<open>\g<id>_title\g<rest> id="\g<id>_title">', html)
    html = html.replace(PAGE_TAGS, '<nav class="md-tags" aria-label="Tags">', 1)
    return PROGRESS_BAR.sub(r'<div class="md-progress"\g<attributes> aria-hidden="true">', html, count=1)


def on_post_page(output, *, page, config):
    return name_landmarks(output)
