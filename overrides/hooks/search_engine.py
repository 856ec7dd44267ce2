"""Build hook: Material's search dialog, with Pagefind as its engine.

Why: Material's search downloads the whole index (`search/search_index.json`) on every first
page load and builds a Lunr index from it in a web worker. At 1,000 questions that is about 3 MiB
of gzip and seconds of indexing before the first result (README, "Performance"). Pagefind splits
its index into small files and a first search fetches only the few it needs.

What this hook does, on the built HTML and after the build:
- marks what Pagefind indexes: the article of the home page, the section pages and the question
  pages (`data-pagefind-body`), with each question's other phrasings (`alt_titles`) weighted as a
  title and the heading permalinks left out;
- points Material's search dialog at `assets/javascripts/search/worker.js`, a worker that answers
  Material's messages with Pagefind's results (the dialog, its keyboard handling and its markup
  are Material's own);
- answers Material's request for its index with the index's settings only (an inline script
  turns the request into a `data:` URL), when search is first opened: the first load of a page
  fetches no search index and no part of Pagefind;
- runs Pagefind on the built site (`pagefind/`).

Material's `search/search_index.json` is still written (the checker and the tests read it),
but no page loads it.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from guide_catalog import SECTIONS, is_question_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search_engine")

PAGEFIND_DIR = "pagefind"
WORKER = "assets/javascripts/search/worker.js"
ARTICLE = '<article class="md-content__inner md-typeset">'
# Material's worker in its configuration (`__config`), relative to the page.
MATERIAL_WORKER = re.compile(r'("search": ")(?P<base>[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
HEADERLINK = '<a class="headerlink"'
# The weight Pagefind gives an <h1> (its default ranking), for the other phrasings of the question.
TITLE_WEIGHT = 7
# Pagefind keeps them as the page's `alt_titles` metadata too: the worker ranks the page whose subject
# a query is first (docs/assets/javascripts/search/worker.js reads the same separator).
ALT_TITLES_META = "alt_titles"
ALT_TITLES_SEPARATOR = " | "

# Before Material's script: its request for the search index gets the index's settings instead,
# and is held until the reader points at search (the pointer over the search box or the header's
# search button: a mouse rests there before the click, so Pagefind loads while the reader aims),
# opens it (focuses the search box), or a page address asks for search (`?q=`) or highlighting
# (`?h=`). So the search worker is set up, and starts loading Pagefind, only when search is wanted:
# nothing of the search engine is part of a page's first load.
INDEX_REDIRECT = """<script>(() => {
  const settings = "data:application/json,%s"
  const held = []
  let opened = /[?&][qh]=/.test(location.search)
  const open = () => {
    opened = true
    held.splice(0).forEach(send => send())
  }
  document.addEventListener("focusin", event => event.target.matches?.(".md-search__input") && open())
  document.addEventListener("pointerover", event => !opened && event.target.closest?.(".md-search, label[for='__search']") && open())
  document.addEventListener("change", event => event.target.id === "__search" && event.target.checked && open())
  const { open: xhrOpen, send: xhrSend } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndex = /(^|\\/)search\\/search_index\\.json$/.test(String(url))
    return xhrOpen.call(this, method, this.searchIndex ? settings : url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.searchIndex || opened) return xhrSend.apply(this, body)
    held.push(() => xhrSend.apply(this, body))
  }
})()</script>"""


def is_indexed(src_uri: str) -> bool:
    """The home page, the section pages and the question pages; not the tags or progress pages."""
    return src_uri == "index.md" or src_uri.split("/")[0] in SECTIONS


def index_settings(config) -> dict:
    """What Material's dialog reads from its index besides the documents: the tokenizer's settings."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    options = search.config if search is not None else {}
    return {
        "config": {
            "lang": options.get("lang") or ["en"],
            "separator": options.get("separator") or r"[\s\-]+",
            "pipeline": options.get("pipeline") or [],
            "fields": {},
        },
        "docs": [],
    }


def redirect_index(html: str, config) -> str:
    settings = quote(json.dumps(index_settings(config), separators=(",", ":")), safe="")
    script = INDEX_REDIRECT % settings
    html = MATERIAL_WORKER.sub(lambda match: f'{match.group(1)}{match.group("base")}{WORKER}"', html, count=1)
    return html.replace("</head>", script + "</head>", 1)


def alt_titles_html(alt_titles: list[str]) -> str:
    """The other phrasings, for Pagefind only: hidden from readers, weighted as a title."""
    text = html_lib.escape(ALT_TITLES_SEPARATOR.join(alt_titles))
    return f'<div hidden data-pagefind-weight="{TITLE_WEIGHT}" data-pagefind-meta="{ALT_TITLES_META}">{text}</div>'


def mark_for_pagefind(html: str, alt_titles: list[str], kind: str) -> str:
    extra = alt_titles_html(alt_titles) if alt_titles else ""
    html = html.replace(ARTICLE, f'{ARTICLE[:-1]} data-pagefind-body data-pagefind-meta="kind:{kind}">{extra}', 1)
    return html.replace(HEADERLINK, f"{HEADERLINK} data-pagefind-ignore", -1)


def on_post_page(output, *, page, config):
    if is_indexed(page.file.src_uri):
        alt_titles = [str(title) for title in page.meta.get("alt_titles") or []]
        output = mark_for_pagefind(output, alt_titles, "question" if is_question_path(page.file.src_uri) else "overview")
    return redirect_index(output, config)


def on_post_template(output_content, *, template_name, config):
    """The 404 page has the search dialog too."""
    if template_name.endswith(".html") and "</head>" in output_content:
        return redirect_index(output_content, config)
    return None


# Last: every page is written and no other hook changes them after this.
@event_priority(-200)
def on_post_build(*, config):
    site_dir = Path(config.site_dir)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", PAGEFIND_DIR, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except FileNotFoundError as error:
        raise PluginError(f"search_engine: cannot run Pagefind ({error}): run `make setup`") from None
    if result.returncode != 0 or not (site_dir / PAGEFIND_DIR / "pagefind-entry.json").is_file():
        raise PluginError(f"search_engine: Pagefind failed on {site_dir}:\n{result.stdout}{result.stderr}".rstrip())
    entry = json.loads((site_dir / PAGEFIND_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language.get("page_count", 0) for language in entry.get("languages", {}).values())
    log.info(f"search_engine: Pagefind indexed {pages} pages")
