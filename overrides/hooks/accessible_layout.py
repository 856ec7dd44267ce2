"""Build hook: accessible names and landmarks for Material's layout, in the built HTML.

axe-core and Lighthouse flag these on every page:
- the search dialog and the page-loading bar have no name (`aria-dialog-name`,
  `aria-progressbar-name`): each gets an `aria-label`;
- each section's navigation (`<nav aria-labelledby="__nav_2_label">`) is named by the section's
  toggle, which with `navigation.indexes` holds only an icon, so five navigation landmarks are
  named "" (`landmark-unique`): each is named by its own title (the `md-nav__title` label inside it);
- the page's tags (`<nav class="md-tags">`) get the name "Tags";
- the page-loading bar sits outside every landmark (`region`); it only repeats what the browser
  shows while a page loads, so it is hidden from assistive technology.

The `<nav>` elements Material's script adds (code blocks' copy bar, search results' tags) are
handled in the browser: docs/assets/javascripts/study/landmarks.js.
"""

from __future__ import annotations

import re

# Material's opening tags (partials/search.html, partials/progress.html) and the name each gets.
UNNAMED = {
    '<div class="md-search" data-md-component="search" role="dialog">': "Search",
    '<div class="md-progress" data-md-component="progress" role="progressbar">': "Loading the page",
}
SECTION_NAV = re.compile(
    r'(?P<open><nav class="md-nav" data-md-level="\d+" aria-labelledby=")(?P<id>__nav_[\d_]+)_label'
    r'(?P<rest>"[^>]*>\s*<label class="md-nav__title" for="(?P=id)")>'
)
PAGE_TAGS = '<nav class="md-tags">'
PROGRESS_BAR = re.compile(r'<div class="md-progress"(?![^>]*aria-hidden)(?P<attributes>[^>]*)>')


def add_accessible_names(html: str) -> str:
    for tag, name in UNNAMED.items():
        html = html.replace(tag, f'{tag[:-1]} aria-label="{name}">', 1)
    return html


def name_landmarks(html: str) -> str:
    html = SECTION_NAV.sub(r'\g<open>\g<id>_title\g<rest> id="\g<id>_title">', html)
    html = html.replace(PAGE_TAGS, '<nav class="md-tags" aria-label="Tags">', 1)
    return PROGRESS_BAR.sub(r'<div class="md-progress"\g<attributes> aria-hidden="true">', html, count=1)


def on_post_page(output, *, page, config):
    return name_landmarks(add_accessible_names(output))


def on_post_template(output_content, *, template_name, config):
    """The 404 page is built from a template, not a page: it gets the names only, as before."""
    if template_name.endswith(".html"):
        return add_accessible_names(output_content)
    return None
