"""Build hook: accessible names for two parts of Material's layout that ship without one.

Lighthouse and axe flag them on every page (`aria-dialog-name`, `aria-progressbar-name`):
a screen reader announces the search dialog and the page-loading bar with no name.
The hook adds an `aria-label` to each opening tag in the built HTML.
"""

from __future__ import annotations

# Material's opening tags (partials/search.html, partials/progress.html) and the name each gets.
UNNAMED = {
    '<div class="md-search" data-md-component="search" role="dialog">': "Search",
    '<div class="md-progress" data-md-component="progress" role="progressbar">': "Loading the page",
}


def add_accessible_names(html: str) -> str:
    for tag, name in UNNAMED.items():
        html = html.replace(tag, f'{tag[:-1]} aria-label="{name}">', 1)
    return html


def on_post_page(output, *, page, config):
    return add_accessible_names(output)


def on_post_template(output_content, *, template_name, config):
    """The 404 page is built from a template, not a page."""
    if template_name.endswith(".html"):
        return add_accessible_names(output_content)
    return None
